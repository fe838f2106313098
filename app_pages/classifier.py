"""Bag-of-words classifier studio: edit the corpus, train, and read the weights word by word."""

import streamlit as st

from ui.classifier import (
    compare,
    corpus_editor,
    export,
    heatmap,
    inspection,
    predict,
    results,
    state,
    suggestion,
    training,
)
from ui.text import t

TABS: tuple[str, ...] = ("corpus", "inspect", "train", "results", "heatmap", "predict", "compare", "export")

state.init_state()
# A delta set through session state (tests do this) is applied before anything reads the corpus.
state.apply_pending_edits()
# A run stopped by the click that started this script hands its epochs over here.
state.collect_training()
st.title(t("nav.classifier"))
st.markdown(t("classifier.intro"))

labels = [t(f"classifier.tab.{name}") for name in TABS]
# Lazy tabs: only the open tab runs, so a 5,000-row corpus or a long run never slows the others.
tabs = dict(zip(TABS, st.tabs(labels, key="classifier.tab", on_change="rerun"), strict=True))
data = state.dataset()
suggestion.propose_for_new_corpus(data)

if tabs["corpus"].open:
    with tabs["corpus"]:
        corpus_editor.render()
if tabs["inspect"].open:
    with tabs["inspect"]:
        inspection.render(data)
if tabs["train"].open:
    with tabs["train"]:
        training.render(data)
if tabs["results"].open:
    with tabs["results"]:
        results.render()
if tabs["heatmap"].open:
    with tabs["heatmap"]:
        heatmap.render()
if tabs["predict"].open:
    with tabs["predict"]:
        predict.render()
if tabs["compare"].open:
    with tabs["compare"]:
        compare.render(data)
if tabs["export"].open:
    with tabs["export"]:
        export.render()
