"""Training settings that fit a corpus, and how long a run will take.

The tutorial's settings (plain SGD, one update per sentence, 100 epochs) suit its four
sentences; on thousands of sentences they take minutes. `suggested_settings` keeps them
while they finish quickly and otherwise proposes shuffled mini-batches with Adam and as few
epochs as fill about a second. `estimate_seconds` is the cost model behind it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from core.limits import LIMITS, Limits
from core.training import TrainConfig

# Seconds of one training run on this app's CPU, measured with scripts/calibrate_cost.py
# (torch 2.13 CPU, one thread, Adam, on the 2-core container the app is developed in; fitted
# by least squares on synthetic Zipf corpora of 1,500 to 50,000 sentences, within 20 % of
# every measured run). Per update: a fixed cost plus one per weight (the optimiser touches
# every weight); per epoch: evaluating every training and test sentence once.
STEP_SECONDS = 2.92e-4
STEP_SECONDS_PER_WEIGHT = 2.83e-9
EVAL_SECONDS_PER_ROW = 1.27e-6

TARGET_SECONDS = 1.0  # a suggested run should finish in about this long
TUTORIAL_SECONDS = 2.0  # the tutorial's settings are kept while they take at most this long
MAX_SUGGESTED_EPOCHS = 10
# (training sentences from, batch size, learning rate). Every update costs a pass over all the
# weights, so larger corpora take larger batches, with a larger step for the averaged gradient.
# On the Zipf corpora of scripts/benchmark.py, batches of 256 at 0.05 reach scikit-learn's test
# accuracy in one epoch at 20,000 and 50,000 sentences in a third of the time batches of 32 take.
BATCHES: tuple[tuple[int, int, float], ...] = ((0, 32, 0.02), (4_000, 256, 0.05))
SUGGESTED_BATCH = BATCHES[0][1]


def batch_for(train_rows: int) -> tuple[int, float]:
    """The mini-batch size and Adam learning rate suggested for this many training sentences."""
    batch, lr = BATCHES[0][1:]
    for start, size, rate in BATCHES:
        if train_rows >= start:
            batch, lr = size, rate
    return batch, lr


TUTORIAL = TrainConfig()  # optimiser sgd, lr 0.1, 100 epochs, per sentence

# Why these settings; the UI translates the code.
REASONS: tuple[str, ...] = ("tutorial_settings", "minibatch_for_size", "one_epoch_for_size")


@dataclass(frozen=True)
class Suggestion:
    """Settings proposed for a corpus and the reason code the UI explains them with."""

    optimizer: str
    lr: float
    epochs: int
    update_mode: str
    batch_size: int
    reason_code: str
    estimated_seconds: float

    def apply(self, config: TrainConfig) -> TrainConfig:
        """`config` (seed, device, ...) with the suggested training settings."""
        return replace(
            config,
            optimizer=self.optimizer,
            lr=self.lr,
            epochs=self.epochs,
            update_mode=self.update_mode,
            batch_size=self.batch_size,
        )


def updates_per_epoch(update_mode: str, train_rows: int, batch_size: int) -> int:
    if update_mode == "per_sentence":
        return train_rows
    return math.ceil(train_rows / max(1, batch_size))


def estimate_seconds(
    update_mode: str,
    epochs: int,
    train_rows: int,
    test_rows: int,
    vocab: int,
    labels: int,
    batch_size: int = SUGGESTED_BATCH,
) -> float:
    """Roughly how many seconds a run takes here (preparing the corpus not included)."""
    steps = updates_per_epoch(update_mode, train_rows, batch_size)
    per_epoch = steps * (STEP_SECONDS + STEP_SECONDS_PER_WEIGHT * vocab * labels)
    per_epoch += EVAL_SECONDS_PER_ROW * (train_rows + test_rows)
    return max(0, epochs) * per_epoch


def suggested_settings(
    train_rows: int,
    vocab_size: int,
    labels: int = 2,
    test_rows: int = 0,
    limits: Limits = LIMITS,
) -> Suggestion:
    """The tutorial's settings while they run in TUTORIAL_SECONDS, else Adam on mini-batches (`batch_for`).

    The mini-batch proposal takes as many epochs (1 to MAX_SUGGESTED_EPOCHS, and within the
    limit on epochs x sentences) as fit in about TARGET_SECONDS.
    """
    tutorial = estimate_seconds(
        TUTORIAL.update_mode, TUTORIAL.epochs, train_rows, test_rows, vocab_size, labels, TUTORIAL.batch_size
    )
    if tutorial <= TUTORIAL_SECONDS and TUTORIAL.epochs * train_rows <= limits.work:
        return Suggestion(
            TUTORIAL.optimizer,
            TUTORIAL.lr,
            TUTORIAL.epochs,
            TUTORIAL.update_mode,
            TUTORIAL.batch_size,
            "tutorial_settings",
            tutorial,
        )
    batch, lr = batch_for(train_rows)
    per_epoch = estimate_seconds("minibatch", 1, train_rows, test_rows, vocab_size, labels, batch)
    epochs = int(TARGET_SECONDS // per_epoch) if per_epoch > 0 else MAX_SUGGESTED_EPOCHS
    epochs = min(epochs, MAX_SUGGESTED_EPOCHS, limits.work // max(1, train_rows))
    reason = "minibatch_for_size"
    if epochs <= 1:
        epochs, reason = 1, "one_epoch_for_size"
    return Suggestion("adam", lr, epochs, "minibatch", batch, reason, epochs * per_epoch)
