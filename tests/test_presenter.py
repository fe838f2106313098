"""The presenter view under AppTest: one section a step, Back and Next, talking points, the address."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from i18n import translate
from tests.conftest import APP_TIMEOUT, ROOT, assert_clean, open_page
from ui.copy_link import KEY as COPY_LINK

CJK = re.compile(r"[\u4e00-\u9fff]")

# Each lesson page: the prefix of its talking points, and each section's id and title, in order.
LESSONS = {
    "app_pages/affine_maps.py": (
        "affine",
        [
            ("linear", "affine.linear.title"),
            ("plane", "affine.plane.title"),
            ("compose", "affine.compose.title"),
            ("question", "affine.quiz.title"),
        ],
    ),
    "app_pages/nonlinearities.py": (
        "nonlin",
        [
            ("curves", "nonlin.curves.title"),
            ("vanishing", "nonlin.vanish.title"),
            ("relu", "nonlin.relu.title"),
            ("question", "nonlin.quiz.title"),
        ],
    ),
    "app_pages/softmax.py": (
        "softmax",
        [
            ("probabilities", "softmax.scores.header"),
            ("question", "softmax.quiz.header"),
            ("stability", "softmax.shift.header"),
        ],
    ),
    "app_pages/objectives.py": (
        "objectives",
        [
            ("question", "objectives.quiz.header"),
            ("example", "objectives.example.header"),
            ("pitfalls", "objectives.pitfalls.header"),
        ],
    ),
    "app_pages/optimisation.py": (
        "optimisation",
        [
            ("manual", "optimisation.manual.header"),
            ("race", "optimisation.race.header"),
            ("question", "optimisation.quiz.header"),
        ],
    ),
}
# Headings drawn on every step by the settings the sections share (the softmax page's scores).
SHARED = {"softmax.scores.header"}
AFFINE = "app_pages/affine_maps.py"


def present(path: str | None, lang: str = "en", **address: str) -> AppTest:
    """The app opened from an address with `?present=1` (and `address`), switched to `path`."""
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=APP_TIMEOUT)
    at.session_state["lang"] = lang
    at.query_params["present"] = "1"
    for name, value in address.items():
        at.query_params[name] = value
    at.run()
    if path is not None:
        at.switch_page(path).run()
    assert_clean(at)
    return at


def switch_page(at: AppTest, path: str) -> None:
    """A page switch as in the browser, which drops the address's parameters no widget is bound to
    (AppTest's switch_page keeps them all)."""
    for name in ("present", "step"):
        at.query_params.pop(name, None)
    at.switch_page(path).run()


def step_text(at: AppTest) -> str:
    """The step bar's "2 / 4 · title"."""
    return next(m.value for m in at.markdown if re.match(r"\*\*(第 )?\d+ / \d+", m.value))


def popovers(at: AppTest) -> list:
    """The page's popovers, but the router's "Copy link to this view"."""
    return [popover for popover in at.get("popover") if not popover.proto.id.endswith(COPY_LINK)]


def talking_points(at: AppTest) -> str:
    (popover,) = popovers(at)
    return popover.children[0].value


def headings(at: AppTest) -> set[str]:
    return {h.value for h in [*at.header, *at.subheader]}


def drawn_sections(at: AppTest, path: str) -> list[str]:
    """The titles (catalog keys) of `path`'s sections on the page, apart from the shared settings."""
    shown = headings(at)
    return [title for _, title in LESSONS[path][1] if title not in SHARED and translate(title, "en") in shown]


def test_present_in_the_address_shows_the_first_section_with_its_step_bar():
    at = present(AFFINE)
    assert at.session_state["present"] is True
    assert [h.value for h in at.header] == [translate("affine.linear.title", "en")]
    assert step_text(at).startswith("**1 / 4**")
    assert at.button(key="presenter.back").disabled
    assert not at.button(key="presenter.next").disabled
    assert at.query_params["step"] == "1" and at.query_params["present"] == "1"
    assert at.markdown[0].value == translate("affine.intro", "en")  # the introduction opens the lesson


def test_next_and_back_move_one_section():
    at = present(AFFINE)
    at.button(key="presenter.next").click().run()
    assert [h.value for h in at.header] == [translate("affine.plane.title", "en")]
    assert step_text(at).startswith("**2 / 4**")
    assert at.query_params["step"] == "2"
    assert translate("affine.intro", "en") not in [m.value for m in at.markdown]  # with the first section only
    at.button(key="presenter.next").click().run()
    at.button(key="presenter.next").click().run()
    assert [h.value for h in at.header] == [translate("affine.quiz.title", "en")]
    assert at.button(key="presenter.next").disabled
    at.button(key="presenter.back").click().run()
    assert [h.value for h in at.header] == [translate("affine.compose.title", "en")]
    assert_clean(at)


@pytest.mark.parametrize(
    ("step", "expected"),
    [
        ("99", "affine.quiz.title"),
        ("0", "affine.linear.title"),
        ("-3", "affine.linear.title"),
        ("two", "affine.linear.title"),
    ],
)
def test_the_step_from_the_address_is_clamped(step, expected):
    at = present(AFFINE, step=step)
    assert [h.value for h in at.header] == [translate(expected, "en")]
    number = 4 if expected == "affine.quiz.title" else 1
    assert at.query_params["step"] == str(number)  # the address shows the step really shown


def test_the_step_kept_in_the_session_is_clamped_and_kept_per_page():
    at = present(AFFINE)
    at.session_state["presenter.step.affine"] = 12
    at.run()
    assert [h.value for h in at.header] == [translate("affine.quiz.title", "en")]
    assert at.session_state["presenter.step.affine"] == 3
    switch_page(at, "app_pages/softmax.py")
    assert step_text(at).startswith("**1 / 3**")  # another page starts at its own first section
    switch_page(at, AFFINE)
    assert step_text(at).startswith("**4 / 4**")
    assert at.query_params["step"] == "4"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_talking_points_in_both_languages(lang):
    at = present(AFFINE, lang=lang)
    points = talking_points(at)
    assert points == translate("presenter.points.affine.linear", lang)
    assert points.count("\n- ") in (1, 2)  # two or three points
    assert bool(CJK.search(points)) == (lang == "zh")
    at.button(key="presenter.next").click().run()
    assert talking_points(at) == translate("presenter.points.affine.plane", lang)


@pytest.mark.parametrize("path", list(LESSONS))
def test_every_section_of_every_lesson_runs_alone(path):
    prefix, sections = LESSONS[path]
    at = present(path)
    for number, (section, title) in enumerate(sections):
        assert step_text(at).startswith(f"**{number + 1} / {len(sections)}** · :gray[{translate(title, 'en')}]")
        assert drawn_sections(at, path) == ([] if title in SHARED else [title])
        assert talking_points(at) == translate(f"presenter.points.{prefix}.{section}", "en")
        if number < len(sections) - 1:
            at.button(key="presenter.next").click().run()
            assert_clean(at)
    assert at.button(key="presenter.next").disabled


@pytest.mark.parametrize("path", list(LESSONS))
def test_normal_view_is_unchanged_every_section_and_no_step_bar(path):
    at = open_page(path)
    assert_clean(at)
    assert at.session_state["present"] is False
    assert drawn_sections(at, path) == [title for _, title in LESSONS[path][1] if title not in SHARED]
    assert not popovers(at)
    assert "presenter.next" not in [button.key for button in at.button]
    assert not at.get("html")  # no presenter style
    assert "present" not in at.query_params and "step" not in at.query_params


def test_the_sidebar_toggle_turns_the_view_on_and_off_and_the_address_follows():
    at = open_page(AFFINE)
    assert len(at.header) == 4
    at.sidebar.toggle(key="present").set_value(True).run()
    assert len(at.header) == 1
    assert at.query_params["present"] == "1" and at.query_params["step"] == "1"
    assert at.sidebar.get("button_group")  # what to hide, offered in the presenter view only
    at.sidebar.toggle(key="present").set_value(False).run()
    assert len(at.header) == 4
    assert "present" not in at.query_params and "step" not in at.query_params
    assert_clean(at)


def test_larger_type_and_hidden_parts_are_styles_of_the_presenter_view():
    at = present(AFFINE)
    (style,) = at.get("html")
    assert "font-size" in style.proto.body and "display: none" not in style.proto.body
    at.session_state["presenter.hide"] = ["code", "controls"]
    at.run()
    (style,) = at.get("html")
    assert "code.language-python" in style.proto.body and "stSlider" in style.proto.body
    assert style.proto.body.count("display: none") == 2
    # Hidden by style only: the section's controls are still on the page and keep their values.
    assert at.slider(key="affine.in_features").value == 5


@pytest.mark.parametrize("path", ["app_pages/home.py", "app_pages/classifier.py", "app_pages/replay.py"])
def test_other_pages_only_enlarge_the_type(path):
    at = present(path)
    assert at.get("html")
    assert "presenter.next" not in [button.key for button in at.button]
    assert at.query_params["present"] == "1" and "step" not in at.query_params
