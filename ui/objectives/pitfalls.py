"""The pitfalls lab: a common mistake in feeding a classification loss, beside the right loss, on a random batch."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from charts.objectives import pitfall_bars
from charts.spec import vega_spec
from core import objectives_lesson
from core.pitfalls import PITFALLS
from ui.objectives import DEFAULTS, SETTINGS
from ui.state import seed
from ui.text import option_labels, t


@st.cache_data(max_entries=64, show_spinner=False)
def _result(key: str, rows: int, classes: int, chosen_seed: int) -> objectives_lesson.PitfallResult:
    return objectives_lesson.pitfall_result(key, rows, classes, chosen_seed)


@st.cache_data(max_entries=128, show_spinner=False)
def _bars_spec(right: tuple[float, ...], wrong: tuple[float, ...], words: tuple[str, ...]) -> dict:
    """The bars' spec, built once per batch and language; `words` are the series names and titles."""
    right_label, wrong_label, x_title, y_title, series_title = words
    return vega_spec(
        pitfall_bars(
            [str(i) for i in range(len(right))],
            list(right),
            list(wrong),
            right_label=right_label,
            wrong_label=wrong_label,
            x_title=x_title,
            y_title=y_title,
            series_title=series_title,
        )
    )


@st.fragment
def render() -> None:
    st.header(t("objectives.pitfalls.header"))
    st.write(t("objectives.pitfalls.text"))
    key = st.segmented_control(
        t("objectives.pitfall"),
        list(PITFALLS),
        format_func=option_labels("objectives.pitfall", PITFALLS),
        default=DEFAULTS.pitfall,
        required=True,
        key=SETTINGS.key("pitfall"),
        persist_state="session",
    )
    rows_column, classes_column = st.columns(2)
    rows = rows_column.slider(
        t("objectives.rows"), 1, 6, DEFAULTS.rows, key=SETTINGS.key("rows"), persist_state="session"
    )
    class_count = classes_column.slider(
        t("objectives.classes"), 2, 6, DEFAULTS.classes, key=SETTINGS.key("classes"), persist_state="session"
    )
    result = _result(key, rows, class_count, seed())

    st.info(t(f"objectives.pitfall.{key}.why"), icon=":material/lightbulb:")
    right_metric, wrong_metric, gap_metric = st.columns(3)
    right_metric.metric(t("objectives.metric.right"), f"{result.right:.4f}")
    wrong_metric.metric(t("objectives.metric.wrong"), f"{result.wrong:.4f}")
    gap_metric.metric(t("objectives.metric.gap"), f"{result.wrong - result.right:+.4f}")
    right_grad_metric, wrong_grad_metric, _ = st.columns(3)
    right_grad_metric.metric(
        t("objectives.metric.grad_right"), f"{result.right_push:.4f}", help=t("objectives.metric.grad_help")
    )
    wrong_grad_metric.metric(
        t("objectives.metric.grad_wrong"), f"{result.wrong_push:.4f}", help=t("objectives.metric.grad_help")
    )
    examples = [str(i) for i in range(rows)]
    words = (
        t("objectives.series.right"),
        t("objectives.series.wrong"),
        t("objectives.axis.example"),
        t("objectives.axis.example_loss"),
        t("objectives.series.title"),
    )
    st.vega_lite_chart(
        _bars_spec(result.right_each, result.wrong_each, words), width="stretch", alt=t("alt.objectives.pitfalls")
    )
    st.caption(t("objectives.code.pitfall"))
    st.code(objectives_lesson.pitfall_code(key, rows, class_count, seed()), language="python")
    with st.expander(t("objectives.batch"), icon=":material/table:"):
        batch = {
            t("objectives.col.example"): examples,
            t("objectives.col.target"): list(result.target),
        }
        for index in range(class_count):
            batch[t("objectives.col.class_score", index=index)] = [row[index] for row in result.scores]
        st.dataframe(pd.DataFrame(batch).style.format(precision=4), hide_index=True, width="stretch")
