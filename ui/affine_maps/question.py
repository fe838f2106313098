"""Predict, then reveal: what a stack of nn.Linear layers with nothing between them can compute."""

from __future__ import annotations

import streamlit as st

from ui.affine_maps.settings import SETTINGS
from ui.quiz import predict_then_reveal
from ui.text import option_labels, t

OPTIONS = ["anything", "affine", "linear"]


@st.fragment
def render() -> None:
    st.header(t("affine.quiz.title"))
    predict_then_reveal(
        t("affine.quiz.question"),
        OPTIONS,
        option_labels("affine.quiz.option", OPTIONS),
        correct="affine",
        right=t("affine.quiz.right"),
        wrong=lambda answer: t(f"affine.quiz.wrong.{answer}"),
        key=SETTINGS.key("quiz"),
    )
