"""Phones and tablets: at 390 and 768 px wide no page scrolls sideways and every chart fits.

The screenshots (artifacts/small-*.png) are for looking at: a page can pass these checks and
still read badly.
"""

from __future__ import annotations

import pytest

from tests.browser_flows import CLASSIFIER_TABS, open_page, open_tab, predict_spanish, train_tutorial
from tests.conftest import screenshot, wait_until_idle
from ui.pages import PAGES

pytestmark = pytest.mark.browser

WIDTHS = (390, 768)

# The page scrolls inside Streamlit's own scroll container, not the document: for the document and
# every scrolling ancestor of the main block, how far its content reaches past its width (0 when it
# fits); and every chart whose right edge is past the window.
OVERFLOW = """() => {
  const width = window.innerWidth;
  const scrollers = [document.documentElement, document.body];
  for (let e = document.querySelector('[data-testid="stMainBlockContainer"]'); e; e = e.parentElement) {
    if (['auto', 'scroll'].includes(getComputedStyle(e).overflowX)) scrollers.push(e);
  }
  const past = scrollers.map(e => `${e.dataset.testid || e.tagName}: ${e.scrollWidth - e.clientWidth}`)
    .filter(text => !text.endsWith(': 0'));
  const charts = [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')]
    .map(chart => chart.getBoundingClientRect())
    .filter(box => box.right > width + 1 || box.left < -1)
    .map(box => `${Math.round(box.left)}..${Math.round(box.right)}`);
  return {past, scrollers: scrollers.length, width, charts};
}"""
# The height of everything the page shows, in its scroll container (at least the window's).
CONTENT_HEIGHT = """() => Math.max(window.innerHeight,
  ...[...document.querySelectorAll('[data-testid="stMain"], [data-testid="stAppViewContainer"]')]
    .map(e => e.scrollHeight))"""
MAX_SHOT_HEIGHT = 12_000  # px; a screenshot taller than this is cut


@pytest.fixture(params=WIDTHS, ids=[f"{width}px" for width in WIDTHS])
def small_page(request, browser):
    width = request.param
    context = browser.new_context(
        viewport={"width": width, "height": 844 if width < 600 else 1024},
        device_scale_factor=2 if width < 600 else 1,
        is_mobile=width < 600,
        has_touch=True,
    )
    tab = context.new_page()
    tab.width = width
    yield tab
    context.close()


def whole_page_screenshot(page, name: str) -> None:
    """A screenshot of the whole page, not just the window: the window is made as tall as the content.

    Streamlit scrolls inside its own container, so a "full page" screenshot of the document is one
    window high.
    """
    window = page.viewport_size
    height = min(page.evaluate(CONTENT_HEIGHT), MAX_SHOT_HEIGHT)
    page.set_viewport_size({"width": window["width"], "height": height})
    wait_until_idle(page)
    screenshot(page, name)
    page.set_viewport_size(window)
    wait_until_idle(page)


def assert_fits(page, name: str) -> None:
    measured = page.evaluate(OVERFLOW)
    whole_page_screenshot(page, f"small-{name}")
    assert measured["scrollers"] >= 3, f"{name}: Streamlit's scroll container was not found ({measured})"
    assert not measured["past"], f"{name}: the page scrolls sideways ({measured})"
    assert not measured["charts"], f"{name}: charts wider than the window ({measured})"


@pytest.mark.parametrize("spec", PAGES, ids=[spec.url_path for spec in PAGES])
def test_no_page_scrolls_sideways(small_page, app_url, spec):
    lang = "zh" if small_page.width < 600 else "en"
    open_page(small_page, app_url, spec, lang)
    assert_fits(small_page, f"{spec.url_path}-{small_page.width}")


def test_the_classifier_tabs_stay_usable_on_a_phone(small_page, app_url):
    page, lang = small_page, "en"
    spec = next(spec for spec in PAGES if spec.url_path == "classifier")
    open_page(page, app_url, spec, lang)
    train_tutorial(page, lang)
    for tab in CLASSIFIER_TABS:
        open_tab(page, lang, tab)
        if tab == "predict":
            predict_spanish(page, lang)
        assert_fits(page, f"classifier-{tab}-{page.width}")
