"""Objective functions: NLLLoss and CrossEntropyLoss, the cost of confidence, and a pitfalls lab."""

import streamlit as st

from ui.objectives import example, pitfalls, question
from ui.text import t

st.title(t("objectives.title"))
st.write(t("objectives.intro"))
st.latex(r"\mathrm{loss} = -\log p_{\text{target}} = -\log \operatorname{softmax}(x)_{\text{target}}")

question.render()
example.source()
example.losses()
pitfalls.render()
