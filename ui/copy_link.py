"""The "Copy link to this view" action, at the top right of every page."""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from ui import links
from ui.pages import HOME, PageSpec
from ui.text import t

KEY = "links.copy"  # the popover's open state


def link(spec: PageSpec) -> str:
    """The full address of the page with its current settings (the ones away from their defaults)."""
    # st.context.url is the page's address without its query; outside a browser there is none.
    base = st.context.url or ("/" if spec is HOME else f"/{spec.url_path}")
    query = urlencode(links.wanted(links.carried(spec)), doseq=True)
    return f"{base}?{query}" if query else base


def render(spec: PageSpec) -> None:
    with st.container(horizontal=True, horizontal_alignment="right"):
        # Opening reruns the app, so the link shows the values of this moment, fragments' included.
        popover = st.popover(t("links.copy"), icon=":material/link:", type="tertiary", key=KEY, on_change="rerun")
    if not popover.open:
        return
    with popover:
        st.caption(t("links.copy_text"))
        st.code(link(spec), language=None, wrap_lines=True)
        for param in links.carried(spec):
            if param.untravelled_key and param.current() is None:
                st.caption(t(param.untravelled_key))
