"""The code the affine-maps and non-linearities pages show: it runs, and prints what core computes."""

import math

import pytest
import torch
import torch.nn.functional as F
from torch import nn

from core.affine import (
    affine,
    between_fn,
    compose_through,
    composition,
    entry_terms,
    fit_affine,
    linear_result,
)
from core.affine_code import bent_expression, compose_code, entry_sum, linear_code, literal, plane_code
from core.gradients import STACKED, gradient_flows, gradient_norms, init_gain
from core.grid import PRESET_MAPS, lattice, letter_f, map_from_entries, plane, preset_entries, preset_map
from core.nonlinearities import NONLINEARITIES, at_point, curve, relu_cell, sigmoid_slope, sigmoid_slopes
from core.nonlinearities_code import autograd_code, gradient_code, relu_cell_code

TUTORIAL_OUTPUT = torch.tensor([[0.1755, -0.3268, -0.5069], [-0.6602, 0.2260, 0.1089]])


def run_code(code: str) -> tuple[dict, list]:
    """Exec shown code; its variables and what it printed."""
    printed: list = []
    namespace = {"print": lambda *args: printed.append(args)}
    exec(code, namespace)
    return namespace, printed


# ---------------------------------------------------------------- affine maps


def test_linear_result_is_the_tutorials_first_cell_and_its_code_prints_it():
    result = linear_result(1, 5, 3, 2)
    assert torch.allclose(result.output, TUTORIAL_OUTPUT, atol=1e-4)
    torch.manual_seed(1)
    layer = nn.Linear(5, 3)
    batch = torch.randn(2, 5)
    assert torch.equal(result.weight, layer.weight.detach()) and torch.equal(result.batch, batch)
    assert torch.equal(result.output, layer(batch).detach())

    namespace, printed = run_code(linear_code(1, 5, 3, 2, row=1))
    assert torch.equal(printed[0][0].detach(), result.output)
    assert torch.allclose(printed[1][0].detach(), result.output[1], atol=1e-6)
    assert torch.equal(namespace["lin"].bias.detach(), result.bias)


@pytest.mark.parametrize(("seed", "sizes", "row"), [(3, (4, 2, 3), 2), (7, (1, 6, 1), 0)])
def test_linear_code_follows_the_sizes_and_the_seed(seed, sizes, row):
    result = linear_result(seed, *sizes)
    _, printed = run_code(linear_code(seed, *sizes, row=row))
    assert torch.equal(printed[0][0].detach(), result.output)
    assert torch.allclose(printed[1][0].detach(), result.output[row], atol=1e-6)


def test_linear_code_moves_to_another_device_and_an_unusable_device_is_refused():
    code = linear_code(1, 5, 3, 2, row=0, device="cuda")
    assert 'lin = lin.to("cuda")' in code and 'torch.randn(2, 5).to("cuda")' in code
    assert ".to(" not in linear_code(1, 5, 3, 2, row=0)
    with pytest.raises(ValueError):
        linear_result(1, 5, 3, 2, device="tpu")


def test_entry_sum_adds_up_to_the_layer_output():
    result = linear_result(2, 3, 2, 2)
    pairs, bias, total = entry_terms(result.weight, result.bias, result.batch, 1, 0)
    text = entry_sum(pairs, bias, total)
    terms, bias_line, total_line = text.split("\n")
    assert terms.count("×") == 3
    by_hand = sum(float(a) * float(x) for a, x in (term.strip("()").split(" × ") for term in terms.split(" + ")))
    assert by_hand + float(bias_line.removeprefix("+ ")) == pytest.approx(float(result.output[1, 0]), abs=1e-3)
    assert total_line == f"= {float(result.output[1, 0]):.4f}"


def test_literal_writes_four_decimals():
    assert literal(torch.tensor([[0.86603, -0.5], [0.5, 0.86603]])) == "[[0.866, -0.5], [0.5, 0.866]]"


@pytest.mark.parametrize("name", list(PRESET_MAPS))
def test_plane_code_maps_the_unit_square_as_core_does(name):
    A, b = preset_map(name)
    namespace, printed = run_code(plane_code(A, b))
    corners = torch.tensor([[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]])
    assert torch.allclose(printed[0][0], affine(A, b, corners), atol=1e-6)
    assert float(namespace["det"]) == pytest.approx(float(torch.linalg.det(A)), abs=1e-6)


def test_preset_entries_round_trip_to_the_preset_map():
    for name in PRESET_MAPS:
        A, b = map_from_entries(preset_entries(name))
        expected_A, expected_b = preset_map(name)
        assert torch.equal(A, expected_A) and torch.equal(b, expected_b)
    assert preset_entries("rotation")[0] == 0.866  # as typed, not float32's rounding
    with pytest.raises(ValueError, match="unknown preset"):
        preset_entries("spin")
    with pytest.raises(ValueError, match="6 numbers"):
        map_from_entries((1.0, 2.0))


def test_plane_stacks_the_grid_and_the_letter_f():
    drawn = plane(2.0)
    assert drawn.points.shape[0] == drawn.grid_size + len(drawn.shape_line)
    assert len(drawn.grid_line) == drawn.grid_size
    assert torch.equal(drawn.points[drawn.grid_size :], letter_f())
    assert float(drawn.points[: drawn.grid_size].abs().max()) == 2.0


@pytest.mark.parametrize("between", ["none", "relu", "tanh", "leaky_relu"])
def test_composition_and_its_code_agree_with_torch(between):
    (A, b), (C, d) = preset_map("rotation"), preset_map("shear")
    points = lattice(2.0, 41)
    result = composition(A, b, C, d, between, points)
    assert torch.allclose(result.AC, A @ C) and torch.allclose(result.Ad_b, A @ d + b)
    fn = {"none": lambda x: x, "relu": F.relu, "tanh": torch.tanh, "leaky_relu": lambda x: F.leaky_relu(x, 0.1)}
    bent = F.linear(fn[between](F.linear(points, C, d)), A, b)
    assert torch.allclose(compose_through(A, b, C, d, points, between_fn(between)), bent, atol=1e-6)
    assert result.rms == pytest.approx(fit_affine(points, bent)[2], rel=1e-6, abs=1e-9)
    assert (result.rms < 1e-5) == (between == "none")

    code = compose_code(A, b, C, d, between, 2.0, 41)
    assert bent_expression(between) in code
    _, printed = run_code(code)
    assert float(printed[0][0]) < 1e-5 and result.noise < 1e-5
    assert float(printed[1][0]) == pytest.approx(result.rms, rel=1e-3, abs=1e-6)


def test_bent_expression_wraps_g_in_the_nonlinearity():
    assert bent_expression("none") == "x @ C.T + d"
    assert bent_expression("relu") == "F.relu(x @ C.T + d)"
    assert bent_expression("leaky_relu") == "F.leaky_relu(x @ C.T + d, 0.1)"
    assert between_fn("none") is None
    with pytest.raises(ValueError, match="unknown non-linearity"):
        between_fn("swish")


# ---------------------------------------------------------------- non-linearities


def test_curves_are_the_functions_and_their_autograd_slopes():
    drawn = curve("tanh", 3.0, samples=7)
    xs = torch.linspace(-3.0, 3.0, 7)
    assert drawn.x == xs.tolist()
    assert drawn.value == pytest.approx(torch.tanh(xs).tolist(), abs=1e-6)
    assert drawn.slope == pytest.approx((1 - torch.tanh(xs) ** 2).tolist(), abs=1e-6)
    assert len(curve("relu", 5.0).x) == 401
    with pytest.raises(ValueError):
        curve("relu", 0.0)


@pytest.mark.parametrize("x0", [1.0, -2.0, 0.3])
def test_autograd_code_prints_the_values_at_the_point(x0):
    names = list(NONLINEARITIES)
    rows = at_point(names, x0)
    _, printed = run_code(autograd_code(names, x0))
    assert [p[0] for p in printed] == names
    for (name, value, grad), (shown_name, shown_value, shown_grad) in zip(rows, printed, strict=True):
        assert name == shown_name
        assert shown_value == pytest.approx(round(value, 4), abs=1e-4)
        assert shown_grad == pytest.approx(round(grad, 4), abs=1e-4)
    leaky = dict((name, (value, grad)) for name, value, grad in at_point(["leaky_relu"], -2.0))
    assert leaky["leaky_relu"] == pytest.approx((-0.2, 0.1))


def test_sigmoid_slopes_stay_positive_far_out():
    xs, grads = sigmoid_slopes()
    assert len(xs) == 301 and xs[0] == 0.0 and xs[-1] == 15.0
    assert grads[0] == pytest.approx(0.25) and min(grads) > 0
    s = 1 / (1 + math.exp(-10.0))
    assert sigmoid_slope(10.0) == pytest.approx(s * (1 - s), rel=1e-9)


@pytest.mark.parametrize("same_gain", [False, True])
def test_gradient_code_prints_the_flows_input_gradients(same_gain):
    flows = gradient_flows(5, 16, 8, 3, same_gain)
    assert list(flows) == list(STACKED)
    for name in STACKED:
        gain = 1.0 if same_gain else init_gain(name)
        assert flows[name] == pytest.approx(gradient_norms(name, 5, 16, 8, 3, gain))
    _, printed = run_code(gradient_code(5, 16, 8, 3, same_gain))
    shown = {name: value for name, value in printed}
    for name in STACKED:
        assert shown[name] == pytest.approx(flows[name][-1], rel=1e-5)


@pytest.mark.parametrize(("seed", "rows", "cols", "after"), [(1, 2, 2, True), (1, 3, 4, False), (5, 1, 6, True)])
def test_relu_cell_code_prints_the_cell(seed, rows, cols, after):
    data, relu = relu_cell(seed, rows, cols, after)
    code = relu_cell_code(seed, rows, cols, after)
    assert ("nn.Linear(5, 3)" in code) == after
    _, printed = run_code(code)
    assert torch.equal(printed[0][0], data)
    assert torch.equal(printed[1][0], relu)
    if (seed, rows, cols, after) == (1, 2, 2, True):
        assert torch.allclose(data, torch.tensor([[-0.5404, -2.2102], [2.1130, -0.0040]]), atol=1e-4)
