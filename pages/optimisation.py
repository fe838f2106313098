"""Placeholder until its issue lands: says so, and points to the tutorial replay."""

import streamlit as st

from ui.text import t

st.title(t("nav.optimisation"))
st.info(t("common.coming_soon"), icon=":material/construction:")
st.page_link("pages/replay.py", label=t("nav.replay"), icon=":material/replay:")
