"""Predict your own sentence: probabilities, the predicted label and each word's contribution."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from core.limits import LIMITS
from core.model import model_from_weights
from core.prediction import Prediction, predict
from ui.classifier import state
from ui.guard import keep_state_on_failure, show_failure
from ui.markup import coloured, column_names, plain
from ui.text import t

# A word's push as a sign written beside it and as a colour: the sign reads without the colour.
PUSH_SIGNS = {"towards": "+", "away": "\u2212", "none": "0"}
PUSH_COLOURS = {"towards": "blue", "away": "red", "none": "gray"}


def push(prediction: Prediction, contribution: tuple[float, ...], known: bool) -> str:
    """ "towards" when a word pushes towards the predicted label (more than towards the others),
    "away" when it pushes away, "none" when it is not in the vocabulary."""
    if not known:
        return "none"
    winner = prediction.labels.index(prediction.predicted)
    others = [value for i, value in enumerate(contribution) if i != winner]
    lead = contribution[winner] - (sum(others) / len(others) if others else 0.0)
    return "towards" if lead >= 0 else "away"


def coloured_sentence(prediction: Prediction) -> str:
    """The tokens in order, each escaped, followed by its push's sign and coloured by it."""
    by_word = {word.word: word for word in prediction.words}
    parts = []
    for token in prediction.tokens:
        word = by_word[token]
        direction = push(prediction, word.contribution, word.known)
        parts.append(coloured(f"{token} ({PUSH_SIGNS[direction]})", PUSH_COLOURS[direction]))
    return " ".join(parts)


def contribution_frame(prediction: Prediction) -> tuple[pd.DataFrame, list[str]]:
    """One row per distinct word, then the bias, then their sum, which equals the logits.

    Also returns the names of the label columns (see `column_names`).
    """
    word_col, count_col, known_col = (t("classifier.col.word"), t("classifier.col.count"), t("classifier.col.known"))
    label_cols = column_names(prediction.labels, [word_col, count_col, known_col])
    records = []
    for word in prediction.words:
        records.append(
            {
                word_col: word.word,
                count_col: word.count,
                known_col: word.known,
                **dict(zip(label_cols, word.contribution, strict=True)),
            }
        )
    records.append(
        {
            word_col: t("classifier.heatmap.bias_row"),
            count_col: None,
            known_col: None,
            **dict(zip(label_cols, prediction.bias, strict=True)),
        }
    )
    records.append(
        {
            word_col: t("classifier.predict.logits_row"),
            count_col: None,
            known_col: None,
            **dict(zip(label_cols, prediction.logits, strict=True)),
        }
    )
    frame = pd.DataFrame.from_records(records, columns=[word_col, count_col, known_col, *label_cols])
    # Whole counts, left blank on the bias and total rows.
    frame[count_col] = frame[count_col].astype("Int64")
    return frame, label_cols


@st.fragment
def render_prediction(run: state.Run) -> None:
    sentence = st.text_input(
        t("classifier.predict.sentence"),
        key="classifier.sentence",
        placeholder=t("classifier.predict.placeholder"),
        persist_state="session",
        max_chars=20_000,
    )
    if not sentence or not sentence.split():
        st.caption(t("classifier.predict.empty"))
        return
    words = len(run.options.tokens(sentence))
    if words > LIMITS.words_per_row:
        st.warning(t("limit.sentence", found=f"{words:,}", limit=f"{LIMITS.words_per_row:,}"), icon=":material/block:")
        return
    with keep_state_on_failure("predict", ()):
        show_prediction(run, sentence)
    show_failure()


def show_prediction(run: state.Run, sentence: str) -> None:
    model = model_from_weights(run.result.final_weight, run.result.final_bias)
    prediction = predict(model, run.dataset.vocab, run.dataset.labels, sentence, run.options)
    st.metric(t("classifier.predict.predicted"), plain(prediction.predicted))
    probabilities = pd.DataFrame(
        {
            t("classifier.col.label"): prediction.labels,
            t("classifier.col.probability"): prediction.probabilities,
            t("classifier.col.log_prob"): prediction.log_probs,
        }
    )
    st.dataframe(
        probabilities,
        hide_index=True,
        key="classifier.probabilities",
        column_config={
            t("classifier.col.probability"): st.column_config.ProgressColumn(
                t("classifier.col.probability"), min_value=0.0, max_value=1.0, format="percent"
            ),
            t("classifier.col.log_prob"): st.column_config.NumberColumn(format="%.4f"),
        },
    )
    st.markdown(t("classifier.predict.words"))
    st.markdown(coloured_sentence(prediction))
    st.caption(t("classifier.predict.legend", label=plain(prediction.predicted)))
    if prediction.unknown_words:
        st.caption(t("classifier.predict.unknown", count=len(prediction.unknown_words)))
    frame, label_cols = contribution_frame(prediction)
    # Every contribution with its sign, + included: which way a word pushes reads without colour.
    styled = frame.style.format("{:+.4f}", subset=label_cols, na_rep="")
    st.dataframe(styled, hide_index=True, key="classifier.contributions")
    st.caption(t("classifier.predict.sum_note"))


def render() -> None:
    run = state.run_or_notice()
    if run is None:
        return
    st.caption(t("classifier.predict.intro"))
    render_prediction(run)
