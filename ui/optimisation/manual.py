"""One step at a time: θ ← θ - η·∇L(θ) written out by hand, step by step, beside torch.optim's SGD.

A fragment: the step slider reruns only this section; the landscape's controls rerun it by name.
"""

from __future__ import annotations

import streamlit as st

from core.descent import manual_code
from core.descent_summary import fmt, manual_agreement, update_latex
from ui.fragments import named
from ui.optimisation import landscape
from ui.optimisation.compute import cached_manual, manual_chart_spec, numbers_table
from ui.optimisation.settings import MANUAL, MANUAL_STEPS, SETTINGS
from ui.text import t

# The walk's table shows this many rows in full; a longer walk scrolls inside this height (pixels).
TABLE_ROWS, TABLE_HEIGHT = 6, 260


def render() -> None:
    st.subheader(t("optimisation.manual.header"))
    st.write(t("optimisation.manual.text"))
    walk()


@named(MANUAL)
def walk() -> None:
    land = landscape.usable()
    if land is None:  # the landscape's section says why
        return
    lr = land.lr
    count = min(land.steps, MANUAL_STEPS)
    records, by_optim = cached_manual(land.args, lr, count, land.start)
    # The warning and the slider sit in blocks that are always there, so that the chart below
    # keeps its place on the page when they come or go (moved, the browser would build it anew).
    notes, control = st.container(), st.container()
    if not records:
        notes.warning(t("optimisation.manual.nothing", lr=lr), icon=":material/warning:")
        return
    if len(records) < count:
        notes.warning(t("optimisation.manual.runaway", lr=lr, step=len(records) + 1), icon=":material/warning:")
    k = 0
    if len(records) > 1:
        key = SETTINGS.key("manual_step")
        if st.session_state.get(key, 0) > len(records) - 1:
            st.session_state[key] = len(records) - 1
        k = control.slider(t("optimisation.manual.step"), 0, len(records) - 1, 0, key=key)
    record = records[k]
    picture, numbers = st.columns([3, 2])
    with picture:
        st.vega_lite_chart(spec=manual_chart_spec(land, count, k), width="stretch", alt=t("alt.optimisation.manual"))
    with numbers:
        st.latex(update_latex(record, lr))
        before_metric, after_metric = st.columns(2)
        before_metric.metric(t("optimisation.manual.loss_before"), fmt(record.loss))
        after_metric.metric(
            t("optimisation.manual.loss_after"),
            fmt(record.new_loss),
            delta=fmt(record.new_loss - record.loss),
            delta_color="inverse",
        )
        compared, diff = manual_agreement(records, by_optim)
        st.caption(t("optimisation.manual.match", lr=f"{lr:g}", steps=compared, diff=f"{diff:.2g}"))
    numbers_table(
        [
            {
                t("optimisation.col.step"): r.step,
                t("optimisation.col.x"): r.theta[0],
                t("optimisation.col.y"): r.theta[1],
                t("optimisation.col.gx"): r.grad[0],
                t("optimisation.col.gy"): r.grad[1],
                t("optimisation.col.loss"): r.loss,
            }
            for r in records[: k + 1]
        ],
        ("x", "y", "gx", "gy", "loss"),
        # A walk longer than a few steps scrolls inside the table instead of pushing the page down.
        height=None if k < TABLE_ROWS else TABLE_HEIGHT,
    )
    with st.expander(t("optimisation.code.manual", steps=k + 1), icon=":material/code:"):
        st.caption(t("optimisation.code.note"))
        st.code(manual_code(land.surface, lr, k + 1, land.start), language="python")
