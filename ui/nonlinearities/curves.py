"""Curves and their derivatives: the chosen functions, f′ by autograd, their values at one point, the code."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from charts.nonlinearities import curves_chart
from charts.spec import vega_spec
from core.nonlinearities import NONLINEARITIES, Curve, at_point, curve, get_nonlinearity
from core.nonlinearities_code import autograd_code
from ui.nonlinearities.settings import SETTINGS, name_of
from ui.text import t

# Points per drawn curve: two pixels apart on a wide chart, and 0 (where ReLU bends) is one of them.
# Every point is an item the browser draws and a tooltip it prepares, on each step of a slider.
SAMPLES = 201


@st.cache_data(max_entries=128, show_spinner=False)
def cached_curve(name: str, reach: float) -> Curve:
    return curve(name, reach, SAMPLES)


@st.cache_data(max_entries=128, show_spinner=False)
def cached_point(names: tuple[str, ...], x0: float) -> list[tuple[str, float, float]]:
    return at_point(names, x0)


def controls() -> tuple[list[str], float, float]:
    default = SETTINGS.defaults()
    chosen = st.multiselect(
        t("nonlin.curves.choose"),
        list(NONLINEARITIES),
        default=list(default.chosen),
        format_func=name_of,
        key=SETTINGS.key("chosen"),
        persist_state="session",
    )
    ranges = st.columns(2)
    reach = ranges[0].slider(
        t("nonlin.curves.range"), 1.0, 10.0, default.reach, 0.5, key=SETTINGS.key("reach"), persist_state="session"
    )
    x0 = ranges[1].slider(
        t("nonlin.curves.point"), -10.0, 10.0, default.x0, 0.1, key=SETTINGS.key("x0"), persist_state="session"
    )
    return chosen, reach, x0


@st.cache_data(max_entries=128, show_spinner=False)
def chart_specs(
    chosen: tuple[str, ...], reach: float, x0: float, names: tuple[str, ...], words: tuple[str, ...]
) -> list[dict]:
    """The specs of f and f′ with a dot at x0 when it lies inside the drawn range.

    `names` are the chosen functions' shown names; `words` the titles (values, slopes, legend, x, f, f′).
    """
    values_title, slopes_title, legend, x_title, f_title, df_title = words
    drawn = [cached_curve(name, reach) for name in chosen]
    values = pd.concat([pd.DataFrame({"x": c.x, "y": c.value, "series": n}) for c, n in zip(drawn, names, strict=True)])
    slopes = pd.concat([pd.DataFrame({"x": c.x, "y": c.slope, "series": n}) for c, n in zip(drawn, names, strict=True)])
    shown = list(cached_point(chosen, x0)) if abs(x0) <= reach else []  # no dot outside the range
    label = dict(zip(chosen, names, strict=True))
    marks_f = pd.DataFrame(
        {"x": [x0] * len(shown), "y": [v for _, v, _ in shown], "series": [label[n] for n, _, _ in shown]}
    )
    marks_d = pd.DataFrame(
        {"x": [x0] * len(shown), "y": [g for _, _, g in shown], "series": [label[n] for n, _, _ in shown]}
    )
    return [
        vega_spec(curves_chart(values, values_title, x_title, f_title, legend, marks_f)),
        vega_spec(curves_chart(slopes, slopes_title, x_title, df_title, legend, marks_d)),
    ]


def charts(chosen: list[str], reach: float, x0: float) -> None:
    """f and f′ side by side."""
    words = (
        t("nonlin.curves.values"),
        t("nonlin.curves.slopes"),
        t("nonlin.curves.legend"),
        t("nonlin.axis.x"),
        t("nonlin.axis.f"),
        t("nonlin.axis.df"),
    )
    specs = chart_specs(tuple(chosen), reach, x0, tuple(name_of(name) for name in chosen), words)
    descriptions = (
        t("alt.nonlin.values"),
        t("alt.nonlin.slopes"),
    )
    for column, spec, description in zip(st.columns(2), specs, descriptions, strict=True):
        column.vega_lite_chart(spec, width="stretch", alt=description)


def table(chosen: list[str], x0: float, points: pd.DataFrame) -> None:
    st.markdown(t("nonlin.curves.table", x=f"{x0:g}"))
    # A static table: the interactive grid rewrites its hidden accessibility rows 200 ms after its
    # numbers change, so every step of x₀ waited that long for the page to settle.
    st.table(
        pd.DataFrame(
            {
                t("nonlin.col.function"): points["name"].map(name_of),
                t("nonlin.col.pytorch"): [get_nonlinearity(n).code for n in points["name"]],
                t("nonlin.col.value"): points["value"].round(4),
                t("nonlin.col.grad"): points["grad"].round(4),
            }
        ),
        hide_index=True,
    )
    with st.expander(t("nonlin.curves.formulas")):
        for name in chosen:
            st.latex(rf"\text{{{name_of(name)}}}:\quad {get_nonlinearity(name).formula}")


@st.fragment
def render() -> None:
    st.header(t("nonlin.curves.title"))
    st.markdown(t("nonlin.curves.text"))
    chosen, reach, x0 = controls()
    if not chosen:
        st.info(t("nonlin.curves.none"), icon=":material/info:")
        return
    points = pd.DataFrame(cached_point(tuple(chosen), x0), columns=["name", "value", "grad"])
    charts(chosen, reach, x0)
    table(chosen, x0, points)
    st.markdown(f"**{t('common.code')}**")
    st.code(autograd_code(chosen, x0), language="python")
