"""Presets (above all the hand-written multilingual corpus) and the corpus as CSV."""

import csv
import io
import unicodedata
from collections import Counter, defaultdict

import pandas as pd
import pytest

from core.corpus import TUTORIAL_CORPUS, Row, find_problems
from core.corpus_csv import rows_from_csv, rows_to_csv
from core.dataset import prepare
from core.multilingual_corpus import SENTENCES
from core.presets import PRESETS
from core.training import TrainConfig, train

LANGUAGES = ("ENGLISH", "SPANISH", "FRENCH", "GERMAN", "ITALIAN", "PORTUGUESE")
MULTI = PRESETS["multilingual"]


def _normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


# ---------------------------------------------------------------- presets


def test_preset_keys_and_the_simple_ones():
    assert set(PRESETS) == {"tutorial", "multilingual", "empty"}
    assert PRESETS["tutorial"] is TUTORIAL_CORPUS
    assert PRESETS["empty"] == ()
    assert all(isinstance(row, Row) for preset in PRESETS.values() for row in preset)


def test_multilingual_has_six_languages_with_enough_sentences_each():
    counts = Counter((row.label, row.split) for row in MULTI)
    assert {row.label for row in MULTI} == set(LANGUAGES)
    for language in LANGUAGES:
        assert counts[(language, "train")] >= 60, language
        assert counts[(language, "test")] >= 15, language
    assert {row.split for row in MULTI} == {"train", "test"}


def test_multilingual_is_valid_and_has_no_duplicates():
    assert find_problems(MULTI, max_labels=10) == []
    normalised = Counter(_normal(row.text) for row in MULTI)
    assert [text for text, n in normalised.items() if n > 1] == []


def test_multilingual_sentences_are_short_clean_text():
    for row in MULTI:
        assert row.text == row.text.strip() and "  " not in row.text, row
        assert 2 <= len(row.text.split()) <= 10, row
        assert unicodedata.is_normalized("NFC", row.text), row
        assert row.text[0].isupper() or row.text[0] == "¿", row
        assert not row.text.endswith("."), row


def test_multilingual_languages_use_their_own_letters():
    letters = defaultdict(set)
    for row in MULTI:
        letters[row.label].update(ch for ch in row.text if ch.isalpha() and not ch.isascii())
    assert letters["ENGLISH"] == set()
    assert {"ñ", "á", "é"} <= letters["SPANISH"]
    assert {"é", "è", "ç", "ê"} <= letters["FRENCH"]
    assert {"ä", "ö", "ü", "ß"} <= letters["GERMAN"]
    assert {"è", "à"} <= letters["ITALIAN"]
    assert {"ã", "ç", "ê"} <= letters["PORTUGUESE"]


def test_multilingual_rows_interleave_languages():
    first = [row.label for row in MULTI[: len(LANGUAGES)]]
    assert first == list(SENTENCES)
    assert [row.split for row in MULTI] == sorted((row.split for row in MULTI), key=("train", "test").index)


def test_multilingual_shares_words_across_languages():
    # Shared words ("a", "de", "la", "no") are what keep the task from being trivial.
    dataset = prepare(list(MULTI))
    languages_of = defaultdict(set)
    for row, tokens in zip(dataset.train_rows, dataset.train_tokens, strict=True):
        for word in tokens:
            languages_of[word].add(row.label)
    shared = {word for word, langs in languages_of.items() if len(langs) >= 2}
    assert {"a", "de", "la", "en", "in"} <= shared
    assert len(shared) >= 40
    assert len(dataset.vocab) >= 1000


def test_multilingual_is_learnable_but_not_at_once():
    dataset = prepare(list(MULTI))
    result = train(dataset, TrainConfig(optimizer="adam", lr=0.01, epochs=5, update_mode="minibatch"))
    before, after = result.history[0], result.history[-1]
    assert before.test_accuracy < 0.4  # chance level is 1/6
    assert after.train_accuracy == 1.0
    assert 0.9 <= after.test_accuracy
    # The held-out loss stays well above zero: unseen words carry no information yet.
    assert after.test_loss > 0.2
    assert after.test_loss < before.test_loss


# ---------------------------------------------------------------- CSV


TRICKY = [
    Row('She said "hello, world"', "ENGLISH", "train"),
    Row("Una frase, con comas; y 'comillas'", "SPANISH", "test"),
    Row("Zeile mit\nZeilenumbruch", "GERMAN", "train"),
    Row("中文句子 也可以", "中文", "train"),
    Row(r"back\slash " "", "OTHER", "test"),
]


def test_csv_round_trip_keeps_every_row():
    for rows in (TRICKY, list(MULTI), list(TUTORIAL_CORPUS)):
        assert rows_from_csv(rows_to_csv(rows).encode("utf-8")) == rows


def test_csv_matches_what_pandas_reads():
    text = rows_to_csv(TRICKY)
    assert text.splitlines()[0] == "text,label,split"
    frame = pd.read_csv(io.StringIO(text), keep_default_na=False, dtype=str)
    assert list(frame.columns) == ["text", "label", "split"]
    assert frame.to_dict("records") == [{"text": r.text, "label": r.label, "split": r.split} for r in TRICKY]


def test_csv_from_a_spreadsheet_export():
    # BOM, columns in another order and case, CRLF line ends, a blank line, extra column.
    data = "\ufeffLabel , Text,Note\r\nENGLISH,Good morning,x\r\n\r\nFRENCH,Bonjour à tous,\r\n".encode()
    expected = [Row("Good morning", "ENGLISH", "train"), Row("Bonjour à tous", "FRENCH", "train")]
    assert rows_from_csv(data) == expected


def test_csv_split_defaults_and_normalises():
    data = b"text,label,split\nhello there,ENGLISH,\nhola amigo,SPANISH,Test\n"
    expected = [Row("hello there", "ENGLISH", "train"), Row("hola amigo", "SPANISH", "test")]
    assert rows_from_csv(data) == expected


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("text,label\ncafé,SPANISH\n".encode("latin-1"), "not UTF-8"),
        (b"", "empty"),
        (b"  \n\n", "empty"),
        (b"text,split\nhello,train\n", "missing column(s): label"),
        (b"sentence,lang\nhello,EN\n", "missing column(s): text, label"),
        (b"text,label,split\n", "no rows"),
        (b"text,label,split\nhello,EN,train\nhola,ES,validation\n", "line 3"),
    ],
)
def test_csv_errors_say_what_is_wrong(data, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        rows_from_csv(data)


def test_line_numbers_count_file_lines_not_records():
    data = b'text,label,split\n"two\nlines",EN,train\nhola,ES,dev\n'
    with pytest.raises(ValueError, match="line 4: split"):
        rows_from_csv(data)


def test_bad_split_error_names_the_value():
    with pytest.raises(ValueError, match=r"line 2: split must be 'train' or 'test', not 'dev'"):
        rows_from_csv(b"text,label,split\nhello,EN,dev\n")


def test_loaded_corpus_problems_point_at_the_rows():
    # A file can be read and still be an invalid corpus: validation names each bad row.
    data = b"text,label,split\nhello,EN,train\n,EN,train\nhola,,train\nbonjour,FR,test\n"
    rows = rows_from_csv(data)
    problems = [(p.row, p.code) for p in find_problems(rows)]
    assert problems == [
        (2, "empty_text"),
        (3, "empty_label"),
        (4, "unknown_test_label"),
        (None, "too_few_labels"),
    ]
    with pytest.raises(ValueError, match="row 2: the text is empty"):
        prepare(rows)


def test_written_csv_is_parsable_by_the_csv_module():
    parsed = list(csv.reader(io.StringIO(rows_to_csv(TRICKY), newline="")))
    assert parsed[1:] == [[r.text, r.label, r.split] for r in TRICKY]
