"""How fast the classifier studio is on a 5,000-sentence corpus: prepare, train, heatmap.

Run from the repository root:  python scripts/benchmark.py  [--sentences 5000] [--repeat 3]
Each step is timed `--repeat` times and the best and median wall-clock seconds are printed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import altair as alt
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from charts.classifier import weight_heatmap  # noqa: E402
from core.corpus import Row  # noqa: E402
from core.corpus_csv import rows_from_csv, rows_to_csv  # noqa: E402
from core.dataset import prepare  # noqa: E402
from core.multilingual_corpus import SENTENCES  # noqa: E402
from core.training import TrainConfig, train  # noqa: E402
from core.weights import top_k, word_order  # noqa: E402


def recombined_corpus(size: int, test_share: float = 0.2, seed: int = 0) -> list[Row]:
    """`size` distinct sentences made by joining the start of one sentence to the end of another.

    Both halves come from the same language, so every sentence keeps its label; languages
    take turns and every fifth sentence (by default) is a test sentence.
    """
    generator = torch.Generator().manual_seed(seed)
    labels = list(SENTENCES)
    pools = {label: [text.split() for text in train + test] for label, (train, test) in SENTENCES.items()}
    seen: set[str] = set()
    rows: list[Row] = []
    test_every = round(1 / test_share) if test_share > 0 else 0
    attempts = 0
    while len(rows) < size:
        attempts += 1
        if attempts > size * 50:
            raise ValueError(f"cannot make {size} distinct sentences from the multilingual preset")
        label = labels[len(rows) % len(labels)]
        pool = pools[label]
        first, second = torch.randint(len(pool), (2,), generator=generator).tolist()
        head, tail = pool[first], pool[second]
        cut_head = int(torch.randint(1, len(head) + 1, (1,), generator=generator))
        cut_tail = int(torch.randint(0, len(tail), (1,), generator=generator))
        text = " ".join(head[:cut_head] + tail[cut_tail:])
        if text in seen:
            continue
        seen.add(text)
        split = "test" if test_every and (len(rows) + 1) % test_every == 0 else "train"
        rows.append(Row(text, label, split))
    return rows


def timed(step: Callable[[], object], repeat: int) -> tuple[float, float, object]:
    """Best and median seconds over `repeat` runs, and the last run's value."""
    times, value = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        value = step()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times), value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=5000)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--top-k", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--threads", type=int, default=0, help="torch threads (0: torch's default)")
    args = parser.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)

    rows = recombined_corpus(args.sentences)
    n_train = sum(row.split == "train" for row in rows)
    config = TrainConfig(
        optimizer="adam", lr=0.01, epochs=args.epochs, update_mode="minibatch", batch_size=args.batch_size
    )
    results: list[tuple[str, float, float]] = []

    best, median, data = timed(lambda: rows_to_csv(rows).encode("utf-8"), args.repeat)
    results.append(("corpus to CSV", best, median))
    best, median, _ = timed(lambda: rows_from_csv(data), args.repeat)
    results.append(("corpus from CSV", best, median))
    best, median, dataset = timed(lambda: prepare(rows), args.repeat)
    results.append(("prepare (vocabulary + tensors)", best, median))
    best, median, result = timed(lambda: train(dataset, config), args.repeat)
    results.append((f"train {args.epochs} epochs, Adam, batch {args.batch_size}", best, median))

    def heatmap(k: int | None) -> str:
        order = word_order(result.final_weight, "separation")
        if k is not None:
            order = top_k(order, k)
        chart = weight_heatmap(
            result.final_weight,
            result.final_bias,
            dataset.vocab,
            dataset.labels,
            dataset.train_counts,
            order,
            {"word": "word", "label": "label", "weight": "weight", "count": "count", "bias": "(bias)"},
        )
        # The spec Streamlit sends to the browser; Streamlit lifts Altair's 5,000-row limit too.
        with alt.data_transformers.disable_max_rows():
            return chart.to_json()

    best, median, spec = timed(lambda: heatmap(args.top_k), args.repeat)
    results.append((f"heatmap spec, top {args.top_k} words", best, median))
    best, median, full = timed(lambda: heatmap(None), args.repeat)
    results.append((f"heatmap spec, all {len(dataset.vocab)} words", best, median))

    load = ", ".join(f"{value:.1f}" for value in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
    print(
        f"{len(rows)} sentences ({n_train} train, {len(rows) - n_train} test), {len(dataset.vocab)} words, "
        f"{len(dataset.labels)} labels; torch {torch.__version__}, {torch.get_num_threads()} threads, "
        f"{os.cpu_count()} CPUs, load average {load}"
    )
    last = result.history[-1]
    print(f"final train loss {last.train_loss:.4f}, test accuracy {last.test_accuracy:.3f}")
    sizes = f"top {args.top_k}: {len(spec) / 1024:.0f} KiB; all words: {len(full) / 1024:.0f} KiB"
    print(f"heatmap spec size: {sizes}")
    print()
    width = max(len(name) for name, _, _ in results)
    print(f"{'step':<{width}}  {'best s':>8}  {'median s':>8}")
    for name, best, median in results:
        print(f"{name:<{width}}  {best:8.3f}  {median:8.3f}")


if __name__ == "__main__":
    main()
