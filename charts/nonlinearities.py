"""Charts of the non-linearities page: curves, their derivatives and gradients through a stack."""

from __future__ import annotations

import altair as alt
import pandas as pd

from charts.affine import sized
from charts.palette import OTHER


def curves_chart(
    frame: pd.DataFrame,
    title: str,
    x_title: str,
    y_title: str,
    legend_title: str,
    marks: pd.DataFrame | None = None,
    log_y: bool = False,
    height: int = 260,
) -> alt.LayerChart:
    """Curves y(x), one colour per `series`, with optional highlighted points `marks` (x, y, series)."""
    scale = alt.Scale(type="log") if log_y else alt.Scale(zero=False)
    # Several functions are drawn together: each has a dash pattern as well as a colour, and the
    # legend draws a piece of each line (a symbol would hide the dash).
    legend = alt.Legend(orient="bottom", columns=4, symbolType="stroke", symbolStrokeWidth=3, symbolSize=400)
    color = alt.Color("series:N", title=legend_title, legend=legend)
    dash = alt.StrokeDash("series:N", title=legend_title)
    lines = (
        alt.Chart(frame, title=title)
        .mark_line(strokeWidth=2.5)
        .encode(
            x=alt.X("x:Q", title=x_title),
            y=alt.Y("y:Q", title=y_title, scale=scale),
            color=color,
            strokeDash=dash,
            tooltip=[
                alt.Tooltip("series:N", title=legend_title),
                alt.Tooltip("x:Q", format=".2f", title=x_title),
                alt.Tooltip("y:Q", format=".4g", title=y_title),
            ],
        )
    )
    layers = [lines]
    if not log_y:
        layers.insert(0, alt.Chart(pd.DataFrame({"y": [0.0]})).mark_rule(color=OTHER).encode(y="y:Q"))
    # The dots' layer is there even with no dot (x₀ outside the range), so that a dot coming or
    # going changes the chart's data, not its spec (the browser then keeps the chart it has drawn).
    if marks is not None:
        layers.append(
            alt.Chart(marks).mark_point(size=110, filled=True).encode(x="x:Q", y=alt.Y("y:Q", scale=scale), color=color)
        )
    return sized(alt.layer(*layers).properties(height=height))


def gradient_flow_chart(frame: pd.DataFrame, x_title: str, y_title: str, legend_title: str) -> alt.LayerChart:
    """Gradient norm (log scale) against the number of layers it has crossed, one line per function.

    No title: the page writes it above the chart, with the depth, so that a new depth changes the
    chart's data and not its spec.
    """
    base = alt.Chart(frame).encode(
        x=alt.X("layers:Q", title=x_title, axis=alt.Axis(tickMinStep=1, format="d")),
        y=alt.Y("norm:Q", title=y_title, scale=alt.Scale(type="log")),
        # Lines drawn together differ by dash and by point shape too, not by colour alone; the legend
        # shows each shape filled, as on the lines.
        color=alt.Color("series:N", title=legend_title, legend=alt.Legend(orient="bottom", symbolStrokeWidth=0)),
        strokeDash=alt.StrokeDash("series:N", title=legend_title),
        shape=alt.Shape("series:N", title=legend_title),
        tooltip=[
            alt.Tooltip("series:N", title=legend_title),
            alt.Tooltip("layers:Q", title=x_title),
            alt.Tooltip("norm:Q", format=".3g", title=y_title),
        ],
    )
    chart = base.mark_line(strokeWidth=2.5) + base.mark_point(size=60, filled=True)
    return sized(chart.properties(height=280))
