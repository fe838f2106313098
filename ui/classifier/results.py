"""Results of the last run: curves, the test sentences before and after, confusion, one word's path."""

from __future__ import annotations

import pandas as pd
import streamlit as st
import torch

from charts.classifier import accuracy_chart, confusion_chart, history_chart, word_path_chart
from core.metrics import confusion_matrix
from ui.classifier import state
from ui.classifier.texts import confusion_texts, history_texts, path_texts
from ui.markup import plain
from ui.text import t


def format_log_probs(values: list[float]) -> str:
    """Log-probabilities as the tutorial prints them: [[-0.2093, -1.6669]]."""
    return "[[" + ", ".join(f"{value:.4f}" for value in values) + "]]"


def test_log_probs(run: state.Run) -> tuple[torch.Tensor, torch.Tensor]:
    """Log-probabilities of the test rows before and after training (CPU, one row each)."""
    result, data = run.result, run.dataset
    before = data.log_probs((result.initial_weight, result.initial_bias), "test")
    after = data.log_probs((result.final_weight, result.final_bias), "test")
    return before, after


def render_curves(run: state.Run) -> None:
    texts = history_texts()
    loss, accuracy = st.columns(2, gap="large")
    loss.altair_chart(history_chart(run.result.history, texts), width="stretch", alt=t("alt.classifier.loss"))
    accuracy.altair_chart(accuracy_chart(run.result.history, texts), width="stretch", alt=t("alt.classifier.accuracy"))
    with st.expander(t("classifier.results.per_epoch"), icon=":material/table:"):
        frame = pd.DataFrame(
            [
                {
                    t("classifier.axis.epoch"): record.epoch,
                    t("classifier.metric.train_loss"): record.train_loss,
                    t("classifier.metric.test_loss"): record.test_loss,
                    t("classifier.metric.train_accuracy"): record.train_accuracy,
                    t("classifier.metric.test_accuracy"): record.test_accuracy,
                }
                for record in run.result.history
            ]
        )
        st.dataframe(frame.style.format(precision=4), hide_index=True, key="classifier.history_table")


def render_test_sentences(run: state.Run) -> None:
    st.subheader(t("classifier.results.test_title"))
    data = run.dataset
    if not data.test_rows:
        st.info(t("classifier.results.no_test"), icon=":material/info:")
        return
    st.caption(t("classifier.results.test_text", labels=", ".join(plain(label) for label in run.labels)))
    before, after = test_log_probs(run)
    predicted = after.argmax(dim=1)
    frame = pd.DataFrame(
        {
            t("classifier.col.sentence"): [row.text for row in data.test_rows],
            t("classifier.col.label"): [row.label for row in data.test_rows],
            t("classifier.col.predicted"): [run.labels[i] for i in predicted.tolist()],
            t("classifier.col.correct"): (predicted == data.y_test).tolist(),
            t("classifier.col.before"): [format_log_probs(row) for row in before.tolist()],
            t("classifier.col.after"): [format_log_probs(row) for row in after.tolist()],
        }
    )
    st.dataframe(frame, hide_index=True, key="classifier.test_table")
    matrix = confusion_matrix(data.y_test, predicted, len(run.labels))
    st.markdown(f"**{t('classifier.results.confusion')}**")
    st.altair_chart(
        confusion_chart(matrix, run.labels, confusion_texts()), width="stretch", alt=t("alt.classifier.confusion")
    )


@st.fragment
def render_word(run: state.Run) -> None:
    st.subheader(t("classifier.results.word_title"))
    vocab = run.vocab
    counts = run.dataset.train_counts
    # A long vocabulary offers its most frequent training words.
    choices = (
        vocab
        if len(vocab) <= state.MAX_CHOICES
        else sorted(vocab, key=lambda w: -counts.get(w, 0))[: state.MAX_CHOICES]
    )
    if st.session_state.get("classifier.word") not in choices:
        # The tutorial follows "creo"; any other corpus starts at its first word.
        st.session_state["classifier.word"] = "creo" if "creo" in choices else choices[0]
    word = st.selectbox(t("classifier.results.word"), choices, key="classifier.word", persist_state="session")
    if len(choices) < len(vocab):
        st.caption(t("classifier.results.word_choices", shown=f"{len(choices):,}", words=f"{len(vocab):,}"))
    if word is None or word not in run.dataset.vocab:
        return
    index = run.dataset.vocab.index(word)
    result = run.result
    frame = pd.DataFrame(
        {
            t("classifier.col.label"): run.labels,
            t("classifier.col.before"): result.initial_weight[:, index].tolist(),
            t("classifier.col.after"): result.final_weight[:, index].tolist(),
        }
    )
    frame[t("classifier.col.change")] = frame[t("classifier.col.after")] - frame[t("classifier.col.before")]
    table, chart = st.columns([2, 3], gap="large")
    table.caption(t("classifier.results.word_text", word=plain(word), count=run.dataset.train_counts.get(word, 0)))
    table.dataframe(frame.style.format(precision=4), hide_index=True, key="classifier.word_table")
    path = word_path_chart(result.weight_history, index, run.labels, path_texts(), result.snapshot_epochs)
    chart.altair_chart(path, width="stretch", alt=t("alt.classifier.word_path", word=word))


def render() -> None:
    run = state.run_or_notice()
    if run is None:
        return
    render_curves(run)
    render_test_sentences(run)
    render_word(run)
