"""The tutorial's ReLU cell: a random tensor before and after F.relu, drawn in the tutorial's order."""

from __future__ import annotations

import streamlit as st

from charts.affine import as_rows, heatmap_spec
from core.nonlinearities import relu_cell
from core.nonlinearities_code import relu_cell_code
from ui.nonlinearities.settings import SETTINGS
from ui.state import seed
from ui.text import t


@st.cache_data(max_entries=64, show_spinner=False)
def cell(seed: int, rows: int, cols: int, after_affine: bool) -> tuple[list[list[float]], list[list[float]], int]:
    """The tensor, its ReLU (as lists) and how many entries ReLU set to 0."""
    data, relu = relu_cell(seed, rows, cols, after_affine)
    return data.tolist(), relu.tolist(), int((data < 0).sum())


@st.cache_data(max_entries=128, show_spinner=False)
def heatmap(matrix: tuple[tuple[float, ...], ...], title: str, row_title: str, col_title: str) -> dict:
    """A matrix's chart, built once per matrix and titles."""
    return heatmap_spec(matrix, title, row_title, col_title)


@st.fragment
def render() -> None:
    st.header(t("nonlin.relu.title"))
    st.markdown(t("nonlin.relu.text"))
    default = SETTINGS.defaults()
    shape = st.columns(3)
    rows = shape[0].slider(t("nonlin.relu.rows"), 1, 6, default.rows, key=SETTINGS.key("rows"), persist_state="session")
    cols = shape[1].slider(t("nonlin.relu.cols"), 1, 6, default.cols, key=SETTINGS.key("cols"), persist_state="session")
    after_affine = shape[2].toggle(
        t("nonlin.relu.after_affine"),
        value=default.after_affine,
        key=SETTINGS.key("after_affine"),
        persist_state="session",
        help=t("nonlin.relu.after_affine_help"),
    )
    data, relu, zeroed = cell(seed(), rows, cols, after_affine)
    row_title, col_title = t("nonlin.axis.row"), t("nonlin.axis.column")
    heatmaps = st.columns(2)
    for column, matrix, title in (
        (heatmaps[0], data, t("nonlin.relu.before")),
        (heatmaps[1], relu, t("nonlin.relu.after")),
    ):
        column.vega_lite_chart(
            heatmap(as_rows(matrix), title, row_title, col_title), width="stretch", alt=t("alt.matrix", name=title)
        )
    st.markdown(t("nonlin.relu.zeroed", count=zeroed, total=rows * cols))
    st.markdown(f"**{t('common.code')}**")
    st.code(relu_cell_code(seed(), rows, cols, after_affine), language="python")
