"""Non-linearities: curves with autograd derivatives, vanishing gradients, and the tutorial's ReLU cell."""

import streamlit as st

from ui.nonlinearities import curves, question, relu_cell, vanishing
from ui.text import t

st.title(t("nav.nonlinearities"))
st.markdown(t("nonlin.intro"))

curves.render()
vanishing.render()
relu_cell.render()
question.render()
