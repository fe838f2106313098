"""Links that open a view, in a real browser: the address bar follows the controls, and a copied
address opens the same view in another browser."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.conftest import screenshot, wait_until_idle

pytestmark = pytest.mark.browser

VIEWPORT = {"width": 1400, "height": 900}


def slider(tab, label: str):
    """The handle of the slider labelled `label`."""
    return tab.locator('[data-testid="stSlider"]', has_text=label).get_by_role("slider")


def test_a_slider_in_a_fragment_changes_the_address_and_the_address_opens_the_same_view(browser, app_url):
    teacher = browser.new_context(viewport=VIEWPORT)
    tab = teacher.new_page()
    tab.goto(f"{app_url}/softmax?lang=zh")
    wait_until_idle(tab)
    temperature = slider(tab, "温度 T")
    expect(temperature).to_have_value("1")
    temperature.focus()
    for _ in range(5):  # 1.0 -> 0.5, one step of 0.1 at a time; the slider is in an st.fragment
        tab.keyboard.press("ArrowLeft")
    expect(temperature).to_have_value("0.5")
    expect(tab).to_have_url(re.compile(r"/softmax\?lang=zh&temperature=0\.5$"))
    link = tab.url

    # A new browser context: no cookies, no session, nothing but the address.
    student = browser.new_context(viewport=VIEWPORT)
    other = student.new_page()
    other.goto(link)
    wait_until_idle(other)
    other.get_by_role("heading", name="Softmax 与概率").wait_for()
    expect(slider(other, "温度 T")).to_have_value("0.5")
    expect(other.locator('[data-testid="stMain"]')).to_contain_text("0.6495")  # the largest probability at T = 0.5
    expect(other).to_have_url(link)
    screenshot(other, "link-softmax-zh")
    student.close()
    teacher.close()


def test_the_language_stays_in_the_address_while_moving_around(page, app_url):
    page.goto(f"{app_url}/?lang=zh")
    wait_until_idle(page)
    page.get_by_role("heading", name="深度学习构建模块实验室").wait_for()
    navigation = page.locator('[data-testid="stSidebarNav"]')
    for label, heading, path in (
        ("目标函数", "目标函数", "objectives"),
        ("词袋分类器", "词袋分类器", "classifier"),
        ("教程重现", "教程重现", "tutorial-replay"),
    ):
        navigation.get_by_text(label, exact=True).click()
        page.get_by_role("heading", name=heading).first.wait_for()
        expect(page).to_have_url(re.compile(rf"/{path}\?lang=zh$"))
    # Back to English, the language's default, and it leaves the address.
    page.locator('[data-testid="stSidebar"]').get_by_role("radio", name="English").click()
    page.get_by_role("heading", name="Tutorial replay").wait_for()
    expect(page).to_have_url(re.compile(r"/tutorial-replay$"))


def test_the_copy_action_shows_the_address(page, app_url):
    page.goto(f"{app_url}/nonlinearities?depth=20&lang=zh")
    wait_until_idle(page)
    page.get_by_text("复制此视图的链接").click()
    code = page.locator('[data-testid="stPopoverBody"] [data-testid="stCode"]')
    expect(code).to_contain_text("/nonlinearities?lang=zh&depth=20")
    shown, address = urlsplit(code.inner_text().strip()), urlsplit(page.url)
    assert shown[:3] == address[:3] and parse_qs(shown.query) == parse_qs(address.query)
    screenshot(page, "link-copy-action")


def test_a_bad_value_gives_a_notice_and_the_default(page, app_url):
    page.goto(f"{app_url}/softmax?temperature=9&shift=500")
    wait_until_idle(page)
    notice = page.locator('[data-testid="stAlertContentWarning"]', has_text="set back to their defaults")
    expect(notice).to_contain_text("temperature")
    expect(slider(page, "Temperature T")).to_have_value("1")
    expect(page).to_have_url(re.compile(r"/softmax\?shift=500$"))
    screenshot(page, "link-bad-value")
