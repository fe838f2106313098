"""Hostile input, as a careless or malicious user would type or upload it; shared by the tests."""

from __future__ import annotations

import io
import math
import pickle
import zipfile
from pathlib import Path

import torch

from core.corpus import Row
from core.limits import LIMITS

# Strings that would become markup somewhere if user text were not escaped. Each holds the
# marker "pwn" so a test can find where it is shown.
HOSTILE_STRINGS: tuple[str, ...] = (
    "[pwn1](https://example.org)",
    "![pwn2](https://example.org/p.png)",
    "**pwn3**",
    "<b>pwn4</b>",
    "<script>window.__pwned=1</script>pwn5",
    '<img src=x onerror="window.__pwned=1">pwn6',
    "$\\href{https://example.org}{pwn7}$",
    ":red[pwn8] :material/home: :smile:",
    "pwn9 https://example.org www.example.org a@example.org",
    "# pwn10",
    "`pwn11` ~~pwn11~~ _pwn11_",
    "pwn12 \u202eevil\u202c zero\u200bwidth",
    "pwn13 🙂👩‍🔬 中文字符 العربية",
    "pwn14" + "x" * 400,
    "&lt;pwn15&gt; &amp; \\*",
)

# Every word of the hostile strings, as whitespace tokenisation splits them: a one-token string
# is a word whole, and the others leave words such as "https://example.org" or ":smile:".
HOSTILE_WORDS: tuple[str, ...] = tuple(dict.fromkeys(word for text in HOSTILE_STRINGS for word in text.split()))


def hostile_label_groups() -> tuple[tuple[str, ...], ...]:
    """Every hostile string in as few groups as the label limit allows: each group is one corpus's labels."""
    count = math.ceil(len(HOSTILE_STRINGS) / LIMITS.labels)
    return tuple(HOSTILE_STRINGS[start::count] for start in range(count))


def hostile_corpus_rows(labels: tuple[str, ...]) -> list[dict[str, str]]:
    """A valid corpus whose labels are `labels` and whose words are theirs.

    Each label's sentences hold the label's own text and words no other label has, so training
    learns to predict a label from its text: every hostile label is shown as a prediction too.
    """
    rows = []
    for label in labels:
        rows += [
            {"text": label, "label": label, "split": "train"},
            {"text": f"me gusta {label}", "label": label, "split": "train"},
            {"text": f"{label} no", "label": label, "split": "test"},
        ]
    return rows


# The limits on a corpus's size (core.limits), each one a corpus can be built at.
SIZE_LIMITS: tuple[str, ...] = ("rows", "words", "words_per_row", "tokens", "labels")


def _words(count: int, prefix: str) -> str:
    return " ".join(f"{prefix}{i}" for i in range(count))


def corpus_at_limit(name: str, extra: int = 0) -> list[Row]:
    """A valid corpus exactly at the limit `name` of LIMITS, plus `extra`, and within every other limit.

    Short words keep the file small: the corpus at the row limit is under 1 MB of CSV.
    """
    pair = [Row("a", "X"), Row("b", "Y")]
    if name == "rows":  # the word "x" or "y" tells the label; every tenth sentence is for testing
        labels = "XY"
        return [
            Row(f"s{i} {labels[i % 2].lower()}", labels[i % 2], "test" if i % 10 == 9 else "train")
            for i in range(LIMITS.rows + extra)
        ]
    if name == "words":  # the two rows of `pair` hold 2 of them
        per_row = LIMITS.words_per_row
        full, rest = divmod(LIMITS.words - 2 + extra, per_row)
        return pair + [Row(_words(per_row, f"r{r}_"), "XY"[r % 2]) for r in range(full)] + [Row(_words(rest, "z"), "Y")]
    if name == "words_per_row":
        return pair + [Row(_words(LIMITS.words_per_row + extra, "w"), "X")]
    if name == "tokens":  # the two rows of `pair` hold 2 of them
        full, rest = divmod(LIMITS.tokens - 2 + extra, LIMITS.words_per_row)
        return pair + [Row("x " * LIMITS.words_per_row, "X") for _ in range(full)] + [Row("y " * rest, "Y")]
    if name == "labels":
        return [Row(f"s{i}", f"L{i}") for i in range(LIMITS.labels + extra)]
    raise ValueError(f"no size limit called {name!r}")


def _saved(value: object) -> bytes:
    buffer = io.BytesIO()
    torch.save(value, buffer)
    return buffer.getvalue()


class _Exploit:
    """Unpickling this would write a file; a weights-only reader must refuse it."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self):
        return (Path.write_text, (Path(self.path), "owned"))


def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("archive/data.pkl", b"\0" * (200 * 1024 * 1024))
    return buffer.getvalue()


def bad_weight_files(labels: int, words: int, marker: str = "/nonexistent/marker") -> dict[str, tuple[bytes, str]]:
    """Each bad kind of weights file for a (labels x words) model, with the refusal code it must get."""
    weight, bias = torch.randn(labels, words), torch.randn(labels)
    good = _saved({"weight": weight, "bias": bias})
    return {
        "text": (b"word,SPANISH,ENGLISH\nme,0.1,0.2\n", "not_readable"),
        "empty": (b"", "not_readable"),
        "sparse": (_saved({"weight": weight.to_sparse(), "bias": bias}), "not_dense"),
        "meta": (_saved({"weight": torch.empty(labels, words, device="meta"), "bias": bias}), "not_cpu"),
        "integer": (_saved({"weight": weight.long(), "bias": bias.long()}), "not_float"),
        "wrong_shape": (_saved({"weight": torch.randn(labels + 1, words), "bias": bias}), "wrong_shape"),
        "wrong_keys": (_saved({"w": weight, "b": bias}), "no_tensors"),
        "not_a_dict": (_saved([weight, bias]), "no_tensors"),
        "nan": (_saved({"weight": weight * float("nan"), "bias": bias}), "not_finite"),
        "truncated": (good[: len(good) // 2], "not_readable"),
        "code_running_pickle": (_saved({"weight": weight, "bias": bias, "x": _Exploit(marker)}), "not_readable"),
        "plain_pickle": (pickle.dumps({"weight": 1}), "not_readable"),
        "zip_bomb": (_zip_bomb(), "too_large"),
    }
