"""Classroom: an instructor opens a room and watches its board; participants join, train and submit runs."""

import streamlit as st

from core.classroom import MAX_ENTRIES_PER_PARTICIPANT, MAX_PARTICIPANTS, ROOM_IDLE_SECONDS, UNUSED_ROOM_SECONDS
from ui.classroom import address, board, host, lobby, member, session
from ui.text import t

st.title(t("nav.classroom"))
st.markdown(t("classroom.intro"))
# An instructor's secret link makes this session the room's instructor (and leaves the address bar).
address.take_instructor_link()

room = session.hosted()
if room is not None:
    session.show_notice()
    host.render_join_panel(room)
    host.render_publish()
    board.render()
    host.render_close(room)
elif session.joined() is not None:
    member.render()  # its view refreshes itself, notices included
else:
    session.show_notice()
    lobby.render()
    st.caption(
        t(
            "classroom.limits",
            participants=MAX_PARTICIPANTS,
            runs=MAX_ENTRIES_PER_PARTICIPANT,
            hours=ROOM_IDLE_SECONDS // 3600,
            minutes=UNUSED_ROOM_SECONDS // 60,
        )
    )
