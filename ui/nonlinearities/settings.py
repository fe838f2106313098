"""The non-linearities page's settings, under the keys "nonlin.*"."""

from __future__ import annotations

from dataclasses import dataclass

from core.nonlinearities import NONLINEARITIES
from ui.links import Between, Choice, Flag, from_settings
from ui.settings import PageSettings
from ui.text import t


@dataclass(frozen=True)
class NonlinSettings:
    chosen: tuple[str, ...] = ("tanh", "sigmoid", "relu")
    reach: float = 5.0
    x0: float = 1.0
    depth: int = 10
    same_gain: bool = False
    abs_x: float = 5.0
    rows: int = 2
    cols: int = 2
    after_affine: bool = True
    quiz: str | None = None


SETTINGS = PageSettings("nonlin", NonlinSettings)
LINKS = from_settings(
    SETTINGS,
    {
        "chosen": Choice(NONLINEARITIES),
        "reach": Between(1.0, 10.0, 0.5),
        "x0": Between(-10.0, 10.0, 0.1),
        "depth": Between(1, 30, 1),
        "same_gain": Flag(),
        "abs_x": Between(0.0, 15.0, 0.5),
        "rows": Between(1, 6, 1),
        "cols": Between(1, 6, 1),
        "after_affine": Flag(),
    },
)


def name_of(key: str) -> str:
    """A function's name as the page shows it."""
    return t(f"nonlin.fn.{key}")
