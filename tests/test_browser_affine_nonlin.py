"""The affine-maps and non-linearities pages in a real browser: wide and narrow, English and Chinese."""

import pytest
from playwright.sync_api import expect

from tests.conftest import choose_option, screenshot, wait_until_idle

pytestmark = pytest.mark.browser


def open_path(page, app_url: str, path: str, width: int = 1400) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{app_url}/{path}")
    wait_until_idle(page)
    page.locator('[data-testid="stVegaLiteChart"]').first.wait_for()


def whole_page_screenshot(page, name: str) -> None:
    """A screenshot of the whole page: Streamlit scrolls inside its main area, not the window."""
    width = page.viewport_size["width"]
    for _ in range(2):  # the page grows once charts redraw at the new size, so measure twice
        height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
        page.set_viewport_size({"width": width, "height": min(height + 60, 14_000)})
        page.wait_for_timeout(1500)
    screenshot(page, name)


def test_affine_page_playground_and_composition(page, app_url):
    open_path(page, app_url, "affine-maps")
    page.get_by_role("heading", name="nn.Linear maps every row of a batch").wait_for()
    expect(page.locator('[data-testid="stVegaLiteChart"]')).to_have_count(7)
    expect(page.get_by_text("0.1755").first).to_be_visible(timeout=60_000)
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)

    choose_option(page, "Preset", "Reflection (mirror in the vertical axis)")
    page.get_by_text("-1.000").first.wait_for()
    choose_option(page, "Put a non-linearity between g and f", "ReLU")
    page.get_by_text("The grid bends, and no single affine map can follow it", exact=False).wait_for()
    page.get_by_role("radio", name="Only an affine map: the same as a single nn.Linear").check(force=True)
    wait_until_idle(page)
    page.get_by_text("Right. Each layer is affine", exact=False).wait_for()
    whole_page_screenshot(page, "affine-maps")


def test_affine_page_in_chinese_wide_and_narrow(page, app_url):
    open_path(page, app_url, "affine-maps?lang=zh")
    page.get_by_role("heading", name="二维实验场").wait_for()
    expect(page.locator('[data-testid="stVegaLiteChart"]')).to_have_count(7)
    whole_page_screenshot(page, "affine-maps-zh")
    page.set_viewport_size({"width": 480, "height": 900})
    whole_page_screenshot(page, "affine-maps-zh-narrow")


def test_nonlinearities_page(page, app_url):
    open_path(page, app_url, "nonlinearities")
    page.get_by_role("heading", name="Vanishing gradients").wait_for()
    expect(page.locator('[data-testid="stVegaLiteChart"]')).to_have_count(6)
    expect(page.get_by_text("2.1130").first).to_be_visible(timeout=60_000)  # the tutorial's ReLU cell
    page.get_by_role("radio", name="0.25, at x = 0").check(force=True)
    wait_until_idle(page)
    page.get_by_text("Right: σ′(x)", exact=False).wait_for()
    whole_page_screenshot(page, "nonlinearities")


def test_nonlinearities_page_in_chinese_in_a_narrow_window(page, app_url):
    open_path(page, app_url, "nonlinearities?lang=zh", width=480)
    page.get_by_role("heading", name="梯度消失").wait_for()
    whole_page_screenshot(page, "nonlinearities-zh-narrow")
