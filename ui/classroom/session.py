"""The server's rooms, and this session's place in them: the room it hosts, the room it joined.

One `MemoryRoomStore` serves every session of the server (it is bounded, thread-safe and
expiring). A session keeps only its keys to the store: the instructor's code and secret, or a
participant's code, token and nickname. Secrets never go into the address bar after they are read.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass

import streamlit as st

from core.classroom import ClassroomError, MemoryRoomStore, OpenedRoom, Reason, RoomStore, Why
from core.corpus import Problem
from core.limits import LimitExceeded
from ui.corpus_problems import problem_text
from ui.limits import limit_text
from ui.markup import plain
from ui.text import t

HOSTED = "classroom.hosted"  # OpenedRoom: the room this session runs as its instructor
JOINED = "classroom.joined"  # Membership: the room this session joined as a participant
LEFT = "classroom.left"  # Membership: the seat this session left, given back if it joins that room again
OWNER = "classroom.owner"  # this session's key as a room's opener: the store lets it hold one room
NOTICE = "classroom.notice"  # (kind, text, when): "success", "info" or "warning", shown for NOTICE_SECONDS
NOTICE_SECONDS = 10.0
ERROR = "classroom.error"  # (where, ClassroomError) of the last refused action, shown beside its form


@st.cache_resource(show_spinner=False)
def room_store() -> RoomStore:
    """The rooms of this server: one store shared by every session."""
    return MemoryRoomStore()


@dataclass(frozen=True)
class Membership:
    """A participant's seat: `token` submits runs under `nickname` (it stays in this session)."""

    code: str
    token: str
    nickname: str


def hosted() -> OpenedRoom | None:
    return st.session_state.get(HOSTED)


def joined() -> Membership | None:
    return st.session_state.get(JOINED)


def host(room: OpenedRoom) -> None:
    st.session_state[HOSTED] = room


def join(membership: Membership) -> None:
    st.session_state[JOINED] = membership


def forget_hosted() -> None:
    st.session_state.pop(HOSTED, None)


def forget_joined() -> None:
    st.session_state.pop(JOINED, None)


def leave() -> Membership | None:
    """Leave the joined room, keeping the seat's token in case this session joins that room again."""
    membership = st.session_state.pop(JOINED, None)
    if membership is not None:
        st.session_state[LEFT] = membership
    return membership


def seat_left_in(code: str) -> str | None:
    """The token of the seat this session left in room `code`, if it left one there."""
    left = st.session_state.get(LEFT)
    return left.token if left is not None and left.code == code else None


def owner() -> str:
    """This session's key as the opener of rooms (random, never shown)."""
    return st.session_state.setdefault(OWNER, secrets.token_urlsafe(16))


def notify(kind: str, text: str) -> None:
    st.session_state[NOTICE] = (kind, text, time.monotonic())


def show_notice() -> None:
    """The last action's outcome, for a few seconds.

    Not just once: a view that refreshes itself every few seconds may run again at once (a click
    and a scheduled refresh together), and a message shown by one run alone would flash by.
    """
    notice = st.session_state.get(NOTICE)
    if notice is None:
        return
    kind, text, when = notice
    if time.monotonic() - when > NOTICE_SECONDS:
        del st.session_state[NOTICE]
        return
    icons = {"success": ":material/check_circle:", "info": ":material/info:", "warning": ":material/warning:"}
    getattr(st, kind)(text, icon=icons[kind])


# ---------------------------------------------------------------- refusals


def _shown(values: Mapping[str, object]) -> dict[str, str]:
    """Values as formatted text shows them: numbers grouped in thousands, anything else escaped."""
    return {name: f"{value:,}" if isinstance(value, int) else plain(value) for name, value in values.items()}


def error_text(error: ClassroomError) -> str:
    """The refusal in the current language; its numbers filled in, grouped in thousands."""
    values = _shown({name: value for name, value in error.details.items() if name != "reason"})
    return t(f"classroom.error.{error.code}", **values)  # the reason is shown beneath (see `show_error`)


def reason_text(reason: Why) -> str:
    """Why a value was refused, in the current language, with any user text in it escaped."""
    if isinstance(reason, tuple):
        return " ".join(reason_text(item) for item in reason)
    if isinstance(reason, Problem):
        return problem_text(reason)  # as the classifier lists it under the corpus
    if isinstance(reason, LimitExceeded):
        return limit_text(reason)
    if isinstance(reason, Reason):
        return t(f"classroom.reason.{reason.code}", **_shown(reason.values))
    return plain(str(reason)[:300])  # another store's words


def refuse(where: str, error: ClassroomError) -> None:
    """Remember a refusal for the form `where`; it is shown there on the next run."""
    st.session_state[ERROR] = (where, error)


def show_error(where: str) -> None:
    """The refusal remembered for `where`, once, with its detail as plain text."""
    remembered = st.session_state.get(ERROR)
    if remembered is None or remembered[0] != where:
        return
    del st.session_state[ERROR]
    error = remembered[1]
    st.error(error_text(error), icon=":material/error:")
    reason = error.details.get("reason")
    if reason is not None:
        st.caption(t("failure.detail", detail=reason_text(reason)))
