"""Hostile input in the classifier studio: shown literally, refused when too large, never bricking a session."""

from __future__ import annotations

import pytest
import torch
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df

from core.corpus import Row
from core.corpus_csv import rows_to_csv
from core.limits import LIMITS
from i18n import translate
from tests.conftest import assert_clean, open_page
from tests.hostile import (
    HOSTILE_STRINGS,
    HOSTILE_WORDS,
    SIZE_LIMITS,
    bad_weight_files,
    corpus_at_limit,
    hostile_corpus_rows,
    hostile_label_groups,
)
from ui.markup import plain

PAGE = "app_pages/classifier.py"
MARKDOWN_ELEMENTS = ("markdown", "caption", "metric", "error", "warning", "info", "success", "subheader")
GROUPS = hostile_label_groups()
# Hostile text that must never reach markdown as it is. Short pieces ("#", "\\*") are left out:
# they occur inside escaped text too ("\\#"), so finding them there proves nothing.
RAW = tuple(dict.fromkeys(text for text in HOSTILE_STRINGS + HOSTILE_WORDS if plain(text) != text and len(text) >= 5))


def words_of(labels: tuple[str, ...]) -> list[str]:
    """The words of a hostile corpus whose labels are `labels`, hostile ones only."""
    return list(dict.fromkeys(word for label in labels for word in label.split()))


def show_tab(at, name: str):
    at.session_state["classifier.tab"] = translate(f"classifier.tab.{name}", "en")
    return at.run()


def formatted_texts(at) -> list[str]:
    """The source of every element Streamlit renders as markdown (metrics: label and value)."""
    texts = []
    for kind in MARKDOWN_ELEMENTS:
        for element in getattr(at, kind):
            if kind == "metric":
                texts += [element.label, element.value]
            else:
                texts.append(element.value)
    return texts


def assert_only_escaped(at) -> None:
    """No hostile string or word reaches a markdown element as it is: only in its escaped form."""
    for text in formatted_texts(at):
        for hostile in RAW:
            # "# pwn10" is inside its own escaped form "\\# pwn10": look only outside that.
            assert hostile not in text.replace(plain(hostile), ""), f"raw user text {hostile!r} in markdown {text!r}"


def table(at, first_column: str):
    """The one table (st.dataframe's data) whose first column is `first_column`."""
    (frame,) = [element.value for element in at.dataframe if list(element.value.columns[:1]) == [first_column]]
    return frame


def chart_texts(at) -> str:
    """Every chart's spec and the text values of its data, as one string to search."""
    texts = []
    for chart in at.get("vega_lite_chart"):
        texts.append(chart.proto.spec)
        for dataset in chart.proto.datasets:
            frame = convert_arrow_bytes_to_pandas_df(dataset.data.data)
            texts += [value for column in frame.columns for value in frame[column] if isinstance(value, str)]
    return "\n".join(texts)


@pytest.fixture(scope="module", params=range(len(GROUPS)), ids=lambda group: f"labels{group}")
def hostile_run(request):
    """A run trained on a corpus whose labels are one group of hostile strings; yields it and the labels."""
    labels = GROUPS[request.param]
    at = open_page(PAGE)
    at.session_state["classifier.rows"] = hostile_corpus_rows(labels)
    at.session_state["classifier.editor_version"] += 1
    show_tab(at, "train")
    at.button(key="classifier.train").click().run()
    assert_clean(at)
    run = at.session_state["classifier.run"]
    assert run is not None and run.labels == list(labels)
    return at, labels


def test_every_hostile_string_is_a_label_and_its_words_are_words():
    labels = [label for group in GROUPS for label in group]
    assert sorted(labels) == sorted(HOSTILE_STRINGS)
    assert all(len(group) <= LIMITS.labels for group in GROUPS)
    assert sorted(word for group in GROUPS for word in words_of(group)) == sorted(HOSTILE_WORDS)


def test_hostile_labels_are_escaped_in_every_tab(hostile_run):
    at, labels = hostile_run
    for tab in ("corpus", "inspect", "train", "results", "heatmap", "predict", "compare", "export"):
        show_tab(at, tab)
        assert_clean(at)
        assert_only_escaped(at)
    show_tab(at, "results")
    caption = translate("classifier.results.test_text", "en", labels=", ".join(plain(label) for label in labels))
    assert caption in [caption.value for caption in at.caption]


def test_hostile_labels_and_words_are_literal_in_tables_code_and_charts(hostile_run):
    at, labels = hostile_run
    rows = hostile_corpus_rows(labels)
    show_tab(at, "corpus")
    (editor,) = at.dataframe
    assert editor.value[["text", "label"]].to_dict("records") == [
        {"text": r["text"], "label": r["label"]} for r in rows
    ]
    show_tab(at, "inspect")
    assert set(words_of(labels)) <= set(table(at, "Word")["Word"])
    assert list(table(at, labels[0]).columns) == list(labels)  # the initial bias
    assert repr({label: index for index, label in enumerate(labels)}) in [code.value for code in at.code]
    show_tab(at, "results")
    tested = table(at, "Sentence")
    assert list(tested["Sentence"]) == [row["text"] for row in rows if row["split"] == "test"]
    assert list(tested["Label"]) == list(labels) and set(tested["Predicted"]) <= set(labels)
    assert list(table(at, "Label")["Label"]) == list(labels)  # one word's weights
    assert all(label in chart_texts(at) for label in labels)
    show_tab(at, "heatmap")
    weights = table(at, "Word")
    assert list(weights.columns) == ["Word", *labels] and set(words_of(labels)) <= set(weights["Word"])
    assert all(label in chart_texts(at) for label in labels)


WORD_CASES = [(group, word) for group, labels in enumerate(GROUPS) for word in words_of(labels)]


@pytest.mark.parametrize(("hostile_run", "word"), WORD_CASES, indirect=["hostile_run"])
def test_a_hostile_word_in_the_one_word_view_is_escaped(hostile_run, word):
    at, labels = hostile_run
    show_tab(at, "results")
    box = at.selectbox(key="classifier.word")
    assert word in box.options
    box.set_value(word).run()
    assert_clean(at)
    assert_only_escaped(at)
    assert any(plain(word) in caption.value for caption in at.caption)
    assert list(table(at, "Label")["Label"]) == list(labels)


SENTENCE_CASES = [(group, label) for group, labels in enumerate(GROUPS) for label in labels]


@pytest.mark.parametrize(("hostile_run", "sentence"), SENTENCE_CASES, indirect=["hostile_run"])
def test_a_hostile_sentence_is_predicted_as_its_hostile_label_and_shown_literally(hostile_run, sentence):
    at, labels = hostile_run
    show_tab(at, "predict")
    at.text_input(key="classifier.sentence").set_value(f"me gusta {sentence}").run()
    assert_clean(at)
    assert_only_escaped(at)
    (metric,) = at.metric
    assert metric.value == plain(sentence)  # the label predicted, escaped
    legend = translate("classifier.predict.legend", "en", label=plain(sentence))
    assert legend in [caption.value for caption in at.caption]
    assert list(table(at, "Label")["Label"]) == list(labels)
    contributions = table(at, "Word")
    assert list(contributions.columns[3:]) == list(labels)
    assert list(contributions["Word"][: len(sentence.split()) + 2]) == list(
        dict.fromkeys(["me", "gusta", *sentence.split()])
    )


def test_hostile_labels_get_columns_of_their_own():
    """A label named like a table column must not break the tables that show one column per label."""
    at = open_page(PAGE)
    rows = [
        {"text": "a b", "label": "Word", "split": "train"},
        {"text": "c d", "label": "Count", "split": "train"},
        {"text": "a", "label": "Word", "split": "test"},
        {"text": "e", "label": "Known", "split": "train"},
    ]
    at.session_state["classifier.rows"] = rows
    at.session_state["classifier.editor_version"] += 1
    show_tab(at, "inspect")
    assert_clean(at)
    show_tab(at, "train")
    at.button(key="classifier.train").click().run()
    show_tab(at, "predict")
    at.text_input(key="classifier.sentence").set_value("a c").run()
    assert_clean(at)
    assert len(at.metric) == 1


# ---------------------------------------------------------------- bad weights files


@pytest.fixture(scope="module")
def trained():
    at = open_page(PAGE)
    show_tab(at, "train")
    at.button(key="classifier.train").click().run()
    assert_clean(at)
    return at


@pytest.mark.parametrize("kind", sorted(bad_weight_files(2, 26)))
def test_a_bad_weights_file_gives_its_message_and_the_next_click_works(trained, kind, tmp_path):
    at = trained
    run = at.session_state["classifier.run"]
    data, code = bad_weight_files(2, 26, str(tmp_path / "marker"))[kind]
    show_tab(at, "export")
    (uploader,) = at.file_uploader
    uploader.set_value((f"{kind}.pt", data, "application/octet-stream")).run()
    assert_clean(at)
    (error,) = at.error
    assert plain(f"{kind}.pt") in error.value
    assert translate(f"weights_file.{code}", "en").split("{")[0].strip("“") in error.value
    assert at.session_state["classifier.run"] is run  # the last run is untouched
    # The next click works: a prediction with the run that was kept.
    show_tab(at, "predict")
    at.text_input(key="classifier.sentence").set_value(f"Yo creo que si {kind}").run()
    assert_clean(at)
    assert [metric.value for metric in at.metric] == ["SPANISH"]
    at.text_input(key="classifier.sentence").set_value("").run()


def test_a_good_weights_file_after_a_bad_one_is_loaded(trained):
    from core.weights_file import weights_to_bytes

    at = trained
    run = at.session_state["classifier.run"]
    show_tab(at, "export")
    at.file_uploader[0].set_value(("bad.pt", b"not a file", "application/octet-stream")).run()
    doubled = run.result.final_weight * 2
    good = weights_to_bytes(doubled, run.result.final_bias)
    at.file_uploader[0].set_value(("good.pt", good, "application/octet-stream")).run()
    assert_clean(at)
    assert not at.error
    imported = at.session_state["classifier.run"]
    assert imported.result.status == "imported" and torch.equal(imported.result.final_weight, doubled)
    at.session_state["classifier.run"] = run


# ---------------------------------------------------------------- sizes


def _csv(rows: list[Row]) -> bytes:
    return rows_to_csv(rows).encode()


def over_limit_files() -> dict[str, bytes]:
    """One CSV over each size limit, each otherwise a valid corpus."""
    return {name: _csv(corpus_at_limit(name, extra=1)) for name in SIZE_LIMITS}


@pytest.mark.parametrize("limit", sorted(over_limit_files()))
def test_an_upload_over_a_limit_names_it_and_keeps_the_corpus(limit):
    at = open_page(PAGE)
    before = [dict(row) for row in at.session_state["classifier.rows"]]
    at.file_uploader[0].set_value((f"{limit}.csv", over_limit_files()[limit], "text/csv")).run()
    assert_clean(at)
    assert at.session_state["classifier.rows"] == before
    (error,) = at.error
    limit_value = f"{getattr(LIMITS, limit):,}"
    assert translate("limit.refused_upload", "en") in error.value and limit_value in error.value
    assert translate(f"limit.{limit}", "en").split(":")[0].split("{")[0] in error.value
    # The next click works: the corpus trains.
    show_tab(at, "train")
    at.button(key="classifier.train").click().run()
    assert_clean(at)
    assert at.session_state["classifier.run"].result.status == "completed"


def test_an_edit_over_a_limit_is_refused_and_the_corpus_kept():
    at = open_page(PAGE)
    before = [dict(row) for row in at.session_state["classifier.rows"]]
    long_text = " ".join(f"w{i}" for i in range(LIMITS.words_per_row + 5))
    key = f"classifier.editor.{at.session_state['classifier.editor_version']}"
    at.session_state[key] = {"edited_rows": {0: {"text": long_text}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert_clean(at)
    assert at.session_state["classifier.rows"] == before
    assert any(translate("limit.refused_edit", "en") in error.value for error in at.error)


def test_a_broken_file_keeps_the_corpus_and_names_the_file():
    at = open_page(PAGE)
    before = [dict(row) for row in at.session_state["classifier.rows"]]
    at.file_uploader[0].set_value(("[x](https:__e.org).csv", b"\xff\xfe bad", "text/csv")).run()
    assert_clean(at)
    assert at.session_state["classifier.rows"] == before
    assert any(plain("[x](https:__e.org).csv") in caption.value for caption in at.caption)
    assert_only_escaped(at)


def test_an_unexpected_failure_in_an_upload_restores_the_session(monkeypatch):
    from ui.classifier import corpus_editor

    at = open_page(PAGE)
    before = [dict(row) for row in at.session_state["classifier.rows"]]

    def broken(data):
        raise RuntimeError("boom [pwn](https://example.org)")

    monkeypatch.setattr(corpus_editor, "rows_from_csv", broken)
    at.file_uploader[0].set_value(("ok.csv", _csv([Row("a", "X"), Row("b", "Y")]), "text/csv")).run()
    monkeypatch.undo()
    assert_clean(at)
    assert at.session_state["classifier.rows"] == before
    assert translate("failure.upload", "en") in [error.value for error in at.error]
    assert_only_escaped(at)


# ---------------------------------------------------------------- lesson pages


@pytest.mark.parametrize(
    ("path", "prefix"), [("app_pages/softmax.py", "softmax"), ("app_pages/objectives.py", "objectives")]
)
@pytest.mark.parametrize("text", HOSTILE_STRINGS[:8])
def test_hostile_scores_on_lesson_pages_are_refused_as_plain_text(path, prefix, text):
    at = open_page(path)
    at.segmented_control(key=f"{prefix}.source").set_value("custom").run()
    at.text_input(key=f"{prefix}.custom").set_value(text).run()
    assert_clean(at)
    assert at.error  # the scores could not be read: a message, not a traceback
    assert_only_escaped(at)
