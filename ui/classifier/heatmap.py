"""The heatmap of the weight matrix, one row per word: sorted, filtered to the top K, before or after."""

from __future__ import annotations

import pandas as pd
import streamlit as st
import torch
from pandas.io.formats.style import Styler

from charts.classifier import NUMBERS_UP_TO_LABELS, heatmap_frame, weight_heatmap
from core.weights import SORTS, top_k, word_order
from ui.classifier import state
from ui.classifier.texts import heatmap_texts
from ui.markup import column_names
from ui.text import option_labels, t

VIEWS: tuple[str, ...] = ("after", "before", "difference")
DEFAULT_TOP_K = 40


def view_parameters(run: state.Run, view: str) -> tuple[torch.Tensor, torch.Tensor]:
    """Weight and bias shown for a view: before training, after it, or how much training moved them."""
    result = run.result
    if view == "before":
        return result.initial_weight, result.initial_bias
    if view == "after":
        return result.final_weight, result.final_bias
    return result.final_weight - result.initial_weight, result.final_bias - result.initial_bias


@st.fragment
def render_heatmap(run: state.Run) -> None:
    labels, vocab = run.labels, run.vocab
    view = st.segmented_control(
        t("classifier.heatmap.view"),
        VIEWS,
        key="classifier.heatmap_view",
        required=True,
        default="after",
        format_func=option_labels("classifier.heatmap.view", VIEWS),
        persist_state="session",
    )
    second, label_column, third = st.columns(3, gap="medium")
    sort = second.selectbox(
        t("classifier.heatmap.sort"),
        SORTS,
        key="classifier.heatmap_sort",
        format_func=option_labels("classifier.heatmap.sort", SORTS),
        persist_state="session",
    )
    label_index = None
    if sort == "label":
        label_index = label_column.selectbox(
            t("classifier.heatmap.sort_label"),
            range(len(labels)),
            format_func=lambda i: labels[i],
            key="classifier.heatmap_label",
        )
    k = third.number_input(
        t("classifier.heatmap.top_k"),
        min_value=1,
        max_value=max(min(len(vocab), state.MAX_HEATMAP_WORDS), 1),
        value=min(len(vocab), DEFAULT_TOP_K),
        step=10,
        key="classifier.heatmap_k",
        help=t("classifier.heatmap.top_k_help"),
    )
    weight, bias = view_parameters(run, view or "after")
    order = top_k(word_order(weight, sort, label_index), int(min(k, len(vocab), state.MAX_HEATMAP_WORDS)))
    st.caption(t("classifier.heatmap.showing", shown=len(order), words=len(vocab)))
    texts = heatmap_texts()
    chart = weight_heatmap(weight, bias, vocab, labels, run.dataset.train_counts, order, texts)
    described = "alt.classifier.heatmap_numbers" if len(labels) <= NUMBERS_UP_TO_LABELS else "alt.classifier.heatmap"
    st.altair_chart(chart, width="stretch", key="classifier.heatmap_chart", alt=t(described, shown=len(order)))
    with st.expander(t("classifier.heatmap.table"), icon=":material/table:"):
        frame = heatmap_frame(weight, bias, vocab, labels, run.dataset.train_counts, order, texts["bias"])
        st.dataframe(weight_table(frame, labels), hide_index=True, key="classifier.heatmap_table")


def weight_table(frame: pd.DataFrame, labels: list[str]) -> Styler:
    """The heatmap's cells as a table: one row per word in the heatmap's order, one column per label."""
    word_col = t("classifier.col.word")
    label_cols = column_names(labels, [word_col])
    table = frame.pivot(index="position", columns="label", values="weight")[list(labels)]
    table.columns = label_cols
    table.insert(0, word_col, frame.drop_duplicates("position").set_index("position")["word"])
    # A sign on every value, as in the chart's cells: positive and negative read apart in any colour.
    return table.reset_index(drop=True).style.format("{:+.4f}", subset=label_cols)


def render() -> None:
    run = state.run_or_notice()
    if run is None:
        return
    st.caption(t("classifier.heatmap.intro"))
    render_heatmap(run)
