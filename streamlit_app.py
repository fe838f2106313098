"""Entry point: the router and the frame shared by every page."""

import streamlit as st
import torch

from ui.sidebar import render_sidebar
from ui.state import init_session
from ui.text import t

# The app's tensors are tiny and many sessions share a small container: one intra-op thread per
# computation avoids threads stalling each other (10x slower training was measured with two).
torch.set_num_threads(1)

st.set_page_config(page_title="Building Blocks Lab", page_icon=":material/neurology:", layout="wide")
init_session()
# The sidebar comes first so that a language taken from the URL already titles the navigation.
render_sidebar()


def page(path: str, title_key: str, icon: str, url_path: str, default: bool = False) -> st.Page:
    return st.Page(path, title=t(title_key), icon=icon, url_path=url_path, default=default)


navigation = st.navigation(
    {
        t("nav.section.start"): [
            page("app_pages/home.py", "nav.home", ":material/home:", "home", default=True),
        ],
        t("nav.section.lessons"): [
            page("app_pages/affine_maps.py", "nav.affine", ":material/transform:", "affine-maps"),
            page("app_pages/nonlinearities.py", "nav.nonlinearities", ":material/show_chart:", "nonlinearities"),
            page("app_pages/softmax.py", "nav.softmax", ":material/percent:", "softmax"),
            page("app_pages/objectives.py", "nav.objectives", ":material/target:", "objectives"),
            page("app_pages/optimisation.py", "nav.optimisation", ":material/trending_down:", "optimisation"),
        ],
        t("nav.section.lab"): [
            page("app_pages/classifier.py", "nav.classifier", ":material/translate:", "classifier"),
            page("app_pages/replay.py", "nav.replay", ":material/replay:", "tutorial-replay"),
        ],
    }
)
navigation.run()
