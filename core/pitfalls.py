"""Common ways to feed a classification loss the wrong thing, each beside the right loss."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import torch
import torch.nn.functional as F

from core.seeding import seeded

LossFn = Callable[[torch.Tensor, torch.Tensor, str], torch.Tensor]

RIGHT_LINE = "nn.CrossEntropyLoss()(scores, target)"


@dataclass(frozen=True)
class Pitfall:
    """A mistake: its key, the line that makes it, and the loss that line computes."""

    key: str
    line: str  # the mistaken line, written with `scores`, `target`, `nn` and `F`
    loss: LossFn  # what that line computes, with the given reduction ("mean" or "none")


PITFALLS: dict[str, Pitfall] = {
    pitfall.key: pitfall
    for pitfall in (
        Pitfall(
            "raw_into_nll",
            "nn.NLLLoss()(scores, target)",
            lambda scores, target, reduction: F.nll_loss(scores, target, reduction=reduction),
        ),
        Pitfall(
            "softmax_into_ce",
            "nn.CrossEntropyLoss()(F.softmax(scores, dim=1), target)",
            lambda scores, target, reduction: F.cross_entropy(F.softmax(scores, dim=1), target, reduction=reduction),
        ),
        Pitfall(
            "log_softmax_twice",
            "nn.CrossEntropyLoss()(F.log_softmax(scores, dim=1), target)",
            lambda scores, target, reduction: F.cross_entropy(
                F.log_softmax(scores, dim=1), target, reduction=reduction
            ),
        ),
        Pitfall(
            "wrong_dim",
            "nn.NLLLoss()(F.log_softmax(scores, dim=0), target)",
            lambda scores, target, reduction: F.nll_loss(F.log_softmax(scores, dim=0), target, reduction=reduction),
        ),
    )
}


def right_loss(scores: torch.Tensor, target: torch.Tensor, reduction: str = "mean") -> torch.Tensor:
    """nn.CrossEntropyLoss on raw scores: the loss every pitfall should have computed."""
    return F.cross_entropy(scores, target, reduction=reduction)


def pitfall_batch(rows: int, classes: int, seed: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Raw scores `randn(rows, classes)` and targets `randint(0, classes, (rows,))` after the seed."""
    if rows < 1:
        raise ValueError(f"rows must be at least 1; got {rows}")
    if classes < 2:
        raise ValueError(f"a classifier needs at least 2 classes; got {classes}")
    with seeded(seed):
        scores = torch.randn(rows, classes)
        target = torch.randint(0, classes, (rows,))
    return scores, target


def pitfall(key: str) -> Pitfall:
    """The pitfall called `key`."""
    if key not in PITFALLS:
        raise ValueError(f"unknown pitfall {key!r}; choose one of {sorted(PITFALLS)}")
    return PITFALLS[key]


def score_gradient_norm(loss: LossFn, scores: torch.Tensor, target: torch.Tensor) -> float:
    """The size (L2 norm) of d loss / d scores: how hard one training step would push the scores."""
    scores = scores.detach().clone().requires_grad_(True)
    loss(scores, target, "mean").backward()
    return float(scores.grad.norm())  # type: ignore[union-attr]
