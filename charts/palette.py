"""Every colour the charts use, named by what it means (one place to change them, for every chart).

Charts sit on the app's background, white in the light theme and near-black in the dark one
(`.streamlit/config.toml`). A mark colour therefore has a middle luminance that reaches 3:1 against
both (WCAG's contrast for graphics; `tests/test_theme_contrast.py` checks every one). Text drawn
on the chart's background needs 4.5:1, which no single colour reaches against both: it takes
`TEXT`, which follows the theme.
"""

from __future__ import annotations

import altair as alt

# Categorical series, in order: tells neighbours apart under the common colour-vision deficiencies
# (after Okabe and Ito, darkened or lightened to the middle luminance). The theme's
# chartCategoricalColors are this list, so charts without a colour scale of their own get it too.
CATEGORICAL: tuple[str, ...] = (
    "#1f77b4",
    "#c75a00",
    "#008f68",
    "#b45f96",
    "#8a6d1e",
    "#8b63c4",
    "#7f7f7f",
    "#d62728",
)
# One colour per optimiser, the same in every chart that races them.
OPTIMIZER_COLORS: dict[str, str] = {
    "sgd": "#d62728",
    "sgd_momentum": "#c75a00",
    "nesterov": "#8c564b",
    "adam": "#8b63c4",
    "adamw": "#b45f96",
    "rmsprop": "#1f77b4",
    "adagrad": "#2ca02c",
}
# Right and wrong answers, and everything else, in the objectives lesson.
RIGHT = "#2e7d32"
WRONG = "#c62828"
OTHER = "#7f7f7f"
# Two quantities side by side (probability and log-probability; a curve and its derivative).
PRIMARY = "#1f77b4"
SECONDARY = "#d95f02"
# Marks on light fills (the contour bands of a loss map, pale heatmap cells), in either theme.
INK = "#111111"
# Text and rules on the chart's own background: dark on the light theme, light on the dark one.
# Streamlit gives every chart the app's background, which Vega reads as its `background` signal.
TEXT = {"expr": "isString(background) && luminance(background) < 0.5 ? '#f2f3f5' : '#111316'"}
MUTED_TEXT = {"expr": "isString(background) && luminance(background) < 0.5 ? '#b9bcc2' : '#4a4d52'"}
# The gap between heatmap cells: the background itself, so cells read as tiles in either theme.
GAP = {"expr": "isString(background) ? background : 'white'"}
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
# ColorBrewer schemes (Vega names): signed values diverge around zero from red to blue, an order
# that holds under the common colour-vision deficiencies; counts grow from light to dark.
DIVERGING_SCHEME = "redblue"
SEQUENTIAL_SCHEME = "blues"
# A number written on a cell of those scales: dark on light cells, white on dark ones, switching
# where the two contrasts cross (both are above 4.2:1 there; measured on the schemes' colours).
DIVERGING_WHITE_FROM = 0.68  # share of the half-range, from zero out
SEQUENTIAL_WHITE_FROM = 0.7  # share of the range


def on_diverging(field: str, limit: float) -> dict:
    """Text colour for a cell of the diverging scale on [-limit, limit]."""
    return alt.condition(f"abs(datum['{field}']) > {DIVERGING_WHITE_FROM * limit}", alt.value("white"), alt.value(INK))


def on_sequential(field: str, top: float) -> dict:
    """Text colour for a cell of the sequential scale on [0, top]."""
    return alt.condition(f"datum['{field}'] > {SEQUENTIAL_WHITE_FROM * top}", alt.value("white"), alt.value(INK))
