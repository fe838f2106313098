"""Predict, then reveal: how large may the learning rate be on the bowl before plain SGD runs away?

A fragment: answering reruns only this section. The bowl's κ comes from the landscape's setting,
whose slider reruns this section by name.
"""

from __future__ import annotations

import streamlit as st

from core.descent_summary import QUIZ_STEPS, QuizDemo, fmt, quiz_demo
from core.surfaces import bowl_max_stable_lr
from ui.fragments import named
from ui.optimisation.settings import QUESTION, SETTINGS
from ui.quiz import predict_then_reveal
from ui.text import t


@st.cache_data(show_spinner=False, max_entries=64)
def cached_demo(kappa: float) -> QuizDemo:
    return quiz_demo(kappa, QUIZ_STEPS)


def render() -> None:
    st.subheader(t("optimisation.quiz.header"))
    ask()


@named(QUESTION)
def ask() -> None:
    kappa = float(SETTINGS.read().kappa)
    limit = bowl_max_stable_lr(kappa)
    choices = {
        "a": t("optimisation.quiz.a", value=f"{limit:.4g}"),
        "b": t("optimisation.quiz.b", value=f"{limit / 2:.4g}"),
        "c": t("optimisation.quiz.c"),
        "d": t("optimisation.quiz.d"),
    }
    answer = predict_then_reveal(
        t("optimisation.quiz.question", kappa=f"{kappa:g}"),
        list(choices),
        choices.get,
        correct="a",
        right=t("optimisation.quiz.correct"),
        wrong=t("optimisation.quiz.wrong"),
        key=SETTINGS.key("quiz"),
    )
    if answer is None:
        return
    st.write(t("optimisation.quiz.explain", limit=f"{limit:.4g}"))
    demo = cached_demo(kappa)
    values = {
        "kappa": f"{kappa:g}",
        "steps": QUIZ_STEPS,
        "x": f"{demo.start[0]:g}",
        "y": f"{demo.start[1]:g}",
        "below": f"{demo.below:.4g}",
        "above": f"{demo.above:.4g}",
        "loss": fmt(demo.calm.final_loss),
    }
    if demo.wild.diverged:
        st.info(t("optimisation.quiz.demo", step=demo.wild.diverged_at, **values), icon=":material/science:")
    else:
        st.info(t("optimisation.quiz.demo_slow", high=fmt(demo.wild.final_loss), **values), icon=":material/science:")
