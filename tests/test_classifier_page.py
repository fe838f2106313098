"""The classifier studio driven through AppTest: corpus edits, training, results, heatmap, predict."""

from __future__ import annotations

import io
import json

import pyarrow as pa
import pytest
import torch

from core.presets import PRESETS
from i18n import translate
from tests.conftest import assert_clean, open_page
from ui.classifier import training as training_section
from ui.classifier.inspection import bow_code
from ui.classifier.state import apply_editor_delta
from ui.markup import plain

PAGE = "app_pages/classifier.py"


def show_tab(at, name: str, lang: str = "en"):
    at.session_state["classifier.tab"] = translate(f"classifier.tab.{name}", lang)
    return at.run()


def edit_corpus(at, delta: dict):
    """What the browser sends after an edit: the delta, under the editor's current key."""
    at.session_state[f"classifier.editor.{at.session_state['classifier.editor_version']}"] = delta
    return at.run()


def rows(at) -> list[dict]:
    return at.session_state["classifier.rows"]


def train(at, lang: str = "en"):
    show_tab(at, "train", lang)
    at.button(key="classifier.train").click().run()
    assert_clean(at)
    return at.session_state["classifier.run"]


def table(at, *columns: str, nth: int = 0):
    """The `nth` drawn table that has all these columns."""
    found = [frame.value for frame in at.dataframe if set(columns) <= set(frame.value.columns)]
    assert len(found) > nth, f"no table with columns {columns}"
    return found[nth]


def chart_data(chart) -> list[dict]:
    spec = json.loads(chart.proto.spec)
    data = [row for values in spec.get("datasets", {}).values() for row in values]
    for dataset in chart.proto.datasets:
        data += pa.ipc.open_stream(io.BytesIO(dataset.data.data)).read_pandas().to_dict("records")
    return data


@pytest.fixture(scope="module")
def trained():
    """The tutorial preset trained with the page's defaults: the tutorial's settings."""
    at = open_page(PAGE)
    assert_clean(at)
    run = train(at)
    return at, run


def test_defaults_are_the_tutorial_and_reproduce_its_numbers(trained):
    at, run = trained
    assert [r["text"] for r in rows(at)] == [row.text for row in PRESETS["tutorial"]]
    result = run.result
    assert result.status == "completed" and result.epochs_done == 100
    assert result.config.tutorial_draws and result.config.optimizer == "sgd" and result.config.lr == 0.1
    assert [record.epoch for record in result.history] == list(range(101))
    assert result.history[-1].train_loss < result.history[0].train_loss
    assert result.history[-1].test_accuracy == 1.0
    creo = run.dataset.vocab.index("creo")
    assert torch.allclose(result.final_weight[:, creo], torch.tensor([0.2803, -0.5605]), atol=5e-5)
    assert [m.value for m in at.metric][1] == "100%"

    show_tab(at, "results")
    assert_clean(at)
    tests = table(at, "After training", "Predicted")
    assert tests["After training"].tolist() == ["[[-0.2093, -1.6669]]", "[[-2.5330, -0.0828]]"]
    assert tests["Before training"].tolist() == ["[[-0.9297, -0.5020]]", "[[-0.6388, -0.7506]]"]
    assert tests["Predicted"].tolist() == ["SPANISH", "ENGLISH"]
    assert tests["Right?"].tolist() == [True, True]
    word = table(at, "Change")
    assert at.selectbox(key="classifier.word").value == "creo"
    assert word["After training"].tolist() == pytest.approx([0.2803, -0.5605], abs=5e-5)
    assert word["Before training"].tolist() == pytest.approx([-0.1488, -0.1313], abs=5e-5)
    # Loss and accuracy curves, confusion matrix and the word's path are all drawn.
    charts = at.get("vega_lite_chart")
    assert len(charts) == 4
    confusion = [row for chart in charts for row in chart_data(chart) if "predicted" in row]
    assert {(row["true"], row["predicted"]): row["count"] for row in confusion} == {
        ("SPANISH", "SPANISH"): 1,
        ("SPANISH", "ENGLISH"): 0,
        ("ENGLISH", "SPANISH"): 0,
        ("ENGLISH", "ENGLISH"): 1,
    }


def test_heatmap_spec_holds_words_weights_and_bias(trained):
    at, run = trained
    show_tab(at, "heatmap")
    assert_clean(at)
    data = chart_data(at.get("vega_lite_chart")[0])
    cells = {(row["word"], row["label"]): row["weight"] for row in data}
    vocab, labels = run.vocab, run.labels
    assert len(data) == (len(vocab) + 1) * len(labels)  # 26 words fit under the default top-K
    assert cells[("creo", "SPANISH")] == pytest.approx(0.2803, abs=5e-5)
    assert cells[("creo", "ENGLISH")] == pytest.approx(-0.5605, abs=5e-5)
    assert cells[("(bias)", "SPANISH")] == pytest.approx(float(run.result.final_bias[0]), abs=1e-6)
    counts = {row["word"]: row["count"] for row in data}
    assert counts["No"] == 2 and counts["creo"] == 1

    # Sorted by separation, top 3: the words whose columns differ most between the labels.
    at.selectbox(key="classifier.heatmap_sort").select("separation").run()
    at.number_input(key="classifier.heatmap_k").set_value(3).run()
    data = chart_data(at.get("vega_lite_chart")[0])
    weight = run.result.final_weight
    spread = weight.max(dim=0).values - weight.min(dim=0).values
    expected = [vocab[i] for i in torch.sort(spread, descending=True, stable=True).indices[:3].tolist()]
    words = list(dict.fromkeys(row["word"] for row in data))
    assert words == [*expected, "(bias)"]

    # The difference view shows after minus before.
    at.segmented_control(key="classifier.heatmap_view").set_value("difference").run()
    data = chart_data(at.get("vega_lite_chart")[0])
    cells = {(row["word"], row["label"]): row["weight"] for row in data}
    index = vocab.index(expected[0])
    change = run.result.final_weight[0, index] - run.result.initial_weight[0, index]
    assert cells[(expected[0], labels[0])] == pytest.approx(float(change), abs=1e-6)
    assert_clean(at)


def test_prediction_contributions_sum_to_the_logits(trained):
    at, run = trained
    show_tab(at, "predict")
    at.text_input(key="classifier.sentence").input("Yo creo que si creo *zzz* [x](y)").run()
    assert_clean(at)
    assert at.metric[0].value == "SPANISH"
    frame = table(at, "In vocabulary")
    labels = run.labels
    words = frame.iloc[:-2]
    bias, logits = frame.iloc[-2], frame.iloc[-1]
    total = words[labels].sum() + bias[labels]
    assert total.tolist() == pytest.approx(logits[labels].tolist(), abs=1e-5)
    creo = words[words["Word"] == "creo"].iloc[0]
    assert creo["Count"] == 2
    assert creo["SPANISH"] == pytest.approx(2 * 0.2803, abs=2e-4)
    unknown = words[~words["In vocabulary"].astype(bool)]["Word"].tolist()
    assert unknown == ["*zzz*", "[x](y)"]
    assert (words[~words["In vocabulary"].astype(bool)][labels] == 0).all().all()
    # Probabilities come from the same logits.
    probabilities = table(at, "Probability")["Probability"]
    expected = torch.softmax(torch.tensor(logits[labels].tolist()), 0).tolist()
    assert probabilities.tolist() == pytest.approx(expected, abs=1e-5)
    # User text is escaped: no emphasis, no link; each word's push is a sign and a colour, unknown words 0 and grey.
    sentence = [m.value for m in at.markdown if m.value.startswith(":")][0]
    assert ":blue[creo \\(\\+\\)]" in sentence
    assert ":gray[\\*zzz\\* \\(0\\)]" in sentence and ":gray[\\[x\\]\\(y\\) \\(0\\)]" in sentence


def test_export_script_shown_runs_and_prints_the_apps_weights(trained):
    at, run = trained
    show_tab(at, "export")
    assert_clean(at)
    script = at.code[0].value
    printed: list[str] = []
    capture = {"print": lambda *values: printed.append(" ".join(map(str, values)))}
    exec(compile(script, "<reproduce_run>", "exec"), capture)
    creo_line = next(line for line in printed if line.startswith("creo\t"))
    assert creo_line.split("\t")[1:] == ["0.2803", "-0.5605"]
    assert {button.proto.label for button in at.get("download_button")} == {
        "Weights (CSV)",
        "Settings (JSON)",
        "Script (.py)",
        "Weights (PyTorch file)",
    }


def test_inspection_shows_vocabulary_vector_and_runnable_code():
    at = open_page(PAGE)
    show_tab(at, "inspect")
    assert_clean(at)
    vocab = table(at, "Index", "Count")
    assert len(vocab) == 26 and vocab["Word"].tolist()[:3] == ["me", "gusta", "comer"]
    assert dict(zip(vocab["Word"], vocab["Count"], strict=True))["No"] == 2
    at.selectbox(key="classifier.inspect_sentence").select(4).run()  # "Yo creo que si"
    vector = table(at, "Index", "Word", nth=1)
    assert vector["Word"].tolist() == ["creo", "que", "Yo", "si"]
    assert vector["Index"].tolist() == [10, 11, 23, 24]
    # The code shown builds the same vector.
    printed: list = []
    code = next(block.value for block in at.code if "make_bow_vector" in block.value)
    exec(code, {"print": printed.append})
    assert printed[0].nonzero()[:, 1].tolist() == [10, 11, 23, 24]
    weight = table(at, "SPANISH")
    assert weight["SPANISH"].tolist()[:3] == pytest.approx([0.1194, 0.0609, -0.1268], abs=5e-5)
    assert weight["ENGLISH"].tolist()[:3] == pytest.approx([0.1152, -0.1136, -0.1743], abs=5e-5)
    assert "{'SPANISH': 0, 'ENGLISH': 1}" in [block.value for block in at.code]


def test_editing_rows_lists_problems_and_disables_train():
    at = open_page(PAGE)
    version = at.session_state["classifier.editor_version"]
    edit_corpus(
        at,
        {
            "edited_rows": {0: {"label": ""}, 4: {"label": "FRENCH"}},
            "added_rows": [{"text": "bonjour", "label": "FRENCH", "split": "bad"}],
            "deleted_rows": [1],
        },
    )
    assert_clean(at)
    assert at.session_state["classifier.editor_version"] == version + 1
    assert len(rows(at)) == 6
    assert rows(at)[0]["label"] == ""
    assert rows(at)[-1] == {"text": "bonjour", "label": "FRENCH", "split": "bad"}
    errors = at.error[0].value
    assert "Row 1: the label is empty." in errors
    assert "Row 6: “Used for” must be train or test, not “bad”." in errors
    assert "Row 4: the label “FRENCH” is in no training row" in errors  # the old row 5 moved up
    show_tab(at, "train")
    assert at.button(key="classifier.train").disabled
    assert "3 problems" in at.warning[0].value

    # Fixing them through the editor enables Train again; the delta is applied exactly once.
    show_tab(at, "corpus")
    edit_corpus(
        at,
        {"edited_rows": {"0": {"label": "SPANISH"}, "3": {"label": "ENGLISH"}}, "added_rows": [], "deleted_rows": [5]},
    )
    at.run()
    assert len(rows(at)) == 5 and not at.error
    show_tab(at, "train")
    assert not at.button(key="classifier.train").disabled


def test_corpus_survives_a_page_switch_and_a_failed_training(monkeypatch):
    at = open_page(PAGE)
    edit_corpus(at, {"edited_rows": {}, "added_rows": [{"text": "Hola amigo", "label": "SPANISH"}], "deleted_rows": []})
    assert rows(at)[-1] == {"text": "Hola amigo", "label": "SPANISH", "split": "train"}
    edited = [dict(row) for row in rows(at)]
    at.switch_page("app_pages/replay.py").run()
    at.switch_page(PAGE).run()
    assert_clean(at)
    assert rows(at) == edited
    show_tab(at, "corpus")
    assert at.dataframe[0].value["text"].tolist()[-1] == "Hola amigo"

    from core.training import DivergenceError

    def diverging(dataset, config, on_epoch=None, initial_state=None):
        raise DivergenceError(7, None)

    monkeypatch.setattr(training_section, "train", diverging)
    show_tab(at, "train")
    at.select_slider(key="classifier.lr").set_value(100.0).run()
    at.button(key="classifier.train").click().run()
    assert_clean(at)
    message = at.error[0].value
    assert "diverged at epoch 7" in message and "Lower the learning rate (now 100)" in message
    assert rows(at) == edited
    assert "classifier.run" not in at.session_state


def test_stop_keeps_the_epochs_done(monkeypatch):
    """Stop interrupts the script at a draw; the run ends after that epoch and is kept."""
    from streamlit.runtime.scriptrunner_utils.exceptions import StopException

    from charts.classifier import history_chart

    draws = []

    def chart_then_stop(history, texts):
        draws.append(len(history))
        if len(draws) == 3:
            raise StopException()
        return history_chart(history, texts)

    monkeypatch.setattr(training_section, "THROTTLE_SECONDS", 0.0)
    monkeypatch.setattr(training_section, "history_chart", chart_then_stop)
    at = open_page(PAGE)
    show_tab(at, "train")
    at.button(key="classifier.train").click().run()
    # The stopped run left its result where the next run collects it.
    assert "classifier.run" not in at.session_state
    assert at.session_state["classifier.training"].done.is_set()
    at.run()
    assert_clean(at)
    result = at.session_state["classifier.run"].result
    assert result.status == "stopped" and result.epochs_done == 3
    assert len(result.history) == 4 and result.weight_history.shape[0] == 4
    assert "classifier.training" not in at.session_state
    assert "Stopped after 3 of 100 epochs" in at.warning[0].value


def test_multilingual_minibatch_training_and_comparison():
    at = open_page(PAGE)
    at.selectbox(key="classifier.preset").select("multilingual").run()
    at.button(key="classifier.load_preset").click().run()
    assert_clean(at)
    assert len(rows(at)) == len(PRESETS["multilingual"])
    show_tab(at, "train")
    at.selectbox(key="classifier.optimizer").select("adam").run()
    at.select_slider(key="classifier.lr").set_value(0.03).run()
    at.number_input(key="classifier.epochs").set_value(5).run()
    at.radio(key="classifier.update_mode").set_value("minibatch").run()
    run = train(at)
    assert run.result.config.update_mode == "minibatch" and run.result.epochs_done == 5
    assert len(run.labels) == 6 and run.result.history[-1].test_accuracy > 0.8

    show_tab(at, "heatmap")
    assert f"Showing 40 of {len(run.vocab)} words." in [caption.value for caption in at.main.caption]
    data = chart_data(at.get("vega_lite_chart")[0])
    assert len(data) == 41 * 6

    show_tab(at, "compare")
    at.button(key="classifier.compare_run").click().run()
    assert_clean(at)
    comparison = at.session_state["classifier.comparison"]
    assert [name for name, _ in comparison] == ["SGD (lr 0.1)", "Adam (lr 0.01)"]
    # Same starting weights for both runs.
    assert torch.equal(comparison[0][1].initial_weight, comparison[1][1].initial_weight)
    runs = {row["run"] for row in chart_data(at.get("vega_lite_chart")[0])}
    assert runs == {"SGD (lr 0.1)", "Adam (lr 0.01)"}


def test_chinese_page_trains_and_translates():
    at = open_page(PAGE, "zh")
    assert_clean(at)
    assert at.title[0].value == "词袋分类器"
    run = train(at, "zh")
    assert run.result.epochs_done == 100
    assert at.success[0].value == "已训练 100 轮。"
    show_tab(at, "results", "zh")
    assert_clean(at)
    tests = table(at, "训练后")
    assert tests["训练后"].tolist() == ["[[-0.2093, -1.6669]]", "[[-2.5330, -0.0828]]"]
    show_tab(at, "heatmap", "zh")
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    assert "词" in json.dumps(spec, ensure_ascii=False) and "（偏置）" in json.dumps(spec, ensure_ascii=False)


def test_tutorial_settings_button_restores_the_tutorial_run():
    at = open_page(PAGE)
    show_tab(at, "train")
    at.selectbox(key="classifier.optimizer").select("adam").run()
    at.number_input(key="seed").set_value(7).run()
    at.button(key="classifier.tutorial_settings").click().run()
    assert at.selectbox(key="classifier.optimizer").value == "sgd"
    assert at.number_input(key="seed").value == 1
    assert at.select_slider(key="classifier.lr").value == 0.1
    assert at.toggle(key="classifier.tutorial_draws").value is True
    # The sidebar owns the seed: a new one there is the run's seed, and the page says so.
    at.number_input(key="seed").set_value(5).run()
    assert translate("classifier.train.from_sidebar", "en", seed=5, device="cpu") in [c.value for c in at.caption]
    # The code shown for these settings runs and prints the weights Train would give.
    code = next(block.value for block in at.code if "torch.manual_seed(SEED)" in block.value)
    assert "SEED = 5" in code and "optim.SGD(model.parameters(), lr=LEARNING_RATE)" in code


def test_apply_editor_delta_and_escape():
    table = [{"text": "a", "label": "X", "split": "train"}, {"text": "b", "label": "Y", "split": "test"}]
    delta = {
        "edited_rows": {"1": {"text": None}},
        "added_rows": [{"text": "c", "label": float("nan")}],
        "deleted_rows": [0],
    }
    assert apply_editor_delta(table, delta) == [
        {"text": "", "label": "Y", "split": "test"},
        {"text": "c", "label": "", "split": "train"},
    ]
    assert apply_editor_delta(table, None) == table
    assert plain("**x** <b>$z$</b>") == r"\*\*x\*\* \<b\>\$z\$\<\/b\>"
    assert bow_code(["a"], {"a": 0}).count("make_bow_vector") == 2


def test_imported_weights_replace_the_after_weights_and_are_checked(trained):
    from core.weights_file import weights_to_bytes
    from ui.classifier.export import import_weights

    _, run = trained
    doubled = run.result.final_weight * 2
    imported = import_weights(run, weights_to_bytes(doubled, run.result.final_bias))
    assert imported.result.status == "imported"
    assert torch.equal(imported.result.final_weight, doubled)
    assert torch.equal(imported.result.initial_weight, run.result.initial_weight)
    assert imported.result.history[-1].test_accuracy == 1.0
    with pytest.raises(ValueError):
        import_weights(run, weights_to_bytes(doubled[:, :5], run.result.final_bias))
