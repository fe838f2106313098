"""Entry point: the router and the frame shared by every page."""

import streamlit as st

from ui.sidebar import render_sidebar
from ui.state import init_session
from ui.text import t

st.set_page_config(page_title="Building Blocks Lab", page_icon=":material/neurology:", layout="wide")
init_session()
# The sidebar comes first so that a language taken from the URL already titles the navigation.
render_sidebar()


def page(path: str, title_key: str, icon: str, url_path: str, default: bool = False) -> st.Page:
    return st.Page(path, title=t(title_key), icon=icon, url_path=url_path, default=default)


navigation = st.navigation(
    {
        t("nav.section.start"): [
            page("pages/home.py", "nav.home", ":material/home:", "home", default=True),
        ],
        t("nav.section.lessons"): [
            page("pages/affine_maps.py", "nav.affine", ":material/transform:", "affine-maps"),
            page("pages/nonlinearities.py", "nav.nonlinearities", ":material/show_chart:", "nonlinearities"),
            page("pages/softmax.py", "nav.softmax", ":material/percent:", "softmax"),
            page("pages/objectives.py", "nav.objectives", ":material/target:", "objectives"),
            page("pages/optimisation.py", "nav.optimisation", ":material/trending_down:", "optimisation"),
        ],
        t("nav.section.lab"): [
            page("pages/classifier.py", "nav.classifier", ":material/translate:", "classifier"),
            page("pages/replay.py", "nav.replay", ":material/replay:", "tutorial-replay"),
        ],
    }
)
navigation.run()
