"""One example, two losses: NLLLoss on log-probabilities equals CrossEntropyLoss on raw scores.

`source` (not a fragment: a new score vector may leave the chosen class out of range) picks the
scores; `losses` (a fragment) picks the right class and shows the losses, the curve, the table, the code.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from charts.objectives import loss_curve, target_bars
from charts.spec import vega_spec
from core import objectives_lesson
from core.objectives_lesson import SOURCES
from ui.markup import plain
from ui.objectives import DEFAULTS, SETTINGS, current_scores
from ui.state import seed
from ui.text import option_labels, t


@st.cache_data(max_entries=64, show_spinner=False)
def _example(values: tuple[float, ...], target: int) -> objectives_lesson.Example:
    return objectives_lesson.example(values, target)


@st.cache_data(max_entries=4, show_spinner=False)
def _curve() -> tuple[tuple[float, ...], tuple[float, ...], tuple[tuple[float, float], ...]]:
    return (*objectives_lesson.loss_curve(), objectives_lesson.reference_losses())


@st.cache_data(max_entries=64, show_spinner=False)
def _bars_spec(probabilities: tuple[float, ...], target: int, words: tuple[str, ...]) -> dict:
    """The probability bars' spec; `words` are the axis titles and the two legend entries."""
    x_title, y_title, right_label, other_label = words
    classes = [str(i) for i in range(len(probabilities))]
    return vega_spec(
        target_bars(
            classes,
            list(probabilities),
            target,
            x_title=x_title,
            y_title=y_title,
            right_label=right_label,
            other_label=other_label,
        )
    )


@st.cache_data(max_entries=64, show_spinner=False)
def _curve_spec(
    p: tuple[float, ...],
    losses: tuple[float, ...],
    references: tuple[tuple[float, float, str], ...],
    current: tuple[float, float, str],
    axes: tuple[str, str],
) -> dict:
    """The -log p curve's spec with its labelled reference points and the current example."""
    return vega_spec(loss_curve(list(p), list(losses), list(references), current, x_title=axes[0], y_title=axes[1]))


def source() -> tuple[float, ...]:
    """The header and the choice of scores; stops the page (after a translated error) for bad typed scores."""
    st.header(t("objectives.example.header"))
    st.write(t("objectives.example.text"))
    chosen = st.segmented_control(
        t("objectives.source"),
        list(SOURCES),
        format_func=option_labels("objectives.source", SOURCES),
        default=DEFAULTS.source,
        required=True,
        key=SETTINGS.key("source"),
        persist_state="session",
    )
    if chosen == "random":
        st.caption(t("objectives.random_note"))
    elif chosen == "custom":
        st.text_input(
            t("objectives.custom"),
            DEFAULTS.custom,
            key=SETTINGS.key("custom"),
            persist_state="session",
            help=t("objectives.custom_help"),
        )
    try:
        return current_scores()
    except ValueError as error:
        st.error(t("objectives.custom_error"), icon=":material/error:")
        st.caption(t("objectives.error_detail", detail=plain(error)))
        st.stop()


@st.fragment
def losses() -> None:
    values = current_scores()
    classes = [str(i) for i in range(len(values))]
    target_key = SETTINGS.key("target")
    if st.session_state.get(target_key) not in range(len(values)):
        # First visit, or a shorter custom vector left the chosen class out of range: class 0.
        SETTINGS.write(target=DEFAULTS.target)
    target = st.segmented_control(
        t("objectives.target"),
        list(range(len(values))),
        required=True,
        key=target_key,
        persist_state="session",
        help=t("objectives.target_help"),
    )
    result = _example(values, target)

    nll_metric, ce_metric, p_metric = st.columns(3)
    nll_metric.metric(t("objectives.metric.nll"), f"{result.nll:.4f}")
    ce_metric.metric(t("objectives.metric.ce"), f"{result.ce:.4f}")
    p_metric.metric(t("objectives.metric.p"), f"{result.p_right:.4f}", help=t("objectives.metric.p_help"))
    st.success(t("objectives.equal", difference=f"{abs(result.nll - result.ce):.1e}"), icon=":material/check_circle:")

    bars_column, curve_column = st.columns(2)
    with bars_column:
        st.subheader(t("objectives.chart.probabilities"))
        words = (
            t("objectives.axis.class"),
            t("objectives.axis.probability"),
            t("objectives.legend.right"),
            t("objectives.legend.other"),
        )
        st.vega_lite_chart(
            _bars_spec(tuple(result.probs), target, words),
            width="stretch",
            alt=t("alt.objectives.probabilities"),
        )
    with curve_column:
        st.subheader(t("objectives.chart.curve"))
        curve_p, curve_losses, reference_losses = _curve()
        references = tuple(
            (p, loss, t("objectives.curve.reference", p=p, loss=f"{loss:.2f}")) for p, loss in reference_losses
        )
        current = (result.p_right, result.ce, t("objectives.curve.current"))
        axes = (t("objectives.axis.p_right"), t("objectives.axis.loss"))
        st.vega_lite_chart(
            _curve_spec(curve_p, curve_losses, references, current, axes),
            width="stretch",
            alt=t("alt.objectives.curve"),
        )
    st.caption(t("objectives.curve.note"))

    with st.expander(t("objectives.table"), icon=":material/table:"):
        st.dataframe(
            pd.DataFrame(
                {
                    t("objectives.col.class"): classes,
                    t("objectives.col.score"): list(values),
                    t("objectives.col.probability"): list(result.probs),
                    t("objectives.col.log_probability"): list(result.log_probs),
                    t("objectives.col.loss"): [-value for value in result.log_probs],
                }
            ).style.format(precision=4),
            hide_index=True,
            width="stretch",
        )

    st.subheader(t("objectives.code.header"))
    st.caption(t("objectives.code.caption"))
    code = objectives_lesson.example_code(SETTINGS.read().source, values, target, seed())
    st.code(code, language="python")
