"""Predict, then reveal: how large is the loss when the right class gets probability 0.01?"""

from __future__ import annotations

import streamlit as st

from core.objectives_lesson import quiz_numbers
from ui.objectives import SETTINGS
from ui.quiz import predict_then_reveal
from ui.text import option_labels, t

QUIZ = ["0_01", "0_99", "4_6", "100"]


@st.fragment
def render() -> None:
    st.header(t("objectives.quiz.header"))
    values = quiz_numbers()
    predict_then_reveal(
        t("objectives.quiz.question"),
        QUIZ,
        option_labels("objectives.quiz", QUIZ),
        correct="4_6",
        right=t("objectives.quiz.right", **values),
        wrong=t("objectives.quiz.wrong", **values),
        key=SETTINGS.key("quiz"),
        horizontal=True,
    )
