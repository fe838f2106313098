"""Shift invariance and overflow: softmax(x + c) computed stably beside exp-then-divide, in float32 or float64."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from charts.softmax import shift_bars
from charts.spec import vega_spec
from core import softmax_lesson
from core.softmax_lesson import DTYPES, SHIFTS
from ui.fragments import named, rerun_shown
from ui.softmax import DEFAULTS, PROBABILITIES, SETTINGS, STABILITY, current_scores
from ui.text import t


@st.cache_data(max_entries=64, show_spinner=False)
def _shifted(values: tuple[float, ...], shift: float, dtype_name: str) -> softmax_lesson.Shifted:
    return softmax_lesson.shifted(values, shift, dtype_name)


@st.cache_data(max_entries=128, show_spinner=False)
def _bars_spec(series: tuple[tuple[str, tuple[float, ...]], ...], words: tuple[str, ...]) -> dict:
    """The grouped bars' spec, built once per result and language; `words` are the titles and the nan label."""
    x_title, y_title, series_title, missing_label = words
    classes = [str(i) for i in range(len(series[0][1]))]
    bars = shift_bars(
        classes,
        {name: list(values) for name, values in series},
        x_title=x_title,
        y_title=y_title,
        series_title=series_title,
        missing_label=missing_label,
    )
    return vega_spec(bars)


# Its controls also rerun the probabilities section, which draws the page's code with their values.
CODE_READERS = (STABILITY, PROBABILITIES)


@named(STABILITY)
def render() -> None:
    values = current_scores()
    classes = [str(i) for i in range(len(values))]
    st.header(t("softmax.shift.header"))
    st.write(t("softmax.shift.text"))
    shift_column, dtype_column = st.columns([3, 1])
    with shift_column:
        shift = st.select_slider(
            t("softmax.shift"),
            list(SHIFTS),
            value=DEFAULTS.shift,
            key=SETTINGS.key("shift"),
            persist_state="session",
            help=t("softmax.shift_help"),
            on_change=rerun_shown,
            args=(CODE_READERS,),
        )
    with dtype_column:
        dtype_name = st.segmented_control(
            t("softmax.dtype"),
            list(DTYPES),
            default=DEFAULTS.dtype,
            required=True,
            key=SETTINGS.key("dtype"),
            persist_state="session",
            help=t("softmax.dtype_help"),
            on_change=rerun_shown,
            args=(CODE_READERS,),
        )
    result = _shifted(values, shift, dtype_name)

    st.caption(t("softmax.limit", dtype=dtype_name, limit=f"{result.limit:.2f}", largest=f"{result.largest:.2f}"))
    st.metric(t("softmax.metric.difference"), f"{result.difference:.2e}", help=t("softmax.metric.difference_help"))
    series = (
        (t("softmax.series.original"), tuple(result.original)),
        (t("softmax.series.stable"), tuple(result.stable)),
        (t("softmax.series.naive"), tuple(result.naive)),
    )
    words = (t("softmax.axis.class"), t("softmax.axis.probability"), t("softmax.series.title"), t("softmax.nan"))
    st.vega_lite_chart(_bars_spec(series, words), width="stretch", alt=t("alt.softmax.shift"))

    naive_column, stable_column = st.columns(2)
    with naive_column:
        st.subheader(t("softmax.naive.header"))
        if result.broken:
            st.error(t("softmax.naive.broken", count=result.broken, total=len(values)), icon=":material/error:")
        else:
            st.success(t("softmax.naive.ok"), icon=":material/check_circle:")
        # Static tables: the interactive grid rewrites its hidden accessibility rows 200 ms after
        # its numbers change, so every shift waited that long for the page to settle.
        st.table(
            pd.DataFrame(
                {
                    t("softmax.col.class"): classes,
                    t("softmax.col.shifted"): list(result.shifted),
                    t("softmax.col.exp_naive"): list(result.exp_naive),
                    t("softmax.col.naive"): list(result.naive_text),
                }
            ),
            hide_index=True,
            width="stretch",
        )
    with stable_column:
        st.subheader(t("softmax.stable.header"))
        st.success(t("softmax.stable.ok", difference=f"{result.difference:.2e}"), icon=":material/check_circle:")
        st.table(
            pd.DataFrame(
                {
                    t("softmax.col.class"): classes,
                    t("softmax.col.minus_max"): list(result.minus_max),
                    t("softmax.col.exp_stable"): list(result.exp_stable),
                    t("softmax.col.stable"): list(result.stable_text),
                }
            ),
            hide_index=True,
            width="stretch",
        )
