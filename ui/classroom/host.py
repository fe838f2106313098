"""The instructor's side of a room: how to join it (code, link, QR code), what to publish, closing it."""

from __future__ import annotations

import streamlit as st

from core.classroom import Challenge, ClassroomError, OpenedRoom, Publication
from core.qr import join_qr_svg
from ui.classifier import state
from ui.classroom import address, bridge, session, texts
from ui.text import t

PUBLISH_CORPUS = "classroom.publish.corpus"
PUBLISH_SETTINGS = "classroom.publish.settings"
PUBLISH_CHALLENGE = "classroom.publish.challenge"
TARGET = "classroom.challenge.target"  # percent
MAX_EPOCHS = "classroom.challenge.max_epochs"
CHALLENGE_EPOCHS_LIMIT = 2000  # the Train tab's own limit on epochs


def spaced(code: str) -> str:
    """A code read aloud in two halves: K7M 2QX (the space may be typed or not)."""
    half = len(code) // 2
    return f"{code[:half]} {code[half:]}"


def render_join_panel(room: OpenedRoom) -> None:
    link = address.join_link(room.code)
    with st.expander(t("classroom.host.join_title"), expanded=True, icon=":material/qr_code_2:"):
        words, picture = st.columns([3, 2], gap="large", vertical_alignment="center")
        with words:
            st.caption(t("classroom.host.code"))
            st.title(spaced(room.code), anchor=False)
            st.markdown(t("classroom.host.how_to_join"))
            st.code(link, language=None, wrap_lines=True)
            with st.expander(t("classroom.host.secret_title"), icon=":material/key:"):
                st.caption(t("classroom.host.secret_text"))
                st.code(address.instructor_link(room), language=None, wrap_lines=True)
        with picture:
            if address.is_absolute(link):
                st.image(join_qr_svg(link), width="stretch", caption=t("classroom.host.qr_caption"))
            else:
                st.caption(t("classroom.host.no_qr"))


def _publish() -> None:
    room = session.hosted()
    if room is None:
        return
    corpus = state.corpus_rows() if st.session_state.get(PUBLISH_CORPUS) else None
    settings = bridge.current_settings() if st.session_state.get(PUBLISH_SETTINGS) else None
    try:
        challenge = (
            Challenge(st.session_state[TARGET] / 100, int(st.session_state[MAX_EPOCHS]))
            if st.session_state.get(PUBLISH_CHALLENGE)
            else None
        )
        publication = session.room_store().publish(room.code, room.secret, corpus, settings, challenge)
    except ClassroomError as error:
        session.refuse("publish", error)
        return
    session.notify("success", t("classroom.publish.done", version=publication.version))


def publication_text(publication: Publication) -> str:
    """What the room shows now, in one line."""
    if publication.version == 0:
        return t("classroom.publish.nothing_yet")
    parts = []
    if publication.corpus is not None:
        parts.append(t("classroom.publish.has_corpus", rows=len(publication.corpus)))
    if publication.settings:
        parts.append(t("classroom.publish.has_settings"))
    if publication.challenge is not None:
        challenge = publication.challenge
        parts.append(
            t(
                "classroom.publish.has_challenge",
                target=f"{challenge.target_accuracy:.0%}",
                epochs=challenge.max_epochs,
            )
        )
    what = t("classroom.separator").join(parts) if parts else t("classroom.publish.empty")
    return t("classroom.publish.current", version=publication.version, what=what)


def render_publish() -> None:
    state.init_state()  # the classifier's corpus and settings, as that page would start them
    rows = state.corpus_rows()
    train = sum(row.split == "train" for row in rows)
    with st.expander(t("classroom.publish.title"), expanded=True, icon=":material/campaign:"):
        st.caption(t("classroom.publish.text"))
        st.page_link("app_pages/classifier.py", label=t("classroom.publish.edit"), icon=":material/edit:")
        st.checkbox(
            t("classroom.publish.corpus", rows=len(rows), train=train, test=len(rows) - train),
            key=PUBLISH_CORPUS,
            value=True,
            persist_state="session",
        )
        st.checkbox(
            t("classroom.publish.settings", settings=texts.settings_markup(bridge.current_settings())),
            key=PUBLISH_SETTINGS,
            value=True,
            persist_state="session",
        )
        challenge = st.toggle(
            t("classroom.publish.challenge"), key=PUBLISH_CHALLENGE, value=False, persist_state="session"
        )
        target, epochs = st.columns(2)
        target.slider(
            t("classroom.challenge.target"),
            50,
            100,
            90,
            step=5,
            format="%d%%",
            key=TARGET,
            disabled=not challenge,
            persist_state="session",
        )
        epochs.number_input(
            t("classroom.challenge.max_epochs"),
            min_value=1,
            max_value=CHALLENGE_EPOCHS_LIMIT,
            value=20,
            step=5,
            key=MAX_EPOCHS,
            disabled=not challenge,
            persist_state="session",
        )
        st.button(
            t("classroom.publish.button"),
            key="classroom.publish",
            type="primary",
            icon=":material/campaign:",
            on_click=_publish,
        )
        session.show_error("publish")


def _close() -> None:
    room = session.hosted()
    if room is None:
        return
    try:
        session.room_store().close_room(room.code, room.secret)
    except ClassroomError as error:
        if error.code != "no_room":  # closed or expired already: nothing left to delete
            session.refuse("close", error)
            return
    session.forget_hosted()
    session.notify("success", t("classroom.close.done", code=room.code))


def render_close(room: OpenedRoom) -> None:
    with st.popover(t("classroom.close.button"), icon=":material/delete_forever:"):
        st.warning(t("classroom.close.confirm_text", code=room.code), icon=":material/warning:")
        st.button(t("classroom.close.confirm"), key="classroom.close", type="primary", on_click=_close)
    session.show_error("close")
