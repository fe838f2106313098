"""Checks of what comes into a room: codes, nicknames, settings, corpora and runs, cleaned or refused."""

from __future__ import annotations

import hmac
import numbers
import unicodedata
from collections.abc import Mapping, Sequence
from types import MappingProxyType

from core.classroom.contract import (
    MAX_CORPUS_CHARS,
    MAX_CURVE_POINTS,
    MAX_NICKNAME_CHARS,
    MAX_SETTING_CHARS,
    MAX_SETTINGS,
    ClassroomError,
    Reason,
    RunResult,
    Setting,
    _epochs,
    _number,
)
from core.corpus import Row, find_problems
from core.limits import LIMITS, LimitExceeded, Limits, TooLarge, check_corpus

# ---------------------------------------------------------------- checks of what comes in


def normalize_code(code: object) -> str:
    """The code as stored: upper case, without spaces or dashes typed around or inside it."""
    if not isinstance(code, str):
        return ""
    return code.strip().upper().replace(" ", "").replace("-", "")


def clean_nickname(nickname: object) -> str:
    """The nickname stripped, or ClassroomError: empty, too long, or holding control characters."""
    if not isinstance(nickname, str):
        raise ClassroomError("nickname_empty")
    text = nickname.strip()
    if not text:
        raise ClassroomError("nickname_empty")
    if len(text) > MAX_NICKNAME_CHARS:
        raise ClassroomError("nickname_too_long", limit=MAX_NICKNAME_CHARS, found=len(text))
    # C*: control, format (bidi overrides, zero-width), surrogates, private use, unassigned;
    # Zl/Zp: line and paragraph separators.
    if any(unicodedata.category(ch)[0] == "C" or unicodedata.category(ch) in ("Zl", "Zp") for ch in text):
        raise ClassroomError("nickname_characters")
    return text


def nickname_key(nickname: str) -> str:
    """Two nicknames are the same when this is: case and Unicode width forms ignored."""
    return unicodedata.normalize("NFKC", nickname).casefold()


def _accuracy(value: object, reason: str) -> float:
    number = _number(value, "bad_result", Reason(reason))
    if not 0.0 <= number <= 1.0:
        raise ClassroomError("bad_result", reason=Reason(reason))
    return number


def _loss(value: object, reason: str) -> float:
    number = _number(value, "bad_result", Reason(reason))
    if number < 0.0:
        raise ClassroomError("bad_result", reason=Reason(reason))
    return number


def clean_settings(settings: Mapping[str, Setting] | None) -> Mapping[str, Setting]:
    """A read-only copy of `settings`: names are short text, values are numbers, text, booleans or None."""
    if settings is None:
        return MappingProxyType({})
    if not isinstance(settings, Mapping):
        raise ClassroomError("bad_settings", reason=Reason("settings_type"))
    if len(settings) > MAX_SETTINGS:
        raise ClassroomError(
            "bad_settings", reason=Reason("settings_count", {"limit": MAX_SETTINGS, "found": len(settings)})
        )
    cleaned: dict[str, Setting] = {}
    for name, value in settings.items():
        if not isinstance(name, str) or not 1 <= len(name) <= MAX_SETTING_CHARS:
            raise ClassroomError("bad_settings", reason=Reason("setting_name", {"limit": MAX_SETTING_CHARS}))
        if value is None or isinstance(value, bool):
            cleaned[name] = value
        elif isinstance(value, numbers.Integral):
            cleaned[name] = int(value)
        elif isinstance(value, numbers.Real):
            cleaned[name] = _number(value, "bad_settings", Reason("setting_value", {"name": name}))
        elif isinstance(value, str):
            if len(value) > MAX_SETTING_CHARS:
                raise ClassroomError(
                    "bad_settings", reason=Reason("setting_text", {"name": name, "limit": MAX_SETTING_CHARS})
                )
            cleaned[name] = value
        else:
            raise ClassroomError("bad_settings", reason=Reason("setting_value", {"name": name}))
    return MappingProxyType(cleaned)


def clean_corpus(corpus: Sequence[Row], limits: Limits = LIMITS) -> tuple[Row, ...]:
    """The corpus as published (labels trimmed), or ClassroomError: too large or not a valid corpus."""
    rows = list(corpus)
    if len(rows) > limits.rows:  # before anything else is counted
        raise ClassroomError("corpus_too_large", reason=LimitExceeded("rows", limits.rows, len(rows)))
    chars = 0
    for row in rows:
        if not isinstance(row, Row) or not all(isinstance(part, str) for part in (row.text, row.label, row.split)):
            raise ClassroomError("corpus_invalid", reason=Reason("corpus_rows"))
        chars += len(row.text) + len(row.label)
    if chars > MAX_CORPUS_CHARS:
        raise ClassroomError(
            "corpus_too_large", reason=Reason("corpus_chars", {"found": chars, "limit": MAX_CORPUS_CHARS})
        )
    try:
        check_corpus(rows, limits=limits)
    except TooLarge as error:
        raise ClassroomError("corpus_too_large", reason=tuple(error.exceeded)) from None
    problems = find_problems(rows, max_labels=limits.labels)
    if problems:
        raise ClassroomError("corpus_invalid", reason=problems[0])
    return tuple(Row(row.text, row.label.strip(), row.split) for row in rows)


def downsample(curve: Sequence[float], points: int = MAX_CURVE_POINTS) -> list[float]:
    """At most `points` values of `curve`, evenly spaced, keeping the first and the last."""
    count = len(curve)
    if count <= points:
        return list(curve)
    if points == 1:
        return [curve[-1]]
    return [curve[round(i * (count - 1) / (points - 1))] for i in range(points)]


def clean_run(run: RunResult) -> RunResult:
    """The run with checked numbers and its curve downsampled, or ClassroomError("bad_result")."""
    if not isinstance(run, RunResult):
        raise ClassroomError("bad_result", reason=Reason("run_type"))
    epochs = _epochs(run.epochs, "bad_result", "run_epochs")
    if (run.test_loss is None) != (run.test_accuracy is None):
        raise ClassroomError("bad_result", reason=Reason("run_test_pair"))
    if isinstance(run.curve, str | bytes) or not isinstance(run.curve, Sequence):
        raise ClassroomError("bad_result", reason=Reason("run_curve"))
    curve = [_loss(value, "run_curve") for value in downsample(run.curve)]
    return RunResult(
        settings=clean_settings(run.settings),
        train_loss=_loss(run.train_loss, "train_loss"),
        train_accuracy=_accuracy(run.train_accuracy, "train_accuracy"),
        test_loss=None if run.test_loss is None else _loss(run.test_loss, "test_loss"),
        test_accuracy=None if run.test_accuracy is None else _accuracy(run.test_accuracy, "test_accuracy"),
        epochs=epochs,
        curve=tuple(curve),
    )


def secret_matches(given: object, expected: str) -> bool:
    """Whether `given` is the secret `expected`, compared in constant time (no timing hint)."""
    if not isinstance(given, str) or not given:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))
