"""What the optimisation sections share: the landscape picked, cached descents and cached chart specs.

Everything cached is a pure function of small hashable settings (the surface's arguments, the
learning rate, the steps, the start, translated titles), so one computation serves every session
and a rerun that changes nothing computes nothing. Charts are cached as finished Vega-Lite specs:
building and validating an Altair chart costs more than drawing the page around it.
"""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import pandas as pd
import streamlit as st

from charts.optimisation import band_bounds, grid_frame, loss_chart, surface_chart, surface_picture
from charts.palette import OPTIMIZER_COLORS
from charts.spec import vega_spec
from core.descent import DescentPath, ManualStep, descend, race, sgd_by_hand
from core.descent_summary import SurfaceArgs, fmt, manual_points, path_rows, runaway_rows, surface_from_args
from core.surfaces import Surface, loss_bands, loss_grid
from ui.text import t

# Points on a side of the surface's picture, and of the coarse grid that tells the loss under the pointer.
PICTURE_SIZE = 240
PROBE_SIZE = 15


@dataclass(frozen=True)
class ChartText:
    """The translated titles of the surface and loss charts."""

    x_title: str
    y_title: str
    loss_title: str
    path_title: str
    step_title: str
    manual_label: str


@dataclass(frozen=True)
class Landscape:
    """What the landscape section picked: the surface (by its arguments), the rate, the steps, the start."""

    args: SurfaceArgs
    lr: float
    steps: int
    start: tuple[float, float]
    text: ChartText

    @property
    def surface(self) -> Surface:
        return cached_surface(self.args)


# A surface holds its loss as a closure, which the data cache cannot copy; it is immutable, so
# one shared object serves every session.
@st.cache_resource(show_spinner=False, max_entries=64)
def cached_surface(args: SurfaceArgs) -> Surface:
    return surface_from_args(args)


@dataclass(frozen=True)
class SurfaceMap:
    """The surface as the browser draws it: a picture of its bands, cells that answer the pointer, its top."""

    picture: str
    probes: pd.DataFrame
    highest: float


@st.cache_data(show_spinner=False, max_entries=64)
def cached_map(args: SurfaceArgs) -> SurfaceMap:
    surface = cached_surface(args)
    fine = loss_grid(surface, PICTURE_SIZE)
    low, high = float(fine.loss.min()), float(fine.loss.max())
    picture = surface_picture(loss_bands(fine, band_bounds(low, high)).tolist())
    coarse = loss_grid(surface, PROBE_SIZE)
    probes = grid_frame(coarse.x_edges.tolist(), coarse.y_edges.tolist(), coarse.loss.tolist())
    return SurfaceMap(picture, probes, high)


@st.cache_data(show_spinner=False, max_entries=256)
def cached_race(
    args: SurfaceArgs, names: tuple[str, ...], lr: float, steps: int, start: tuple[float, float]
) -> dict[str, DescentPath]:
    return race(cached_surface(args), list(names), lr, steps, start)


@st.cache_data(show_spinner=False, max_entries=256)
def cached_manual(
    args: SurfaceArgs, lr: float, steps: int, start: tuple[float, float]
) -> tuple[list[ManualStep], DescentPath]:
    surface = cached_surface(args)
    return sgd_by_hand(surface, lr, steps, start), descend(surface, "sgd", lr, steps, start)


def opt_name(name: str) -> str:
    return t(f"optimisation.opt.{name}")


def numbers_table(rows: list[dict], numbers: tuple[str, ...], height: int | None = None) -> None:
    """A small static table whose `numbers` columns read like the page's metrics (`fmt`).

    Static, not `st.dataframe`: the interactive grid rewrites its hidden accessibility rows 200 ms
    after its size changes, so a step that adds a row kept the page busy that much longer. The
    numbers are written as text here: a styled table costs ten times as long to send.
    """
    columns = {t(f"optimisation.col.{name}") for name in numbers}
    shown = [
        {column: ("" if value is None else fmt(value)) if column in columns else value for column, value in row.items()}
        for row in rows
    ]
    st.table(pd.DataFrame(shown), hide_index=True, height=height if height is not None else "content")


def _surface_chart(args: SurfaceArgs, text: ChartText, start: tuple[float, float], **layers) -> alt.LayerChart:
    surface = cached_surface(args)
    drawn = cached_map(args)
    return surface_chart(
        drawn.picture,
        probes=drawn.probes,
        x_range=surface.x_range,
        y_range=surface.y_range,
        x_title=text.x_title,
        y_title=text.y_title,
        loss_title=text.loss_title,
        path_title=text.path_title,
        start=start,
        minimum=surface.minimum,
        **layers,
    )


@st.cache_data(show_spinner=False, max_entries=256)
def manual_chart_spec(land: Landscape, count: int, upto: int) -> dict:
    """The surface with the hand-written walk through step `upto` and that step's move dashed."""
    records, _ = cached_manual(land.args, land.lr, count, land.start)
    record = records[upto]
    points, losses = manual_points(records, upto)
    label = land.text.manual_label
    update = pd.DataFrame(
        [{"x": record.theta[0], "y": record.theta[1], "x2": record.new_theta[0], "y2": record.new_theta[1]}]
    )
    chart = _surface_chart(
        land.args,
        land.text,
        land.start,
        paths=pd.DataFrame(path_rows(label, points, losses)),
        colors={label: OPTIMIZER_COLORS["sgd"]},
        update=update,
    )
    return vega_spec(chart)


@st.cache_data(show_spinner=False, max_entries=128)
def race_chart_specs(land: Landscape, ordered: tuple[str, ...], names: tuple[str, ...]) -> tuple[dict, dict]:
    """The race on the map and its loss against step; `names` are the optimisers' shown names."""
    results = cached_race(land.args, ordered, land.lr, land.steps, land.start)
    label = dict(zip(ordered, names, strict=True))
    colors = {label[name]: OPTIMIZER_COLORS[name] for name in ordered}
    paths = pd.DataFrame(
        [row for name, path in results.items() for row in path_rows(label[name], path.points, path.losses)]
    )
    runaways = pd.DataFrame(runaway_rows(results, label), columns=["path", "x", "y", "step", "loss"])
    on_map = _surface_chart(land.args, land.text, land.start, paths=paths, colors=colors, runaways=runaways)
    over_time = loss_chart(
        paths,
        step_title=land.text.step_title,
        loss_title=land.text.loss_title,
        path_title=land.text.path_title,
        colors=colors,
        runaways=runaways,
        ceiling=cached_map(land.args).highest,
    )
    return vega_spec(on_map), vega_spec(over_time)
