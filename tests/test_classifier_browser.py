"""The classifier studio in a real browser: preset, train, heatmap and predict, in English and Chinese."""

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import choose_option, screenshot, wait_until_idle

pytestmark = pytest.mark.browser
LONG = 90_000  # ms: a ceiling for a busy machine, never a speed check


def open_classifier(page, app_url: str, query: str = "") -> None:
    page.goto(f"{app_url}/classifier{query}")
    wait_until_idle(page)


def open_tab(page, name: str) -> None:
    page.get_by_role("tab", name=name).click()
    wait_until_idle(page)


def test_preset_train_heatmap_predict(page, app_url):
    open_classifier(page, app_url)
    main = page.locator('[data-testid="stMain"]')
    page.get_by_role("heading", name="Bag-of-words classifier").wait_for(timeout=60_000)
    wait_until_idle(page)

    choose_option(page, "Ready-made corpus", "Tutorial (4 training and 2 test sentences)")
    page.get_by_role("button", name="Load it").click()
    wait_until_idle(page)
    expect(main).to_contain_text("Loaded the Tutorial (4 training and 2 test sentences) corpus.", timeout=LONG)
    expect(main).to_contain_text("6 rows: 4 for training, 2 for testing.")
    screenshot(page, "classifier-corpus")

    open_tab(page, "Train")
    page.get_by_role("button", name="Train", exact=True).click()
    wait_until_idle(page)
    expect(main).to_contain_text("Trained for 100 epochs.", timeout=LONG)
    screenshot(page, "classifier-train")

    open_tab(page, "Results")
    expect(main).to_contain_text("Test sentences before and after training", timeout=LONG)
    screenshot(page, "classifier-results")

    open_tab(page, "Weight heatmap")
    expect(main).to_contain_text("Showing 26 of 26 words.", timeout=LONG)
    expect(main.locator('[data-testid="stVegaLiteChart"]')).to_have_count(1, timeout=LONG)
    screenshot(page, "classifier-heatmap")

    open_tab(page, "Predict")
    box = page.get_by_label("Your sentence")
    box.fill("Yo creo que si, <b>amigo</b>")
    box.press("Enter")
    wait_until_idle(page)
    expect(main.locator('[data-testid="stMetricValue"]')).to_have_text("SPANISH", timeout=LONG)
    # The user's text is shown as text, never as HTML.
    expect(main).to_contain_text("<b>amigo</b>")
    assert main.locator("b", has_text="amigo").count() == 0
    screenshot(page, "classifier-predict")


def test_chinese_page_trains_and_draws_the_heatmap(page, app_url):
    open_classifier(page, app_url, "?lang=zh")
    main = page.locator('[data-testid="stMain"]')
    page.get_by_role("heading", name="词袋分类器").wait_for(timeout=60_000)
    wait_until_idle(page)
    open_tab(page, "训练")
    page.get_by_role("button", name="训练", exact=True).click()
    wait_until_idle(page)
    expect(main).to_contain_text("已训练 100 轮。", timeout=LONG)
    screenshot(page, "classifier-train-zh")
    open_tab(page, "权重热力图")
    expect(main.locator('[data-testid="stVegaLiteChart"]')).to_have_count(1, timeout=LONG)
    screenshot(page, "classifier-heatmap-zh")


def test_stop_keeps_the_epochs_done(page, app_url):
    open_classifier(page, app_url)
    main = page.locator('[data-testid="stMain"]')
    choose_option(page, "Ready-made corpus", "Multilingual (six languages)")
    page.get_by_role("button", name="Load it").click()
    wait_until_idle(page)
    open_tab(page, "Train")
    # A corpus this size gets quick settings; the tutorial's (100 epochs, one update per sentence) leave time to stop.
    expect(main).to_contain_text("Settings changed to fit this corpus.", timeout=LONG)
    page.get_by_role("button", name="Use the tutorial's settings").click()
    # Right after a click the page can still read "idle" from before: wait for the click's effect.
    expect(main).not_to_contain_text("Settings changed to fit this corpus.", timeout=LONG)
    expect(main).to_contain_text(re.compile(r"Estimated training time on this server: about \d+ s"), timeout=LONG)
    wait_until_idle(page)
    page.get_by_role("button", name="Train", exact=True).click()
    # A few epochs of the 100, then Stop.
    expect(main).to_contain_text(" of 100", timeout=LONG)
    main.get_by_role("button", name="Stop").click()
    expect(main).to_contain_text("Stopped after ", timeout=LONG)
    expect(main).to_contain_text(" of 100 epochs")
    screenshot(page, "classifier-stopped")
    # The stopped run is the one the other tabs show.
    open_tab(page, "Weight heatmap")
    expect(main.locator('[data-testid="stVegaLiteChart"]')).to_have_count(1, timeout=LONG)


def test_uploaded_corpus_survives_a_page_switch(page, app_url, tmp_path):
    corpus = tmp_path / "corpus.csv"
    corpus.write_text(
        "text,label,split\nhello there friend,EN,train\nhola amigo mio,ES,train\n"
        '"bonjour, mon ami",FR,train\nhello amigo,EN,test\n',
        encoding="utf-8",
    )
    open_classifier(page, app_url)
    main = page.locator('[data-testid="stMain"]')
    page.locator('[data-testid="stMain"] input[type="file"]').set_input_files(str(corpus))
    expect(main).to_contain_text("Read 4 rows from the file.", timeout=LONG)
    expect(main).to_contain_text("4 rows: 3 for training, 1 for testing.")
    # Away through the navigation (a page switch in the same session) and back again.
    page.locator('[data-testid="stSidebarNav"]').get_by_text("Softmax").click()
    page.get_by_role("heading", name="Softmax and probabilities").wait_for(timeout=LONG)
    page.locator('[data-testid="stSidebarNav"]').get_by_text("Bag-of-words classifier").click()
    wait_until_idle(page)
    expect(main).to_contain_text("4 rows: 3 for training, 1 for testing.", timeout=LONG)
    # The editor draws on a canvas; its accessible grid still holds the uploaded text.
    expect(main.get_by_text("bonjour, mon ami")).to_be_attached()
