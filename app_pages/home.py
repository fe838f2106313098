"""Home: what the app is and a tour of its pages."""

import streamlit as st

from ui.text import t

st.title(t("home.title"))
st.markdown(t("home.subtitle"))
st.write(t("home.intro"))

st.subheader(t("home.tour"))
TOUR = [
    ("app_pages/affine_maps.py", "nav.affine", ":material/transform:", "home.card.affine"),
    ("app_pages/nonlinearities.py", "nav.nonlinearities", ":material/show_chart:", "home.card.nonlinearities"),
    ("app_pages/softmax.py", "nav.softmax", ":material/percent:", "home.card.softmax"),
    ("app_pages/objectives.py", "nav.objectives", ":material/target:", "home.card.objectives"),
    ("app_pages/optimisation.py", "nav.optimisation", ":material/trending_down:", "home.card.optimisation"),
    ("app_pages/classifier.py", "nav.classifier", ":material/translate:", "home.card.classifier"),
    ("app_pages/replay.py", "nav.replay", ":material/replay:", "home.card.replay"),
]
columns = st.columns(2)
for number, (path, title_key, icon, text_key) in enumerate(TOUR):
    with columns[number % 2].container(border=True):
        st.page_link(path, label=t(title_key), icon=icon)
        st.caption(t(text_key))

with st.expander(t("home.instructors"), icon=":material/co_present:"):
    st.write(t("home.instructors_text"))
