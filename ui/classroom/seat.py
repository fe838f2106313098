"""A participant's actions in their room: read what it shows, take its corpus and settings, submit a run.

Shared by the classroom page and the classifier. A room that has gone (closed, expired, or the
seat lost) ends the membership with a notice instead of an error on every later run.
"""

from __future__ import annotations

import streamlit as st

from core.classroom import ClassroomError, ParticipantView
from ui.classifier import state
from ui.classroom import bridge, session
from ui.markup import plain
from ui.text import t

SUBMITTED = "classroom.submitted"  # the classifier run last submitted, so one run is not sent twice
GONE = ("no_room", "not_participant")  # refusals after which the seat cannot be used again


def lost(error: ClassroomError) -> None:
    """The room or the seat is gone: leave it, and say why once."""
    session.forget_joined()
    session.notify("warning", session.error_text(error))


def view() -> ParticipantView | None:
    """What the joined room shows this participant now; None when not in a room (or no longer)."""
    membership = session.joined()
    if membership is None:
        return None
    try:
        return session.room_store().participant_view(membership.code, membership.token)
    except ClassroomError as error:
        if error.code in GONE:
            lost(error)
        else:
            session.refuse("seat", error)
        return None


def load_corpus(notify: bool = False) -> None:
    """Callback: the room's corpus, as it is now, into the classifier."""
    current = view()
    if current is None or current.publication.corpus is None:
        return
    bridge.load_corpus(current.publication)
    if notify:
        session.notify("success", t("classroom.corpus_loaded", rows=len(current.publication.corpus)))


def apply_settings(notify: bool = False) -> None:
    """Callback: the room's settings, as they are now, into the classifier's controls."""
    current = view()
    if current is None or not current.publication.settings:
        return
    bridge.apply_settings(current.publication.settings)
    if notify:
        session.notify("success", t("classroom.settings_applied"))


def submitted(run: state.Run | None) -> bool:
    return run is not None and st.session_state.get(SUBMITTED) is run


def submit() -> None:
    """Callback: the classifier's current run to the room, under this session's nickname."""
    membership, run = session.joined(), state.current_run()
    if membership is None or not bridge.can_submit(run) or submitted(run):
        return
    try:
        entry = session.room_store().submit(membership.code, membership.token, bridge.run_result(run))
    except ClassroomError as error:
        if error.code in GONE:
            lost(error)
        else:
            session.refuse("submit", error)
        return
    st.session_state[SUBMITTED] = run
    session.notify("success", t("classroom.submit.done", code=membership.code, nickname=plain(entry.nickname)))


def leave() -> None:
    """Callback: this session leaves its room; the runs it submitted stay on the board."""
    membership = session.leave()
    st.session_state.pop(SUBMITTED, None)
    if membership is not None:
        session.notify("info", t("classroom.left", code=membership.code))
