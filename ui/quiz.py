"""The "predict, then reveal" question every lesson ends or starts with."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st


def predict_then_reveal(
    question: str,
    options: list[str],
    format_func: Callable[[str], str],
    correct: str,
    right: str,
    wrong: str | Callable[[str], str],
    key: str,
    horizontal: bool = False,
) -> str | None:
    """Ask with no answer chosen; once the learner picks one, say whether it is right.

    Returns the answer (None until one is picked) so the page can add its evidence below.
    `wrong` may depend on the wrong answer chosen.
    """
    answer = st.radio(
        question,
        options,
        index=None,
        format_func=format_func,
        key=key,
        horizontal=horizontal,
        persist_state="session",
    )
    if answer == correct:
        st.success(right, icon=":material/check_circle:")
    elif answer is not None:
        st.error(wrong(answer) if callable(wrong) else wrong, icon=":material/cancel:")
    return answer
