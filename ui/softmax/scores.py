"""Where the scores come from: the tutorial's vector, a seeded random one, or numbers the learner types.

Not a fragment: every other section shows these scores, so changing them reruns the whole page.
"""

from __future__ import annotations

import streamlit as st

from core.softmax_lesson import SOURCES
from ui.markup import plain
from ui.softmax import DEFAULTS, SETTINGS, current_scores
from ui.text import option_labels, t


def render() -> tuple[float, ...]:
    """The header and the source controls; stops the page (after a translated error) for bad typed scores."""
    st.header(t("softmax.scores.header"))
    source_column, detail_column = st.columns([1, 1])
    with source_column:
        source = st.segmented_control(
            t("softmax.source"),
            list(SOURCES),
            format_func=option_labels("softmax.source", SOURCES),
            default=DEFAULTS.source,
            required=True,
            key=SETTINGS.key("source"),
            persist_state="session",
        )
    with detail_column:
        if source == "random":
            st.slider(
                t("softmax.count"),
                2,
                10,
                DEFAULTS.count,
                key=SETTINGS.key("count"),
                persist_state="session",
                help=t("softmax.count_help"),
            )
        elif source == "custom":
            st.text_input(
                t("softmax.custom"),
                DEFAULTS.custom,
                key=SETTINGS.key("custom"),
                persist_state="session",
                help=t("softmax.custom_help"),
            )
        else:
            st.caption(t("softmax.source.tutorial_note"))
    try:
        return current_scores()
    except ValueError as error:
        st.error(t("softmax.custom_error"), icon=":material/error:")
        st.caption(t("softmax.error_detail", detail=plain(error)))
        st.stop()
