"""Key flows in a real browser: the app served by `streamlit run`, driven by Chromium."""

import pytest
from playwright.sync_api import expect

from tests.conftest import screenshot, wait_until_idle

pytestmark = pytest.mark.browser


def test_first_visit_to_a_deep_link_runs_the_router(page, fresh_app_url):
    # An instructor's link, opened first on a server that has just started: the page must come
    # with the router's sidebar and in the language the link asks for.
    page.goto(f"{fresh_app_url}/softmax?lang=zh")
    wait_until_idle(page)
    page.wait_for_timeout(1000)
    sidebar = page.locator('[data-testid="stSidebar"]')
    expect(sidebar).to_contain_text("随机种子")
    expect(sidebar).to_contain_text("教程重现")
    assert page.get_by_text("Page not found").count() == 0


def test_home_page_loads(page, app_url):
    page.goto(app_url)
    wait_until_idle(page)
    page.get_by_role("heading", name="Building Blocks Lab").wait_for()
    screenshot(page, "home")


def test_replay_page_shows_matching_numbers(page, app_url):
    page.goto(f"{app_url}/tutorial-replay")
    wait_until_idle(page)
    page.get_by_text("7 of 7 cells print the tutorial's numbers").wait_for()
    main = page.locator('[data-testid="stMain"]')
    expect(main).to_contain_text("[[0.1755, -0.3268, -0.5069]")
    expect(main).to_contain_text("[0.2803, -0.5605]")
    screenshot(page, "replay")


def test_language_from_the_address(page, app_url):
    page.goto(f"{app_url}/tutorial-replay?lang=zh")
    wait_until_idle(page)
    page.get_by_role("heading", name="教程重现").wait_for()
    screenshot(page, "replay-zh")


def test_home_has_an_address_of_its_own(page, app_url):
    # /home (the home page's alias, see ui/pages.py) opens Home, not a "Page not found" dialog.
    page.goto(f"{app_url}/home?lang=zh")
    wait_until_idle(page)
    page.get_by_role("heading", name="深度学习构建模块实验室").wait_for()
    page.wait_for_timeout(1000)
    assert page.get_by_text("Page not found").count() == 0
    assert page.locator('[role="dialog"]').count() == 0
    # The menu's Home link still leads to the app's root, and every lesson still opens by its path.
    page.goto(f"{app_url}/softmax")
    wait_until_idle(page)
    page.locator('[data-testid="stSidebarNav"]').get_by_text("Home", exact=True).click()
    page.get_by_role("heading", name="Building Blocks Lab").wait_for()
