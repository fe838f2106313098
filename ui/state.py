"""Session defaults, listed in one place."""

from __future__ import annotations

import streamlit as st

from i18n import DEFAULT_LANGUAGE
from ui import presenter

DEFAULTS: dict[str, object] = {
    "lang": DEFAULT_LANGUAGE,
    "seed": 1,
    "device": "cpu",
}


def init_session() -> None:
    """Give every shared setting its default the first time a session runs (a link may then set them: ui.links)."""
    presenter.init()  # from the address too: a link with ?present=1 opens the presenter view
    for key, value in DEFAULTS.items():
        st.session_state.setdefault(key, value)


def seed() -> int:
    """The seed every page draws from: the sidebar owns it."""
    return int(st.session_state.get("seed", DEFAULTS["seed"]))


def device() -> str:
    """The device every page computes on: the sidebar owns it, and offers only devices this machine has."""
    return str(st.session_state.get("device", DEFAULTS["device"]))


def set_seed_and_device(new_seed: int, new_device: str) -> None:
    """Set the sidebar's seed and device (from a callback, before the sidebar is drawn)."""
    st.session_state["seed"] = int(new_seed)
    st.session_state["device"] = new_device
