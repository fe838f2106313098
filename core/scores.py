"""Vectors of raw scores for the lesson pages: typed by the learner, drawn from a seed, or the tutorial's."""

from __future__ import annotations

import re

import torch
import torch.nn as nn

from core.seeding import seeded
from core.tutorial_draws import BEFORE_SOFTMAX, draws_code

MAX_SCORES = 12
# The tutorial seeds once, then draws nn.Linear(5, 3), randn(2, 5) and randn(2, 2) before its
# softmax vector; replaying those draws gives its exact vector, not a 4-decimal copy of it.
TUTORIAL_SCORES_CODE = (
    "torch.manual_seed(1)\n# the tutorial's earlier random draws, in its order\n"
    + draws_code(BEFORE_SOFTMAX)
    + "scores = torch.randn(5)\n"
)


def parse_scores(text: str, max_count: int = MAX_SCORES) -> list[float]:
    """The numbers in `text`, separated by commas, semicolons or spaces."""
    parts = [part for part in re.split(r"[\s,;，；]+", text.strip()) if part]
    if len(parts) < 2:
        raise ValueError("type at least two numbers, separated by commas")
    if len(parts) > max_count:
        raise ValueError(f"type at most {max_count} numbers; got {len(parts)}")
    values = []
    for part in parts:
        try:
            value = float(part)
        except ValueError:
            raise ValueError(f"{part!r} is not a number") from None
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(f"{part!r} is not a finite number")
        values.append(value)
    return values


def random_scores(count: int, seed: int) -> torch.Tensor:
    """`torch.randn(count)` right after `torch.manual_seed(seed)`."""
    if not 1 <= count <= MAX_SCORES:
        raise ValueError(f"count must be between 1 and {MAX_SCORES}; got {count}")
    with seeded(seed):
        return torch.randn(count)


def tutorial_scores() -> torch.Tensor:
    """The tutorial's softmax input: the fourth random draw after `torch.manual_seed(1)`."""
    namespace: dict[str, object] = {"torch": torch, "nn": nn}
    with seeded(1):
        exec(TUTORIAL_SCORES_CODE, namespace)
    return namespace["scores"]  # type: ignore[return-value]
