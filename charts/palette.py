"""Every colour the charts use, named by what it means (one place to change them, for every chart)."""

from __future__ import annotations

# Categorical series: one colour per optimiser, the same in every chart that races them.
OPTIMIZER_COLORS: dict[str, str] = {
    "sgd": "#d62728",
    "sgd_momentum": "#ff7f0e",
    "nesterov": "#8c564b",
    "adam": "#7b3fbf",
    "adamw": "#e377c2",
    "rmsprop": "#1f77b4",
    "adagrad": "#2ca02c",
}
# Right and wrong answers, and everything else, in the objectives lesson.
RIGHT = "#2e7d32"
WRONG = "#c62828"
OTHER = "#9e9e9e"
# Two quantities side by side (probability and log-probability; a curve and its derivative).
PRIMARY = "#1f77b4"
SECONDARY = "#d95f02"
# Marks drawn on top of a chart: points, start markers, annotations.
INK = "#111111"
MUTED_INK = "#555555"
# Loss bands of a contour map, from low (light) to high (dark).
BANDS: tuple[str, ...] = (
    "#fbfcfd",
    "#eef2f6",
    "#e0e7ee",
    "#d1dbe5",
    "#c1cedb",
    "#b0c0d0",
    "#9eb1c4",
    "#8ba1b7",
    "#778fa8",
)
# Vega schemes: signed values diverge around zero; counts grow from light to dark.
DIVERGING_SCHEME = "redblue"
SEQUENTIAL_SCHEME = "blues"
