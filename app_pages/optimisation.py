"""Optimisation: theta <- theta - lr * grad step by step, then a race of torch.optim's update rules."""

import streamlit as st

from ui.optimisation import landscape, manual, question, race
from ui.presenter import Section, folded, introduction, lesson
from ui.text import t

st.title(t("optimisation.title"))


def intro() -> None:
    st.write(t("optimisation.intro"))
    st.latex(r"\theta \;\leftarrow\; \theta - \eta \, \nabla L(\theta)")


introduction("optimisation", intro)

with folded(t("presenter.settings")):  # every section walks this landscape
    landscape.render()
lesson(
    "optimisation",
    [
        Section(t("optimisation.manual.header"), t("presenter.points.optimisation.manual"), manual.render),
        Section(t("optimisation.race.header"), t("presenter.points.optimisation.race"), race.render),
        Section(t("optimisation.quiz.header"), t("presenter.points.optimisation.question"), question.render),
    ],
)
