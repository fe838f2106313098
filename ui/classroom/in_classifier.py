"""The room inside the classifier, for a participant: its corpus beside the presets, and submitting a run.

Both draw nothing unless this session has joined a room.
"""

from __future__ import annotations

import streamlit as st

from ui.classifier import state
from ui.classroom import bridge, seat, session, texts
from ui.markup import plain
from ui.text import t


def render_room_corpus() -> None:
    """Beside the presets (Corpus tab): load the room's corpus, when the instructor has published one."""
    membership = session.joined()
    if membership is None:
        return
    current = seat.view()
    if current is None or current.publication.corpus is None:
        return
    st.button(
        t("classroom.classifier.load_corpus", code=membership.code),
        key="classroom.classifier.load_corpus",
        icon=":material/groups:",
        on_click=seat.load_corpus,
        help=t("classroom.classifier.load_corpus_help"),
    )


def render_room_panel() -> None:
    """Below a run's results (Train tab): the room's challenge, its settings, and submitting the run."""
    membership = session.joined()
    if membership is None:
        return
    current = seat.view()
    with st.container(border=True):
        st.markdown(
            "**" + t("classroom.classifier.room", code=membership.code, nickname=plain(membership.nickname)) + "**"
        )
        session.show_notice()
        session.show_error("submit")
        session.show_error("seat")
        if current is None:
            return
        publication = current.publication
        run = state.current_run()
        challenge = publication.challenge
        if challenge is not None:
            line = texts.challenge_text(challenge)
            if bridge.can_submit(run):
                last = run.result.history[-1]
                met = challenge.met_by(last.test_accuracy, run.result.epochs_done)
                line += " " + t("classroom.classifier.met" if met else "classroom.classifier.not_met")
            st.caption(line)
        submit, apply = st.columns(2)
        if publication.settings:
            apply.button(
                t("classroom.classifier.apply_settings"),
                key="classroom.classifier.apply_settings",
                icon=":material/tune:",
                on_click=seat.apply_settings,
                kwargs={"notify": True},
                help=texts.settings_markup(publication.settings),
                width="stretch",
            )
        if not bridge.can_submit(run):
            return
        if seat.submitted(run):
            submit.caption(t("classroom.classifier.submitted"))
        elif current.entries_left <= 0:
            submit.caption(t("classroom.classifier.no_entries_left"))
        else:
            submit.button(
                t("classroom.classifier.submit"),
                key="classroom.classifier.submit",
                type="primary",
                icon=":material/send:",
                on_click=seat.submit,
                help=t("classroom.classifier.submit_help"),
                width="stretch",
            )
