"""The 2-D playground: a map f(x) = Ax + b moves a grid and a letter F; its determinant scales areas."""

from __future__ import annotations

import streamlit as st
import torch

from charts.affine import plane_chart, plane_frame
from charts.palette import OTHER, PRIMARY
from charts.spec import vega_spec
from core.affine import affine
from core.affine_code import plane_code
from core.grid import area_effect, letter_f, plane, polygon_area
from ui.affine_maps.settings import as_map, map_inputs
from ui.fragments import named
from ui.text import t

EXTENT = 2.0
PLANE = plane(EXTENT)


@st.cache_data(max_entries=64, show_spinner=False)
def playground_spec(entries: tuple[float, ...], before: str, after: str, title: str, legend: str) -> dict:
    """The grid and the F before (grey) and after the map, as a chart spec."""
    frame = plane_frame([(PLANE.points, before), (affine(*as_map(entries), PLANE.points), after)], PLANE)
    return vega_spec(plane_chart(frame, title, legend, {before: OTHER, after: PRIMARY}))


def summary(entries: tuple[float, ...]) -> None:
    """The determinant, what it does to areas, and the F's area before and after."""
    A, b = as_map(entries)
    det = float(torch.linalg.det(A.double()))
    shape = letter_f()
    st.metric(t("affine.plane.det"), f"{det:.3f}")
    st.markdown(t(f"affine.det.{area_effect(det)}", scale=f"{abs(det):.3f}"))
    before, after = abs(polygon_area(shape)), abs(polygon_area(affine(A, b, shape)))
    st.caption(t("affine.plane.area", before=f"{before:.3f}", after=f"{after:.3f}"))


@named("affine.plane")
def render() -> None:
    st.header(t("affine.plane.title"))
    st.markdown(t("affine.plane.text"))
    controls, picture = st.columns([2, 3])
    with controls:
        entries = map_inputs("f", ("A", "b"), redraw_both=True)
        summary(entries)
    with picture:
        words = (
            t("affine.plane.before"),
            t("affine.plane.after"),
            t("affine.plane.chart_title"),
            t("affine.plane.legend"),
        )
        st.vega_lite_chart(playground_spec(entries, *words), width="stretch", alt=t("alt.affine.plane"))
    st.markdown(f"**{t('common.code')}**")
    st.code(plane_code(*as_map(entries)), language="python")
