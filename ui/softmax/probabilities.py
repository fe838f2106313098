"""Scores to probabilities at a temperature: metrics, softmax and log-softmax bars, the table, the sweep."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from charts import palette
from charts.softmax import temperature_lines, value_bars
from charts.spec import vega_spec
from core import softmax_lesson
from core.softmax_lesson import SWEEP
from ui.fragments import named
from ui.softmax import DEFAULTS, PROBABILITIES, SETTINGS, code, current_scores
from ui.text import t


@st.cache_data(max_entries=64, show_spinner=False)
def _probabilities(values: tuple[float, ...], temperature: float) -> softmax_lesson.Probabilities:
    return softmax_lesson.probabilities(values, temperature)


@st.cache_data(max_entries=128, show_spinner=False)
def _chart_specs(values: tuple[float, ...], temperature: float, words: tuple[str, ...]) -> tuple[dict, dict, dict]:
    """The specs of the two bar charts and the sweep: built by Altair once per scores, T and language."""
    class_axis, probability_axis, log_axis, temperature_axis, class_legend = words
    result = _probabilities(values, temperature)
    classes = [str(i) for i in range(len(values))]
    bars = value_bars(
        classes,
        list(result.probs),
        x_title=class_axis,
        y_title=probability_axis,
        color=palette.PRIMARY,
        value_format=".3f",
    )
    logs = value_bars(
        classes,
        list(result.log_probs),
        x_title=class_axis,
        y_title=log_axis,
        color=palette.SECONDARY,
        value_format=".2f",
    )
    sweep = temperature_lines(
        list(SWEEP),
        [list(row) for row in result.sweep],
        classes,
        temperature,
        x_title=temperature_axis,
        y_title=probability_axis,
        class_title=class_legend,
    )
    return vega_spec(bars), vega_spec(logs), vega_spec(sweep)


@named(PROBABILITIES)
def render(code_area) -> None:
    """The section, and the page's code (in `code_area`): both show the temperature."""
    values = current_scores()
    classes = [str(i) for i in range(len(values))]
    temperature = st.slider(
        t("softmax.temperature"),
        0.1,
        5.0,
        DEFAULTS.temperature,
        0.1,
        key=SETTINGS.key("temperature"),
        persist_state="session",
        help=t("softmax.temperature_help"),
        # A step reruns this fragment alone, the code below included.
    )
    temperature = round(float(temperature), 2)
    result = _probabilities(values, temperature)

    sum_metric, top_metric, log_metric = st.columns(3)
    sum_metric.metric(t("softmax.metric.sum"), f"{result.total:.4f}", help=t("softmax.metric.sum_help"))
    top_metric.metric(
        t("softmax.metric.top"),
        f"{result.probs[result.top]:.4f}",
        t("softmax.metric.top_delta", index=result.top),
        delta_color="off",
        delta_arrow="off",
    )
    log_metric.metric(t("softmax.metric.min_log"), f"{min(result.log_probs):.4f}")

    words = tuple(
        t(key)
        for key in (
            "softmax.axis.class",
            "softmax.axis.probability",
            "softmax.axis.log_probability",
            "softmax.axis.temperature",
            "softmax.legend.class",
        )
    )
    bars, logs, sweep = _chart_specs(values, temperature, words)
    probability_column, log_column = st.columns(2)
    with probability_column:
        st.subheader(t("softmax.chart.softmax"))
        st.vega_lite_chart(bars, width="stretch", alt=t("alt.softmax.probabilities"))
    with log_column:
        st.subheader(t("softmax.chart.log_softmax"))
        st.vega_lite_chart(logs, width="stretch", alt=t("alt.softmax.log_probabilities"))
    st.caption(t("softmax.log_note"))

    with st.expander(t("softmax.table"), icon=":material/table:"):
        st.dataframe(
            pd.DataFrame(
                {
                    t("softmax.col.class"): classes,
                    t("softmax.col.score"): list(values),
                    t("softmax.col.scaled"): list(result.scaled),
                    t("softmax.col.exp"): list(result.exps),
                    t("softmax.col.softmax"): list(result.probs),
                    t("softmax.col.log_softmax"): list(result.log_probs),
                }
            ).style.format(precision=4),
            hide_index=True,
            width="stretch",
        )
        st.caption(t("softmax.table_note", total=f"{result.exp_total:.4f}"))

    st.subheader(t("softmax.temperature.header"))
    st.write(t("softmax.temperature.text"))
    st.vega_lite_chart(sweep, width="stretch", alt=t("alt.softmax.temperature"))
    with code_area:
        code.render()
