"""Measure the constants of core.suggest's cost model on this machine.

Run from the repository root:  python scripts/calibrate_cost.py  [--threads 1]
Trains a few short runs on synthetic corpora and fits, by least squares,
    seconds = epochs x (steps x (STEP + STEP_PER_WEIGHT x words x labels) + EVAL_PER_ROW x rows)
where steps is the number of updates per epoch and rows all training and test sentences
(each epoch evaluates them all). Prints the constants to paste into core/suggest.py.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.corpus import TUTORIAL_CORPUS  # noqa: E402
from core.dataset import prepare  # noqa: E402
from core.synthetic import zipf_corpus  # noqa: E402
from core.training import TrainConfig, train  # noqa: E402

RUNS = [
    # sentences, vocabulary, update mode, batch size, epochs
    (5_000, 5_000, "minibatch", 32, 3),
    (5_000, 5_000, "minibatch", 256, 6),
    (20_000, 30_000, "minibatch", 32, 1),
    (20_000, 30_000, "minibatch", 128, 2),
    (50_000, 50_000, "minibatch", 32, 1),
    (1_500, 5_000, "per_sentence", 1, 1),
    (1_500, 30_000, "per_sentence", 1, 1),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    train(prepare(list(TUTORIAL_CORPUS)), TrainConfig(epochs=3, optimizer="adam", lr=0.01))  # warm up
    features, seconds = [], []
    for sentences, vocabulary, mode, batch, epochs in RUNS:
        data = prepare(zipf_corpus(sentences, vocabulary))
        n_train, n_rows = len(data.train), len(data.train) + len(data.test)
        weights = len(data.vocab) * len(data.labels)
        steps = n_train if mode == "per_sentence" else math.ceil(n_train / batch)
        config = TrainConfig(optimizer="adam", lr=0.01, epochs=epochs, update_mode=mode, batch_size=batch)
        start = time.perf_counter()
        train(data, config)
        elapsed = time.perf_counter() - start
        features.append([epochs * steps, epochs * steps * weights, epochs * n_rows])
        seconds.append(elapsed)
        print(f"{sentences:>6} sentences, {len(data.vocab):>6} words, {mode:<12} batch {batch:>3}: {elapsed:.3f} s")
    a = torch.tensor(features, dtype=torch.float64)
    b = torch.tensor(seconds, dtype=torch.float64)
    # Relative least squares: each run counts by its relative error, not its length.
    solution = torch.linalg.lstsq(a / b[:, None], torch.ones_like(b)[:, None]).solution.flatten()
    step, per_weight, per_row = (max(float(v), 0.0) for v in solution)
    print(
        f"STEP_SECONDS = {step:.3g}\nSTEP_SECONDS_PER_WEIGHT = {per_weight:.3g}\nEVAL_SECONDS_PER_ROW = {per_row:.3g}"
    )
    predicted = a @ torch.tensor([step, per_weight, per_row], dtype=torch.float64)
    for got, want in zip(predicted.tolist(), seconds, strict=True):
        print(f"predicted {got:.3f} s, measured {want:.3f} s")


if __name__ == "__main__":
    main()
