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

from charts.optimisation import grid_frame, loss_chart, surface_chart
from charts.palette import OPTIMIZER_COLORS
from core.descent import DescentPath, ManualStep, descend, race, sgd_by_hand
from core.descent_summary import SurfaceArgs, manual_points, path_rows, runaway_rows, surface_from_args
from core.surfaces import Surface, loss_grid
from ui.text import t


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


@st.cache_data(show_spinner=False, max_entries=64)
def cached_grid(args: SurfaceArgs) -> pd.DataFrame:
    grid = loss_grid(cached_surface(args))
    return grid_frame(grid.x_edges.tolist(), grid.y_edges.tolist(), grid.loss.tolist())


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


def number_columns(*names: str) -> dict:
    """Four decimals in the named table columns, so tiny values do not print 30 zeros."""
    return {t(f"optimisation.col.{name}"): st.column_config.NumberColumn(format="%.4f") for name in names}


def vega_spec(chart: alt.TopLevelMixin) -> dict:
    """The chart's Vega-Lite spec, with each layer's frame as a named dataset (sent to the browser as Arrow).

    The frames are taken out before `to_dict`, so no data transformer (a global Altair setting
    Streamlit changes while it converts charts) ever sees them.
    """
    datasets: dict[str, pd.DataFrame] = {}

    def detach(part: alt.TopLevelMixin) -> None:
        if isinstance(getattr(part, "data", None), pd.DataFrame):
            name = f"data-{len(datasets)}"
            datasets[name] = part.data
            part.data = alt.NamedData(name=name)
        for child in getattr(part, "layer", None) or []:
            detach(child)

    detach(chart)
    spec = chart.to_dict()
    spec["datasets"] = datasets
    return spec


def _surface_chart(args: SurfaceArgs, text: ChartText, start: tuple[float, float], **layers) -> alt.LayerChart:
    surface = cached_surface(args)
    return surface_chart(
        cached_grid(args),
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
        ceiling=float(cached_grid(land.args)["loss"].max()),
    )
    return vega_spec(on_map), vega_spec(over_time)
