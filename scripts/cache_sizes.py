"""What the app's shared caches hold once every lesson slider has been moved through its range.

Run from the repository root:  python scripts/cache_sizes.py [--pages softmax ...] [--presses 10] [--each-move]

Starts the app on a free local port and opens each lesson page in Debian's Chromium (Playwright).
Every slider of the page is moved through its range with the keyboard: Home, then Page Up (a
tenth of the range) up to `--presses` times or until its end, each move waiting until the page
has settled. The sliders keep their last value while the page's next sliders move, so later
caches also see their neighbours at the far end; a slider the page no longer shows then (the
hand walk's step, once the walk runs away) is moved in a fresh tab, the others at their
defaults. Then the tutorial replay page is opened once.

The sizes come from Streamlit's `/_stcore/metrics` (OpenMetrics text): per cached function the
bytes its entries hold (`cache_memory_bytes`, the pickled entries of an `st.cache_data`), its
misses (`cache_lookups_total{result="miss"}`) and evictions (`cache_evictions_total`). Entries are
misses minus evictions (a run stopped by the next one before it stored its value would count one
too many). Streamlit sums the entries' bytes per function and recomputes that at most every 5 s,
so the script reads the metrics whenever the page is idle and 5 s have passed: a reading that
added one entry and evicted none gives that entry's size (marked *), one that added several
their mean. "largest seen" is the largest of these, so an entry may be larger than it. With
`--each-move` the script waits for a reading after every move (16 minutes here instead of 4), so a
reading holds one move's entries. "at most" is the function's `max_entries` (read from the function
object) times the largest seen.

`st.cache_resource` functions are counted, not sized: Streamlit gives their entry count unless
`server.enableExpensiveMemoryStats` traverses the objects, which misses torch's tensor storage.
`core.run_cache.RUN_CACHE` lives inside the server process and is not in Streamlit's metrics: its
size in the server cannot be read from outside. The script prints its bounds from the module and
the size of one entry, the Multilingual preset trained here with the tutorial's settings.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import os
import re
import sys
import time
import urllib.request
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.chromium import ARGS  # noqa: E402
from scripts.server_process import MB, serve  # noqa: E402
from scripts.sliders import (  # noqa: E402
    LESSON_PAGES,
    find_slider,
    open_page,
    position,
    step_ms,
    wait_for_labels,
    watch_changes,
)

KB = 1024
METRICS_TTL_SECONDS = 5.2  # Streamlit recomputes cache_memory_bytes at most every 5 s
DATA, RESOURCE = "st_cache_data", "st_cache_resource"
NO_SLIDER = "(no slider shown)"
_SAMPLE = re.compile(r"^(?P<name>[a-z_]+)(?:\{(?P<labels>.*)\})?\s+(?P<value>\S+)$")
_LABEL = re.compile(r'(\w+)="((?:[^"\\]|\\.)*)"')


# ---------------------------------------------------------------- reading the metrics


@dataclass
class FunctionCache:
    """One cached function as one reading of the metrics shows it."""

    kind: str  # DATA or RESOURCE
    name: str  # module.function, as Streamlit names it
    memory: int = 0  # cache_memory_bytes: bytes for st.cache_data, entries for st.cache_resource
    misses: int = 0
    evictions: int = 0

    @property
    def entries(self) -> int:
        return self.memory if self.kind == RESOURCE else self.misses - self.evictions

    @property
    def bytes(self) -> int | None:
        return self.memory if self.kind == DATA else None


def parse_metrics(text: str) -> dict[str, FunctionCache]:
    """The cached functions of an OpenMetrics text from `/_stcore/metrics`, by name."""
    caches: dict[str, FunctionCache] = {}
    for line in text.splitlines():
        match = _SAMPLE.match(line.strip())
        if match is None:
            continue
        labels = {key: _unescape(value) for key, value in _LABEL.findall(match["labels"] or "")}
        kind, name = labels.get("cache_type"), labels.get("cache")
        if kind not in (DATA, RESOURCE) or not name:
            continue
        cache = caches.setdefault(name, FunctionCache(kind, name))
        value = int(float(match["value"]))
        if match["name"] == "cache_memory_bytes":
            cache.memory = value
        elif match["name"] == "cache_lookups_total" and labels.get("result") == "miss":
            cache.misses = value
        elif match["name"] == "cache_evictions_total":
            cache.evictions += value
    return caches


def _unescape(value: str) -> str:
    """A label value as written before OpenMetrics escaped its backslashes, quotes and newlines."""
    return re.sub(r"\\(.)", lambda match: "\n" if match[1] == "n" else match[1], value)


@dataclass(frozen=True)
class Largest:
    bytes: float  # the largest growth per new entry between two readings
    exact: bool  # that reading added exactly one entry


def largest_entry(readings: list[dict[str, FunctionCache]], name: str) -> Largest | None:
    """The largest entry of `name` the readings show: growth per new entry, over readings without evictions."""
    best: Largest | None = None
    for before, after in pairwise(readings):
        if name not in after or after[name].kind != DATA:
            continue
        old = before.get(name, FunctionCache(DATA, name))
        new_entries = after[name].misses - old.misses
        if new_entries < 1 or after[name].evictions != old.evictions:
            continue
        grown = (after[name].memory - old.memory) / new_entries
        if best is None or grown > best.bytes:
            best = Largest(grown, new_entries == 1)
    return best


class Metrics:
    """Readings of a server's `/_stcore/metrics`, taken when the page is idle and 5 s have passed."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.readings: list[dict[str, FunctionCache]] = []
        self._last = float("-inf")

    def read(self) -> None:
        wait = self._last + METRICS_TTL_SECONDS - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        with urllib.request.urlopen(f"{self.url}/_stcore/metrics", timeout=60) as response:
            self.readings.append(parse_metrics(response.read().decode("utf-8")))
        self._last = time.monotonic()

    def read_if_due(self, wait: bool = False) -> None:
        """A reading now if one is due, or with `wait` as soon as one is."""
        if wait or time.monotonic() - self._last >= METRICS_TTL_SECONDS:
            self.read()


# ---------------------------------------------------------------- moving every slider


def sweep(page, label: str, presses: int, metrics: Metrics, each_move: bool) -> int:
    """Move the slider labelled `label` to its start, then up by tenths to its end; the moves made."""
    moves = 0
    for turn in range(presses + 1):
        slider = find_slider(page, label)  # found again: a rerun may have moved it on the page
        if slider is None:
            break
        low, value, high = position(slider)
        key = "Home" if turn == 0 else "PageUp"
        if (key == "Home" and value <= low) or (key == "PageUp" and value >= high):
            continue
        step_ms(page, slider, key)
        moves += 1
        metrics.read_if_due(wait=each_move)
    return moves


def walk(
    browser, url: str, pages: list[str], presses: int, metrics: Metrics, each_move: bool
) -> list[tuple[str, str, int]]:
    """Every slider of every page moved through its range; (page, slider, moves) for each."""
    moved = []
    for path in pages:
        page = open_page(browser, url, path)
        metrics.read_if_due(wait=each_move)
        watch_changes(page)
        labels = wait_for_labels(page)
        if not labels:
            moved.append((path, NO_SLIDER, 0))
        for label in labels:
            if find_slider(page, label) is None:  # gone with the other sliders' values: a fresh tab has it
                page.close()
                page = open_page(browser, url, path)
                watch_changes(page)
            moved.append((path, label, sweep(page, label, presses, metrics, each_move)))
            print(f"  {path} / {label}: {moved[-1][2]} moves", file=sys.stderr, flush=True)
        page.close()
    page = open_page(browser, url, "tutorial-replay")
    page.close()
    metrics.read()
    return moved


# ---------------------------------------------------------------- the bounds


def max_entries(name: str) -> int | None:
    """The `max_entries` of the cached function `module.function`, read from the function object.

    A page script runs as `__main__`: its functions are looked up in the pages' source instead.
    """
    module, _, function = name.rpartition(".")
    if module != "__main__":
        from streamlit.logger import set_log_level

        set_log_level("error")  # outside a server Streamlit warns of every cached function it meets
        cached = getattr(importlib.import_module(module), function, None)
        # Streamlit keeps the decorator's parameters on the wrapper's (private) `_info`.
        return getattr(getattr(cached, "_info", None), "max_entries", None)
    for path in [ROOT / "streamlit_app.py", *sorted((ROOT / "app_pages").glob("*.py"))]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and node.name == function:
                for decorator in node.decorator_list:
                    for keyword in getattr(decorator, "keywords", []):
                        if keyword.arg == "max_entries":
                            return ast.literal_eval(keyword.value)
    return None


def run_cache_entry_bytes() -> tuple[int, str]:
    """Bytes of one run cache entry: the Multilingual preset trained with the tutorial's settings, here."""
    import torch

    from core.dataset import prepare
    from core.presets import PRESETS
    from core.run_cache import CachedRun
    from core.training import TrainConfig, train

    torch.set_num_threads(1)  # as the app does
    config = TrainConfig(tutorial_draws=True)
    result = train(prepare(list(PRESETS["multilingual"])), config)
    return CachedRun.of(result).nbytes, f"Multilingual, the tutorial's settings ({config.epochs} epochs)"


# ---------------------------------------------------------------- the report


def size(value: float | None) -> str:
    if value is None:
        return "-"
    if value >= MB:
        return f"{value / MB:.1f} MB"
    return f"{value / KB:.0f} KB" if value >= KB else f"{value:.0f} B"


def report(readings: list[dict[str, FunctionCache]]) -> list[str]:
    last = readings[-1]
    rows = []
    for name, cache in last.items():
        bound = max_entries(name)
        largest = largest_entry(readings, name)
        mean = cache.bytes / cache.entries if cache.bytes is not None and cache.entries > 0 else None
        at_most = bound * largest.bytes if bound and largest else None
        rows.append((at_most or 0, name, cache, bound, mean, largest, at_most))
    rows.sort(key=lambda row: (-row[0], row[1]))
    out = [
        "| cached function | kind | max_entries | entries | bytes now | mean per entry | largest seen | at most |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for _, name, cache, bound, mean, largest, at_most in rows:
        seen = "-" if largest is None else size(largest.bytes) + (" *" if largest.exact else "")
        kind = "data" if cache.kind == DATA else "resource"
        out.append(
            f"| `{name}` | {kind} | {bound if bound else 'none'} | {cache.entries} | {size(cache.bytes)} | "
            f"{size(mean)} | {seen} | {size(at_most)} |"
        )
    data = [row for row in rows if row[2].kind == DATA]
    out.append(
        f"| all {len(data)} st.cache_data functions | | | {sum(r[2].entries for r in data)} | "
        f"{size(sum(r[2].bytes for r in data))} | | | {size(sum(r[6] or 0 for r in data))} |"
    )
    return out


def load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def main() -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", nargs="+", default=list(LESSON_PAGES), choices=LESSON_PAGES)
    parser.add_argument("--presses", type=int, default=10, help="Page Up presses per slider after Home")
    parser.add_argument("--each-move", action="store_true", help="read the metrics after every move (slower)")
    args = parser.parse_args()
    print(f"load average at start (1, 5, 15 min): {load_average()}", flush=True)
    started = time.perf_counter()
    with serve() as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        metrics = Metrics(server.url)
        metrics.read()  # before any page: every entry is then inside a reading's growth
        moved = walk(browser, server.url, args.pages, args.presses, metrics, args.each_move)
        browser.close()
    walked = time.perf_counter() - started
    sliders = sum(1 for _, label, _ in moved if label != NO_SLIDER)
    moves = sum(count for _, _, count in moved)
    print(
        f"{sliders} sliders on {len(args.pages)} pages, {moves} moves, then the replay page; "
        f"{len(metrics.readings)} readings of the metrics; {walked:.0f} s"
    )
    unmoved = [f"{page} / {label}" for page, label, count in moved if count == 0]
    if unmoved:
        print("not moved: " + ", ".join(unmoved))
    print()
    print("\n".join(report(metrics.readings)))
    print(
        "\n* the reading added one entry: its size exactly. Otherwise the mean of the entries a reading added.\n"
        "resource: entries only (Streamlit sizes st.cache_resource only by traversing the objects)."
    )
    from core.run_cache import RUN_CACHE

    entry, what = run_cache_entry_bytes()
    print(
        f"\ncore.run_cache.RUN_CACHE: at most {RUN_CACHE.max_entries} runs and {size(RUN_CACHE.max_bytes)}; "
        f"in the server's process, outside Streamlit's metrics, so its size there cannot be read from outside. "
        f"One entry, {what}, trained here: {size(entry)}; "
        f"at most {size(min(RUN_CACHE.max_bytes, RUN_CACHE.max_entries * entry))} of such runs."
    )
    print(f"load average at end (1, 5, 15 min): {load_average()}")


if __name__ == "__main__":
    main()
