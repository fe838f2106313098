"""The presenter view: a lesson on a projector, one section at a time, in larger type.

It is on when the address says `?present=1` or the sidebar's toggle is set. A lesson page lists
its sections, each with its title, the instructor's talking points and the function that draws it:

    lesson("softmax", [
        Section(t("softmax.quiz.header"), t("presenter.points.softmax.question"), question.render),
        ...
    ])

Outside the presenter view `lesson` draws every section in order, exactly as before. In it,
`lesson` draws only the current section under a step bar: Back, "2 / 3" and the title, the
talking points (a popover the presenter opens and closes) and Next. PageUp and PageDown press Back
and Next, as a presentation clicker does. The step is kept per page in the session and shown in
the address (`step=2`), so a reload opens the same step.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass

import streamlit as st

from ui.text import option_labels, t

PRESENT = "present"  # the session key of the toggle, and the address's parameter
STEP = "step"  # the address's parameter: the current section, from 1
HIDE = "presenter.hide"  # the session key of what the instructor hides on the projector
HIDEABLE = ("code", "controls")
SECTION_KEY = "presenter-section"  # the container of the current section: hiding applies inside it

# Streamlit sizes text in rem: a larger root font enlarges every text of the page at once. The
# page's top margin shrinks, as the projector's height is worth more than the header's space.
LARGER_TYPE = "html { font-size: 24px; } [data-testid='stMainBlockContainer'] { padding-top: 2.5rem; }"
# What "hide" removes from the screen. The widgets stay on the page (hidden, not dropped), so
# their values keep working. The quiz's radio is not a control here: the room answers it.
HIDDEN = {
    # A Python code block, the label just before it, an expander holding one, and any container
    # keyed "code-..." (the softmax page keeps its code section in one).
    "code": (
        f".st-key-{SECTION_KEY} [data-testid='stElementContainer']:has(code.language-python),"
        f".st-key-{SECTION_KEY} [data-testid='stElementContainer']:has(+ [data-testid='stElementContainer'] "
        "code.language-python),"
        f".st-key-{SECTION_KEY} [data-testid='stExpander']:has(code.language-python),"
        "[class*='st-key-code-'] { display: none; }"
    ),
    "controls": ", ".join(
        f".st-key-{SECTION_KEY} [data-testid='stElementContainer']:has([data-testid='{widget}'])"
        for widget in (
            "stSlider",
            "stNumberInput",
            "stSelectbox",
            "stMultiSelect",
            "stTextInput",
            "stCheckbox",
            "stButtonGroup",
        )
    )
    + " { display: none; }",
}


@dataclass(frozen=True)
class Section:
    """One section of a lesson: its title, the instructor's talking points (markdown), what draws it."""

    title: str
    points: str
    render: Callable[[], object]


def _from_address() -> bool:
    return st.query_params.get(PRESENT, "").lower() in ("1", "true", "yes", "on")


def init() -> None:
    """On a session's first run, take the presenter view from the address (`?present=1`)."""
    if PRESENT not in st.session_state:
        st.session_state[PRESENT] = _from_address()


def presenting() -> bool:
    return bool(st.session_state.get(PRESENT, False))


def sidebar_state() -> str:
    """The sidebar is collapsed in the presenter view: the projector shows the lesson only."""
    return "collapsed" if presenting() else "auto"


def controls() -> None:
    """The sidebar's toggle, and in the presenter view what to hide on the projector."""
    st.toggle(t("presenter.toggle"), key=PRESENT, help=t("presenter.toggle_help"))
    if presenting():
        st.pills(
            t("presenter.hide"),
            HIDEABLE,
            selection_mode="multi",
            format_func=option_labels("presenter.hide", HIDEABLE),
            key=HIDE,
            persist_state="session",
            help=t("presenter.hide_help"),
        )


def frame() -> None:
    """Larger type and the hidden controls in the presenter view, and `present=1` in the address.

    Switching pages drops the address's parameters that no widget is bound to, so the parameter
    is put back on every run rather than only when the toggle changes.
    """
    if not presenting():
        for name in (PRESENT, STEP):
            if name in st.query_params:
                del st.query_params[name]
        return
    if st.query_params.get(PRESENT) != "1":
        st.query_params[PRESENT] = "1"
    # Only the module's own CSS constants reach st.html: the hide choices are looked up, never inserted.
    rules = [LARGER_TYPE] + [HIDDEN[name] for name in st.session_state.get(HIDE) or () if name in HIDDEN]
    st.html("<style>" + "\n".join(rules) + "</style>")


def _step_key(page: str) -> str:
    return f"presenter.step.{page}"


def _step_from_address() -> int:
    """The address's step, counted from 0; the first for a missing or unreadable one."""
    try:
        return max(int(st.query_params.get(STEP, "1")) - 1, 0)
    except ValueError:
        return 0


def requested_step(page: str) -> int:
    """The step the session asks for on `page` (from 0), before it is fitted to the page's sections.

    A page's first visit in a session takes it from the address; after that the session's own
    value counts (the address follows it).
    """
    key = _step_key(page)
    if key not in st.session_state:
        st.session_state[key] = _step_from_address()
    return max(int(st.session_state[key]), 0)


def introduction(page: str, draw: Callable[[], object]) -> None:
    """The lesson's introduction: always, but in the presenter view with its first section only.

    It keeps its place on every step (an empty container after the first), so that the step bar
    below keeps its own: during a step's rerun the old bar would otherwise linger beside the new.
    """
    with st.container():
        if not presenting() or requested_step(page) == 0:
            draw()


def folded(label: str) -> AbstractContextManager:
    """A place for settings every section uses: folded into an expander in the presenter view."""
    return st.expander(label, icon=":material/tune:") if presenting() else st.container()


def _move(page: str, count: int, delta: int) -> None:
    key = _step_key(page)
    st.session_state[key] = min(max(requested_step(page) + delta, 0), count - 1)


def _step_bar(page: str, number: int, sections: Sequence[Section]) -> None:
    count = len(sections)
    with st.container(horizontal=True, vertical_alignment="center", key="presenter-bar"):
        st.button(
            t("presenter.back"),
            key="presenter.back",
            icon=":material/arrow_back:",
            shortcut="PageUp",
            disabled=number == 0,
            on_click=_move,
            args=(page, count, -1),
        )
        st.markdown(t("presenter.step", number=number + 1, count=count, title=sections[number].title))
        with st.popover(t("presenter.points"), icon=":material/record_voice_over:"):
            st.markdown(sections[number].points)
        st.button(
            t("presenter.next"),
            key="presenter.next",
            icon=":material/arrow_forward:",
            shortcut="PageDown",
            type="primary",
            disabled=number == count - 1,
            on_click=_move,
            args=(page, count, 1),
        )


def lesson(page: str, sections: Sequence[Section]) -> None:
    """Every section in order; in the presenter view only the current one, under its step bar."""
    if not presenting():
        for section in sections:
            section.render()
        return
    number = min(requested_step(page), len(sections) - 1)
    st.session_state[_step_key(page)] = number
    if st.query_params.get(STEP) != str(number + 1):
        st.query_params[STEP] = str(number + 1)
    _step_bar(page, number, sections)
    with st.container(key=SECTION_KEY):
        sections[number].render()
