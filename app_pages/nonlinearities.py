"""Non-linearities: curves with autograd derivatives, vanishing gradients, and the tutorial's ReLU cell."""

import streamlit as st

from ui.nonlinearities import curves, question, relu_cell, vanishing
from ui.presenter import Section, introduction, lesson
from ui.text import t

st.title(t("nav.nonlinearities"))
introduction("nonlinearities", lambda: st.markdown(t("nonlin.intro")))

lesson(
    "nonlinearities",
    [
        Section(t("nonlin.curves.title"), t("presenter.points.nonlin.curves"), curves.render),
        Section(t("nonlin.vanish.title"), t("presenter.points.nonlin.vanishing"), vanishing.render),
        Section(t("nonlin.relu.title"), t("presenter.points.nonlin.relu"), relu_cell.render),
        Section(t("nonlin.quiz.title"), t("presenter.points.nonlin.question"), question.render),
    ],
)
