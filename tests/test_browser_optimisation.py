"""The optimisation page in a real browser: wide and narrow, English and Chinese."""

import time

import pytest
from playwright.sync_api import expect

from tests.conftest import ARTIFACTS, choose_option, wait_until_idle

pytestmark = pytest.mark.browser

CHARTS = '[data-testid="stVegaLiteChart"]'


def settle(tab) -> None:
    """Wait for the rerun a click started, then for the charts to be drawn."""
    time.sleep(1.5)
    wait_until_idle(tab)
    tab.wait_for_function(f"document.querySelectorAll('{CHARTS} canvas, {CHARTS} svg').length >= 3", timeout=60_000)


def open_optimisation(tab, app_url: str, query: str = "") -> None:
    tab.goto(f"{app_url}/optimisation{query}")
    wait_until_idle(tab)


def choose_surface(tab, label: str, wanted: str) -> None:
    choose_option(tab, label, wanted)
    settle(tab)


def whole_page(tab, name: str) -> None:
    """A screenshot of the whole page: the app scrolls inside its own frame, so make the window tall."""
    width = tab.viewport_size["width"]
    tab.set_viewport_size({"width": width, "height": 4600})
    time.sleep(2)
    ARTIFACTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_optimisation_page_draws_the_step_and_the_race(page, app_url):
    open_optimisation(page, app_url)
    page.get_by_role("heading", name="The race: update rules of torch.optim").wait_for()
    settle(page)
    expect(page.locator(CHARTS)).to_have_count(3)
    # The first hand-written step from (-2.5, 2) on the bowl with κ = 10: loss 23.125.
    expect(page.get_by_text("23.1250").first).to_be_visible(timeout=60_000)
    whole_page(page, "optimisation")


def test_optimisation_page_reports_a_runaway_on_rosenbrock(page, app_url):
    open_optimisation(page, app_url)
    page.get_by_role("heading", name="The race: update rules of torch.optim").wait_for()
    choose_surface(page, "Loss surface", "Rosenbrock's valley")
    # At η = 0.002 Nesterov overshoots the valley's steep wall and is stopped, not drawn.
    page.get_by_text("Nesterov ran away at step 4").wait_for()
    whole_page(page, "optimisation-rosenbrock")


def test_optimisation_page_in_chinese_in_a_narrow_window(page, app_url):
    page.set_viewport_size({"width": 480, "height": 900})
    open_optimisation(page, app_url, "?lang=zh")
    page.get_by_role("heading", name="比赛：torch.optim 中的更新规则").wait_for()
    choose_surface(page, "损失曲面", "教程中的分类器")
    page.get_by_text("起点：随机种子给出的初始权重").wait_for()
    whole_page(page, "optimisation-zh-narrow")


def kappa_slider(tab):
    return tab.locator('[data-testid="stSlider"]').filter(has_text="Condition number κ").locator('input[type="range"]')


def test_a_kappa_step_redraws_every_section_that_walks_the_landscape(page, app_url):
    """The landscape's controls rerun the sections by name: each one shows the new bowl."""
    open_optimisation(page, app_url)
    page.get_by_text("23.1250").first.wait_for()  # κ = 10: L(-2.5, 2) = (6.25 + 10·4) / 2
    kappa_slider(page).focus()
    page.keyboard.press("ArrowRight")
    # κ = 11: (6.25 + 11·4) / 2 = 25.125, in the step-by-step section and the race's table
    expect(page.get_by_text("25.1250").first).to_be_visible(timeout=60_000)
    expect(page.get_by_text("condition number κ = 11,")).to_be_visible()  # the question's text
    expect(page.get_by_text("23.1250")).to_have_count(0)
    assert "kappa=11" in page.url


def test_in_the_presenter_view_the_settings_redraw_the_section_on_screen(page, app_url):
    """One section is drawn: the landscape's controls rerun it alone, the others are not there."""
    open_optimisation(page, app_url, "?present=1&step=1")
    page.get_by_text("23.1250").first.wait_for()
    page.get_by_text("Settings for every section").click()
    kappa_slider(page).focus()
    page.keyboard.press("ArrowRight")
    expect(page.get_by_text("25.1250").first).to_be_visible(timeout=60_000)
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)


def test_two_equal_weights_say_why_and_the_sections_wait(page, app_url):
    open_optimisation(page, app_url)
    choose_surface(page, "Loss surface", "The tutorial's classifier")
    page.get_by_text("Start: the seeded initial weights").wait_for()
    # Both axes SPANISH: the second axis's word "it" becomes the first axis's "me".
    choose_option(page, "Word (column of A)", "me", index=1)
    expect(page.get_by_text("Choose two different weights")).to_be_visible(timeout=60_000)
    expect(page.get_by_text("Loss at θₖ")).to_have_count(0)  # the sections wait for a surface
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    choose_option(page, "Word (column of A)", "it", index=1)
    expect(page.get_by_text("Loss at θₖ").first).to_be_visible(timeout=60_000)
    expect(page.get_by_text("Choose two different weights")).to_have_count(0)
