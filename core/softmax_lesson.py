"""What the softmax page computes and the code it shows: scores, probabilities, the shift experiment.

Plain Python and torch. Every function takes small hashable values (tuples of floats, numbers,
names) and returns plain numbers, so the page can cache them; the shown code, run as it is,
prints what these functions compute.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass

import torch
import torch.nn.functional as F

import core.softmax
from core.scores import TUTORIAL_SCORES_CODE, parse_scores, random_scores, tutorial_scores
from core.softmax import exp_overflow_limit, log_softmax, naive_softmax, softmax, softmax_over_temperatures

SOURCES = ("tutorial", "random", "custom")
SHIFTS = (-1000, -200, -100, 0, 10, 50, 80, 85, 90, 100, 200, 500, 710, 1000)
DTYPES = {"float32": torch.float32, "float64": torch.float64}
SWEEP = tuple(round(10 ** (k / 20), 4) for k in range(-20, 21))  # 0.1 to 10, evenly on a log scale
QUIZ_SHIFT = 1000


def fmt(values) -> str:
    """A vector as the page and the code's print show it: 4 decimals."""
    return "[" + ", ".join(f"{float(v):.4f}" for v in values) + "]"


def number_texts(values) -> tuple[str, ...]:
    """Numbers written out as text (4 significant digits) so that inf and nan show as such."""
    return tuple(f"{float(v):.4g}" for v in values)


def lesson_scores(source: str, count: int, custom: str, seed: int) -> tuple[float, ...]:
    """The page's score vector: the tutorial's, `randn(count)` after `seed`, or the typed numbers.

    Raises ValueError for typed text that is not 2 to 12 finite numbers.
    """
    if source == "random":
        scores = random_scores(count, seed)
    elif source == "custom":
        scores = torch.tensor(parse_scores(custom))
    elif source == "tutorial":
        scores = tutorial_scores()
    else:
        raise ValueError(f"unknown source {source!r}; choose one of {SOURCES}")
    return tuple(scores.tolist())


@dataclass(frozen=True)
class Probabilities:
    """softmax and log-softmax of the scores at one temperature, with the steps in between."""

    scaled: tuple[float, ...]  # scores / T
    exps: tuple[float, ...]  # exp(scores / T)
    probs: tuple[float, ...]
    log_probs: tuple[float, ...]
    total: float  # the sum of the probabilities: 1
    exp_total: float  # the sum of the exps: softmax's denominator
    top: int  # the class with the largest probability
    sweep: tuple[tuple[float, ...], ...]  # one row of probabilities per temperature in SWEEP


def probabilities(values: tuple[float, ...], temperature: float) -> Probabilities:
    """Everything the scores section shows for the scores `values` at temperature T."""
    scores = torch.tensor(values)
    probs = softmax(scores, temperature)
    log_probs = log_softmax(scores, temperature)
    scaled = scores / temperature
    exps = scaled.exp()
    return Probabilities(
        scaled=tuple(scaled.tolist()),
        exps=tuple(exps.tolist()),
        probs=tuple(probs.tolist()),
        log_probs=tuple(log_probs.tolist()),
        total=float(probs.sum()),
        exp_total=float(exps.sum()),
        top=int(probs.argmax()),
        sweep=tuple(tuple(row) for row in softmax_over_temperatures(scores, list(SWEEP)).tolist()),
    )


@dataclass(frozen=True)
class Shifted:
    """softmax of the scores plus a constant c, computed stably and by exp-then-divide."""

    limit: float  # the largest z with a finite exp(z) in this dtype
    largest: float  # the largest shifted score
    original: tuple[float, ...]  # softmax(scores), no shift
    stable: tuple[float, ...]  # softmax(scores + c), max subtracted first
    naive: tuple[float, ...]  # exp(scores + c) / sum: nan once exp overflows
    difference: float  # the largest |stable - original|
    broken: int  # how many naive results are not finite
    shifted: tuple[str, ...]  # the columns of the two tables, written out as text
    exp_naive: tuple[str, ...]
    naive_text: tuple[str, ...]
    minus_max: tuple[str, ...]
    exp_stable: tuple[str, ...]
    stable_text: tuple[str, ...]


def shifted(values: tuple[float, ...], shift: float, dtype_name: str) -> Shifted:
    """The shift-invariance and overflow experiment for `values + shift` in the dtype called `dtype_name`."""
    if dtype_name not in DTYPES:
        raise ValueError(f"unknown dtype {dtype_name!r}; choose one of {list(DTYPES)}")
    dtype = DTYPES[dtype_name]
    scores = torch.tensor(values).to(dtype)
    moved = scores + shift
    original = softmax(scores)
    stable = softmax(moved)
    naive = naive_softmax(moved)
    minus_max = moved - moved.max()
    return Shifted(
        limit=exp_overflow_limit(dtype),
        largest=float(moved.max()),
        original=tuple(original.tolist()),
        stable=tuple(stable.tolist()),
        naive=tuple(naive.tolist()),
        difference=float((stable - original).abs().max()),
        broken=int((~torch.isfinite(naive)).sum()),
        shifted=number_texts(moved),
        exp_naive=number_texts(moved.exp()),
        naive_text=number_texts(naive),
        minus_max=number_texts(minus_max),
        exp_stable=number_texts(minus_max.exp()),
        stable_text=number_texts(stable),
    )


def quiz_evidence(values: tuple[float, ...]) -> str:
    """softmax(scores + 1000) as the quiz's answer shows it: the same as softmax(scores)."""
    return fmt(F.softmax(torch.tensor(values) + QUIZ_SHIFT, dim=0))


def scores_code(source: str, values: tuple[float, ...], count: int, seed: int) -> str:
    """The lines that make `scores` in the shown code."""
    if source == "tutorial":
        return TUTORIAL_SCORES_CODE
    if source == "random":
        return f"torch.manual_seed({seed})\nscores = torch.randn({count})\n"
    return f"scores = torch.tensor([{', '.join(repr(v) for v in values)}])\n"


def page_code(source_lines: str, temperature: float, shift: float, dtype: str) -> str:
    """The runnable code for what is on screen, with the current values.

    It prints, in order: the probabilities, their sum, the log-probabilities, the stable softmax
    of the shifted scores, and the exp-then-divide one.
    """
    return (
        "import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n\n"
        f"{source_lines}"
        f"T = {temperature}  # temperature\n\n"
        "probs = F.softmax(scores / T, dim=0)\n"
        "print(probs)\n"
        "print(probs.sum())  # 1: a probability distribution\n"
        "print(F.log_softmax(scores / T, dim=0))\n\n"
        "# Add the same constant c to every score\n"
        f"c = {float(shift)}\n"
        f"shifted = scores.to(torch.{dtype}) + c\n"
        "print(F.softmax(shifted, dim=0))  # the same as F.softmax(scores, dim=0)\n"
        "print(shifted.exp() / shifted.exp().sum())  # exp-then-divide: nan once exp overflows\n"
    )


def log_softmax_source() -> str:
    """The source of the hand-written log-softmax, as the page shows it."""
    return inspect.getsource(core.softmax.log_softmax)
