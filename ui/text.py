"""`t(key)`: a translated string in the language chosen in the sidebar."""

from __future__ import annotations

import streamlit as st

from i18n import DEFAULT_LANGUAGE, translate


def language() -> str:
    return st.session_state.get("lang", DEFAULT_LANGUAGE)


def t(key: str, **values: object) -> str:
    return translate(key, language(), **values)
