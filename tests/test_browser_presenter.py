"""The presenter view in Chromium, at a projector's size: a lesson stepped through with the keyboard only."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.conftest import screenshot, wait_until_idle

pytestmark = pytest.mark.browser

PROJECTOR = {"width": 1920, "height": 1080}
AFFINE_SECTIONS = [
    "nn.Linear maps every row of a batch",
    "A 2-D playground",
    "Two affine maps in a row are one affine map",
    "Predict, then reveal",
]


def open_presenting(page, app_url: str, path: str) -> None:
    page.set_viewport_size(PROJECTOR)
    page.goto(f"{app_url}/{path}")
    wait_until_idle(page)
    expect(step_bar(page)).to_be_visible()


def step_bar(page):
    return page.locator(".st-key-presenter-bar")


def press_until(page, key: str, wanted: str) -> None:
    """Press `key` until the step bar shows `wanted`: a press while a rerun redraws the bar can be lost."""
    for _ in range(3):
        page.keyboard.press(key)
        try:
            expect(step_bar(page)).to_contain_text(wanted, timeout=10_000)
            return
        except AssertionError:
            wait_until_idle(page)
    expect(step_bar(page)).to_contain_text(wanted)


def overlaps(a: dict, b: dict) -> bool:
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


def assert_readable(page, heading) -> None:
    """Large type; the step bar's parts side by side within the screen, and above the section."""
    paragraph = page.locator(".st-key-presenter-section [data-testid='stMarkdownContainer'] p").first
    # The presenter's style arrives with the run's elements and may be applied a moment after them.
    paragraph.evaluate(
        "e => new Promise((done, fail) => { const until = Date.now() + 30000; (function check() {"
        " if (parseFloat(getComputedStyle(e).fontSize) >= 20) done();"
        " else if (Date.now() > until) fail(new Error('type stays small')); else setTimeout(check, 100); })(); })"
    )
    parts = [box for box in (part.bounding_box() for part in step_bar(page).locator(":scope > div").all()) if box]
    assert len(parts) == 4  # Back, "2 / 4" and the title, the talking points, Next
    for i, first in enumerate(parts):
        assert first["x"] >= 0 and first["x"] + first["width"] <= PROJECTOR["width"]
        assert not any(overlaps(first, second) for second in parts[i + 1 :])
    bar, title = step_bar(page).bounding_box(), heading.bounding_box()
    assert bar["y"] + bar["height"] <= title["y"]


def test_a_lesson_steps_through_with_the_keyboard_only(page, app_url):
    open_presenting(page, app_url, "affine-maps?present=1")
    expect(page.locator('[data-testid="stSidebar"]')).to_have_attribute("data-collapsed", "true")
    main = page.locator('[data-testid="stMain"]')
    for number, title in enumerate(AFFINE_SECTIONS, start=1):
        if number > 1:
            page.keyboard.press("PageDown")
        expect(step_bar(page)).to_contain_text(f"{number} / 4")
        heading = main.get_by_role("heading", name=title, exact=True)
        expect(heading).to_be_visible()
        wait_until_idle(page)
        # One section at a time: the others' headings are gone.
        for other in AFFINE_SECTIONS:
            if other != title:
                expect(main.get_by_role("heading", name=other, exact=True)).to_have_count(0)
        assert f"step={number}" in page.url and "present=1" in page.url
        assert_readable(page, heading)
        screenshot(page, f"presenter-affine-{number}")

    page.keyboard.press("PageDown")  # past the last section: Next is disabled, nothing moves
    page.wait_for_timeout(1500)
    expect(step_bar(page)).to_contain_text("4 / 4")
    for number in (3, 2, 1):
        page.keyboard.press("PageUp")
        expect(step_bar(page)).to_contain_text(f"{number} / 4")
        wait_until_idle(page)
    expect(main.get_by_role("heading", name=AFFINE_SECTIONS[0], exact=True)).to_be_visible()
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)


def test_talking_points_open_and_close_in_chinese(page, app_url):
    open_presenting(page, app_url, "softmax?present=1&lang=%E7%AE%80%E4%BD%93%E4%B8%AD%E6%96%87")
    expect(step_bar(page)).to_contain_text("第 1 / 3 部分")
    step_bar(page).get_by_role("button", name="讲解要点").click()
    points = page.locator('[data-testid="stPopoverBody"]')
    expect(points).to_contain_text("log_softmax 是它们的对数")
    screenshot(page, "presenter-softmax-points-zh")
    page.keyboard.press("Escape")
    expect(points).to_have_count(0)
    wait_until_idle(page)
    press_until(page, "PageDown", "第 2 / 3 部分")
    wait_until_idle(page)


def test_a_section_alone_reruns_alone_when_its_controls_change(page, app_url):
    """The playground's map and the softmax's float type normally redraw a second section too."""
    open_presenting(page, app_url, "affine-maps?present=1&step=2")
    expect(step_bar(page)).to_contain_text("2 / 4")
    first_entry = page.locator('[data-testid="stNumberInput"]').filter(has_text="A[0, 0]")
    expect(first_entry.locator("input")).to_have_value("0.866")
    first_entry.locator("button").last.click()  # its "+"
    expect(first_entry.locator("input")).not_to_have_value("0.866")
    page.wait_for_timeout(1500)
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)

    open_presenting(page, app_url, "softmax?present=1&step=3")
    expect(step_bar(page)).to_contain_text("3 / 3")
    page.get_by_role("radio", name="float64").click()
    expect(page.locator('[data-testid="stMain"]')).to_contain_text("709.78")
    page.wait_for_timeout(1500)
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)


def test_the_sidebar_toggle_and_hiding_code_and_controls(page, app_url):
    page.set_viewport_size(PROJECTOR)
    page.goto(f"{app_url}/nonlinearities")
    wait_until_idle(page)
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_text("Presenter view").click()
    expect(step_bar(page)).to_contain_text("1 / 4")
    expect(sidebar).to_have_attribute("data-collapsed", "true")
    wait_until_idle(page)
    assert "present=1" in page.url

    section = page.locator(".st-key-presenter-section")
    python_code = section.locator("[data-testid='stCode']:has(code.language-python)")
    expect(python_code.first).to_be_visible()
    expect(section.locator("[data-testid='stSlider']").first).to_be_visible()
    page.locator('[data-testid="stExpandSidebarButton"]').click()
    sidebar.get_by_role("button", name="Code").click()
    expect(python_code.first).to_be_hidden()
    expect(section.get_by_text("PyTorch code", exact=True).first).to_be_hidden()  # the code's label goes too
    wait_until_idle(page)
    sidebar.get_by_role("button", name="Controls").click()
    expect(section.locator("[data-testid='stSlider']").first).to_be_hidden()
    wait_until_idle(page)
    expect(step_bar(page).get_by_role("button", name="Next")).to_be_visible()  # the step bar stays
    screenshot(page, "presenter-nonlinearities-hidden")

    sidebar.get_by_text("Presenter view").click()
    expect(step_bar(page)).to_have_count(0)
    expect(page.get_by_role("heading", name="Vanishing gradients")).to_be_visible()
    wait_until_idle(page)
    assert "present" not in page.url and "step" not in page.url
    expect(python_code).to_have_count(0)  # the section container is the presenter view's only
