"""Does one session's training freeze the others? Page loads of one browser while another trains.

Run from the repository root:  python scripts/responsiveness.py [--sentences 50000] [--loads 8] [--cap]

Starts the app on a free local port and drives Debian's Chromium with Playwright. Session A
uploads the largest corpus the limits accept in sentences (a seeded Zipf corpus, see
core.synthetic) and trains it with the settings the app suggests for it (Adam on mini-batches)
for as many epochs as the limit on one click's seconds allows; meanwhile session B opens lesson
pages one after another. The same page loads with no training running are the reference,
measured in the same run. The server's resident memory (its process tree) is sampled throughout:
before the upload, with B's lesson pages open, and at its peak while A uploads and trains.
`--cap` starts the server in the smallest Cloud container's 690 MB and one CPU, as the load test
does, and says whether the cap held.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.corpus_csv import rows_to_csv  # noqa: E402
from core.dataset import prepare  # noqa: E402
from core.limits import LIMITS  # noqa: E402
from core.suggest import batch_for, estimate_seconds  # noqa: E402
from core.synthetic import zipf_corpus  # noqa: E402
from scripts.chromium import ARGS, IDLE  # noqa: E402
from scripts.load_test import SMALLEST_CONTAINER_MB, ServerEnd  # noqa: E402
from scripts.server_process import MB, Watch, serve  # noqa: E402

PAGES = ("softmax", "nonlinearities", "objectives", "affine-maps")


def load_seconds(page, url: str) -> float:
    """From navigation to a page whose script has finished and whose first heading is drawn."""
    start = time.perf_counter()
    page.goto(url)
    page.wait_for_selector("h1", timeout=180_000)
    page.wait_for_selector(IDLE, timeout=180_000)
    return time.perf_counter() - start


def loads(page, base: str, count: int) -> list[float]:
    return [load_seconds(page, f"{base}/{PAGES[i % len(PAGES)]}") for i in range(count)]


def summary(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"{statistics.median(values):.2f} | {p95:.2f} | {max(values):.2f}"


def main() -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=LIMITS.rows)
    parser.add_argument("--loads", type=int, default=8)
    parser.add_argument("--cap", action="store_true", help="start the server in 690 MB and one CPU")
    args = parser.parse_args()
    rows = zipf_corpus(args.sentences, args.sentences)
    data = prepare(rows)
    batch, _ = batch_for(len(data.train))
    per_epoch = estimate_seconds(
        "minibatch", 1, len(data.train), len(data.test), len(data.vocab), len(data.labels), batch
    )
    epochs = max(1, min(int(0.9 * LIMITS.seconds // per_epoch), LIMITS.work // len(data.train)))
    corpus = Path(tempfile.mkdtemp()) / "largest.csv"
    corpus.write_text(rows_to_csv(rows), encoding="utf-8")

    cap = {"memory_cap_mb": SMALLEST_CONTAINER_MB, "cpus": 1} if args.cap else {}
    with serve(**cap) as server, sync_playwright() as playwright:
        base = server.url
        watch = Watch(server.pid).start()
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        trainer = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
        reader = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
        load_seconds(reader, f"{base}/softmax")  # each page's first import is paid before measuring
        reference = loads(reader, base, args.loads)

        load_seconds(trainer, f"{base}/classifier")
        before_upload = watch.sample().rss
        uploaded = time.perf_counter()
        trainer.locator('[data-testid="stMain"] input[type="file"]').set_input_files(str(corpus))
        trainer.get_by_text("rows from the file").first.wait_for(timeout=180_000)
        trainer.wait_for_selector(IDLE, timeout=180_000)
        trainer.get_by_role("tab", name="Train").click()
        trainer.wait_for_selector(IDLE, timeout=180_000)
        trainer.get_by_label("Epochs").fill(str(epochs))
        trainer.get_by_label("Epochs").press("Enter")
        trainer.wait_for_selector(IDLE, timeout=180_000)
        started = time.perf_counter()
        trainer.get_by_role("button", name="Train", exact=True).click()
        trainer.get_by_text("Epoch ").first.wait_for(timeout=180_000)
        during = loads(reader, base, args.loads)
        trainer.get_by_text("Trained for").first.wait_for(timeout=600_000)
        trained = time.perf_counter() - started
        peak = watch.peak_rss(since=uploaded)
        browser.close()
        watch.stop()
        end = ServerEnd.of(server)

    print(
        f"Session A trains {len(data.train):,} sentences ({len(data.vocab):,} words), Adam, batches of {batch}, "
        f"{epochs} epochs: {trained:.1f} s from the click to the result."
    )
    print(f"Session B opens lesson pages ({', '.join(PAGES)}), {args.loads} loads each way.\n")
    print("| session B's page loads | median s | p95 s | max s |")
    print("|---|---:|---:|---:|")
    print(f"| no training (reference) | {summary(reference)} |")
    print(f"| while A trains | {summary(during)} |")
    print(
        f"\nServer memory (RSS of its process tree): {before_upload / MB:.0f} MB with both sessions open before "
        f"the upload, peak {peak / MB:.0f} MB while A uploaded and trained (+{(peak - before_upload) / MB:.0f} MB)."
    )
    if args.cap:
        held = end.held(peak / MB, SMALLEST_CONTAINER_MB)
        print(
            f"Server capped at {SMALLEST_CONTAINER_MB} MB and one CPU: "
            + ("cap held." if held else f"cap broken (alive: {end.alive}, killed for memory: {end.oom_kills}).")
        )


if __name__ == "__main__":
    main()
