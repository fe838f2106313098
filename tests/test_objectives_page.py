"""The objectives page under AppTest: the two losses, the loss curve, the pitfalls lab, in both languages."""

import math

import pytest
import torch
import torch.nn as nn
import torch.nn.functional as F

from tests.conftest import assert_clean, open_page
from tests.page_helpers import chart_with_title, metric, run_code

PAGE = "app_pages/objectives.py"


def test_nll_on_log_probabilities_equals_cross_entropy_on_scores():
    at = open_page(PAGE)
    assert_clean(at)
    scores, target = torch.tensor([[4.0, 0.5, -1.0, 0.0]]), torch.tensor([0])
    want = float(nn.CrossEntropyLoss()(scores, target))
    assert metric(at, "NLLLoss(log_softmax(scores))") == f"{want:.4f}"
    assert metric(at, "CrossEntropyLoss(scores)") == f"{want:.4f}"
    assert metric(at, "Probability of the right class") == f"{math.exp(-want):.4f}"

    nll, ce, p = run_code(at.code[0].value)  # the shown code prints the same numbers
    assert f"{float(nll):.4f}" == f"{float(ce):.4f}" == f"{want:.4f}"
    assert f"{float(p):.4f}" == metric(at, "Probability of the right class")

    _, bars = chart_with_title(at, "right class")
    right = [row for row in bars if row["role"] == "right class"]
    assert [row["class"] for row in right] == ["0"]
    assert right[0]["probability"] == pytest.approx(math.exp(-want), abs=1e-6)


def test_a_confident_wrong_answer_sits_high_on_the_loss_curve():
    at = open_page(PAGE)
    at.segmented_control(key="objectives.source").set_value("sure_1").run()
    assert_clean(at)
    scores = torch.tensor([[-1.0, 5.0, 0.5, 0.0]])
    want = float(nn.CrossEntropyLoss()(scores, torch.tensor([0])))
    assert want > 5
    assert metric(at, "CrossEntropyLoss(scores)") == f"{want:.4f}"

    _, rows = chart_with_title(at, "loss = −log p")
    curve = [row for row in rows if "label" not in row]
    assert all(row["loss"] == pytest.approx(-math.log(row["p"]), abs=1e-5) for row in curve)
    current = [row for row in rows if row.get("label") == "this example"]
    assert current[0]["loss"] == pytest.approx(want, abs=1e-5)
    assert current[0]["p"] == pytest.approx(math.exp(-want), abs=1e-6)
    references = {row["label"] for row in rows if row.get("label") not in (None, "this example")}
    assert references == {"p = 0.5: 0.69", "p = 0.1: 2.30", "p = 0.01: 4.61"}

    # The same scores with class 1 as the target: a confident right answer, almost free.
    at.segmented_control(key="objectives.target").set_value(1).run()
    assert float(metric(at, "CrossEntropyLoss(scores)")) < 0.05
    assert "target = torch.tensor([1])" in at.code[0].value


def test_random_and_custom_scores_and_a_target_that_no_longer_exists():
    at = open_page(PAGE)
    at.segmented_control(key="objectives.source").set_value("random").run()
    at.session_state["seed"] = 4
    at.segmented_control(key="objectives.target").set_value(3).run()
    torch.manual_seed(4)
    scores = torch.randn(1, 4)
    want = float(F.cross_entropy(scores, torch.tensor([3])))
    assert metric(at, "CrossEntropyLoss(scores)") == f"{want:.4f}"
    assert float(run_code(at.code[0].value)[1]) == pytest.approx(want, abs=1e-6)

    at.segmented_control(key="objectives.source").set_value("custom").run()
    at.text_input(key="objectives.custom").input("2, 1").run()  # class 3 is gone: back to class 0
    assert_clean(at)
    assert at.segmented_control(key="objectives.target").value == 0
    want = float(F.cross_entropy(torch.tensor([[2.0, 1.0]]), torch.tensor([0])))
    assert metric(at, "NLLLoss(log_softmax(scores))") == f"{want:.4f}"
    at.text_input(key="objectives.custom").input("2").run()
    assert "Type between 2 and 12 numbers" in at.error[0].value


@pytest.mark.parametrize("key", ["raw_into_nll", "softmax_into_ce", "log_softmax_twice", "wrong_dim"])
def test_each_pitfall_shows_the_number_its_code_prints(key):
    at = open_page(PAGE)
    at.segmented_control(key="objectives.pitfall").set_value(key).run()
    at.slider(key="objectives.rows").set_value(5).run()
    assert_clean(at)
    right, wrong = run_code(at.code[1].value)
    assert "scores = torch.randn(5, 4)" in at.code[1].value
    assert metric(at, "Right loss") == f"{float(right):.4f}"
    assert metric(at, "With the mistake") == f"{float(wrong):.4f}"
    _, rows = chart_with_title(at, "loss of each example")
    right_rows = [row["loss"] for row in rows if row.get("series") == "right"]
    wrong_rows = [row["loss"] for row in rows if row.get("series") == "with the mistake"]
    assert len(right_rows) == len(wrong_rows) == 5
    assert sum(right_rows) / 5 == pytest.approx(float(right), abs=1e-5)
    assert sum(wrong_rows) / 5 == pytest.approx(float(wrong), abs=1e-5)
    if key == "log_softmax_twice":
        assert metric(at, "Difference") in ("+0.0000", "-0.0000")
    else:
        assert metric(at, "Difference") not in ("+0.0000", "-0.0000")
    if key == "raw_into_nll":
        assert min(wrong_rows) < 0  # a "negative log-likelihood" below zero


def test_wrong_dim_with_one_example_gives_exactly_zero():
    at = open_page(PAGE)
    at.segmented_control(key="objectives.pitfall").set_value("wrong_dim").run()
    at.slider(key="objectives.rows").set_value(1).run()
    assert metric(at, "With the mistake") == "0.0000"
    assert "With a batch of one row" in at.info[0].value


def test_predict_then_reveal():
    at = open_page(PAGE)
    assert at.radio(key="objectives.quiz").value is None
    assert not [e for e in at.error if "ln(0.01)" in e.value]
    at.radio(key="objectives.quiz").set_value("0_01").run()
    assert any(e.value.startswith("Not quite: the loss is −ln(0.01) = 4.6052") for e in at.error)
    at.radio(key="objectives.quiz").set_value("4_6").run()
    assert any(s.value.startswith("Right: −ln(0.01) = 4.6052") and "44" in s.value for s in at.success)


def test_the_page_in_chinese():
    at = open_page(PAGE, "zh")
    assert_clean(at)
    assert at.title[0].value == "目标函数"
    assert metric(at, "正确类别的概率") == "0.9476"
    spec, _ = chart_with_title(at, "给正确类别的概率")
    assert spec["layer"][0]["encoding"]["y"]["title"] == "损失 = −log p"
    chart_with_title(at, "正确类别")
    chart_with_title(at, "每个样本的损失")
    at.radio(key="objectives.quiz").set_value("4_6").run()
    assert any(s.value.startswith("答对了") for s in at.success)
    at.segmented_control(key="objectives.pitfall").set_value("wrong_dim").run()
    assert "dim=0" in at.info[0].value and "归一化" in at.info[0].value
