"""A corpus turned into tensors: vocabulary, label map and bag-of-words matrices, built once."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import torch

from core.corpus import Row, tokenize, validate
from core.vocabulary import Vocabulary


@dataclass(frozen=True)
class TokenOptions:
    """How text becomes words: the tutorial keeps case and punctuation."""

    lowercase: bool = False
    strip_punctuation: bool = False

    def tokens(self, text: str) -> list[str]:
        return tokenize(text, self.lowercase, self.strip_punctuation)


def bow_vector(tokens: list[str], vocab: Vocabulary) -> torch.Tensor:
    """Word counts of one sentence, shape (1, |V|); words outside `vocab` are skipped."""
    return bow_matrix([tokens], vocab)


def bow_matrix(sentences: list[list[str]], vocab: Vocabulary) -> torch.Tensor:
    """Word counts of many sentences, one row each, shape (N, |V|)."""
    rows: list[int] = []
    columns: list[int] = []
    for row, tokens in enumerate(sentences):
        for word in tokens:
            if word in vocab:
                rows.append(row)
                columns.append(vocab.index(word))
    matrix = torch.zeros(len(sentences), len(vocab))
    # One accumulating write instead of a tensor write per word: same counts, far faster.
    index = (torch.tensor(rows, dtype=torch.long), torch.tensor(columns, dtype=torch.long))
    return matrix.index_put_(index, torch.ones(len(rows)), accumulate=True)


@dataclass
class Dataset:
    """Everything training needs, derived from validated rows."""

    rows: list[Row]
    vocab: Vocabulary
    labels: Vocabulary
    options: TokenOptions
    train_tokens: list[list[str]]
    test_tokens: list[list[str]]
    x_train: torch.Tensor
    y_train: torch.Tensor
    x_test: torch.Tensor
    y_test: torch.Tensor
    train_counts: Counter = field(default_factory=Counter)

    @property
    def train_rows(self) -> list[Row]:
        return [row for row in self.rows if row.split == "train"]

    @property
    def test_rows(self) -> list[Row]:
        return [row for row in self.rows if row.split == "test"]


def prepare(
    rows: list[Row],
    options: TokenOptions = TokenOptions(),
    vocab_from_test: bool = True,
    max_labels: int | None = None,
) -> Dataset:
    """Validate rows and build vocabulary, labels and tensors.

    The vocabulary holds the words of the training rows then the test rows in first-seen
    order (the tutorial's rule); with `vocab_from_test=False` only training words count and
    unseen test words are simply left out of the vectors.
    Labels are indexed in first-seen order among training rows (SPANISH = 0, ENGLISH = 1).
    """
    rows = validate(rows, max_labels)
    train = [row for row in rows if row.split == "train"]
    test = [row for row in rows if row.split == "test"]
    train_tokens = [options.tokens(row.text) for row in train]
    test_tokens = [options.tokens(row.text) for row in test]
    vocab = Vocabulary(word for tokens in train_tokens for word in tokens)
    if vocab_from_test:
        for tokens in test_tokens:
            for word in tokens:
                vocab.add(word)
    labels = Vocabulary(row.label for row in train)
    return Dataset(
        rows=rows,
        vocab=vocab,
        labels=labels,
        options=options,
        train_tokens=train_tokens,
        test_tokens=test_tokens,
        x_train=bow_matrix(train_tokens, vocab),
        y_train=torch.tensor([labels.index(row.label) for row in train], dtype=torch.long),
        x_test=bow_matrix(test_tokens, vocab),
        y_test=torch.tensor([labels.index(row.label) for row in test], dtype=torch.long),
        train_counts=Counter(word for tokens in train_tokens for word in tokens),
    )
