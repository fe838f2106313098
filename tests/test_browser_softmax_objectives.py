"""The softmax and objectives pages in a real browser: they load, draw their charts, answer clicks."""

import pytest
from playwright.sync_api import expect

from tests.conftest import screenshot, wait_until_idle

expect.set_options(timeout=60_000)  # a loaded test machine can be slow; this is no speed check

pytestmark = pytest.mark.browser

TALL = {"width": 1400, "height": 4400}  # Streamlit scrolls inside its own container: show it all at once
NARROW = {"width": 420, "height": 6400}


def open_lesson(page, app_url: str, path: str, viewport: dict = TALL) -> None:
    page.set_viewport_size(viewport)
    page.goto(f"{app_url}/{path}")
    wait_until_idle(page)
    seed_label = "随机种子" if "lang=zh" in path else "Random seed"
    expect(page.locator('[data-testid="stSidebar"]')).to_contain_text(seed_label)
    # Altair charts are drawn by vega-embed after the script run ends.
    expect(page.locator(".vega-embed").first).to_be_visible(timeout=90_000)
    page.wait_for_timeout(1000)


def test_softmax_page_draws_and_reveals(page, app_url):
    open_lesson(page, app_url, "softmax")
    main = page.locator('[data-testid="stMain"]')
    page.get_by_role("heading", name="Softmax and probabilities").wait_for(timeout=90_000)
    expect(main).to_contain_text("0.4584")
    expect(main).to_contain_text("Broken: 5 of 5 results are nan.")
    expect(page.locator(".vega-embed")).to_have_count(4)
    page.get_by_text("Exactly the same probabilities as before").click()
    wait_until_idle(page)
    expect(main).to_contain_text("Right. Adding the same number c")
    screenshot(page, "softmax")


def test_objectives_page_draws_and_switches_pitfalls(page, app_url):
    open_lesson(page, app_url, "objectives")
    main = page.locator('[data-testid="stMain"]')
    page.get_by_role("heading", name="Objective functions").wait_for(timeout=90_000)
    expect(main).to_contain_text("0.0538")
    expect(page.locator(".vega-embed")).to_have_count(3)
    page.locator('[data-testid="stMain"] button', has_text="The wrong dim").click()
    wait_until_idle(page)
    expect(main).to_contain_text("dim=0 normalises each class over the examples")
    expect(main).to_contain_text("nn.NLLLoss()(F.log_softmax(scores, dim=0), target)")
    screenshot(page, "objectives")


@pytest.mark.parametrize(("path", "title"), [("softmax", "Softmax 与概率"), ("objectives", "目标函数")])
def test_chinese_pages(page, app_url, path, title):
    open_lesson(page, app_url, f"{path}?lang=zh")
    page.get_by_role("heading", name=title).first.wait_for(timeout=90_000)
    screenshot(page, f"{path}-zh")


@pytest.mark.parametrize("path", ["softmax", "objectives"])
def test_narrow_window(page, app_url, path):
    open_lesson(page, app_url, path, NARROW)
    screenshot(page, f"{path}-narrow")
