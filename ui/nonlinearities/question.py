"""Predict, then reveal: the largest slope of the sigmoid."""

from __future__ import annotations

import streamlit as st

from ui.nonlinearities.settings import SETTINGS
from ui.quiz import predict_then_reveal
from ui.text import option_labels, t

OPTIONS = ["1", "0.5", "0.25"]


@st.fragment
def render() -> None:
    st.header(t("nonlin.quiz.title"))
    predict_then_reveal(
        t("nonlin.quiz.question"),
        OPTIONS,
        option_labels("nonlin.quiz.option", OPTIONS),
        correct="0.25",
        right=t("nonlin.quiz.right"),
        wrong=t("nonlin.quiz.wrong"),
        key=SETTINGS.key("quiz"),
    )
