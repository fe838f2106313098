"""A lesson page's sliders in headless Chromium: open the page, find a slider by its label, move it.

A move is a key press on the slider's range input (arrows, Page Up/Down, Home, End, as a
keyboard user would), timed from the press to the last change of the page's main area, once
nothing has changed for QUIET_MS and the app's script is not running.
"""

from __future__ import annotations

from scripts.chromium import IDLE, QUIET_MS

LESSON_PAGES = ("affine-maps", "nonlinearities", "softmax", "objectives", "optimisation")
SLIDERS = '[data-testid="stMain"] [data-testid="stSlider"]'

# Records the time of every change to the page's main area (a fragment's rerun changes only its
# own part; the app's script state does not move for it), from the first call on.
WATCH = """() => {
  window.__changes = [];
  const main = document.querySelector('[data-testid="stMain"]');
  new MutationObserver(() => window.__changes.push(performance.now()))
    .observe(main, {attributes: true, childList: true, subtree: true, characterData: true});
}"""
# Milliseconds from `start` to the last change, once nothing has changed for QUIET_MS and the app's
# script is not running; null until then.
SETTLED = """([start, quiet]) => {
  const after = window.__changes.filter((time) => time >= start);
  const app = document.querySelector('[data-testid="stApp"]');
  if (!after.length || app.getAttribute('data-test-script-state') !== 'notRunning') return null;
  const last = after[after.length - 1];
  if (performance.now() - last < quiet) return null;
  return last - start;
}"""


def open_page(browser, base: str, path: str):
    """A new tab on `base/path`, once its first run has ended and its charts have had a moment to draw."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(f"{base}/{path}")
    page.wait_for_selector("h1", timeout=120_000)
    page.wait_for_selector(IDLE, timeout=120_000)
    page.wait_for_timeout(1_000)  # charts draw after the run has ended
    return page


def labels_on(page) -> list[str]:
    """The labels of the page's sliders, in page order."""
    return [label.strip() for label in page.locator(f"{SLIDERS} [data-testid='stWidgetLabel']").all_inner_texts()]


def wait_for_labels(page, seconds: float = 10.0) -> list[str]:
    """The labels of the page's sliders once it shows one (sections drawn by fragments come last); [] if none."""
    labels = labels_on(page)
    for _ in range(int(seconds * 4)):
        if labels:
            break
        page.wait_for_timeout(250)
        labels = labels_on(page)
    return labels


def find_slider(page, label: str):
    """The range input of the slider labelled `label`, or None when the page does not show one."""
    labels: list[str] = []
    for _ in range(20):  # a section drawn by a fragment may come a moment after the run has ended
        labels = labels_on(page)
        if label in labels:
            break
        page.wait_for_timeout(250)
    if label not in labels:
        return None
    slider = page.locator(SLIDERS).nth(labels.index(label)).locator('input[type="range"]')
    return slider if slider.is_visible() else None


def watch_changes(page) -> None:
    """Start recording the page's changes; needed once per tab before `step_ms`."""
    page.evaluate(WATCH)


def step_ms(page, slider, key: str) -> float:
    """Press `key` on the slider; milliseconds until the page settled. The key must change the value."""
    start = page.evaluate("() => performance.now()")
    slider.press(key)
    handle = page.wait_for_function(SETTLED, arg=[start, QUIET_MS], timeout=60_000, polling=50)
    return float(handle.json_value())


def position(slider) -> tuple[float, float, float]:
    """The slider's (minimum, value, maximum), in its input's own units (an option's index for a select slider)."""
    low, value, high = slider.evaluate("(e) => [e.min, e.value, e.max]")
    return float(low), float(value), float(high)
