"""How long a slider step takes to settle on each lesson page, in a real browser.

Run from the repository root:
    python scripts/latency.py [--steps 6] [--pages affine-maps softmax ...] [--slider N]

Starts the app on a free local port, opens each lesson page in Debian's Chromium (Playwright),
focuses the page's first slider (or its N-th, counting from 0) and moves it one step at a time
with the arrow keys, right then left, so values stay in range. A step is timed from the key
press to the last change of the page's main area (the new values and charts drawn), once
nothing has changed for QUIET_MS and the app's script is not running. Reports the median and
the slowest step.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.chromium import ARGS, IDLE, QUIET_MS  # noqa: E402
from tests.conftest import served_app  # noqa: E402

PAGES = ("affine-maps", "nonlinearities", "softmax", "objectives", "optimisation")

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


def slider_at(page, index: int):
    return page.locator('[data-testid="stMain"] input[type="range"]').nth(index)


def step_ms(page, key: str, index: int) -> float:
    slider = slider_at(page, index)
    start = page.evaluate("() => performance.now()")
    slider.press(key)
    handle = page.wait_for_function(SETTLED, arg=[start, QUIET_MS], timeout=60_000, polling=50)
    return float(handle.json_value())


def measure(browser, base: str, path: str, steps: int, index: int = 0) -> list[float]:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(f"{base}/{path}")
    page.wait_for_selector("h1", timeout=120_000)
    page.wait_for_selector(IDLE, timeout=120_000)
    page.evaluate(WATCH)
    slider_at(page, index).focus()
    step_ms(page, "ArrowRight", index)  # a first step pays for anything loaded once
    times = [step_ms(page, "ArrowLeft" if i % 2 else "ArrowRight", index) for i in range(steps)]
    page.close()
    return times


def main() -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=6)
    parser.add_argument("--pages", nargs="+", default=list(PAGES))
    parser.add_argument("--slider", type=int, default=0, help="which slider of each page, from 0")
    args = parser.parse_args()
    with served_app() as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        print("| page | median ms | slowest ms |")
        print("|---|---:|---:|")
        for path in args.pages:
            times = measure(browser, base, path, args.steps, args.slider)
            print(f"| {path} | {statistics.median(times):.0f} | {max(times):.0f} |", flush=True)
        browser.close()


if __name__ == "__main__":
    main()
