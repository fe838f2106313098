"""Softmax and probabilities: scores to a distribution, temperature, shift invariance and overflow."""

import streamlit as st

from ui.softmax import probabilities, question, scores, stability
from ui.text import t

st.title(t("softmax.title"))
st.write(t("softmax.intro"))
st.latex(r"\operatorname{softmax}(x)_i = \frac{\exp(x_i / T)}{\sum_j \exp(x_j / T)}")

scores.render()
sections, code_area = st.container(), st.container()
with sections:
    probabilities.render(code_area)
    question.render()
    stability.render()
