"""Hostile input in a real browser: no markup from user text, no broken session, a healthy server."""

from __future__ import annotations

import urllib.request

import pytest
from playwright.sync_api import expect

from core.corpus import Row
from core.corpus_csv import rows_to_csv
from core.limits import LIMITS
from tests.conftest import screenshot, wait_until_idle
from tests.hostile import HOSTILE_STRINGS, bad_weight_files, hostile_corpus_rows
from ui.markup import WORD_JOINER

pytestmark = pytest.mark.browser
LONG = 90_000  # ms: a ceiling for a busy machine, never a speed check

# Nodes that markup made from the hostile strings would create: links, images, emphasis, KaTeX.
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
    pwned: window.__pwned === undefined ? 0 : 1,
  };
}"""


# What each markdown block reads as, without the invisible word joiners that stop autolinks.
MARKDOWN_TEXTS = """() => [...document.querySelectorAll('[data-testid="stMain"] [data-testid="stMarkdownContainer"]')]
  .map((n) => n.innerText.replaceAll('\\u2060', ''))"""


def assert_nothing_injected(page) -> None:
    assert page.evaluate(INJECTED) == {"links": 0, "images": 0, "emphasis": 0, "katex": 0, "svgFromText": 0, "pwned": 0}


def shown_text(locator) -> str:
    """What a reader sees: the text without the invisible word joiners that stop autolinks."""
    return locator.inner_text().replace(WORD_JOINER, "")


def assert_healthy(app_url: str) -> None:
    with urllib.request.urlopen(f"{app_url}/_stcore/health", timeout=10) as response:
        assert response.status == 200


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


def test_hostile_corpus_and_sentences_render_as_plain_text(page, app_url, tmp_path):
    corpus = tmp_path / "hostile.csv"
    rows = [Row(row["text"], row["label"], row["split"]) for row in hostile_corpus_rows()]
    corpus.write_text(rows_to_csv(rows), encoding="utf-8")
    page.goto(f"{app_url}/classifier")
    wait_until_idle(page)
    main = page.locator('[data-testid="stMain"]')
    upload(page, corpus)
    expect(main).to_contain_text("Read 6 rows from the file.", timeout=LONG)
    train(page)
    for tab in ("Inside the model", "Results", "Weight heatmap", "Export"):
        open_tab(page, tab)
        assert_nothing_injected(page)
    open_tab(page, "Results")
    # The label is shown literally inside the formatted caption.
    caption = main.locator('[data-testid="stCaptionContainer"]', has_text="Log-probabilities in label order")
    expect(caption).to_have_count(1, timeout=LONG)
    assert "([pwn1](https://example.org), $\\href{https://example.org}{pwn7}$)" in shown_text(caption)
    screenshot(page, "hostile-results")

    open_tab(page, "Predict")
    box = page.get_by_label("Your sentence")
    for sentence in HOSTILE_STRINGS:
        box.fill(f"me gusta {sentence}")
        box.press("Enter")
        # Wait for this sentence's words (a fragment rerun), shown literally among the coloured words.
        first_word = sentence.split()[0]
        page.wait_for_function(f"({MARKDOWN_TEXTS})().some((text) => text.includes({first_word!r}))", timeout=LONG)
        wait_until_idle(page)
        assert_nothing_injected(page)
        label = shown_text(main.locator('[data-testid="stMetricValue"]')).strip()
        assert label in {"[pwn1](https://example.org)", "$\\href{https://example.org}{pwn7}$"}
        legend = main.locator('[data-testid="stCaptionContainer"]', has_text="pushes towards")
        assert f"pushes towards {label};" in shown_text(legend)
    screenshot(page, "hostile-predict")
    assert_healthy(app_url)


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


def test_uploads_over_the_limits_keep_the_corpus_and_the_server(page, app_url, tmp_path):
    page.goto(f"{app_url}/classifier")
    wait_until_idle(page)
    main = page.locator('[data-testid="stMain"]')
    expect(main).to_contain_text("6 rows: 4 for training, 2 for testing.", timeout=LONG)
    files = {
        "rows": [Row(f"s{i}", "X" if i % 2 else "Y") for i in range(LIMITS.rows + 1)],
        "words": [
            Row(" ".join(f"w{r}_{i}" for i in range(LIMITS.words_per_row)), "X" if r % 2 else "Y")
            for r in range(LIMITS.words // LIMITS.words_per_row + 1)
        ],
    }
    for name, rows in files.items():
        path = tmp_path / f"{name}.csv"
        path.write_text(rows_to_csv(rows), encoding="utf-8")
        assert path.stat().st_size < 5 * 1024 * 1024  # within the upload limit
        upload(page, path)
        expect(main).to_contain_text("The file was not loaded, and your corpus is unchanged", timeout=LONG)
        expect(main).to_contain_text(f"(the limit is {getattr(LIMITS, name):,})")
        expect(main).to_contain_text("6 rows: 4 for training, 2 for testing.")
        assert_healthy(app_url)
    screenshot(page, "hostile-limits")
    train(page)
