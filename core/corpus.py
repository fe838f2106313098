"""A labelled corpus: rows of (text, label, split), their validation and tokenisation."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Split = Literal["train", "test"]
SPLITS: tuple[str, ...] = ("train", "test")


@dataclass(frozen=True)
class Row:
    """One sentence of the corpus with its label and whether it trains or tests."""

    text: str
    label: str
    split: str = "train"


@dataclass(frozen=True)
class Problem:
    """What is wrong with one row (`row` is 1-based, None for the corpus as a whole)."""

    row: int | None
    code: str
    detail: str = ""

    def message(self) -> str:
        where = f"row {self.row}: " if self.row is not None else ""
        return where + PROBLEM_TEXT[self.code].format(detail=self.detail)


PROBLEM_TEXT = {
    "empty_text": "the text is empty",
    "empty_label": "the label is empty",
    "bad_split": "split must be 'train' or 'test', not {detail!r}",
    "unknown_test_label": "label {detail!r} appears in no training row, so it cannot be tested",
    "no_training_rows": "the corpus has no training rows",
    "too_few_labels": "training rows need at least 2 different labels; found {detail}",
    "too_many_labels": "too many different labels: {detail}",
}

TUTORIAL_CORPUS: tuple[Row, ...] = (
    Row("me gusta comer en la cafeteria", "SPANISH", "train"),
    Row("Give it to me", "ENGLISH", "train"),
    Row("No creo que sea una buena idea", "SPANISH", "train"),
    Row("No it is not a good idea to get lost at sea", "ENGLISH", "train"),
    Row("Yo creo que si", "SPANISH", "test"),
    Row("it is lost on me", "ENGLISH", "test"),
)


def tokenize(text: str, lowercase: bool = False, strip_punctuation: bool = False) -> list[str]:
    """Split on whitespace as the tutorial does (`sentence.split()`), optionally normalised."""
    if lowercase:
        text = text.lower()
    tokens = text.split()
    if strip_punctuation:
        tokens = ["".join(ch for ch in tok if not unicodedata.category(ch).startswith("P")) for tok in tokens]
        tokens = [tok for tok in tokens if tok]
    return tokens


def find_problems(rows: Iterable[Row], max_labels: int | None = None) -> list[Problem]:
    """Every problem of the corpus, in row order, so a user can fix them all at once."""
    rows = list(rows)
    problems: list[Problem] = []
    train_labels: list[str] = []
    for number, row in enumerate(rows, start=1):
        if not str(row.text or "").split():
            problems.append(Problem(number, "empty_text"))
        if not str(row.label or "").strip():
            problems.append(Problem(number, "empty_label"))
        if row.split not in SPLITS:
            problems.append(Problem(number, "bad_split", str(row.split)))
        elif row.split == "train" and str(row.label or "").strip():
            if row.label.strip() not in train_labels:
                train_labels.append(row.label.strip())
    for number, row in enumerate(rows, start=1):
        label = str(row.label or "").strip()
        if row.split == "test" and label and label not in train_labels:
            problems.append(Problem(number, "unknown_test_label", label))
    if not any(row.split == "train" for row in rows):
        problems.append(Problem(None, "no_training_rows"))
    elif len(train_labels) < 2:
        problems.append(Problem(None, "too_few_labels", str(len(train_labels))))
    if max_labels is not None and len(train_labels) > max_labels:
        problems.append(Problem(None, "too_many_labels", f"{len(train_labels)} > {max_labels}"))
    return problems


def validate(rows: Iterable[Row], max_labels: int | None = None) -> list[Row]:
    """The rows with labels trimmed, or ValueError naming the first bad row and its problem."""
    rows = list(rows)
    problems = find_problems(rows, max_labels)
    if problems:
        raise ValueError(problems[0].message())
    return [Row(row.text, row.label.strip(), row.split) for row in rows]
