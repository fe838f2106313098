"""How large a corpus and one training run may be, counted from the text before any tensor exists.

Many sessions share one small container (690 MB at the smallest), so every size that decides
memory or time is counted from the parsed rows and refused with a message naming the limit and
the number found, before vocabularies, tensors or models are built. With the sparse engine a
corpus at every limit at once trains in well under 100 MB (see the README's "Limits").
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from core.corpus import Row


@dataclass(frozen=True)
class Limits:
    """The largest corpus and run the app accepts."""

    rows: int = 50_000  # sentences, training and test together
    words: int = 60_000  # distinct words in the vocabulary
    words_per_row: int = 1_000  # words in one sentence (a long paragraph)
    tokens: int = 1_000_000  # words in all sentences together
    labels: int = 10  # different labels among the training rows
    work: int = 1_000_000  # epochs x training sentences: the work of one Train click
    # Estimated seconds of one Train click. One update per sentence touches every weight, so on
    # a 50,000-word vocabulary the work limit alone would still allow half an hour.
    seconds: int = 120


LIMITS = Limits()


@dataclass(frozen=True)
class LimitExceeded:
    """One size over its limit: which, the limit, what was found, and the 1-based row if one."""

    name: str
    limit: int
    found: int
    row: int | None = None

    def message(self) -> str:
        where = f"row {self.row}: " if self.row is not None else ""
        return where + f"too many {LIMIT_NOUNS[self.name]}: {self.found:,} (the limit is {self.limit:,})"


LIMIT_NOUNS = {
    "rows": "sentences",
    "words": "distinct words",
    "words_per_row": "words in one sentence",
    "tokens": "words in all sentences",
    "labels": "different labels",
    "work": "epochs x training sentences",
    "seconds": "estimated seconds of training",
}


class TooLarge(ValueError):
    """A corpus or a run over a limit; `exceeded` lists every size that is."""

    def __init__(self, exceeded: list[LimitExceeded]) -> None:
        super().__init__("; ".join(item.message() for item in exceeded))
        self.exceeded = exceeded


def corpus_over_limits(
    rows: Iterable[Row],
    tokenize: Callable[[str], list[str]] = str.split,
    vocab_from_test: bool = True,
    limits: Limits = LIMITS,
) -> list[LimitExceeded]:
    """Every size of `rows` over `limits`, counting words as `tokenize` splits them.

    Distinct words are counted only while the corpus is within the limit on all words, so a
    huge paste never builds a huge set. Only the first over-long sentence is named: one is
    enough to act on.
    """
    rows = list(rows)
    exceeded: list[LimitExceeded] = []
    if len(rows) > limits.rows:
        # Counting words past this point would be work spent on a corpus already refused.
        return [LimitExceeded("rows", limits.rows, len(rows))]
    vocabulary: set[str] = set()
    labels: set[str] = set()
    tokens = 0
    long_row: LimitExceeded | None = None
    for number, row in enumerate(rows, start=1):
        words = tokenize(str(row.text or ""))
        tokens += len(words)
        if long_row is None and len(words) > limits.words_per_row:
            long_row = LimitExceeded("words_per_row", limits.words_per_row, len(words), number)
        if tokens > limits.tokens:
            vocabulary.clear()
        elif row.split == "train" or vocab_from_test:
            vocabulary.update(words)
        if row.split == "train" and str(row.label or "").strip():
            labels.add(str(row.label).strip())
    if long_row is not None:
        exceeded.append(long_row)
    if tokens > limits.tokens:
        exceeded.append(LimitExceeded("tokens", limits.tokens, tokens))
    if len(vocabulary) > limits.words:
        exceeded.append(LimitExceeded("words", limits.words, len(vocabulary)))
    if len(labels) > limits.labels:
        exceeded.append(LimitExceeded("labels", limits.labels, len(labels)))
    return exceeded


def check_corpus(
    rows: Iterable[Row],
    tokenize: Callable[[str], list[str]] = str.split,
    vocab_from_test: bool = True,
    limits: Limits = LIMITS,
) -> None:
    """TooLarge naming every size of `rows` over `limits`."""
    exceeded = corpus_over_limits(rows, tokenize, vocab_from_test, limits)
    if exceeded:
        raise TooLarge(exceeded)


def work_over_limit(
    epochs: int, train_rows: int, seconds: float = 0.0, limits: Limits = LIMITS
) -> LimitExceeded | None:
    """The work of one Train click if it is over a limit: epochs x training sentences, or estimated seconds."""
    work = int(epochs) * int(train_rows)
    if work > limits.work:
        return LimitExceeded("work", limits.work, work)
    if seconds > limits.seconds:
        return LimitExceeded("seconds", limits.seconds, math.ceil(seconds))
    return None
