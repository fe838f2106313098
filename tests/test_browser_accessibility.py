"""axe-core on every page, in English and Chinese, in the light and the dark theme.

The states that matter are audited too: each predict-then-reveal question after an answer, and
every tab of the classifier after training (the prediction with a sentence typed). The target is
no violation of impact serious or critical; see `tests/axe_audit.py` for the Streamlit-own rules.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.axe_audit import audit, blocking, chart_text_below_4_5, record, report
from tests.browser_flows import (
    CLASSIFIER_TABS,
    answer_open_questions,
    open_page,
    open_tab,
    predict_spanish,
    train_tutorial,
)
from tests.conftest import screenshot
from ui.pages import PAGES

pytestmark = pytest.mark.browser

# Every page in both languages in the light theme, and in the dark theme in English: contrast
# depends on the theme, the words on the language, and a full cross would double the time.
PAGE_STATES = (("en", "light"), ("zh", "light"), ("en", "dark"))
CLASSIFIER_STATES = (("en", "light"), ("zh", "dark"))


@pytest.fixture
def themed_page(browser):
    """Opens a desktop-sized tab whose system asks for the light or the dark theme; Streamlit follows it."""
    contexts = []

    def open_tab(scheme: str):
        contexts.append(browser.new_context(viewport={"width": 1400, "height": 900}, color_scheme=scheme))
        return contexts[-1].new_page()

    yield open_tab
    for context in contexts:
        context.close()


def assert_accessible(page, name: str, scheme: str) -> None:
    ours, streamlit_own = audit(page, scheme)
    record(name, ours, streamlit_own)
    found = blocking(ours)
    assert not found, f"{name}:\n{report(found)}"
    unreadable = chart_text_below_4_5(page)
    assert not unreadable, f"{name}: chart text below 4.5:1: {unreadable}"


@pytest.mark.parametrize(("lang", "scheme"), PAGE_STATES, ids=["-".join(state) for state in PAGE_STATES])
@pytest.mark.parametrize("spec", PAGES, ids=[spec.url_path for spec in PAGES])
def test_page_and_its_questions(themed_page, app_url, spec, lang, scheme):
    page = themed_page(scheme)
    name = f"{spec.url_path}-{lang}-{scheme}"
    open_page(page, app_url, spec, lang)
    assert_accessible(page, name, scheme)
    if answer_open_questions(page):
        assert_accessible(page, f"{name}-answered", scheme)
    screenshot(page, f"a11y-{name}")


@pytest.mark.parametrize(("lang", "scheme"), CLASSIFIER_STATES, ids=["-".join(state) for state in CLASSIFIER_STATES])
def test_classifier_after_training(themed_page, app_url, lang, scheme):
    page = themed_page(scheme)
    spec = next(spec for spec in PAGES if spec.url_path == "classifier")
    open_page(page, app_url, spec, lang)
    train_tutorial(page, lang)
    for tab in CLASSIFIER_TABS:
        open_tab(page, lang, tab)
        if tab == "predict":
            predict_spanish(page, lang)
        if tab == "train":
            answer_open_questions(page)
        name = f"classifier-{tab}-{lang}-{scheme}"
        screenshot(page, f"a11y-{name}")
        assert_accessible(page, name, scheme)


def test_the_menu_switches_between_the_light_and_the_dark_theme(themed_page, app_url):
    """An instructor whose laptop is light can still show the dark theme (and back) from the ⋮ menu."""
    page = themed_page("light")
    open_page(page, app_url, PAGES[0], "en")
    app = page.locator('[data-testid="stApp"]')
    for theme, background in (("Dark", "rgb(18, 20, 24)"), ("Light", "rgb(255, 255, 255)")):
        choice = page.get_by_test_id(f"stMainMenuItem-theme-{theme}")
        if not choice.is_visible():  # the menu stays open after a choice
            page.get_by_test_id("stMainMenuButton").click()
        choice.click()
        expect(app).to_have_css("background-color", background)
