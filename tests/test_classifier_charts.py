"""The classifier studio's chart builders: their specs hold the right words, values and titles."""

import json

import pytest
import torch

from charts.classifier import (
    accuracy_chart,
    comparison_chart,
    confusion_chart,
    history_chart,
    weight_heatmap,
    word_path_chart,
)
from core.corpus import TUTORIAL_CORPUS
from core.dataset import prepare
from core.metrics import confusion_matrix
from core.presets import PRESETS
from core.training import EpochRecord, TrainConfig, train
from core.weights import top_k, word_order

HEAT_TEXTS = {"word": "Wort", "label": "Sprache", "weight": "Gewicht", "count": "Anzahl", "bias": "(Bias)"}


def spec_of(chart) -> dict:
    return json.loads(chart.to_json())


def rows_of(spec: dict) -> list[dict]:
    (rows,) = spec["datasets"].values()
    return rows


def layer_or_self(spec: dict) -> list[dict]:
    return spec.get("layer", [spec])


@pytest.fixture(scope="module")
def tutorial_run():
    dataset = prepare(list(TUTORIAL_CORPUS))
    return dataset, train(dataset, TrainConfig(tutorial_draws=True, epochs=30))


# ---------------------------------------------------------------- heatmap


def test_heatmap_holds_every_weight_in_order_with_the_bias_last(tutorial_run):
    dataset, result = tutorial_run
    weight, bias = result.final_weight, result.final_bias
    order = word_order(weight, "label", 0)
    vocab, labels = list(dataset.vocab), list(dataset.labels)
    spec = spec_of(weight_heatmap(weight, bias, vocab, labels, dataset.train_counts, order, HEAT_TEXTS))
    rows = rows_of(spec)
    assert spec["encoding"]["y"]["sort"] == [vocab[i] for i in order] + ["(Bias)"]
    assert spec["encoding"]["x"]["sort"] == ["SPANISH", "ENGLISH"]
    assert len(rows) == (len(vocab) + 1) * 2
    for row in rows:
        if row["word"] == "(Bias)":
            assert row["weight"] == pytest.approx(bias[labels.index(row["label"])].item(), abs=1e-7)
            assert row["count"] is None
        else:
            i = dataset.vocab.index(row["word"])
            assert row["weight"] == pytest.approx(weight[labels.index(row["label"]), i].item(), abs=1e-7)
            assert row["count"] == dataset.train_counts[row["word"]]
    creo = {r["label"]: r["weight"] for r in rows if r["word"] == "creo"}
    assert creo["SPANISH"] > 0 > creo["ENGLISH"]  # training pushed "creo" towards SPANISH
    assert {r["word"]: r["count"] for r in rows}["idea"] == 2  # "idea" ends two training sentences


def test_heatmap_colour_diverges_around_zero_and_titles_are_the_given_texts(tutorial_run):
    dataset, result = tutorial_run
    order = word_order(result.final_weight, "index")
    chart = weight_heatmap(result.final_weight, result.final_bias, dataset.vocab, dataset.labels, {}, order, HEAT_TEXTS)
    spec = spec_of(chart)
    encoding = spec["encoding"]
    scale = spec["layer"][0]["encoding"]["color"]["scale"]
    assert scale["scheme"] == "redblue" and scale["domainMid"] == 0
    assert scale["domain"][0] == -scale["domain"][1]
    assert scale["domain"][1] == pytest.approx(
        max(result.final_weight.abs().max(), result.final_bias.abs().max()).item(), abs=1e-6
    )
    assert encoding["x"]["title"] == "Sprache" and encoding["y"]["title"] == "Wort"
    assert spec["layer"][0]["encoding"]["color"]["title"] == "Gewicht"
    tooltip = {(t["field"], t["title"]) for t in encoding["tooltip"]}
    assert tooltip == {("word", "Wort"), ("label", "Sprache"), ("weight", "Gewicht"), ("count", "Anzahl")}


def test_heatmap_writes_signed_values_in_its_cells_while_they_fit(tutorial_run):
    dataset, result = tutorial_run
    order = word_order(result.final_weight, "index")
    spec = spec_of(
        weight_heatmap(result.final_weight, result.final_bias, dataset.vocab, dataset.labels, {}, order, HEAT_TEXTS)
    )
    cells, numbers = spec["layer"]
    assert numbers["mark"]["type"] == "text"
    # An explicit sign: positive and negative read apart without their colours.
    assert numbers["encoding"]["text"] == {"field": "weight", "type": "quantitative", "format": "+.2f"}
    # White only on the dark ends of the scale, dark text on the pale middle.
    condition = numbers["encoding"]["color"]["condition"]
    assert condition["value"] == "white" and "abs(datum['weight'])" in condition["test"]
    assert numbers["encoding"]["color"]["value"] == "#111111"
    # Ten labels would not fit a number in each cell on a phone: the table under the chart has them.
    weight = torch.randn(10, 3)
    wide = spec_of(weight_heatmap(weight, torch.zeros(10), ["a", "b", "c"], list("ABCDEFGHIJ"), {}, [0, 1, 2], {}))
    assert [layer["mark"]["type"] for layer in wide["layer"]] == ["rect"]


def test_training_curves_differ_by_dash_as_well_as_colour(tutorial_run):
    _, result = tutorial_run
    for chart in (
        history_chart(result.history, {}),
        accuracy_chart(result.history, {}),
        comparison_chart({"a": result.history, "b": result.history}, "test_loss", {}),
        word_path_chart(result.weight_history, 0, ["SPANISH", "ENGLISH"], {}, result.snapshot_epochs),
    ):
        encoding = spec_of(chart)["encoding"]
        assert encoding["strokeDash"]["field"] == encoding["color"]["field"]


def test_heatmap_top_k_stays_small_with_a_thousand_words():
    dataset = prepare(list(PRESETS["multilingual"]))
    assert len(dataset.vocab) >= 1000
    result = train(dataset, TrainConfig(optimizer="adam", lr=0.01, epochs=2, update_mode="minibatch"))
    order = top_k(word_order(result.final_weight, "separation"), 50)
    spec = spec_of(
        weight_heatmap(
            result.final_weight,
            result.final_bias,
            dataset.vocab,
            dataset.labels,
            dataset.train_counts,
            order,
            HEAT_TEXTS,
        )
    )
    words = spec["encoding"]["y"]["sort"]
    assert len(words) == 51 and len(rows_of(spec)) == 51 * 6
    gaps = (result.final_weight.amax(0) - result.final_weight.amin(0)).tolist()
    assert [gaps[dataset.vocab.index(w)] for w in words[:-1]] == sorted(gaps, reverse=True)[:50]
    assert spec["height"] == {"step": 18}


def test_heatmap_of_the_difference_and_a_word_named_like_the_bias_row():
    weight = torch.tensor([[1.0, -2.0], [0.5, 0.0]])
    vocab = ["(Bias)", "x"]  # a user may type anything, even the bias row's name
    spec = spec_of(weight_heatmap(weight - 1, torch.zeros(2), vocab, ["A", "B"], {"x": 3}, [1, 0], HEAT_TEXTS))
    sort = spec["encoding"]["y"]["sort"]
    assert sort[:2] == ["x", "(Bias)"] and sort[2] != "(Bias)" and sort[2].strip() == "(Bias)"
    values = {(r["word"], r["label"]): r["weight"] for r in rows_of(spec)}
    assert values[("x", "A")] == -3.0 and values[("(Bias)", "B")] == -0.5


def test_heatmap_rejects_mismatched_input():
    with pytest.raises(ValueError, match="do not fit"):
        weight_heatmap(torch.zeros(2, 3), torch.zeros(2), ["a", "b"], ["A", "B"], {}, [0], {})
    with pytest.raises(ValueError, match="outside"):
        weight_heatmap(torch.zeros(2, 2), torch.zeros(2), ["a", "b"], ["A", "B"], {}, [2], {})


# ---------------------------------------------------------------- curves

CURVE_TEXTS = {
    "epoch": "轮次",
    "loss": "损失",
    "accuracy": "准确率",
    "series": "数据",
    "train": "训练",
    "test": "测试",
}


def test_history_chart_draws_train_and_test_loss(tutorial_run):
    _, result = tutorial_run
    spec = spec_of(history_chart(result.history, {**CURVE_TEXTS, "title": "损失曲线"}))
    rows = rows_of(spec)
    train_rows = [r for r in rows if r["series"] == "训练"]
    test_rows = [r for r in rows if r["series"] == "测试"]
    assert [r["epoch"] for r in train_rows] == list(range(31))
    assert [r["value"] for r in train_rows] == pytest.approx([h.train_loss for h in result.history])
    assert [r["value"] for r in test_rows] == pytest.approx([h.test_loss for h in result.history])
    assert spec["encoding"]["x"]["title"] == "轮次" and spec["encoding"]["y"]["title"] == "损失"
    assert spec["encoding"]["color"]["title"] == "数据"
    assert spec["title"]["text"] == "损失曲线"
    assert spec["width"] == "container"


def test_curves_without_test_rows_and_accuracy_on_zero_to_one():
    history = [EpochRecord(0, 0.7, 0.5, None, None), EpochRecord(1, 0.4, 1.0, None, None)]
    rows = rows_of(spec_of(history_chart(history, CURVE_TEXTS)))
    assert [(r["epoch"], r["series"], r["value"]) for r in rows] == [(0, "训练", 0.7), (1, "训练", 0.4)]
    spec = spec_of(accuracy_chart(history, CURVE_TEXTS))
    assert [r["value"] for r in rows_of(spec)] == [0.5, 1.0]
    assert spec["encoding"]["y"]["scale"]["domain"] == [0, 1]
    assert spec["encoding"]["y"]["title"] == "准确率"


def test_word_path_follows_the_weight_history(tutorial_run):
    dataset, result = tutorial_run
    creo = dataset.vocab.index("creo")
    spec = spec_of(word_path_chart(result.weight_history, creo, list(dataset.labels), {"weight": "w"}))
    rows = rows_of(spec)
    for j, label in enumerate(dataset.labels):
        path = [r["value"] for r in rows if r["label"] == label]
        assert path == pytest.approx(result.weight_history[:, j, creo].tolist())
    assert rows[0]["value"] == pytest.approx(result.initial_weight[0, creo].item())
    with pytest.raises(ValueError, match="outside"):
        word_path_chart(result.weight_history, len(dataset.vocab), list(dataset.labels), {})


def test_word_path_plots_the_kept_epochs(tutorial_run):
    dataset, result = tutorial_run
    creo = dataset.vocab.index("creo")
    kept = [0, 1, 2, 4, 8, 9]
    spec = spec_of(word_path_chart(result.weight_history[kept], creo, list(dataset.labels), {}, kept))
    rows = rows_of(spec)
    first = dataset.labels.items[0]
    assert [r["epoch"] for r in rows if r["label"] == first] == kept
    assert [r["value"] for r in rows if r["label"] == first] == pytest.approx(
        result.weight_history[kept, 0, creo].tolist()
    )
    with pytest.raises(ValueError, match="epochs given"):
        word_path_chart(result.weight_history[kept], creo, list(dataset.labels), {}, [0, 1])


def test_comparison_chart_overlays_runs(tutorial_run):
    _, result = tutorial_run
    other = [EpochRecord(0, 0.9, 0.25, 1.0, 0.0), EpochRecord(1, 0.3, 0.75, 0.5, 1.0)]
    results = {"SGD": result.history, "Adam": other}
    spec = spec_of(comparison_chart(results, "test_accuracy", {"value": "Accuracy", "run": "Optimiser"}))
    rows = rows_of(spec)
    assert [r["value"] for r in rows if r["run"] == "Adam"] == [0.0, 1.0]
    assert [r["value"] for r in rows if r["run"] == "SGD"] == pytest.approx([h.test_accuracy for h in result.history])
    assert spec["encoding"]["color"]["title"] == "Optimiser"
    assert spec["encoding"]["y"]["scale"]["domain"] == [0, 1]
    loss_spec = spec_of(comparison_chart(results, "train_loss", {}))
    assert [r["value"] for r in rows_of(loss_spec) if r["run"] == "Adam"] == [0.9, 0.3]
    with pytest.raises(ValueError, match="unknown metric"):
        comparison_chart(results, "f1", {})


# ---------------------------------------------------------------- confusion matrix


def test_confusion_chart_shows_every_count(tutorial_run):
    dataset, result = tutorial_run
    with torch.no_grad():
        predicted = result.model(dataset.x_test).argmax(dim=1)
    matrix = confusion_matrix(dataset.y_test, predicted, len(dataset.labels))
    texts = {"true": "真实", "predicted": "预测", "count": "数量"}
    spec = spec_of(confusion_chart(matrix, list(dataset.labels), texts))
    rows = rows_of(spec)
    labels = list(dataset.labels)
    assert {(r["true"], r["predicted"]): r["count"] for r in rows} == {
        (labels[i], labels[j]): int(matrix[i, j]) for i in range(2) for j in range(2)
    }
    assert sum(r["count"] for r in rows) == len(dataset.y_test)
    cells = layer_or_self(spec)[0]
    assert cells["encoding"]["x"]["title"] == "预测" and cells["encoding"]["y"]["title"] == "真实"
    with pytest.raises(ValueError, match="square"):
        confusion_chart(torch.zeros(2, 3), labels, texts)
