"""The classifier's whole flow by keyboard alone: Tab, Enter, Space and the arrow keys, no mouse.

Load a ready-made corpus, train, open the weight heatmap, predict a sentence. Every control the
flow needs is reached by Tab in page order, and shows where the focus is.
"""

from __future__ import annotations

import tomllib

import pytest
from playwright.sync_api import expect

from i18n import translate
from tests.browser_flows import LONG, trained
from tests.conftest import ROOT, screenshot, wait_until_idle

pytestmark = pytest.mark.browser

# The light theme's primary colour as the browser writes it: rgb(r, g, b).
_HEX = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))["theme"]["light"][
    "primaryColor"
]
PRIMARY = "rgb({}, {}, {})".format(*(int(_HEX[i : i + 2], 16) for i in (1, 3, 5)))
# More Tab presses than the page has stops, twice over (a late rerun can send the focus back to the
# top once): a control never reached still fails the test.
MAX_PRESSES = 250

# The focused element's accessible name, as far as the flow needs it: its label, its text, its role.
FOCUSED = """(primary) => {
  const el = document.activeElement;
  if (!el || el === document.body) return {name: '', role: ''};
  const labelled = (el.getAttribute('aria-labelledby') || '').split(' ')
    .map(id => document.getElementById(id)?.innerText || '').join(' ');
  const label = el.labels && el.labels.length ? el.labels[0].innerText : '';
  // A button's text without its Material icon, whose ligature name is text too.
  const copy = el.cloneNode(true);
  copy.querySelectorAll('[data-testid="stIconMaterial"]').forEach(icon => icon.remove());
  const name = el.getAttribute('aria-label') || labelled || label || copy.textContent || '';
  // Focus shows as an outline or a shadow on the control, or as a border in the primary colour
  // on the control or the box around it (Streamlit's text inputs and selectboxes).
  let ring = false;
  for (let e = el, i = 0; e && i < 4; e = e.parentElement, i++) {
    const style = getComputedStyle(e);
    const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    ring = ring || outlined || style.boxShadow !== 'none' || style.borderTopColor === primary;
  }
  return {name: name.trim(), role: el.getAttribute('role') || el.tagName.toLowerCase(), ring};
}"""


def focused(page) -> dict:
    return page.evaluate(FOCUSED, PRIMARY)


def tab_to(page, name: str, role: str | None = None, key: str = "Tab") -> dict:
    """Press `key` until the focus is on the control called `name` (and of `role`); returns it."""
    stops = []
    for _ in range(MAX_PRESSES):
        page.keyboard.press(key)
        now = focused(page)
        if now["name"] == name and (role is None or now["role"] == role):
            page.wait_for_timeout(500)  # the focus border fades in
            return focused(page)
        stops.append(f"{now['role']}:{now['name'][:30]}")
    raise AssertionError(f"{key} never reached {name!r} ({role}); the first stops were {stops[:60]}")


def arrow_to_tab(page, name: str) -> None:
    """In the tab list, move with the right arrow until `name` is the focused tab, then open it.

    An Enter that lands while a rerun redraws the tab list can be lost (the tab keeps the focus but
    stays closed): Enter is pressed again, still by keyboard, until the tab is open.
    """
    tab = page.get_by_role("tab", name=name, exact=True)
    for _ in range(4):
        for _ in range(12):
            if focused(page)["name"] == name:
                break
            page.keyboard.press("ArrowRight")
        else:
            raise AssertionError(f"the arrow keys never reached the tab {name!r}")
        page.keyboard.press("Enter")
        try:
            expect(tab).to_have_attribute("aria-selected", "true", timeout=5_000)
            break
        except AssertionError:
            wait_until_idle(page)
    expect(tab).to_have_attribute("aria-selected", "true")
    wait_until_idle(page)


def back_to_tab(page, current: str, name: str) -> None:
    """From inside the open tab `current`: Shift+Tab up to the tab list, then the arrows to `name`.

    A rerun that ends while the arrows move (a finished training redraws its tab) can take the
    focus off the tab list; the walk then starts again from where the focus is, by keyboard still.
    """
    for _ in range(2):
        wait_until_idle(page)
        tab_to(page, current, role="tab", key="Shift+Tab")
        try:
            arrow_to_tab(page, name)
            return
        except AssertionError:
            continue
    tab_to(page, current, role="tab", key="Shift+Tab")
    arrow_to_tab(page, name)


def choose_by_keyboard(page, option: str) -> None:
    """In the focused selectbox: open the list with the down arrow, move to `option`, press Enter."""
    page.keyboard.press("ArrowDown")
    expect(page.get_by_role("option").first).to_be_visible()
    for _ in range(12):
        active = page.evaluate(
            "() => document.getElementById(document.activeElement.getAttribute('aria-activedescendant'))?.innerText"
        )
        if (active or "").strip() == option:
            page.keyboard.press("Enter")
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"the arrow keys never reached the option {option!r}")


def test_preset_train_heatmap_predict_by_keyboard_only(page, app_url):
    lang = "en"
    main = page.locator('[data-testid="stMain"]')
    page.goto(f"{app_url}/classifier?lang={lang}")
    wait_until_idle(page)
    tabs = [translate(f"classifier.tab.{name}", lang) for name in ("corpus", "train", "heatmap", "predict")]
    corpus_tab, train_tab, heatmap_tab, predict_tab = tabs
    without_ring = []

    # Pick the multilingual corpus in the selectbox with the arrow keys, then press "Load it".
    stop = tab_to(page, translate("classifier.corpus.preset", lang))
    without_ring += [] if stop["ring"] else [stop["name"]]
    preset = translate("classifier.preset.multilingual", lang)
    choose_by_keyboard(page, preset)
    expect(main.get_by_role("combobox", name=translate("classifier.corpus.preset", lang))).to_have_value(preset)
    stop = tab_to(page, translate("classifier.corpus.load", lang))
    without_ring += [] if stop["ring"] else [stop["name"]]
    page.keyboard.press("Enter")
    expect(main).to_contain_text(translate("classifier.corpus.loaded", lang, preset=preset), timeout=LONG)
    wait_until_idle(page)

    # Back up to the tab list, open Train, and press Train with the space bar.
    stop = tab_to(page, corpus_tab, role="tab", key="Shift+Tab")
    without_ring += [] if stop["ring"] else [stop["name"]]
    arrow_to_tab(page, train_tab)
    stop = tab_to(page, translate("classifier.train.button", lang), role="button")
    without_ring += [] if stop["ring"] else [stop["name"]]
    page.keyboard.press("Space")
    expect(main).to_contain_text(trained(lang), timeout=LONG)
    wait_until_idle(page)

    # The heatmap: back to the tab list and along it with the arrows.
    back_to_tab(page, train_tab, heatmap_tab)
    expect(main.locator('[data-testid="stVegaLiteChart"]')).to_have_count(1, timeout=LONG)
    screenshot(page, "keyboard-heatmap")

    # Predict: along the tabs, Tab into the sentence box, type, Enter.
    back_to_tab(page, heatmap_tab, predict_tab)
    stop = tab_to(page, translate("classifier.predict.sentence", lang))
    without_ring += [] if stop["ring"] else [stop["name"]]
    page.keyboard.type("the cat sleeps on the chair")
    page.keyboard.press("Enter")
    expect(main.locator('[data-testid="stMetricValue"]')).not_to_be_empty(timeout=LONG)
    expect(main).to_contain_text(translate("classifier.predict.words", lang))
    screenshot(page, "keyboard-predict")
    assert not without_ring, f"no visible focus on {without_ring}"


def test_a_question_is_answered_by_keyboard(page, app_url):
    """A predict-then-reveal question: Tab to its first answer, Space picks it, the verdict shows."""
    lang = "en"
    page.goto(f"{app_url}/affine-maps?lang={lang}")
    wait_until_idle(page)
    answer = translate("affine.quiz.option.anything", lang)
    stop = tab_to(page, answer)
    assert stop["ring"], f"no visible focus on {answer!r}"
    page.keyboard.press("Space")
    expect(page.get_by_role("radio", name=answer)).to_be_checked()
    expect(page.locator('[data-testid="stMain"] [data-testid="stAlert"]')).to_contain_text(
        translate("affine.quiz.wrong.anything", lang), timeout=LONG
    )
    # The arrow keys move to the next answer and pick it: the verdict follows.
    page.keyboard.press("ArrowDown")
    expect(page.locator('[data-testid="stMain"] [data-testid="stAlert"]')).to_contain_text(
        translate("affine.quiz.right", lang), timeout=LONG
    )
