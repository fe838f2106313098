"""Session defaults, listed in one place."""

from __future__ import annotations

import streamlit as st

DEFAULTS: dict[str, object] = {
    "lang": "en",
    "seed": 1,
    "device": "cpu",
}


def init_session() -> None:
    """Give every shared setting its default the first time a session runs."""
    for key, value in DEFAULTS.items():
        st.session_state.setdefault(key, value)


def seed() -> int:
    return int(st.session_state.get("seed", DEFAULTS["seed"]))


def device() -> str:
    return str(st.session_state.get("device", DEFAULTS["device"]))
