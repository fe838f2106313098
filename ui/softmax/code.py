"""The code for what is on screen, with the current values, and the hand-written log-softmax's source."""

from __future__ import annotations

import streamlit as st

from core import softmax_lesson
from ui.softmax import SETTINGS, current_scores
from ui.state import seed
from ui.text import t


@st.cache_data(max_entries=64, show_spinner=False)
def _code(
    source: str, values: tuple[float, ...], count: int, chosen_seed: int, temperature: float, shift: float, dtype: str
) -> str:
    lines = softmax_lesson.scores_code(source, values, count, chosen_seed)
    return softmax_lesson.page_code(lines, temperature, shift, dtype)


def render() -> None:
    """Drawn by the probabilities section's fragment, into the container the page keeps at its end."""
    settings = SETTINGS.read()
    st.header(t("softmax.code.header"))
    st.caption(t("softmax.code.caption"))
    code = _code(
        settings.source,
        current_scores(),
        settings.count,
        seed(),
        round(float(settings.temperature), 2),
        settings.shift,
        settings.dtype,
    )
    st.code(code, language="python")
    with st.expander(t("softmax.source_code"), icon=":material/code:"):
        st.caption(t("softmax.source_code_caption"))
        st.code(softmax_lesson.log_softmax_source(), language="python")
