"""Actions on user input that fail leave the session as it was, with a message instead of a traceback.

Uploads, edits, imports, trainings and predictions all run on what a user typed or uploaded.
Any error in one of them (a bug included) restores the session keys the action may touch,
so the corpus, the last run and the settings survive, and the next click works.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import streamlit as st

from ui.markup import plain
from ui.text import t

FAILURE = "app.failure"  # (action, detail) of the last failed action, shown once
logger = logging.getLogger(__name__)


@contextmanager
def keep_state_on_failure(action: str, keys: Iterable[str]) -> Iterator[None]:
    """Run the block; on any error put `keys` back as they were and remember the failure.

    Streamlit's own control flow (a rerun, a stop) derives from BaseException and passes through.
    """
    keys = tuple(keys)
    missing = object()
    before = {key: st.session_state.get(key, missing) for key in keys}
    try:
        yield
    except Exception as error:  # noqa: BLE001 - whatever failed, the session must stay usable
        logger.exception("action %r failed; session state restored", action)
        for key, value in before.items():
            if value is missing:
                st.session_state.pop(key, None)
            else:
                st.session_state[key] = value
        st.session_state[FAILURE] = (action, str(error) or type(error).__name__)


def show_failure() -> None:
    """The last failed action's message and its cause (as plain text), once."""
    failure = st.session_state.pop(FAILURE, None)
    if failure is None:
        return
    action, detail = failure
    st.error(t(f"failure.{action}"), icon=":material/error:")
    st.caption(t("failure.detail", detail=plain(detail[:300])))
