"""Affine maps: nn.Linear on a batch, a 2-D playground, and composition with and without a bend."""

import streamlit as st

from ui.affine_maps import compose, linear, plane, question
from ui.text import t

st.title(t("nav.affine"))
st.markdown(t("affine.intro"))

linear.render()
plane.render()
compose.render()
question.render()
