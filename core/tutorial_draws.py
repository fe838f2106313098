"""The tutorial's random draws, in its order, defined once.

After `torch.manual_seed(1)` the tutorial draws, cell by cell: `nn.Linear(5, 3)` and
`torch.randn(2, 5)` (affine maps), `torch.randn(2, 2)` (non-linearities), `torch.randn(5)`
(softmax), and only then builds its classifier. Anything that must land on the tutorial's
numbers repeats the first few of these draws, as code that runs (`draw`) or as code a learner
reads (`draws_code`).
"""

from __future__ import annotations

from collections.abc import Callable

import torch
from torch import nn

# (the code as the tutorial writes it, the same draw as a call), in the tutorial's order.
DRAWS: tuple[tuple[str, Callable[[], object]], ...] = (
    ("nn.Linear(5, 3)", lambda: nn.Linear(5, 3)),
    ("torch.randn(2, 5)", lambda: torch.randn(2, 5)),
    ("torch.randn(2, 2)", lambda: torch.randn(2, 2)),
    ("torch.randn(5)", lambda: torch.randn(5)),
)
AFFINE_CELL = 2  # the affine-maps cell draws the first two
BEFORE_SOFTMAX = 3  # the softmax vector is the fourth draw
BEFORE_CLASSIFIER = len(DRAWS)


def draw(count: int) -> list[object]:
    """Make the first `count` draws from torch's global generator (seed it first)."""
    if not 0 <= count <= len(DRAWS):
        raise ValueError(f"the tutorial makes {len(DRAWS)} draws; got {count}")
    return [make() for _, make in DRAWS[:count]]


def draws_code(count: int, indent: str = "") -> str:
    """The first `count` draws as lines of PyTorch code, each ending in a newline."""
    if not 0 <= count <= len(DRAWS):
        raise ValueError(f"the tutorial makes {len(DRAWS)} draws; got {count}")
    return "".join(f"{indent}{code}\n" for code, _ in DRAWS[:count])
