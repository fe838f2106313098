"""`t(key)`: a translated string in the language chosen in the sidebar."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import streamlit as st

from i18n import DEFAULT_LANGUAGE, translate


def language() -> str:
    return st.session_state.get("lang", DEFAULT_LANGUAGE)


def t(key: str, **values: object) -> str:
    return translate(key, language(), **values)


def option_labels(prefix: str, options: Iterable[str]) -> Callable[[str], str]:
    """A `format_func` for option keys, translated now (`{prefix}.{option}`).

    A lambda calling t() later would translate in whatever language is current then; outside
    a script run (AppTest reading a widget) that is none.
    """
    return {option: t(f"{prefix}.{option}") for option in options}.__getitem__
