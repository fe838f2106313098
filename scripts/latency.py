"""How long a slider step takes to settle on each lesson page, in a real browser.

Run from the repository root:
    python scripts/latency.py [--steps 6] [--pages softmax objectives ...] [--first-only]
                              [--reference e5df2d9]

Starts the app on a free local port, opens each lesson page in Debian's Chromium (Playwright),
and moves every slider of the page (or only its first, with --first-only) one step at a time
with the arrow keys, right then left, so values stay in range. A step is timed from the key press
to the last change of the page's main area (the new values and charts drawn), once nothing has
changed for QUIET_MS and the app's script is not running. Reports the median and the slowest step
of each slider.

With --reference REV the same steps are also measured, in the same run and the same browser, on
the app as it was at the git revision REV (checked out into a temporary worktree and served with
the packages installed here), so the two columns share the machine's load. Sliders are matched by
their English label; a slider the reference does not have shows "-". The machine's load average
is printed before and after, because every number here moves with it, and so is the floor: the
same step on the smallest Streamlit page (one slider and one line of text, with the app's
configuration), served and measured in the same run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.chromium import ARGS  # noqa: E402
from scripts.server_process import serve  # noqa: E402
from scripts.sliders import LESSON_PAGES, find_slider, labels_on, open_page, step_ms, watch_changes  # noqa: E402

TARGET_MS = 250  # issue 9: a slider step settles within this median


@dataclass(frozen=True)
class Timing:
    page: str
    slider: str  # the slider's label, as the page shows it in English
    times: tuple[float, ...]  # ms per step; empty when the slider could not be moved

    @property
    def median(self) -> float | None:
        return statistics.median(self.times) if self.times else None

    @property
    def slowest(self) -> float | None:
        return max(self.times) if self.times else None


def slider_labels(browser, base: str, path: str) -> list[str]:
    page = open_page(browser, base, path)
    labels = labels_on(page)
    page.close()
    return labels


def measure_slider(browser, base: str, path: str, label: str, steps: int) -> Timing:
    """One slider, in a fresh tab (so another slider's moves do not change what this one redraws)."""
    page = open_page(browser, base, path)
    slider = find_slider(page, label)
    times: tuple[float, ...] = ()
    if slider is not None:
        watch_changes(page)
        slider.focus()
        step_ms(page, slider, "ArrowRight")  # a first step pays for anything loaded once
        times = tuple(step_ms(page, slider, "ArrowLeft" if i % 2 else "ArrowRight") for i in range(steps))
    page.close()
    return Timing(path, label, times)


# The floor: what a slider step costs in Streamlit and this browser on this machine, with no app.
FLOOR_APP = """import streamlit as st

st.title("Floor")
value = st.slider("Value", 0, 100, 50)
st.write(f"The value is {value}.")
"""


@contextmanager
def floor_app():
    """The smallest page, with the app's configuration, in a temporary directory."""
    with tempfile.TemporaryDirectory(prefix="latency-floor-") as directory:
        app = Path(directory)
        (app / ".streamlit").mkdir()
        shutil.copy(ROOT / ".streamlit" / "config.toml", app / ".streamlit" / "config.toml")
        (app / "streamlit_app.py").write_text(FLOOR_APP, encoding="utf-8")
        yield app


@contextmanager
def checkout(revision: str):
    """The app at `revision`, in a temporary git worktree removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="latency-reference-") as parent:
        directory = Path(parent) / "app"
        subprocess.run(
            ["git", "worktree", "add", "--detach", "--quiet", str(directory), revision], cwd=ROOT, check=True
        )
        try:
            yield directory
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(directory)], cwd=ROOT, check=False)


def measure(browser, urls: dict[str, str], pages: list[str], steps: int, first_only: bool) -> dict[str, list[Timing]]:
    """Each slider of the current app, measured on every served app in turn, slider by slider.

    Alternating keeps the apps' numbers side by side in time, so a burst of load elsewhere on the
    machine falls on both columns rather than on one.
    """
    timings: dict[str, list[Timing]] = {name: [] for name in urls}
    for path in pages:
        labels = slider_labels(browser, urls["now"], path)
        for label in labels[:1] if first_only else labels:
            for name, base in urls.items():
                timings[name].append(measure_slider(browser, base, path, label, steps))
            print(f"  measured {path} / {label}", file=sys.stderr, flush=True)
    return timings


def ms(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}"


def report(now: list[Timing], reference: list[Timing] | None, revision: str | None) -> str:
    before = {(t.page, t.slider): t for t in reference or []}
    head = "| page | slider |"
    rule = "|---|---|"
    if reference is not None:
        head += f" {revision}: median ms | {revision}: slowest |"
        rule += "---:|---:|"
    head += " now: median ms | now: slowest |"
    rule += "---:|---:|"
    rows = [head, rule]
    for timing in now:
        label = timing.slider.replace("|", "\\|")  # a label such as |x| must not split the row
        row = f"| {timing.page} | {label} |"
        if reference is not None:
            old = before.get((timing.page, timing.slider))
            row += f" {ms(old and old.median)} | {ms(old and old.slowest)} |"
        row += f" {ms(timing.median)} | {ms(timing.slowest)} |"
        rows.append(row)
    medians = [t.median for t in now if t.median is not None]
    over = [t for t in now if t.median is not None and t.median > TARGET_MS]
    rows.append("")
    rows.append(
        f"{len(medians)} sliders; median of their medians {statistics.median(medians):.0f} ms; "
        f"slowest median {max(medians):.0f} ms; over {TARGET_MS} ms: "
        + (", ".join(f"{t.page} / {t.slider} ({t.median:.0f})" for t in over) or "none")
    )
    return "\n".join(rows)


def load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def main() -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=6, help="timed steps per slider (after one untimed)")
    parser.add_argument("--pages", nargs="+", default=list(LESSON_PAGES), choices=LESSON_PAGES)
    parser.add_argument("--first-only", action="store_true", help="only the first slider of each page")
    parser.add_argument("--reference", metavar="REV", help="also measure the app at this git revision")
    args = parser.parse_args()
    print(f"load average at start (1, 5, 15 min): {load_average()}", flush=True)
    with sync_playwright() as playwright, ExitStack() as stack:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        urls = {"now": stack.enter_context(serve()).url}
        if args.reference:
            urls["reference"] = stack.enter_context(serve(app_dir=stack.enter_context(checkout(args.reference)))).url
        timings = measure(browser, urls, args.pages, args.steps, args.first_only)
        floor_url = stack.enter_context(serve(app_dir=stack.enter_context(floor_app()))).url
        floor = measure_slider(browser, floor_url, "", "Value", args.steps)
        browser.close()
    now, reference = timings["now"], timings.get("reference")
    print(report(now, reference, args.reference))
    print(f"floor, a one-slider page: median {ms(floor.median)} ms, slowest {ms(floor.slowest)} ms")
    print(f"load average at end (1, 5, 15 min): {load_average()}")


if __name__ == "__main__":
    main()
