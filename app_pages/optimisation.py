"""Optimisation: theta <- theta - lr * grad step by step, then a race of torch.optim's update rules."""

import streamlit as st

from ui.optimisation import landscape, manual, question, race
from ui.text import t

st.title(t("optimisation.title"))
st.write(t("optimisation.intro"))
st.latex(r"\theta \;\leftarrow\; \theta - \eta \, \nabla L(\theta)")

land = landscape.render()
manual.render(land)
race.render(land)
question.render()
