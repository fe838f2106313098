"""Steps the accessibility browser tests share: open a page, answer its questions, train the classifier."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from i18n import translate
from tests.conftest import wait_until_idle
from ui.pages import HOME, PageSpec

LONG = 90_000  # ms: a ceiling for a busy machine, never a speed check
CLASSIFIER_TABS = ("corpus", "inspect", "train", "results", "heatmap", "predict", "compare", "export")


def address(app_url: str, spec: PageSpec, lang: str) -> str:
    # Streamlit serves the default page at "/" only.
    path = "" if spec is HOME else spec.url_path
    return f"{app_url}/{path}?lang={lang}"


def open_page(page, app_url: str, spec: PageSpec, lang: str) -> None:
    page.goto(address(app_url, spec, lang))
    wait_until_idle(page)
    main = page.locator('[data-testid="stMain"]')
    # Charts draw after the run has ended: wait until every chart has its SVG or canvas.
    charts = main.locator('[data-testid="stVegaLiteChart"]')
    for index in range(charts.count()):
        expect(charts.nth(index).locator("svg, canvas").first).to_be_attached(timeout=LONG)


def answer_open_questions(page) -> int:
    """Pick the first answer of every predict-then-reveal question still open; returns how many."""
    main = page.locator('[data-testid="stMain"]')
    alerts = main.locator('[data-testid="stAlert"]')
    answered = 0
    for group in main.locator('[data-testid="stRadio"] [role="radiogroup"]').all():
        if group.locator("input:checked").count():
            continue  # a setting with a default, not a question
        before = alerts.count()
        group.locator("label").first.click()
        answered += 1
        # The question is a fragment: its rerun leaves the script state alone, so wait for the verdict.
        expect(alerts).not_to_have_count(before, timeout=LONG)
    wait_until_idle(page)
    return answered


def train_tutorial(page, lang: str) -> None:
    """On the classifier page: open Train, press Train, wait for the 100 epochs of the tutorial."""
    main = page.locator('[data-testid="stMain"]')
    open_tab(page, lang, "train")
    main.get_by_role("button", name=translate("classifier.train.button", lang), exact=True).click()
    expect(main).to_contain_text(translate("classifier.train.done", lang, epochs=100), timeout=LONG)
    wait_until_idle(page)


def predict_spanish(page, lang: str) -> None:
    """On the classifier's Predict tab: type a Spanish sentence, press Enter, see SPANISH predicted."""
    box = page.get_by_label(translate("classifier.predict.sentence", lang))
    box.fill("Yo creo que si")
    box.press("Enter")
    expect(page.locator('[data-testid="stMain"] [data-testid="stMetricValue"]')).to_have_text("SPANISH", timeout=LONG)
    wait_until_idle(page)


def open_tab(page, lang: str, tab: str) -> None:
    handle = page.get_by_role("tab", name=translate(f"classifier.tab.{tab}", lang), exact=True)
    handle.click()
    expect(handle).to_have_attribute("aria-selected", "true")
    wait_until_idle(page)


def trained(lang: str) -> re.Pattern:
    """The "Trained for N epochs." notice for any N, in either plural form."""
    forms = {re.escape(translate("classifier.train.done", lang, epochs=n)).replace(str(n), r"\d+") for n in (1, 7)}
    return re.compile("|".join(sorted(forms)))
