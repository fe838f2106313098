"""Before a session is in a room: join one with a code and a nickname, or open one as its instructor."""

from __future__ import annotations

import streamlit as st

from core.classroom import MAX_NICKNAME_CHARS, ClassroomError, normalize_code
from ui.classroom import address, session
from ui.markup import plain
from ui.text import t

CODE = "classroom.join.code"
NICKNAME = "classroom.join.nickname"
LINK_SEEN = "classroom.join.link_seen"  # the code of the last link that filled the code field


def _join() -> None:
    code = st.session_state.get(CODE, "")
    seat = session.seat_left_in(normalize_code(code))  # back under the same nickname: the same seat
    try:
        participant = session.room_store().join(code, st.session_state.get(NICKNAME, ""), seat)
    except ClassroomError as error:
        session.refuse("join", error)  # the fields keep what was typed
        return
    session.join(session.Membership(normalize_code(code), participant.token, participant.nickname))
    session.notify("success", t("classroom.joined", code=normalize_code(code), nickname=plain(participant.nickname)))


def _open_room() -> None:
    try:
        room = session.room_store().open_room(owner=session.owner())
    except ClassroomError as error:
        session.refuse("open", error)
        return
    session.host(room)
    session.notify("success", t("classroom.opened", code=room.code))


def fill_code_from_link() -> None:
    """A join link types its code into the field: once per link, so the learner can still change it."""
    code = address.code_from_link()
    if code and (st.session_state.get(LINK_SEEN) != code or CODE not in st.session_state):
        st.session_state[LINK_SEEN] = code
        st.session_state[CODE] = code


def render_join() -> None:
    fill_code_from_link()
    with st.container(border=True):
        st.subheader(t("classroom.join.title"), anchor=False)
        st.caption(t("classroom.join.text"))
        with st.form("classroom.join", border=False, enter_to_submit=True):
            st.text_input(
                t("classroom.join.code"),
                key=CODE,
                max_chars=address.MAX_CODE_CHARS,
                placeholder="K7M2QX",
                autocomplete="off",
            )
            st.text_input(
                t("classroom.join.nickname"),
                key=NICKNAME,
                max_chars=MAX_NICKNAME_CHARS,
                help=t("classroom.join.nickname_help", limit=MAX_NICKNAME_CHARS),
                autocomplete="nickname",
            )
            st.form_submit_button(t("classroom.join.button"), type="primary", icon=":material/login:", on_click=_join)
        session.show_error("join")


def render_open() -> None:
    with st.container(border=True):
        st.subheader(t("classroom.open.title"), anchor=False)
        st.caption(t("classroom.open.text"))
        st.button(t("classroom.open.button"), key="classroom.open", icon=":material/add_circle:", on_click=_open_room)
        session.show_error("open")


def render() -> None:
    session.show_error("link")
    join, open_ = st.columns([3, 2], gap="large")
    with join:
        render_join()
    with open_:
        render_open()
