"""Rerun named fragments from a widget's callback, when some of them may not be on the page."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st
from streamlit.errors import StreamlitAPIException


def rerun_shown(keys: Sequence[str]) -> None:
    """Rerun the fragments named `keys` together, from an `on_change` callback.

    Streamlit refuses a name whose fragment was not drawn (the presenter view draws one section
    of a page), and then the widget's own fragment reruns alone, as without this call: the other
    sections are not on the screen to redraw.
    """
    try:
        st.rerun(list(keys))
    except StreamlitAPIException:
        return
