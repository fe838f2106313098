"""Charts of the affine-maps page: matrices as heatmaps and shapes of the plane under a map."""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from charts.palette import DIVERGING_SCHEME, GAP, TEXT, on_diverging
from charts.spec import vega_spec
from charts.theme import LABEL_SIZE

PLANE_SIZE = 380


def sized(chart: alt.TopLevelMixin, autosize: str = "fit-x") -> alt.TopLevelMixin:
    """A sizing mode (the look comes from the app's theme).

    Streamlit's default sizing ("fit") counts the title, axes and legend inside the height,
    which squeezes the plot; "fit-x" fits only the width, "pad" keeps the given size.
    """
    return chart.properties(autosize=alt.AutoSizeParams(type=autosize, contains="padding"))


def matrix_frame(matrix: Sequence[Sequence[float]]) -> pd.DataFrame:
    """One row per entry of a matrix: its row, its column and its value."""
    return pd.DataFrame(
        [
            {"row": i, "col": j, "value": float(value)}
            for i, values in enumerate(matrix)
            for j, value in enumerate(values)
        ]
    )


def matrix_heatmap(
    matrix: Sequence[Sequence[float]],
    title: str | None,
    row_title: str,
    col_title: str,
    digits: int = 4,
    highlight_row: int | None = None,
) -> alt.LayerChart:
    """A matrix drawn as coloured cells (blue positive, red negative) with each value written in.

    `highlight_row` outlines one row, to follow a row of the input to its row of the output.
    Without a `title` the page writes one above the chart. The page names the chart for screen
    readers (`alt=`), not the spec: Streamlit lets `alt` replace a spec's description, and says so
    in its log on every run.
    """
    frame = matrix_frame(matrix)
    columns = max(len(values) for values in matrix)
    if columns > 5:
        digits = min(digits, 2)
    limit = max(float(frame["value"].abs().max()), 1e-9)
    # Shades and labels are data, not constants in the spec: a new matrix of the same shape then
    # has the same spec, and the browser redraws only the numbers (see `charts.spec`).
    frame["shade"] = frame["value"] / limit
    frame["label"] = [f"{value:.{digits}f}" for value in frame["value"]]
    # Wide matrices get fewer digits in a smaller type: as data too, so that crossing to six
    # columns leaves the spec as it was.
    frame["font"] = LABEL_SIZE if columns <= 5 else LABEL_SIZE - 1
    base = alt.Chart(frame, **({"title": title} if title else {})).encode(
        x=alt.X("col:O", title=col_title, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("row:O", title=row_title),
    )
    cells = base.mark_rect(stroke=GAP, strokeWidth=1).encode(
        color=alt.Color(
            "shade:Q",
            scale=alt.Scale(scheme=DIVERGING_SCHEME, domainMid=0, domain=[-1, 1]),
            legend=None,
        ),
        tooltip=[
            alt.Tooltip("row:O", title=row_title),
            alt.Tooltip("col:O", title=col_title),
            alt.Tooltip("label:N", title="value"),
        ],
    )
    text = base.mark_text().encode(
        text="label:N",
        size=alt.Size("font:Q", scale=None, legend=None),
        color=on_diverging("shade", 1),
    )
    layers = [cells, text]
    if highlight_row is not None:
        # In the theme's text colour: the outline shows against the page in either theme.
        outline = alt.Chart(frame[frame["row"] == highlight_row]).mark_rect(fill=None, stroke=TEXT, strokeWidth=3)
        layers.append(outline.encode(x="col:O", y="row:O"))
    # A step, not a total height: the title and the axes must not eat the rows' space.
    chart = alt.layer(*layers).properties(height=alt.Step(42))
    return sized(chart)


def polyline_frame(points, line: Sequence[int], series: str, part: str) -> pd.DataFrame:
    """Points of a set of polylines, labelled with their series (legend) and part (grid or shape)."""
    values = points.tolist()
    return pd.DataFrame(
        {
            "x": [p[0] for p in values],
            "y": [p[1] for p in values],
            "line": [f"{part}-{ix}" for ix in line],
            "order": range(len(values)),
            "series": series,
            "part": part,
        }
    )


def plane_frame(layers: Sequence[tuple[object, str]], plane) -> pd.DataFrame:
    """Each (mapped points of a `core.grid.Plane`, series) pair as its grid's and its letter F's polylines."""
    parts = []
    for mapped, series in layers:
        parts += [
            polyline_frame(mapped[: plane.grid_size], plane.grid_line, series, "grid"),
            polyline_frame(mapped[plane.grid_size :], plane.shape_line, series, "shape"),
        ]
    return pd.concat(parts, ignore_index=True)


def plane_chart(
    frame: pd.DataFrame,
    title: str,
    legend_title: str,
    colors: dict[str, str],
    dashed: Sequence[str] = (),
    x_title: str = "x₁",
    y_title: str = "x₂",
) -> alt.LayerChart:
    """Grids (thin) and shapes (thick) of the plane, both axes on one scale.

    One unit is as long across as up, because a rotation drawn on stretched axes looks like a
    shear. The chart takes its column's width (a phone's too) at a fixed height, and the longer
    side shows more of the plane: each axis spans [-reach, reach] times its length over the
    shorter one's, computed in the browser from Vega's width and height.
    """
    reach = float(max(frame["x"].abs().max(), frame["y"].abs().max(), 1.0)) * 1.08
    series = list(colors)

    def spread(side: str) -> dict:
        half = f"{reach} * {side} / min(width, height)"
        return {"expr": f"[-{half}, {half}]"}

    encode = {
        "x": alt.X("x:Q", title=x_title, scale=alt.Scale(domain=spread("width"), nice=False)),
        "y": alt.Y("y:Q", title=y_title, scale=alt.Scale(domain=spread("height"), nice=False)),
        "color": alt.Color(
            "series:N",
            title=legend_title,
            scale=alt.Scale(domain=series, range=[colors[s] for s in series]),
            legend=alt.Legend(orient="bottom", direction="vertical"),
        ),
        "strokeDash": alt.StrokeDash(
            "series:N",
            scale=alt.Scale(domain=series, range=[[6, 4] if s in dashed else [1, 0] for s in series]),
            legend=None,
        ),
        "detail": "line:N",
        "order": "order:Q",
    }
    base = alt.Chart(frame, title=title)
    grid = base.transform_filter("datum.part == 'grid'").mark_line(strokeWidth=1.3, opacity=0.75)
    shape = base.transform_filter("datum.part == 'shape'").mark_line(strokeWidth=3.5)
    chart = grid.encode(**encode) + shape.encode(**encode)
    return sized(chart.properties(width="container", height=PLANE_SIZE))


def heatmap_spec(
    matrix: tuple[tuple[float, ...], ...],
    title: str | None,
    row_title: str,
    col_title: str,
    highlight_row: int | None = None,
) -> dict:
    """`matrix_heatmap`'s Vega-Lite spec: small hashable arguments, so a page can cache it."""
    rows = [list(values) for values in matrix]
    return vega_spec(matrix_heatmap(rows, title, row_title, col_title, highlight_row=highlight_row))


def as_rows(values) -> tuple[tuple[float, ...], ...]:
    """A 2-D tensor or nested list as a tuple of tuples (hashable, for a cached spec)."""
    rows = values.tolist() if hasattr(values, "tolist") else values
    return tuple(tuple(float(value) for value in row) for row in rows)
