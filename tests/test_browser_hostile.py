"""Hostile input in a real browser: no markup from user text, no broken session, a healthy server."""

from __future__ import annotations

import tomllib
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from core.corpus import Row
from core.corpus_csv import rows_to_csv
from core.dataset import prepare
from core.limits import LIMITS
from core.suggest import suggested_settings
from i18n import translate
from tests import browser_flows as flows
from tests.conftest import ROOT, screenshot, wait_until_idle
from tests.hostile import bad_weight_files, corpus_at_limit, hostile_corpus_rows, hostile_label_groups
from ui.markup import WORD_JOINER
from ui.pages import PAGES

pytestmark = pytest.mark.browser
LONG = 90_000  # ms: a ceiling for a busy machine, never a speed check
# Streamlit refuses a larger file before the app sees it (server.maxUploadSize, in MB).
UPLOAD_LIMIT_BYTES = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())["server"]["maxUploadSize"] * 2**20
SOFTMAX = next(spec for spec in PAGES if spec.url_path == "softmax")

# Nodes that markup made from the hostile strings would create, anywhere on the page: links,
# images, emphasis, KaTeX, scripts, and a flag a script would set.
INJECTED = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  // st.code blocks show code as code: their <code> nodes are not markup made from user text.
  const byText = (selector) => [...main.querySelectorAll(selector)]
    .filter((n) => n.textContent.includes('pwn') && !n.closest('[data-testid="stCode"]')).length;
  return {
    links: main.querySelectorAll('a[href*="example.org"]').length,
    images: main.querySelectorAll('img[src*="example.org"], img[src="x"]').length,
    emphasis: byText('strong, b, em, h1, h2, h3, del, code'),
    katex: main.querySelectorAll('.katex').length,
    svgFromText: byText('svg text.katex, span.katex'),
    scripts: main.querySelectorAll('script, iframe, object, embed').length,
    pwned: window.__pwned === undefined ? 0 : 1,
  };
}"""
NOTHING_INJECTED = {"links": 0, "images": 0, "emphasis": 0, "katex": 0, "svgFromText": 0, "scripts": 0, "pwned": 0}

# How many nodes markup can make (links, images, pictures, emphasis, headings, code, KaTeX) sit
# in each kind of element that shows user text, by kind: "caption a": 1. The page has a few of
# its own (inline code in its texts, the arrows of a metric's delta), so a hostile corpus must
# give exactly the counts a harmless corpus of the same shape gives.
MARKUP_IN_USER_TEXT = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const shown = {caption: 'stCaptionContainer', metric: 'stMetric', alert: 'stAlert', markdown: 'stMarkdown'};
  const counts = {};
  for (const [kind, id] of Object.entries(shown)) {
    for (const element of main.querySelectorAll(`[data-testid="${id}"]`)) {
      for (const node of element.querySelectorAll('a, img, svg, strong, b, em, i, del, h1, h2, h3, h4, code, .katex')) {
        const name = `${kind} ${node.tagName.toLowerCase()}${node.classList.contains('katex') ? '.katex' : ''}`;
        counts[name] = (counts[name] || 0) + 1;
      }
    }
  }
  return counts;
}"""

# True once the predicted label reads `label` (without the invisible word joiners).
PREDICTED = """(label) => {
  const value = document.querySelector('[data-testid="stMain"] [data-testid="stMetricValue"]');
  return value !== null && value.innerText.replaceAll('\u2060', '').trim() === label;
}"""

CLASSIFIER_TABS = ("Corpus", "Train", "Inside the model", "Results", "Weight heatmap", "Compare optimisers", "Export")
HARMLESS_LABELS = tuple(f"label{i} word{i}" for i in range(max(len(group) for group in hostile_label_groups())))


def assert_nothing_injected(page) -> None:
    assert page.evaluate(INJECTED) == NOTHING_INJECTED


def shown_text(locator) -> str:
    """What a reader sees: the text without the invisible word joiners that stop autolinks."""
    return locator.inner_text().replace(WORD_JOINER, "")


def assert_healthy(app_url: str) -> None:
    with urllib.request.urlopen(f"{app_url}/_stcore/health", timeout=10) as response:
        assert response.status == 200 and response.read() == b"ok"


def open_tab(page, name: str) -> None:
    page.get_by_role("tab", name=name).click()
    wait_until_idle(page)


def upload(page, path) -> None:
    page.locator('[data-testid="stMain"] input[type="file"]').set_input_files(str(path))
    wait_until_idle(page)


def train(page) -> None:
    open_tab(page, "Train")
    page.get_by_role("button", name="Train", exact=True).click()
    wait_until_idle(page)
    expect(page.locator('[data-testid="stMain"]')).to_contain_text("Trained for", timeout=LONG)


def walk_corpus(page, app_url: str, labels: tuple[str, ...], folder) -> dict[str, dict[str, int]]:
    """Upload the corpus of `labels`, train, open every tab and predict each label from its text.

    Checks on the way that each label is shown as it was typed and that the server stays
    healthy; returns the markup counts (MARKUP_IN_USER_TEXT) per tab and per prediction.
    """
    corpus = folder / "corpus.csv"
    rows = [Row(row["text"], row["label"], row["split"]) for row in hostile_corpus_rows(labels)]
    corpus.write_text(rows_to_csv(rows), encoding="utf-8")
    page.goto(f"{app_url}/classifier")
    wait_until_idle(page)
    main = page.locator('[data-testid="stMain"]')
    upload(page, corpus)
    expect(main).to_contain_text(f"Read {len(rows)} rows from the file.", timeout=LONG)
    assert_healthy(app_url)
    train(page)
    counts = {}
    for tab in CLASSIFIER_TABS:
        open_tab(page, tab)
        assert_nothing_injected(page)
        counts[tab] = page.evaluate(MARKUP_IN_USER_TEXT)
    open_tab(page, "Results")
    # The labels are shown literally inside the formatted caption.
    caption = main.locator('[data-testid="stCaptionContainer"]', has_text="Log-probabilities in label order")
    expect(caption).to_have_count(1, timeout=LONG)
    assert f"({', '.join(labels)})" in shown_text(caption)

    open_tab(page, "Predict")
    box = page.get_by_label("Your sentence")
    for label in labels:
        box.fill(f"me gusta {label}")
        box.press("Enter")
        # The prediction is a fragment rerun: wait until it shows this label, as typed.
        page.wait_for_function(PREDICTED, arg=label, timeout=LONG)
        wait_until_idle(page)
        assert_nothing_injected(page)
        legend = main.locator('[data-testid="stCaptionContainer"]', has_text="pushes towards")
        assert f"pushes towards {label};" in shown_text(legend)
        # Each word of the sentence is shown as typed among the coloured words, its sign beside it.
        words = shown_text(main.locator('[data-testid="stMarkdown"]', has_text="gusta ("))
        assert all(f"{word} (" in words for word in label.split()), words
        counts[f"predicted {label}"] = page.evaluate(MARKUP_IN_USER_TEXT)
        assert_healthy(app_url)
    return counts


@pytest.fixture(scope="module")
def harmless_markup(browser, app_url, tmp_path_factory):
    """The markup counts of a harmless corpus of the same shape: the page's own markup."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    try:
        counts = walk_corpus(context.new_page(), app_url, HARMLESS_LABELS, tmp_path_factory.mktemp("harmless"))
    finally:
        context.close()
    predicted = {name: value for name, value in counts.items() if name.startswith("predicted ")}
    assert len({str(value) for value in predicted.values()}) == 1, predicted  # one count for any label
    return {name: value for name, value in counts.items() if name in CLASSIFIER_TABS} | {
        "predicted": next(iter(predicted.values()))
    }


@pytest.mark.parametrize("group", range(len(hostile_label_groups())), ids=lambda group: f"labels{group}")
def test_hostile_labels_words_and_sentences_render_as_plain_text(page, app_url, tmp_path, harmless_markup, group):
    labels = hostile_label_groups()[group]
    counts = walk_corpus(page, app_url, labels, tmp_path)
    for name, found in counts.items():
        expected = harmless_markup["predicted" if name.startswith("predicted ") else name]
        assert found == expected, f"{name}: markup in user text {found}, with harmless text {expected}"
    screenshot(page, f"hostile-predict-{group}")
    open_tab(page, "Results")
    screenshot(page, f"hostile-results-{group}")


def test_bad_weight_files_leave_a_working_session(page, app_url, tmp_path):
    page.goto(f"{app_url}/classifier")
    wait_until_idle(page)
    main = page.locator('[data-testid="stMain"]')
    train(page)
    for kind, (data, _code) in bad_weight_files(2, 26, str(tmp_path / "marker")).items():
        path = tmp_path / f"{kind}.pt"
        path.write_bytes(data)
        open_tab(page, "Export")
        upload(page, path)
        expect(main.locator('[data-testid="stAlertContentError"]')).to_contain_text(
            f"“{kind}.pt” was not loaded", timeout=LONG
        )
        assert_healthy(app_url)
        # The next click works, with the run that was kept.
        open_tab(page, "Predict")
        box = page.get_by_label("Your sentence")
        box.fill(f"Yo creo que si {kind}")
        box.press("Enter")
        wait_until_idle(page)
        expect(main.locator('[data-testid="stMetricValue"]')).to_have_text("SPANISH", timeout=LONG)
    assert not (tmp_path / "marker").exists()
    screenshot(page, "hostile-weights")


def csv_file(folder, name: str, rows: list[Row]) -> Path:
    """`rows` as a CSV file the uploader accepts: under the server's upload limit."""
    path = folder / f"{name}.csv"
    path.write_text(rows_to_csv(rows), encoding="utf-8")
    assert path.stat().st_size < UPLOAD_LIMIT_BYTES  # else Streamlit refuses it before the app sees it
    return path


def test_uploads_over_the_limits_keep_the_corpus_and_the_server(page, app_url, tmp_path):
    page.goto(f"{app_url}/classifier")
    wait_until_idle(page)
    main = page.locator('[data-testid="stMain"]')
    expect(main).to_contain_text("6 rows: 4 for training, 2 for testing.", timeout=LONG)
    for name in ("rows", "words"):
        upload(page, csv_file(tmp_path, name, corpus_at_limit(name, extra=1)))
        expect(main).to_contain_text("The file was not loaded, and your corpus is unchanged", timeout=LONG)
        expect(main).to_contain_text(f"(the limit is {getattr(LIMITS, name):,})")
        expect(main).to_contain_text("6 rows: 4 for training, 2 for testing.")
        assert_healthy(app_url)
    screenshot(page, "hostile-limits")
    train(page)


def test_a_corpus_at_the_row_limit_trains_while_the_server_serves_others(page, browser, app_url, tmp_path):
    rows = corpus_at_limit("rows")
    data = prepare(rows)
    proposed = suggested_settings(len(data.train), len(data.vocab), len(data.labels), len(data.test))
    assert len(rows) == LIMITS.rows and proposed.reason_code != "tutorial_settings"
    page.goto(f"{app_url}/classifier")
    wait_until_idle(page)
    main = page.locator('[data-testid="stMain"]')
    upload(page, csv_file(tmp_path, "at_the_row_limit", rows))
    expect(main).to_contain_text(translate("classifier.corpus.uploaded", "en", count=len(rows)), timeout=LONG)
    assert_healthy(app_url)
    # The page has switched to the settings it proposes for a corpus this size; Train uses them.
    open_tab(page, "Train")
    expect(main).to_contain_text(translate("classifier.suggest.applied", "en"), timeout=LONG)
    page.get_by_role("button", name="Train", exact=True).click()
    # Meanwhile another participant opens a lesson page, on a context (a session) of their own.
    other = browser.new_context(viewport={"width": 1400, "height": 900})
    try:
        lesson = other.new_page()
        flows.open_page(lesson, app_url, SOFTMAX, "en")
        expect(lesson.locator('[data-testid="stMain"] h1').first).to_be_visible()
        assert_healthy(app_url)
        expect(main).to_contain_text(translate("classifier.train.done", "en", epochs=proposed.epochs), timeout=LONG)
        wait_until_idle(page)
        assert_healthy(app_url)
        # And after the run, the lesson page opens again for them.
        flows.open_page(lesson, app_url, SOFTMAX, "en")
        assert_healthy(app_url)
    finally:
        other.close()
    screenshot(page, "hostile-row-limit")
