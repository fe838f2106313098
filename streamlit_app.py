"""Entry point: the router and the frame shared by every page."""

import streamlit as st
import torch

from ui import presenter
from ui.pages import HOME, PAGES, SECTIONS, PageSpec
from ui.sidebar import render_sidebar
from ui.state import init_session
from ui.text import t

# The app's tensors are tiny and many sessions share a small container: one intra-op thread per
# computation avoids threads stalling each other (10x slower training was measured with two).
torch.set_num_threads(1)

init_session()
st.set_page_config(
    page_title="Building Blocks Lab",
    page_icon=":material/neurology:",
    layout="wide",
    initial_sidebar_state=presenter.sidebar_state(),
)
# The sidebar comes first so that a language taken from the URL already titles the navigation.
render_sidebar()
presenter.frame()


def alias(spec: PageSpec, path: str) -> st.Page:
    """A page hidden from the menu at `path` that opens `spec`'s page: an old or second address."""

    def open_page() -> None:
        st.switch_page(spec.path)

    return st.Page(open_page, title=t(spec.title_key), url_path=path, visibility="hidden")


# One group per section, in the order of ui.pages; the home page opens by default.
navigation = st.navigation(
    {
        t(f"nav.section.{section}"): [
            st.Page(spec.path, title=t(spec.title_key), icon=spec.icon, url_path=spec.url_path, default=spec is HOME)
            for spec in PAGES
            if spec.section == section
        ]
        + [alias(spec, path) for spec in PAGES if spec.section == section for path in spec.aliases]
        for section in SECTIONS
    }
)
navigation.run()
