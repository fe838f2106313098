"""Objective functions: NLLLoss and CrossEntropyLoss, the cost of confidence, and a pitfalls lab."""

import streamlit as st

from ui.objectives import example, pitfalls, question
from ui.presenter import Section, introduction, lesson
from ui.text import t

st.title(t("objectives.title"))


def intro() -> None:
    st.write(t("objectives.intro"))
    st.latex(r"\mathrm{loss} = -\log p_{\text{target}} = -\log \operatorname{softmax}(x)_{\text{target}}")


introduction("objectives", intro)


def one_example() -> None:
    example.source()
    example.losses()


lesson(
    "objectives",
    [
        Section(t("objectives.quiz.header"), t("presenter.points.objectives.question"), question.render),
        Section(t("objectives.example.header"), t("presenter.points.objectives.example"), one_example),
        Section(t("objectives.pitfalls.header"), t("presenter.points.objectives.pitfalls"), pitfalls.render),
    ],
)
