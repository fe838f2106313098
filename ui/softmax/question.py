"""Predict, then reveal: what does adding 1000 to every score do to the probabilities?"""

from __future__ import annotations

import streamlit as st

from core import softmax_lesson
from ui.quiz import predict_then_reveal
from ui.softmax import SETTINGS, current_scores
from ui.text import option_labels, t

QUIZ = ["same", "nan", "uniform", "onehot"]


@st.cache_data(max_entries=64, show_spinner=False)
def _evidence(values: tuple[float, ...]) -> str:
    return softmax_lesson.quiz_evidence(values)


@st.fragment
def render() -> None:
    st.header(t("softmax.quiz.header"))
    answer = predict_then_reveal(
        t("softmax.quiz.question"),
        QUIZ,
        option_labels("softmax.quiz", QUIZ),
        correct="same",
        right=t("softmax.quiz.right"),
        wrong=t("softmax.quiz.wrong"),
        key=SETTINGS.key("quiz"),
    )
    if answer is not None:
        st.markdown(t("softmax.quiz.result", values=f"`{_evidence(current_scores())}`"))
