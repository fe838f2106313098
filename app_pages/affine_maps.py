"""Affine maps: nn.Linear on a batch, a 2-D playground, and composition with and without a bend."""

import streamlit as st

from ui.affine_maps import compose, linear, plane, question
from ui.presenter import Section, introduction, lesson
from ui.text import t

st.title(t("nav.affine"))
introduction("affine", lambda: st.markdown(t("affine.intro")))

lesson(
    "affine",
    [
        Section(t("affine.linear.title"), t("presenter.points.affine.linear"), linear.render),
        Section(t("affine.plane.title"), t("presenter.points.affine.plane"), plane.render),
        Section(t("affine.compose.title"), t("presenter.points.affine.compose"), compose.render),
        Section(t("affine.quiz.title"), t("presenter.points.affine.question"), question.render),
    ],
)
