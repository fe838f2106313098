"""A room's links: the join link everyone gets, the instructor's secret link, and reading them back.

`?room=CODE` opens the classroom page with the code typed in; `?room=CODE&key=SECRET` reopens the
board in another tab or on another device. The secret is taken out of the address bar as soon as
it is read, so a projected browser window does not show it.
"""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from core.classroom import ClassroomError, OpenedRoom, normalize_code
from i18n import DEFAULT_LANGUAGE
from ui.classroom import session
from ui.pages import PAGES
from ui.text import language

ROOM = "room"
KEY = "key"
MAX_CODE_CHARS = 16  # what the code field takes: six characters, with room for spaces and dashes
PAGE = next(spec for spec in PAGES if spec.path == "app_pages/classroom.py")


def page_address() -> str:
    """This page's address as the browser shows it, without a query; a path alone outside a browser."""
    url = st.context.url
    if not url:
        return f"/{PAGE.url_path}"
    base = url.rstrip("/").removesuffix(f"/{PAGE.url_path}")
    return f"{base}/{PAGE.url_path}"


def _link(**query: str) -> str:
    if language() != DEFAULT_LANGUAGE:
        query["lang"] = language()  # participants open the room in the instructor's language
    return f"{page_address()}?{urlencode(query)}"


def join_link(code: str) -> str:
    return _link(**{ROOM: code})


def instructor_link(room: OpenedRoom) -> str:
    return _link(**{ROOM: room.code, KEY: room.secret})


def is_absolute(link: str) -> bool:
    """Whether a phone could open `link` (a path alone, outside a browser, could not)."""
    return link.startswith(("http://", "https://"))


def code_from_link() -> str:
    """The room code the address carries, as the code field shows it, or ''."""
    return normalize_code(st.query_params.get(ROOM, ""))[:MAX_CODE_CHARS]


def take_instructor_link() -> None:
    """An address holding a room's secret makes this session its instructor; a wrong secret is refused."""
    secret = st.query_params.get(KEY)
    if secret is None:
        return
    del st.query_params[KEY]
    code = code_from_link()
    try:
        board = session.room_store().board(code, secret)  # proves the secret
    except ClassroomError as error:
        session.refuse("link", error)
        return
    session.host(OpenedRoom(board.code, secret))
