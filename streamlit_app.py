"""Entry point: the router and the frame shared by every page."""

import streamlit as st
import torch

from ui.pages import HOME, PAGES, SECTIONS
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


# One group per section, in the order of ui.pages; the home page opens by default.
navigation = st.navigation(
    {
        t(f"nav.section.{section}"): [
            st.Page(spec.path, title=t(spec.title_key), icon=spec.icon, url_path=spec.url_path, default=spec is HOME)
            for spec in PAGES
            if spec.section == section
        ]
        for section in SECTIONS
    }
)
navigation.run()
