"""Session defaults, listed in one place."""

from __future__ import annotations

import streamlit as st

from i18n import DEFAULT_LANGUAGE, LANGUAGES

DEFAULTS: dict[str, object] = {
    "seed": 1,
    "device": "cpu",
}


def init_session() -> None:
    """Give every shared setting its default the first time a session runs."""
    if "lang" not in st.session_state:
        # The language widget is bound to the URL; start from the URL's choice so the two agree
        # from the very first run (a link with ?lang=zh opens in Chinese).
        # The binding writes the option's label (?lang=简体中文); a link may use the code (?lang=zh).
        by_name = {**{code: code for code in LANGUAGES}, **{name: code for code, name in LANGUAGES.items()}}
        st.session_state["lang"] = by_name.get(st.query_params.get("lang", ""), DEFAULT_LANGUAGE)
    for key, value in DEFAULTS.items():
        st.session_state.setdefault(key, value)


def seed() -> int:
    return int(st.session_state.get("seed", DEFAULTS["seed"]))


def device() -> str:
    return str(st.session_state.get("device", DEFAULTS["device"]))
