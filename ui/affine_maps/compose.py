"""Two affine maps in a row are one affine map, until a non-linearity between them bends the plane."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from charts.affine import plane_chart, plane_frame
from charts.palette import PRIMARY, SECONDARY
from charts.spec import vega_spec
from core.affine import Composition, affine, between_fn, compose_through, composition
from core.affine_code import compose_code
from core.grid import lattice
from core.nonlinearities import NONLINEARITIES
from ui.affine_maps.plane import EXTENT, PLANE
from ui.affine_maps.settings import SETTINGS, as_map, entries, map_inputs
from ui.fragments import named
from ui.text import t

COUNT = 41  # lattice points per side, where the composition is compared and fitted
FIRST = ("tanh", "relu", "sigmoid")
BETWEEN = ["none", *FIRST] + [name for name in NONLINEARITIES if name not in FIRST]


@st.cache_data(max_entries=64, show_spinner=False)
def composed(f: tuple[float, ...], g: tuple[float, ...], between: str) -> Composition:
    (A, b), (C, d) = as_map(f), as_map(g)
    return composition(A, b, C, d, between, lattice(EXTENT, COUNT))


@st.cache_data(max_entries=64, show_spinner=False)
def pictures(
    f: tuple[float, ...], g: tuple[float, ...], between: str, names: tuple[str, ...], words: tuple[str, ...]
) -> list[dict]:
    """The specs of the two charts: f(g(x)) against one map, and f(between(g(x))) against its best fit.

    `names` are the four series' names, `words` the two titles and the legend's.
    """
    (A, b), (C, d) = as_map(f), as_map(g)
    result = composed(f, g, between)
    composed_name, single, bent, fitted = names
    straight = plane_frame(
        [
            (compose_through(A, b, C, d, PLANE.points), composed_name),
            (affine(result.AC, result.Ad_b, PLANE.points), single),
        ],
        PLANE,
    )
    curved = plane_frame(
        [
            (compose_through(A, b, C, d, PLANE.points, between_fn(between)), bent),
            (affine(result.A_fit, result.b_fit, PLANE.points), fitted),
        ],
        PLANE,
    )
    affine_title, bent_title, legend = words
    composed_colors = {composed_name: PRIMARY, single: SECONDARY}
    return [
        vega_spec(plane_chart(straight, affine_title, legend, composed_colors, (single,))),
        vega_spec(plane_chart(curved, bent_title, legend, {bent: PRIMARY, fitted: SECONDARY}, (fitted,))),
    ]


def single_map(result: Composition) -> None:
    st.markdown(t("affine.compose.single"))
    tables = st.columns(2)
    tables[0].dataframe(pd.DataFrame(result.AC.tolist(), columns=["AC[:, 0]", "AC[:, 1]"]).round(4), hide_index=True)
    tables[1].dataframe(pd.DataFrame({"Ad + b": result.Ad_b.tolist()}).round(4), hide_index=True)
    st.metric(t("affine.compose.noise"), f"{result.noise:.1e}")
    st.caption(t("affine.compose.noise_note"))


@named("affine.compose")
def render() -> None:
    st.header(t("affine.compose.title"))
    st.markdown(t("affine.compose.text"))
    f = entries(SETTINGS.read(), "f")
    g_controls, g_numbers = st.columns([2, 3])
    with g_controls:
        st.markdown(t("affine.compose.g_label"))
        g = map_inputs("g", ("C", "d"))
    between = st.selectbox(
        t("affine.compose.between"),
        BETWEEN,
        format_func=lambda name: t(f"affine.between.{name}"),
        key=SETTINGS.key("between"),
        persist_state="session",
    )
    result = composed(f, g, between)
    with g_numbers:
        single_map(result)
    names = (
        t("affine.compose.two_steps"),
        t("affine.compose.one_step"),
        t("affine.compose.bent"),
        t("affine.compose.fit"),
    )
    words = (t("affine.compose.chart_affine"), t("affine.compose.chart_bent"), t("affine.plane.legend"))
    descriptions = (t("alt.affine.composed"), t("alt.affine.bent"))
    columns = st.columns(2)
    for column, spec, description in zip(columns, pictures(f, g, between, names, words), descriptions, strict=True):
        column.vega_lite_chart(spec, width="stretch", alt=description)
    rms = result.rms
    st.metric(t("affine.compose.rms"), f"{rms:.4f}" if rms >= 1e-4 else f"{rms:.1e}")
    st.markdown(t("affine.compose.rms_none") if between == "none" else t("affine.compose.rms_bent"))
    st.markdown(f"**{t('common.code')}**")
    st.code(compose_code(*as_map(f), *as_map(g), between, EXTENT, COUNT), language="python")
