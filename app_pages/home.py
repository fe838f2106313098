"""Home: what the app is and a tour of its pages."""

import streamlit as st

from ui.pages import PAGES
from ui.text import t

st.title(t("home.title"))
st.markdown(t("home.subtitle"))
st.write(t("home.intro"))

st.subheader(t("home.tour"))
columns = st.columns(2)
for number, spec in enumerate(spec for spec in PAGES if spec.tour_key):
    with columns[number % 2].container(border=True):
        st.page_link(spec.path, label=t(spec.title_key), icon=spec.icon)
        st.caption(t(spec.tour_key))

with st.expander(t("home.instructors"), icon=":material/co_present:"):
    st.write(t("home.instructors_text"))
