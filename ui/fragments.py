"""Named fragments: sections a widget elsewhere on the page can redraw without rerunning the page.

A page's shared settings (the softmax scores, the affine maps, the optimisation landscape) sit in
a fragment of their own; their widgets' callbacks rerun that fragment and the sections that use
the settings, by name, and nothing else: not the sidebar, the navigation or the other sections.

    @named("softmax.section.probabilities")
    def render() -> None: ...

    st.slider(..., on_change=rerun_shown, args=(["softmax.scores", "softmax.section.probabilities"],))

Streamlit refuses to rerun a name whose fragment is not on the page (the presenter view draws one
section of a page at a time), so each full run of the app records which named fragments it drew,
and `rerun_shown` asks for those only.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import ParamSpec, TypeVar

import streamlit as st
from streamlit.errors import StreamlitAPIException
from streamlit.runtime.scriptrunner import get_script_run_ctx

P = ParamSpec("P")
R = TypeVar("R")

DRAWN = "fragments.drawn"  # the names of the fragments the last full run drew


def page_run_started() -> None:
    """Called by the router before each full run of a page: no named fragment is drawn yet."""
    st.session_state[DRAWN] = set()


def named(key: str) -> Callable[[Callable[P, R]], Callable[P, R | None]]:
    """`@st.fragment(key=key)` that also records, when a full run draws it, that it is on the page."""

    def decorate(function: Callable[P, R]) -> Callable[P, R | None]:
        fragment = st.fragment(function, key=key)

        @functools.wraps(function)
        def draw(*args: P.args, **kwargs: P.kwargs) -> R | None:
            # Only a full run calls this wrapper: a fragment's own rerun calls the fragment directly.
            st.session_state.setdefault(DRAWN, set()).add(key)
            return fragment(*args, **kwargs)

        return draw

    return decorate


def rerun_shown(keys: Sequence[str]) -> None:
    """From a widget's callback: rerun, of the fragments named `keys`, those on the page.

    Only when the interaction would rerun a fragment: a full run of the app (the first one, a
    sidebar change, a test driving the app) redraws them all anyway, and asking for a keyed rerun
    there would replace it. When none of them is on the page, the widget's own fragment reruns
    alone, as without this call.
    """
    context = get_script_run_ctx()
    if context is None or not context.fragment_ids_this_run:
        return
    drawn = st.session_state.get(DRAWN, set())
    shown = [key for key in keys if key in drawn]
    if not shown:
        return
    try:
        st.rerun(shown)
    except StreamlitAPIException:  # a name Streamlit no longer holds: the default rerun stands
        return
