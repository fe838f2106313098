"""The non-linearities page under AppTest: curves, gradients through a stack, the ReLU cell, its code."""

import math

import pytest
import torch

from core.gradients import gradient_norms
from i18n import translate
from tests.conftest import assert_clean, open_page
from tests.test_affine_page import chart, chart_datasets, code_with, matrix, metric, run_code
from ui.nonlinearities.curves import SAMPLES

PAGE = "app_pages/nonlinearities.py"


def curves(at, title_part: str) -> list[dict]:
    """The rows of the curves themselves: the largest dataset of the chart (not its marks or rules)."""
    return max(chart_datasets(at, title_part), key=len)


def test_curves_and_autograd_derivatives_are_drawn():
    at = open_page(PAGE)
    assert_clean(at)
    values = curves(at, "f(x)")
    slopes = curves(at, "by autograd")
    assert {r["series"] for r in values} == {"tanh", "sigmoid", "ReLU"}
    assert len([r for r in values if r["series"] == "tanh"]) == SAMPLES
    sigmoid = {round(r["x"], 3): r["y"] for r in slopes if r["series"] == "sigmoid"}
    assert sigmoid[0.0] == pytest.approx(0.25)
    tanh = {round(r["x"], 3): r["y"] for r in values if r["series"] == "tanh"}
    assert tanh[2.5] == pytest.approx(math.tanh(2.5), abs=1e-6)

    table = at.table[0].value
    row = table[table["Function"] == "tanh"].iloc[0]
    assert row["f(x)"] == pytest.approx(0.7616)
    assert row["f′(x) (autograd)"] == pytest.approx(1 - math.tanh(1.0) ** 2, abs=1e-4)

    _, printed = run_code(code_with(at, "functions = {"))
    assert [p[0] for p in printed] == ["tanh", "sigmoid", "relu"]
    for name, value, grad in printed:
        shown = table[
            table["PyTorch"].str.startswith({"tanh": "torch.tanh", "sigmoid": "torch.sigmoid", "relu": "F.relu"}[name])
        ].iloc[0]
        assert value == pytest.approx(shown["f(x)"], abs=1e-4)
        assert grad == pytest.approx(shown["f′(x) (autograd)"], abs=1e-4)


def test_all_functions_can_be_overlaid_and_none_is_explained():
    at = open_page(PAGE)
    everything = at.multiselect(key="nonlin.chosen").options
    assert len(everything) >= 8
    at.multiselect(key="nonlin.chosen").set_value(
        ["tanh", "sigmoid", "relu", "leaky_relu", "elu", "gelu", "silu", "softplus", "hardtanh"]
    )
    at.slider(key="nonlin.x0").set_value(-2.0).run()
    assert_clean(at)
    assert len({r["series"] for r in curves(at, "by autograd")}) == 9
    table = at.table[0].value
    leaky = table[table["Function"] == "LeakyReLU"].iloc[0]
    assert leaky["f(x)"] == pytest.approx(-0.2) and leaky["f′(x) (autograd)"] == pytest.approx(0.1)
    _, printed = run_code(code_with(at, "functions = {"))
    assert len(printed) == 9

    at.multiselect(key="nonlin.chosen").set_value([]).run()
    assert_clean(at)
    assert at.info and "at least one" in at.info[0].value


def test_vanishing_gradients_through_the_chosen_depth():
    at = open_page(PAGE)
    at.slider(key="nonlin.depth").set_value(15).run()
    assert_clean(at)
    assert "**Size of the gradient through a stack of 15 layers**" in [m.value for m in at.markdown]
    flow = chart(at, "the size of the gradient after each layer")
    assert max(r["layers"] for r in flow) == 15
    for name, label in [("sigmoid", "sigmoid"), ("tanh", "tanh"), ("relu", "ReLU")]:
        expected = gradient_norms(name, 15, 32, 64, 1)
        assert metric(at, f"{label}: gradient at the input") == f"{expected[-1]:.3g}"
        drawn = sorted((r["layers"], r["norm"]) for r in flow if r["series"] == label)
        assert [n for _, n in drawn] == pytest.approx(expected)
    assert float(metric(at, "sigmoid: gradient")) < 1e-6 * float(metric(at, "ReLU: gradient"))

    _, printed = run_code(code_with(at, "def input_gradient"))
    shown = {p[0]: p[1] for p in printed}
    assert f"{shown['sigmoid']:.3g}" == metric(at, "sigmoid: gradient at the input")
    assert f"{shown['relu']:.3g}" == metric(at, "ReLU: gradient at the input")


def test_same_gain_for_all_makes_relu_shrink_too():
    at = open_page(PAGE)
    tuned = float(metric(at, "ReLU: gradient at the input"))
    at.toggle(key="nonlin.same_gain").set_value(True).run()
    untuned = float(metric(at, "ReLU: gradient at the input"))
    assert untuned < tuned / 10
    _, printed = run_code(code_with(at, "def input_gradient"))
    assert f"{dict((p[0], p[1]) for p in printed)['relu']:.3g}" == f"{untuned:.3g}"


def test_sigmoid_gradient_as_x_grows():
    at = open_page(PAGE)
    at.slider(key="nonlin.abs_x").set_value(10.0).run()
    s = 1 / (1 + math.exp(-10.0))
    assert metric(at, "σ′(10)") == f"{s * (1 - s):.3g}"
    points = curves(at, "σ′(x) on a log scale")
    assert min(r["y"] for r in points) > 0  # no zeros that a log axis would drop
    assert points[0]["y"] == pytest.approx(0.25)


def test_relu_cell_reproduces_the_tutorial_and_its_code_runs():
    at = open_page(PAGE)
    before = matrix(chart(at, "data"))
    tutorial = torch.tensor([[-0.5404, -2.2102], [2.1130, -0.0040]])
    assert torch.allclose(torch.tensor(before), tutorial, atol=1e-4)
    after = matrix(chart(at, "F.relu(data)"))
    assert after == [[0.0, 0.0], [pytest.approx(2.1130, abs=1e-4), 0.0]]
    assert any("3 of 4" in m.value for m in at.markdown)
    _, printed = run_code(code_with(at, "print(F.relu(data))"))
    assert torch.allclose(printed[0][0], torch.tensor(before))
    assert torch.allclose(printed[1][0], torch.tensor(after))


def test_relu_cell_as_the_first_draw_with_another_shape():
    at = open_page(PAGE)
    at.toggle(key="nonlin.after_affine").set_value(False)
    at.slider(key="nonlin.rows").set_value(3)
    at.slider(key="nonlin.cols").set_value(4).run()
    torch.manual_seed(1)
    expected = torch.randn(3, 4)
    assert torch.allclose(torch.tensor(matrix(chart(at, "data"))), expected)
    code = code_with(at, "print(F.relu(data))")
    assert "nn.Linear(5, 3)" not in code
    _, printed = run_code(code)
    assert torch.equal(printed[0][0], expected)


def test_prediction_question_gives_feedback():
    at = open_page(PAGE)
    assert at.radio(key="nonlin.quiz").value is None
    at.radio(key="nonlin.quiz").set_value("0.5").run()
    assert at.error and "0.25" in at.error[0].value
    at.radio(key="nonlin.quiz").set_value("0.25").run()
    assert at.success and at.success[0].value.startswith("Right")


def test_page_in_chinese():
    at = open_page(PAGE, "zh")
    assert_clean(at)
    assert at.title[0].value == "非线性函数"
    headers = [h.value for h in at.header]
    assert translate("nonlin.vanish.title", "zh") in headers
    assert list(at.table[0].value.columns) == ["函数", "PyTorch 写法", "f(x)", "f′(x)（自动求导）"]
    assert any("穿过 10 层" in m.value for m in at.markdown)
    assert chart(at, "梯度穿过堆叠中每一层")
    assert metric(at, "sigmoid：输入处的梯度") == f"{gradient_norms('sigmoid', 10)[-1]:.3g}"
