"""nn.Linear maps every row of a batch: the four matrices, one output number by hand, and the code."""

from __future__ import annotations

import streamlit as st

from charts.affine import as_rows, heatmap_spec
from core.affine import LinearResult, affine, entry_terms, linear_result, max_abs_difference
from core.affine_code import entry_sum, linear_code
from ui.affine_maps.settings import SETTINGS
from ui.markup import plain
from ui.state import device, seed
from ui.text import t


@st.cache_data(max_entries=64, show_spinner=False)
def computed(seed: int, in_features: int, out_features: int, rows: int, device: str) -> LinearResult:
    return linear_result(seed, in_features, out_features, rows, device)


@st.cache_data(max_entries=256, show_spinner=False)
def heatmap(
    matrix: tuple[tuple[float, ...], ...], row_title: str, col_title: str, highlight_row: int | None = None
) -> dict:
    """A matrix's chart, built once per matrix and titles (building a chart costs more than sending it).

    The title with the matrix's shape is written above the chart, not in it, so a new shape
    leaves the spec alone and the browser only swaps the numbers.
    """
    return heatmap_spec(matrix, None, row_title, col_title, highlight_row)


def titled(column, title: str, name: str, spec: dict) -> None:
    """The chart under its title (which carries the shape); the text alternative names the matrix only.

    A changed text alternative makes the browser build the chart anew, so it must not change with
    the sliders (the shape is in the title above, the values in the cells).
    """
    column.markdown(f"**{title}**")
    column.vega_lite_chart(spec, width="stretch", alt=t("alt.matrix", name=name))


def sizes() -> tuple[int, int, int]:
    default = SETTINGS.defaults()
    columns = st.columns(3)
    in_features = columns[0].slider(
        t("affine.linear.in"), 1, 8, default.in_features, key=SETTINGS.key("in_features"), persist_state="session"
    )
    out_features = columns[1].slider(
        t("affine.linear.out"), 1, 6, default.out_features, key=SETTINGS.key("out_features"), persist_state="session"
    )
    rows = columns[2].slider(
        t("affine.linear.rows"), 1, 6, default.rows, key=SETTINGS.key("rows"), persist_state="session"
    )
    return in_features, out_features, rows


def result(in_features: int, out_features: int, rows: int) -> tuple[LinearResult, str]:
    """The layer's numbers on the sidebar's device, or on the CPU with an error when that device is unusable."""
    try:
        return computed(seed(), in_features, out_features, rows, device()), device()
    except ValueError as error:
        st.error(t("affine.device_error", device=device()), icon=":material/error:")
        st.caption(plain(error))
        return computed(seed(), in_features, out_features, rows, "cpu"), "cpu"


def matrices(numbers: LinearResult, rows: int, in_features: int, out_features: int, row: int, column: int) -> None:
    row_title, col_title, unit = t("affine.axis.row"), t("affine.axis.column"), t("affine.axis.output_unit")
    top = st.columns(2)
    titled(
        top[0],
        t("affine.linear.x_title", n=rows, m=in_features),
        t("affine.linear.x_name"),
        heatmap(as_rows(numbers.batch), row_title, col_title, highlight_row=row),
    )
    titled(
        top[1],
        t("affine.linear.a_title", n=out_features, m=in_features),
        t("affine.linear.a_name"),
        heatmap(as_rows(numbers.weight), unit, col_title, highlight_row=column),
    )
    bottom = st.columns(2)
    titled(
        bottom[0],
        t("affine.linear.b_title", n=out_features),
        t("affine.linear.b_name"),
        heatmap(as_rows([numbers.bias.tolist()]), "", unit),
    )
    titled(
        bottom[1],
        t("affine.linear.y_title", n=rows, m=out_features),
        t("affine.linear.y_name"),
        heatmap(as_rows(numbers.output), row_title, unit, highlight_row=row),
    )


def by_hand(numbers: LinearResult, row: int, column: int) -> None:
    st.subheader(t("affine.linear.row_title"))
    pairs, bias_term, total = entry_terms(numbers.weight, numbers.bias, numbers.batch, row, column)
    st.markdown(t("affine.linear.entry", row=row, column=column))
    st.code(entry_sum(pairs, bias_term, total), language=None, wrap_lines=True)
    alone = affine(numbers.weight, numbers.bias, numbers.batch[row : row + 1])
    metrics = st.columns(3)
    metrics[0].metric(t("affine.linear.by_hand"), f"{total:.4f}")
    metrics[1].metric(t("affine.linear.from_layer"), f"{float(numbers.output[row, column]):.4f}")
    metrics[2].metric(
        t("affine.linear.alone_diff", row=row), f"{max_abs_difference(alone[0], numbers.output[row]):.1e}"
    )
    st.caption(t("affine.linear.alone_note", row=row))


@st.fragment
def render() -> None:
    st.header(t("affine.linear.title"))
    st.markdown(t("affine.linear.text"))
    in_features, out_features, rows = sizes()
    numbers, where = result(in_features, out_features, rows)
    pick = st.columns(2)
    row = pick[0].selectbox(t("affine.linear.row"), range(rows), key=SETTINGS.key("row"))
    column = pick[1].selectbox(t("affine.linear.column"), range(out_features), key=SETTINGS.key("column"))
    st.caption(t("affine.linear.outline", row=row, column=column))
    matrices(numbers, rows, in_features, out_features, row, column)
    by_hand(numbers, row, column)
    st.markdown(f"**{t('common.code')}**")
    st.code(linear_code(seed(), in_features, out_features, rows, row, where), language="python")
