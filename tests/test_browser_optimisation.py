"""The optimisation page in a real browser: wide and narrow, English and Chinese."""

import pytest

from tests.conftest import screenshot, wait_until_idle

pytestmark = pytest.mark.browser


def wait_for_charts(tab, count: int) -> None:
    tab.locator('[data-testid="stVegaLiteChart"]').first.wait_for()
    tab.wait_for_function(
        f'document.querySelectorAll(\'[data-testid="stVegaLiteChart"] canvas, '
        f'[data-testid="stVegaLiteChart"] svg.marks\').length >= {count}',
        timeout=60_000,
    )


def test_optimisation_page_draws_the_race(page, app_url):
    page.goto(f"{app_url}/optimisation")
    wait_until_idle(page)
    page.get_by_role("heading", name="The race: update rules of torch.optim").wait_for()
    wait_for_charts(page, 3)
    assert page.locator('[data-testid="stVegaLiteChart"]').count() == 3
    # The first hand-written step from (-2.5, 2) on the bowl with κ = 10: loss 23.125.
    assert page.get_by_text("23.1250").count() >= 1
    screenshot(page, "optimisation")


def test_optimisation_page_reports_a_runaway(page, app_url):
    page.goto(f"{app_url}/optimisation")
    wait_until_idle(page)
    page.get_by_text("Quadratic bowl").first.click()
    page.get_by_role("option", name="Rosenbrock's valley").click()
    wait_until_idle(page)
    page.get_by_text("ran away at step").first.wait_for()
    wait_for_charts(page, 3)
    screenshot(page, "optimisation-rosenbrock")


def test_optimisation_page_in_chinese_in_a_narrow_window(page, app_url):
    page.set_viewport_size({"width": 480, "height": 900})
    page.goto(f"{app_url}/optimisation?lang=zh")
    wait_until_idle(page)
    page.get_by_role("heading", name="比赛:torch.optim 中的更新规则").wait_for()
    wait_for_charts(page, 3)
    screenshot(page, "optimisation-zh-narrow")
