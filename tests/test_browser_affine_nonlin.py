"""The affine-maps and non-linearities pages in a real browser, in English and Chinese."""

import pytest

from tests.conftest import screenshot, wait_until_idle

pytestmark = pytest.mark.browser


def test_affine_page_draws_its_charts(page, app_url):
    page.goto(f"{app_url}/affine-maps")
    wait_until_idle(page)
    page.get_by_role("heading", name="nn.Linear maps every row of a batch").wait_for()
    page.locator('[data-testid="stVegaLiteChart"]').first.wait_for()
    assert page.locator('[data-testid="stVegaLiteChart"]').count() >= 7
    assert page.get_by_text("0.1755").count() >= 1
    screenshot(page, "affine-maps")


def test_affine_page_in_chinese(page, app_url):
    page.goto(f"{app_url}/affine-maps?lang=zh")
    wait_until_idle(page)
    page.get_by_role("heading", name="二维实验场").wait_for()
    page.locator('[data-testid="stVegaLiteChart"]').first.wait_for()
    screenshot(page, "affine-maps-zh")
