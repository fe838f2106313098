"""Charts of the optimisation page: loss surfaces with descent paths, and loss against step."""

from __future__ import annotations

import math
from collections.abc import Sequence

import altair as alt
import pandas as pd

from charts.palette import BANDS as BANDS_PALETTE
from charts.palette import INK
from charts.spec import on_canvas
from core.png import data_url, indexed_png

SURFACE_HEIGHT = 440
LOSS_HEIGHT = 320
BANDS = len(BANDS_PALETTE)


def _path_color(colors: dict[str, str], path_title: str) -> alt.Color:
    """One colour per path, the same on the map and on the loss chart, with the legend below."""
    labels = list(colors)
    return alt.Color(
        "path:N",
        title=path_title,
        scale=alt.Scale(domain=labels, range=[colors[label] for label in labels]),
        legend=alt.Legend(orient="bottom", direction="horizontal", columns=3, symbolStrokeWidth=4, symbolSize=160),
    )


def _path_dash(colors: dict[str, str], path_title: str, legend: bool = True) -> alt.StrokeDash:
    """A dash pattern per path as well: paths drawn together differ without telling colours apart.

    Same field, title and domain as `_path_color`, so a legend shows both in one entry. The map's
    paths carry point marks, which would make a second legend of their own: there it is left out,
    and the loss chart beside it shows the same dash for each path.
    """
    return alt.StrokeDash(
        "path:N", title=path_title, scale=alt.Scale(domain=list(colors)), legend=alt.Undefined if legend else None
    )


def grid_frame(x_edges: Sequence[float], y_edges: Sequence[float], loss: Sequence[Sequence[float]]) -> pd.DataFrame:
    """One row per grid cell: its edges, its centre and the loss there (`loss[row along y][column along x]`)."""
    rows = []
    for i, values in enumerate(loss):
        for j, value in enumerate(values):
            rows.append(
                {
                    "x": x_edges[j],
                    "x2": x_edges[j + 1],
                    "y": y_edges[i],
                    "y2": y_edges[i + 1],
                    "cx": (x_edges[j] + x_edges[j + 1]) / 2,
                    "cy": (y_edges[i] + y_edges[i + 1]) / 2,
                    "loss": float(value),
                }
            )
    return pd.DataFrame(rows)


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def surface_picture(bands: Sequence[Sequence[int]]) -> str:
    """The loss bands as a PNG `data:` URL: `bands[row along y][column along x]` indexes `BANDS`.

    Row 0 is the lowest y, so it becomes the picture's bottom row. One picture is one mark for
    the browser to draw, where a grid of rectangles is thousands, each with its own encoding.
    """
    palette = [_rgb(colour) for colour in BANDS_PALETTE]
    return data_url(indexed_png(list(reversed(bands)), palette))


def _round_significant(value: float, digits: int = 2) -> float:
    if value == 0 or not math.isfinite(value):
        return value
    return round(value, digits - 1 - math.floor(math.log10(abs(value))))


def band_bounds(low: float, high: float, count: int = BANDS) -> list[float]:
    """Boundaries between `count` loss bands, spaced evenly in log(loss - low) like contour levels."""
    if not (math.isfinite(low) and math.isfinite(high)) or high <= low:
        return [low]
    span = high - low
    # From a thousandth of the range up: the bottom of a valley gets as many bands as its walls.
    ratios = [10 ** (-3 + 3 * k / count) for k in range(1, count)]
    bounds = sorted({_round_significant(low + span * r) for r in ratios})
    return bounds


# Tick values of a symmetric-log loss axis: 0 and signed powers of ten. The list is the same for
# every chart (Vega draws only the values inside the scale's range), so new losses leave the
# spec as it was and the browser redraws the lines instead of building the chart again.
SYMLOG_TICKS = sorted(
    [0.0, *(float(10**power) for power in range(-2, 10)), *(-float(10**power) for power in range(-2, 10))]
)


def surface_chart(
    picture: str,
    paths: pd.DataFrame,
    *,
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    x_title: str,
    y_title: str,
    loss_title: str,
    path_title: str,
    colors: dict[str, str],
    probes: pd.DataFrame | None = None,
    start: tuple[float, float] | None = None,
    minimum: tuple[float, float] | None = None,
    runaways: pd.DataFrame | None = None,
    update: pd.DataFrame | None = None,
) -> alt.LayerChart:
    """The loss as a picture of contour bands, the descent paths on top, the start and any known minimum.

    `picture` is the window's picture (`surface_picture`); `probes` a coarse grid of cells (x, x2,
    y, y2, loss at the centre) that tell the loss under the pointer; `paths` has columns path
    (legend label), step, x, y, loss; `runaways` the last good point of each path that diverged
    (drawn as a large cross); `update` one segment (x, y, x2, y2) drawn as the current step's move.
    """
    x_scale = alt.Scale(domain=list(x_range), nice=False, zero=False)
    y_scale = alt.Scale(domain=list(y_range), nice=False, zero=False)
    # The picture travels as data, not in the spec: a new surface then changes only the chart's
    # data, and the browser keeps the chart it has drawn instead of building a new one.
    window = pd.DataFrame([{"x": x_range[0], "x2": x_range[1], "y": y_range[1], "y2": y_range[0], "url": picture}])
    heat = (
        alt.Chart(window)
        .mark_image(aspect=False, align="left", baseline="top")
        .encode(
            x=alt.X("x:Q", scale=x_scale, title=x_title),
            x2="x2:Q",
            y=alt.Y("y:Q", scale=y_scale, title=y_title),
            y2="y2:Q",
            url="url:N",
        )
    )
    layers: list[alt.Chart] = [heat]
    if probes is not None and len(probes):
        # Invisible cells: the pointer over the map reads the loss at the nearest cell centre.
        layers.append(
            alt.Chart(probes)
            .mark_rect(opacity=0)
            .encode(
                x=alt.X("x:Q", scale=x_scale),
                x2="x2:Q",
                y=alt.Y("y:Q", scale=y_scale),
                y2="y2:Q",
                tooltip=[
                    alt.Tooltip("cx:Q", title=x_title, format=".2f"),
                    alt.Tooltip("cy:Q", title=y_title, format=".2f"),
                    alt.Tooltip("loss:Q", title=loss_title, format=".4g"),
                ],
            )
        )
    color = _path_color(colors, path_title)
    if len(paths):
        layers.append(
            alt.Chart(paths)
            .mark_line(strokeWidth=3, clip=True, point=alt.OverlayMarkDef(size=24, filled=True, clip=True))
            .encode(
                x=alt.X("x:Q", scale=x_scale),
                y=alt.Y("y:Q", scale=y_scale),
                order="step:Q",
                color=color,
                strokeDash=_path_dash(colors, path_title, legend=False),
                tooltip=[
                    alt.Tooltip("path:N", title=path_title),
                    alt.Tooltip("step:Q"),
                    alt.Tooltip("x:Q", title=x_title, format=".4f"),
                    alt.Tooltip("y:Q", title=y_title, format=".4f"),
                    alt.Tooltip("loss:Q", title=loss_title, format=".4g"),
                ],
            )
        )
    if update is not None and len(update):
        layers.append(
            alt.Chart(update)
            .mark_rule(strokeWidth=5, color=INK, strokeDash=[6, 3], clip=True)
            .encode(x=alt.X("x:Q", scale=x_scale), y=alt.Y("y:Q", scale=y_scale), x2="x2:Q", y2="y2:Q")
        )
    # The crosses' layer is there even when no path ran away, so that a runaway coming or going
    # changes the chart's data, not its spec (the browser then keeps the chart it has drawn).
    if runaways is not None:
        # A path that left the window gets its cross on the edge it left by, not out of sight.
        on_map = runaways.assign(
            x=runaways["x"].clip(*x_range),
            y=runaways["y"].clip(*y_range),
        )
        layers.append(
            alt.Chart(on_map)
            .mark_point(shape="cross", angle=45, size=700, filled=True, clip=False, stroke=INK, strokeWidth=1)
            .encode(
                x=alt.X("x:Q", scale=x_scale),
                y=alt.Y("y:Q", scale=y_scale),
                # The crosses repeat the paths' colours: one legend is enough.
                color=color.legend(None),
            )
        )
    marks = []
    if start is not None:
        marks.append({"x": start[0], "y": start[1], "kind": "start"})
    if minimum is not None:
        marks.append({"x": minimum[0], "y": minimum[1], "kind": "minimum"})
    if marks:
        layers.append(
            alt.Chart(pd.DataFrame(marks))
            .mark_point(size=260, filled=True, color=INK, clip=True)
            .encode(
                x=alt.X("x:Q", scale=x_scale),
                y=alt.Y("y:Q", scale=y_scale),
                shape=alt.Shape(
                    "kind:N",
                    scale=alt.Scale(domain=["start", "minimum"], range=["circle", "diamond"]),
                    legend=None,
                ),
            )
        )
    return on_canvas(alt.layer(*layers).resolve_scale(color="independent").properties(height=SURFACE_HEIGHT))


def loss_chart(
    paths: pd.DataFrame,
    *,
    step_title: str,
    loss_title: str,
    path_title: str,
    colors: dict[str, str],
    runaways: pd.DataFrame | None = None,
    ceiling: float | None = None,
) -> alt.LayerChart:
    """Loss against step, one line per path, on a symmetric-log axis so small losses stay visible.

    Above `ceiling` (the highest loss on the map, say) lines leave through the top instead of
    squashing every other line flat; a runaway's cross then sits on the top edge. The spec is the
    same for any numbers: only the data change when a path does.
    """
    color = _path_color(colors, path_title)
    # Losses above the ceiling are drawn at it: the scale's domain then follows the data up to
    # the ceiling, and stays out of the spec. The tooltips read the true loss.
    paths = paths.assign(drawn=paths["loss"].clip(upper=ceiling) if ceiling is not None else paths["loss"])
    y = alt.Y(
        "drawn:Q",
        title=loss_title,
        scale=alt.Scale(type="symlog", constant=0.01),
        axis=alt.Axis(values=SYMLOG_TICKS, format="~g"),
    )
    layers: list[alt.Chart] = [
        alt.Chart(paths)
        .mark_line(strokeWidth=3, clip=True)
        .encode(
            x=alt.X("step:Q", title=step_title),
            y=y,
            color=color,
            strokeDash=_path_dash(colors, path_title),
            tooltip=[
                alt.Tooltip("path:N", title=path_title),
                alt.Tooltip("step:Q", title=step_title),
                alt.Tooltip("loss:Q", title=loss_title, format=".4g"),
            ],
        )
    ]
    if runaways is not None:  # even when empty, as on the map
        runaways = runaways.assign(
            drawn=runaways["loss"].clip(upper=ceiling) if ceiling is not None else runaways["loss"]
        )
        layers.append(
            alt.Chart(runaways)
            .mark_point(shape="cross", angle=45, size=500, filled=True, stroke=INK, strokeWidth=1)
            .encode(x="step:Q", y=y, color=color)
        )
    return on_canvas(alt.layer(*layers).properties(height=LOSS_HEIGHT))
