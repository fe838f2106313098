"""Entry point: the router and the frame shared by every page."""

import streamlit as st
import torch

from ui import copy_link, fragments, links, presenter
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
# A link's language and seed first, so that the sidebar and the navigation already use them.
links.load_shared()
render_sidebar()
presenter.frame()


def alias(spec: PageSpec, path: str) -> st.Page:
    """A page hidden from the menu at `path` that opens `spec`'s page: an old or second address."""

    def open_page() -> None:
        # The address's parameters go along, so a link to an old path keeps its settings.
        st.switch_page(spec.path, query_params=links.address())

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
# The page's own settings from a link, then back into the address once the page has drawn them.
page = next((spec for spec in PAGES if spec.url_path == navigation.url_path), HOME)
links.load_page(page)
if not presenter.presenting():  # the projector shows the lesson only
    copy_link.render(page)
links.notice()
fragments.page_run_started()
navigation.run()
links.finish(page)
