"""Looking inside before training: the vocabulary, one sentence's vector, the initial A and b."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from core.dataset import Dataset, bow_vector
from core.model import seeded_model
from ui.classifier import state
from ui.markup import column_names
from ui.text import t

CODE_MAX_WORDS = 300  # beyond this the dict literal would drown the lesson


def bow_code(tokens: list[str], word_to_ix: dict[str, int]) -> str:
    """Plain PyTorch that builds this sentence's vector as the tutorial's make_bow_vector does."""
    return f"""\
import torch

word_to_ix = {word_to_ix!r}


def make_bow_vector(sentence, word_to_ix):
    vec = torch.zeros(len(word_to_ix))
    for word in sentence:
        if word in word_to_ix:  # a word outside the vocabulary has no column
            vec[word_to_ix[word]] += 1
    return vec.view(1, -1)


bow = make_bow_vector({tokens!r}, word_to_ix)
print(bow)
"""


def render_vocabulary(data: Dataset) -> None:
    st.subheader(t("classifier.inspect.vocab"))
    st.caption(t("classifier.inspect.vocab_text", words=len(data.vocab)))
    frame = pd.DataFrame(
        {
            t("classifier.col.index"): range(len(data.vocab)),
            t("classifier.col.word"): list(data.vocab),
            t("classifier.col.count"): [data.train_counts.get(word, 0) for word in data.vocab],
        }
    )
    st.dataframe(frame, hide_index=True, height=320, key="classifier.vocab_table")


def render_vector(data: Dataset) -> None:
    st.subheader(t("classifier.inspect.vector"))
    rows = (data.train_rows + data.test_rows)[: state.MAX_CHOICES]
    options = [f"{row.text}  ({row.label}, {t('classifier.split.' + row.split)})" for row in rows]
    choice = st.selectbox(
        t("classifier.inspect.sentence"),
        range(len(rows)),
        key="classifier.inspect_sentence",
        format_func=options.__getitem__,
    )
    if len(rows) < len(data.rows):
        st.caption(t("classifier.inspect.sentence_choices", shown=f"{len(rows):,}", rows=f"{len(data.rows):,}"))
    choice = choice if choice is not None and choice < len(rows) else 0
    tokens = data.options.tokens(rows[choice].text)
    vector = bow_vector(tokens, data.vocab)[0]
    present = vector.nonzero().flatten().tolist()
    st.caption(t("classifier.inspect.vector_text", words=len(data.vocab), nonzero=len(present)))
    st.dataframe(
        pd.DataFrame(
            {
                t("classifier.col.index"): present,
                t("classifier.col.word"): [data.vocab.items[i] for i in present],
                t("classifier.col.count"): [int(vector[i]) for i in present],
            }
        ),
        hide_index=True,
        key="classifier.vector_table",
    )
    if len(data.vocab) <= CODE_MAX_WORDS:
        with st.expander(t("common.code"), icon=":material/code:"):
            st.code(bow_code(tokens, dict(data.vocab.item_to_ix)), language="python")


def render_parameters(data: Dataset) -> None:
    st.subheader(t("classifier.inspect.parameters"))
    config = state.train_config()
    model = seeded_model(config.seed, len(data.labels), len(data.vocab), config.tutorial_draws)
    st.caption(
        t("classifier.inspect.parameters_text", labels=len(data.labels), words=len(data.vocab), seed=config.seed)
    )
    label_map = {label: index for index, label in enumerate(data.labels)}
    st.markdown(t("classifier.inspect.label_map"))
    st.code(repr(label_map), language="python")
    weight = model.linear.weight.detach()
    label_cols = column_names(list(data.labels), [t("classifier.col.word")])
    frame = pd.DataFrame(weight.T.numpy(), columns=label_cols)
    frame.insert(0, t("classifier.col.word"), list(data.vocab))
    bias = pd.DataFrame([model.linear.bias.detach().numpy()], columns=label_cols)
    left, right = st.columns([3, 2])
    with left:
        st.markdown(t("classifier.inspect.weight", labels=len(data.labels), words=len(data.vocab)))
        st.dataframe(
            frame.style.format(precision=4, subset=label_cols),
            hide_index=True,
            height=320,
            key="classifier.initial_weight",
        )
    with right:
        st.markdown(t("classifier.inspect.bias"))
        st.dataframe(bias.style.format(precision=4), hide_index=True, key="classifier.initial_bias")


def render(data: Dataset | None) -> None:
    if data is None:
        st.info(t("classifier.need_valid_corpus"), icon=":material/info:")
        return
    st.caption(t("classifier.inspect.intro"))
    vocab_column, vector_column = st.columns(2, gap="large")
    with vocab_column:
        render_vocabulary(data)
    with vector_column:
        render_vector(data)
    render_parameters(data)
