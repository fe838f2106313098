"""Vanishing gradients: the gradient's size through a stack of layers, σ′ far from 0, and the code."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from charts.nonlinearities import curves_chart, gradient_flow_chart
from charts.spec import vega_spec
from core.gradients import STACKED, gradient_flows
from core.nonlinearities import sigmoid_slope, sigmoid_slopes
from core.nonlinearities_code import gradient_code
from ui.nonlinearities.settings import SETTINGS, name_of
from ui.state import seed
from ui.text import t

WIDTH, BATCH = 32, 64


@st.cache_data(max_entries=128, show_spinner=False)
def flows(depth: int, seed: int, same_gain: bool) -> dict[str, list[float]]:
    return gradient_flows(depth, WIDTH, BATCH, seed, same_gain)


@st.cache_data(max_entries=4, show_spinner=False)
def slopes() -> tuple[list[float], list[float]]:
    return sigmoid_slopes()


@st.cache_data(max_entries=128, show_spinner=False)
def flow_spec(depth: int, seed: int, same_gain: bool, names: tuple[str, ...], words: tuple[str, ...]) -> dict:
    """The gradient-flow chart's spec; `names` are STACKED's shown names, `words` its titles."""
    label = dict(zip(STACKED, names, strict=True))
    frame = pd.DataFrame(
        [
            {"layers": j, "norm": norm, "series": label[name]}
            for name, values in flows(depth, seed, same_gain).items()
            for j, norm in enumerate(values)
        ]
    )
    return vega_spec(gradient_flow_chart(frame, *words))


@st.cache_data(max_entries=64, show_spinner=False)
def sigmoid_spec(far: float, name: str, words: tuple[str, ...]) -> dict:
    """σ′ on a log scale with a dot at `far`."""
    xs, grads = slopes()
    frame = pd.DataFrame({"x": xs, "y": grads, "series": name})
    mark = pd.DataFrame({"x": [far], "y": [sigmoid_slope(far)], "series": [name]})
    return vega_spec(curves_chart(frame, *words, mark, log_y=True, height=220))


def flow_chart(norms: dict[str, list[float]], depth: int, same_gain: bool) -> None:
    st.markdown(f"**{t('nonlin.vanish.chart', depth=depth)}**")
    words = (
        t("nonlin.vanish.axis_layers"),
        t("nonlin.vanish.axis_norm"),
        t("nonlin.curves.legend"),
    )
    names = tuple(name_of(name) for name in STACKED)
    st.vega_lite_chart(flow_spec(depth, seed(), same_gain, names, words), width="stretch", alt=t("alt.nonlin.flow"))
    metrics = st.columns(len(STACKED))
    for column, name in zip(metrics, STACKED, strict=True):
        values = norms[name]
        column.metric(
            t("nonlin.vanish.at_input", name=name_of(name)),
            f"{values[-1]:.3g}",
            delta=t("nonlin.vanish.ratio", ratio=f"{values[-1] / values[0]:.2g}"),
            delta_color="off",
            delta_arrow="off",
        )
    st.caption(t("nonlin.vanish.reading"))


@st.fragment
def sigmoid() -> None:
    """σ′(x) on a log scale, and its value at the chosen x: why a deep stack of sigmoids barely learns."""
    st.subheader(t("nonlin.sigmoid.title"))
    st.markdown(t("nonlin.sigmoid.text"))
    far = st.slider(
        t("nonlin.sigmoid.x"),
        0.0,
        15.0,
        SETTINGS.defaults().abs_x,
        0.5,
        key=SETTINGS.key("abs_x"),
        persist_state="session",
    )
    at_far = sigmoid_slope(far)
    words = (
        t("nonlin.sigmoid.chart"),
        t("nonlin.sigmoid.axis_x"),
        t("nonlin.sigmoid.axis_y"),
        t("nonlin.curves.legend"),
    )
    left, right = st.columns([3, 2])
    left.vega_lite_chart(sigmoid_spec(far, name_of("sigmoid"), words), width="stretch", alt=t("alt.nonlin.sigmoid"))
    with right:
        st.metric(t("nonlin.sigmoid.metric", x=f"{far:g}"), f"{at_far:.3g}")
        st.metric(t("nonlin.sigmoid.share"), f"{at_far / 0.25:.2%}")
        st.caption(t("nonlin.sigmoid.note"))


@st.fragment
def render() -> None:
    st.header(t("nonlin.vanish.title"))
    st.markdown(t("nonlin.vanish.text", width=WIDTH))
    default = SETTINGS.defaults()
    controls = st.columns(2)
    depth = controls[0].slider(
        t("nonlin.vanish.depth"), 1, 30, default.depth, key=SETTINGS.key("depth"), persist_state="session"
    )
    same_gain = controls[1].toggle(
        t("nonlin.vanish.same_gain"),
        key=SETTINGS.key("same_gain"),
        persist_state="session",
        help=t("nonlin.vanish.same_gain_help"),
    )
    flow_chart(flows(depth, seed(), same_gain), depth, same_gain)
    sigmoid()  # its own fragment: its slider redraws only its chart
    st.markdown(f"**{t('common.code')}**")
    st.code(gradient_code(depth, WIDTH, BATCH, seed(), same_gain), language="python")
