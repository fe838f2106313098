"""Softmax and probabilities: scores to a distribution, temperature, shift invariance and overflow."""

import inspect

import pandas as pd
import streamlit as st
import torch
import torch.nn.functional as F

import core.softmax
from charts.softmax import shift_bars, temperature_lines, value_bars
from core.scores import TUTORIAL_SCORES_CODE, parse_scores, random_scores, tutorial_scores
from core.softmax import exp_overflow_limit, log_softmax, naive_softmax, softmax, softmax_over_temperatures
from ui.markup import plain
from ui.quiz import predict_then_reveal
from ui.state import seed
from ui.text import option_labels, t

SOURCES = ["tutorial", "random", "custom"]
SHIFTS = [-1000, -200, -100, 0, 10, 50, 80, 85, 90, 100, 200, 500, 710, 1000]
DTYPES = {"float32": torch.float32, "float64": torch.float64}
QUIZ = ["same", "nan", "uniform", "onehot"]
SWEEP = [round(10 ** (k / 20), 4) for k in range(-20, 21)]  # 0.1 to 10, evenly on a log scale


def fmt(values) -> str:
    """A vector as the page and the code's print show it: 4 decimals."""
    return "[" + ", ".join(f"{float(v):.4f}" for v in values) + "]"


def scores_code(source: str, values: list[float], count: int, chosen_seed: int) -> str:
    """The lines that make `scores` in the shown code."""
    if source == "tutorial":
        return TUTORIAL_SCORES_CODE
    if source == "random":
        return f"torch.manual_seed({chosen_seed})\nscores = torch.randn({count})\n"
    return f"scores = torch.tensor([{', '.join(repr(v) for v in values)}])\n"


def page_code(source_lines: str, temperature: float, shift: float, dtype: str) -> str:
    """The runnable code for what is on screen, with the current values."""
    return (
        "import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n\n"
        f"{source_lines}"
        f"T = {temperature}  # temperature\n\n"
        "probs = F.softmax(scores / T, dim=0)\n"
        "print(probs)\n"
        "print(probs.sum())  # 1: a probability distribution\n"
        "print(F.log_softmax(scores / T, dim=0))\n\n"
        "# Add the same constant c to every score\n"
        f"c = {float(shift)}\n"
        f"shifted = scores.to(torch.{dtype}) + c\n"
        "print(F.softmax(shifted, dim=0))  # the same as F.softmax(scores, dim=0)\n"
        "print(shifted.exp() / shifted.exp().sum())  # exp-then-divide: nan once exp overflows\n"
    )


st.title(t("softmax.title"))
st.write(t("softmax.intro"))
st.latex(r"\operatorname{softmax}(x)_i = \frac{\exp(x_i / T)}{\sum_j \exp(x_j / T)}")

# ---------------------------------------------------------------- scores to probabilities
st.header(t("softmax.scores.header"))
source_column, detail_column = st.columns([1, 1])
with source_column:
    source = st.segmented_control(
        t("softmax.source"), SOURCES, format_func=option_labels("softmax.source", SOURCES),
        default="tutorial", required=True, key="softmax_source", persist_state="session",
    )
count = 5
with detail_column:
    if source == "random":
        count = st.slider(
            t("softmax.count"), 2, 10, 5, key="softmax_count", persist_state="session",
            help=t("softmax.count_help"),
        )
    elif source == "custom":
        text = st.text_input(
            t("softmax.custom"), "2, 1, 0.1", key="softmax_custom", persist_state="session",
            help=t("softmax.custom_help"),
        )
    else:
        st.caption(t("softmax.source.tutorial_note"))

if source == "random":
    scores = random_scores(count, seed())
elif source == "custom":
    try:
        scores = torch.tensor(parse_scores(text))
    except ValueError as error:
        st.error(t("softmax.custom_error"), icon=":material/error:")
        st.caption(t("softmax.error_detail", detail=plain(error)))
        st.stop()
else:
    scores = tutorial_scores()
values = scores.tolist()
classes = [str(i) for i in range(len(values))]

temperature = st.slider(
    t("softmax.temperature"), 0.1, 5.0, 1.0, 0.1, key="softmax_temperature", persist_state="session",
    help=t("softmax.temperature_help"),
)
temperature = round(float(temperature), 2)
probs = softmax(scores, temperature)
log_probs = log_softmax(scores, temperature)
top = int(probs.argmax())

sum_metric, top_metric, log_metric = st.columns(3)
sum_metric.metric(t("softmax.metric.sum"), f"{float(probs.sum()):.4f}", help=t("softmax.metric.sum_help"))
top_metric.metric(
    t("softmax.metric.top"), f"{float(probs[top]):.4f}", t("softmax.metric.top_delta", index=top),
    delta_color="off", delta_arrow="off",
)
log_metric.metric(t("softmax.metric.min_log"), f"{float(log_probs.min()):.4f}")

probability_column, log_column = st.columns(2)
with probability_column:
    st.subheader(t("softmax.chart.softmax"))
    st.altair_chart(
        value_bars(
            classes, probs.tolist(), x_title=t("softmax.axis.class"), y_title=t("softmax.axis.probability"),
            color="#1f77b4", value_format=".3f",
        ),
        width="stretch",
    )
with log_column:
    st.subheader(t("softmax.chart.log_softmax"))
    st.altair_chart(
        value_bars(
            classes, log_probs.tolist(), x_title=t("softmax.axis.class"),
            y_title=t("softmax.axis.log_probability"), color="#d95f02", value_format=".2f",
        ),
        width="stretch",
    )
st.caption(t("softmax.log_note"))

scaled = scores / temperature
exps = scaled.exp()
with st.expander(t("softmax.table"), icon=":material/table:"):
    st.dataframe(
        pd.DataFrame(
            {
                t("softmax.col.class"): classes,
                t("softmax.col.score"): values,
                t("softmax.col.scaled"): scaled.tolist(),
                t("softmax.col.exp"): exps.tolist(),
                t("softmax.col.softmax"): probs.tolist(),
                t("softmax.col.log_softmax"): log_probs.tolist(),
            }
        ).style.format(precision=4),
        hide_index=True,
        width="stretch",
    )
    st.caption(t("softmax.table_note", total=f"{float(exps.sum()):.4f}"))

st.subheader(t("softmax.temperature.header"))
st.write(t("softmax.temperature.text"))
sweep = softmax_over_temperatures(scores, SWEEP)
st.altair_chart(
    temperature_lines(
        SWEEP, sweep.tolist(), classes, temperature, x_title=t("softmax.axis.temperature"),
        y_title=t("softmax.axis.probability"), class_title=t("softmax.legend.class"),
    ),
    width="stretch",
)

# ---------------------------------------------------------------- predict, then reveal
st.header(t("softmax.quiz.header"))
answer = predict_then_reveal(
    t("softmax.quiz.question"), QUIZ, option_labels("softmax.quiz", QUIZ), correct="same",
    right=t("softmax.quiz.right"), wrong=t("softmax.quiz.wrong"), key="softmax_quiz",
)
if answer is not None:
    st.markdown(t("softmax.quiz.result", values=f"`{fmt(F.softmax(scores + 1000, dim=0))}`"))

# ---------------------------------------------------------------- shift invariance and overflow
st.header(t("softmax.shift.header"))
st.write(t("softmax.shift.text"))
shift_column, dtype_column = st.columns([3, 1])
with shift_column:
    shift = st.select_slider(
        t("softmax.shift"), SHIFTS, value=100, key="softmax_shift", persist_state="session",
        help=t("softmax.shift_help"),
    )
with dtype_column:
    dtype_name = st.segmented_control(
        t("softmax.dtype"), list(DTYPES), default="float32", required=True, key="softmax_dtype",
        persist_state="session", help=t("softmax.dtype_help"),
    )
dtype = DTYPES[dtype_name]
shifted = scores.to(dtype) + shift
original = softmax(scores.to(dtype))
stable = softmax(shifted)
naive = naive_softmax(shifted)
difference = float((stable - original).abs().max())
broken = int((~torch.isfinite(naive)).sum())

st.caption(
    t(
        "softmax.limit", dtype=dtype_name, limit=f"{exp_overflow_limit(dtype):.2f}",
        largest=f"{float(shifted.max()):.2f}",
    )
)
st.metric(
    t("softmax.metric.difference"), f"{difference:.2e}", help=t("softmax.metric.difference_help"),
)
st.altair_chart(
    shift_bars(
        classes,
        {
            t("softmax.series.original"): original.tolist(),
            t("softmax.series.stable"): stable.tolist(),
            t("softmax.series.naive"): naive.tolist(),
        },
        x_title=t("softmax.axis.class"), y_title=t("softmax.axis.probability"),
        series_title=t("softmax.series.title"), missing_label=t("softmax.nan"),
    ),
    width="stretch",
)


def number_column(tensor: torch.Tensor) -> list[str]:
    # Written out as text so that inf and nan show as such, not as empty cells.
    return [f"{float(v):.4g}" for v in tensor]


naive_column, stable_column = st.columns(2)
with naive_column:
    st.subheader(t("softmax.naive.header"))
    if broken:
        st.error(t("softmax.naive.broken", count=broken, total=len(values)), icon=":material/error:")
    else:
        st.success(t("softmax.naive.ok"), icon=":material/check_circle:")
    st.dataframe(
        pd.DataFrame(
            {
                t("softmax.col.class"): classes,
                t("softmax.col.shifted"): number_column(shifted),
                t("softmax.col.exp_naive"): number_column(shifted.exp()),
                t("softmax.col.naive"): number_column(naive),
            }
        ),
        hide_index=True,
        width="stretch",
    )
with stable_column:
    st.subheader(t("softmax.stable.header"))
    st.success(t("softmax.stable.ok", difference=f"{difference:.2e}"), icon=":material/check_circle:")
    minus_max = shifted - shifted.max()
    st.dataframe(
        pd.DataFrame(
            {
                t("softmax.col.class"): classes,
                t("softmax.col.minus_max"): number_column(minus_max),
                t("softmax.col.exp_stable"): number_column(minus_max.exp()),
                t("softmax.col.stable"): number_column(stable),
            }
        ),
        hide_index=True,
        width="stretch",
    )

# ---------------------------------------------------------------- the code
st.header(t("softmax.code.header"))
st.caption(t("softmax.code.caption"))
code = page_code(scores_code(source, values, count, seed()), temperature, shift, dtype_name)
st.code(code, language="python")
with st.expander(t("softmax.source_code"), icon=":material/code:"):
    st.caption(t("softmax.source_code_caption"))
    st.code(inspect.getsource(core.softmax.log_softmax), language="python")
