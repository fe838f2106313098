"""What the optimisation page computes and how it writes numbers: cached descents, formats, defaults."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from charts.optimisation import grid_frame
from core.descent import DescentPath, ManualStep, descend, race, sgd_by_hand
from core.surfaces import Surface, WeightChoice, build_surface, loss_grid
from ui.text import t

LR_OPTIONS = [0.0001, 0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0]
# A learning rate and a number of steps that show each surface at its most telling.
SURFACE_DEFAULTS = {
    "bowl": (0.05, 100),
    "rosenbrock": (0.002, 300),
    "saddle": (0.05, 150),
    "classifier": (0.1, 100),
}
RACE_DEFAULT = ["sgd", "sgd_momentum", "nesterov", "adam", "rmsprop", "adagrad"]
MANUAL_STEPS = 30
QUIZ_STEPS = 100

SurfaceArgs = tuple[str, float, int, str, str, str, str]


def make_surface(args: SurfaceArgs) -> Surface:
    key, kappa, seed_value, label_x, word_x, label_y, word_y = args
    return build_surface(key, kappa, seed_value, WeightChoice(label_x, word_x), WeightChoice(label_y, word_y))


# Everything below is a pure function of small hashable settings: one computation serves every session.
@st.cache_data(show_spinner=False, max_entries=64)
def cached_grid(args: SurfaceArgs) -> pd.DataFrame:
    grid = loss_grid(make_surface(args))
    return grid_frame(grid.x_edges.tolist(), grid.y_edges.tolist(), grid.loss.tolist())


@st.cache_data(show_spinner=False, max_entries=256)
def cached_race(
    args: SurfaceArgs, names: tuple[str, ...], lr: float, steps: int, start: tuple[float, float]
) -> dict[str, DescentPath]:
    return race(make_surface(args), list(names), lr, steps, start)


@st.cache_data(show_spinner=False, max_entries=256)
def cached_manual(
    args: SurfaceArgs, lr: float, steps: int, start: tuple[float, float]
) -> tuple[list[ManualStep], DescentPath]:
    surface = make_surface(args)
    return sgd_by_hand(surface, lr, steps, start), descend(surface, "sgd", lr, steps, start)


def fmt(value: float) -> str:
    """Four decimals, or scientific notation for numbers too large or too small for that."""
    if value != 0 and (abs(value) >= 1e5 or abs(value) < 1e-4):
        return f"{value:.3e}"
    return f"{value:.4f}"


def number_columns(*names: str) -> dict:
    """Four decimals in the named table columns, so tiny values do not print 30 zeros."""
    return {t(f"optimisation.col.{name}"): st.column_config.NumberColumn(format="%.4f") for name in names}


def tex(value: float) -> str:
    """About five significant digits, so that big gradients still fit beside the chart."""
    if value != 0 and (abs(value) >= 1e5 or abs(value) < 1e-4):
        return f"{value:.3e}"
    digits = len(str(int(abs(value))))
    return f"{value:.{max(1, 5 - digits)}f}"


def opt_name(name: str) -> str:
    return t(f"optimisation.opt.{name}")


def path_rows(label: str, points: list[tuple[float, float]], losses: list[float]) -> list[dict]:
    return [
        {"path": label, "step": step, "x": x, "y": y, "loss": loss}
        for step, ((x, y), loss) in enumerate(zip(points, losses, strict=True))
    ]
