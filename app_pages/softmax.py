"""Softmax and probabilities: scores to a distribution, temperature, shift invariance and overflow."""

import streamlit as st

from ui.presenter import Section, folded, introduction, lesson
from ui.softmax import probabilities, question, scores, stability
from ui.text import t

st.title(t("softmax.title"))


def intro() -> None:
    st.write(t("softmax.intro"))
    st.latex(r"\operatorname{softmax}(x)_i = \frac{\exp(x_i / T)}{\sum_j \exp(x_j / T)}")


introduction("softmax", intro)

with folded(t("presenter.settings")):  # every section shows these scores
    scores.render()
# The probabilities section also draws the page's code, into the container kept at the end.
sections, code_area = st.container(), st.container(key="code-softmax")
with sections:
    lesson(
        "softmax",
        [
            Section(
                t("softmax.scores.header"),
                t("presenter.points.softmax.probabilities"),
                lambda: probabilities.render(code_area),
            ),
            Section(t("softmax.quiz.header"), t("presenter.points.softmax.question"), question.render),
            Section(t("softmax.shift.header"), t("presenter.points.softmax.stability"), stability.render),
        ],
    )
