"""What the objectives page computes and the code it shows: one example's two losses, the pitfalls lab.

Plain Python and torch. Every function takes small hashable values and returns plain numbers,
so the page can cache them; the shown code, run as it is, prints what these functions compute.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch

from core.objectives import cross_entropy, loss_for_probability, nll_loss
from core.pitfalls import RIGHT_LINE, pitfall, pitfall_batch, right_loss, score_gradient_norm
from core.scores import parse_scores, random_scores
from core.softmax import log_softmax

PRESETS: dict[str, tuple[float, ...]] = {
    "sure_0": (4.0, 0.5, -1.0, 0.0),
    "unsure": (0.3, 0.1, 0.2, 0.0),
    "sure_1": (-1.0, 5.0, 0.5, 0.0),
}
SOURCES = (*PRESETS, "random", "custom")
RANDOM_CLASSES = 4
REFERENCES = (0.5, 0.1, 0.01)
CURVE = tuple(k / 1000 for k in range(2, 1001))  # from p = 0.002: the loss climbs to about 6.2
QUIZ_P, QUIZ_SMALL_P = 0.01, 0.9


def example_scores(source: str, custom: str, seed: int) -> tuple[float, ...]:
    """One example's raw scores: a preset, `randn(4)` after `seed`, or the typed numbers.

    Raises ValueError for typed text that is not 2 to 12 finite numbers.
    """
    if source == "random":
        scores = random_scores(RANDOM_CLASSES, seed)
    elif source == "custom":
        scores = torch.tensor(parse_scores(custom))
    elif source in PRESETS:
        scores = torch.tensor(PRESETS[source])
    else:
        raise ValueError(f"unknown source {source!r}; choose one of {SOURCES}")
    return tuple(scores.tolist())


def quiz_numbers() -> dict[str, str]:
    """The loss at p = 0.01, at p = 0.9, and how many times larger the first is, as the quiz writes them."""
    big = float(loss_for_probability(torch.tensor(QUIZ_P)))
    small = float(loss_for_probability(torch.tensor(QUIZ_SMALL_P)))
    return {"loss": f"{big:.4f}", "small": f"{small:.4f}", "ratio": f"{big / small:.0f}"}


@dataclass(frozen=True)
class Example:
    """One example's two losses and the numbers behind them."""

    probs: tuple[float, ...]
    log_probs: tuple[float, ...]
    nll: float  # NLLLoss on the log-probabilities
    ce: float  # CrossEntropyLoss on the raw scores
    p_right: float  # the probability of the right class


def example(values: tuple[float, ...], target: int) -> Example:
    """NLLLoss(log_softmax(scores)) and CrossEntropyLoss(scores) for one example and its right class."""
    scores = torch.tensor(values)
    log_probs = log_softmax(scores)
    probs = log_probs.exp()
    return Example(
        probs=tuple(probs.tolist()),
        log_probs=tuple(log_probs.tolist()),
        nll=float(nll_loss(log_probs, target)),
        ce=float(cross_entropy(scores, target)),
        p_right=float(probs[target]),
    )


def loss_curve() -> tuple[tuple[float, ...], tuple[float, ...]]:
    """-log p on a grid of p from 0.002 to 1: (the p values, the losses)."""
    return CURVE, tuple(loss_for_probability(torch.tensor(CURVE)).tolist())


def reference_losses() -> tuple[tuple[float, float], ...]:
    """(p, -log p) at the reference probabilities marked on the curve."""
    return tuple((p, float(loss_for_probability(torch.tensor(p)))) for p in REFERENCES)


@dataclass(frozen=True)
class PitfallResult:
    """One pitfall on a random batch: the right loss beside the mistaken one, overall and per example."""

    right: float
    wrong: float
    right_each: tuple[float, ...]
    wrong_each: tuple[float, ...]
    right_push: float  # |d loss / d scores|, right
    wrong_push: float  # the same for the mistaken loss
    scores: tuple[tuple[float, ...], ...]  # the batch: one row of raw scores per example
    target: tuple[int, ...]


def pitfall_result(key: str, rows: int, classes: int, seed: int) -> PitfallResult:
    """The pitfall called `key` on `randn(rows, classes)` and `randint(0, classes, (rows,))` after `seed`."""
    scores, target = pitfall_batch(rows, classes, seed)
    mistake = pitfall(key)
    return PitfallResult(
        right=float(right_loss(scores, target)),
        wrong=float(mistake.loss(scores, target, "mean")),
        right_each=tuple(right_loss(scores, target, "none").tolist()),
        wrong_each=tuple(mistake.loss(scores, target, "none").tolist()),
        right_push=score_gradient_norm(lambda s, y, r: right_loss(s, y, r), scores, target),
        wrong_push=score_gradient_norm(mistake.loss, scores, target),
        scores=tuple(tuple(row) for row in scores.tolist()),
        target=tuple(target.tolist()),
    )


def example_code(source: str, values: tuple[float, ...], target: int, seed: int) -> str:
    """The runnable code for the example on screen, with the current values.

    It prints NLLLoss on the log-probabilities, CrossEntropyLoss on the scores, and the right
    class's probability.
    """
    if source == "random":
        scores_lines = f"torch.manual_seed({seed})\nscores = torch.randn(1, {len(values)})"
    else:
        scores_lines = f"scores = torch.tensor([[{', '.join(repr(v) for v in values)}]])"
    return (
        "import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n\n"
        f"{scores_lines}  # one example (a batch of 1), one raw score per class\n"
        f"target = torch.tensor([{target}])  # its right class\n\n"
        "log_probs = F.log_softmax(scores, dim=1)\n"
        "print(nn.NLLLoss()(log_probs, target))\n"
        "print(nn.CrossEntropyLoss()(scores, target))  # the same number, from the raw scores\n"
        "print(log_probs.exp()[0, target])  # the probability of the right class\n"
    )


def pitfall_code(key: str, rows: int, classes: int, seed: int) -> str:
    """The runnable code of one pitfall: it prints the right loss, then the mistaken one."""
    return (
        "import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n\n"
        f"torch.manual_seed({seed})\n"
        f"scores = torch.randn({rows}, {classes})  # raw scores: {rows} examples, {classes} classes\n"
        f"target = torch.randint(0, {classes}, ({rows},))  # the right class of each example\n\n"
        f"right = {RIGHT_LINE}\n"
        f"wrong = {pitfall(key).line}\n"
        "print(right)\nprint(wrong)\n"
    )
