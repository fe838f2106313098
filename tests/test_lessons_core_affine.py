"""Core behind the affine-maps and non-linearities pages, checked against PyTorch computed directly."""

import math

import pytest
import torch
import torch.nn.functional as F
from torch import nn

from core.affine import (
    affine,
    apply_linear,
    compose_affine,
    compose_through,
    entry_terms,
    fit_affine,
    linear_demo,
    max_abs_difference,
)
from core.gradients import gradient_norms, init_gain, stack_weights
from core.grid import (
    PRESET_MAPS,
    area_effect,
    grid_lines,
    lattice,
    letter_f,
    polygon_area,
    preset_map,
)
from core.nonlinearities import relu_cell, values_and_derivatives

TUTORIAL_OUTPUT = torch.tensor([[0.1755, -0.3268, -0.5069], [-0.6602, 0.2260, 0.1089]])


# ---------------------------------------------------------------- affine maps


def test_linear_demo_gives_the_tutorials_numbers_and_matches_torch():
    layer, batch = linear_demo(1, 5, 3, 2)
    assert torch.allclose(apply_linear(layer, batch), TUTORIAL_OUTPUT, atol=1e-4)
    torch.manual_seed(7)
    expected_layer = nn.Linear(4, 2)
    expected_batch = torch.randn(3, 4)
    layer, batch = linear_demo(7, 4, 2, 3)
    assert torch.equal(layer.weight, expected_layer.weight)
    assert torch.equal(batch, expected_batch)


def test_linear_demo_rejects_empty_sizes():
    with pytest.raises(ValueError, match="at least 1"):
        linear_demo(1, 0, 3, 2)


def test_entry_terms_add_up_to_the_layer_output():
    layer, batch = linear_demo(3, 6, 4, 5)
    output = apply_linear(layer, batch)
    for row in range(5):
        for column in range(4):
            pairs, bias, total = entry_terms(layer.weight.detach(), layer.bias.detach(), batch, row, column)
            assert len(pairs) == 6
            assert bias == pytest.approx(float(layer.bias.detach()[column]))
            assert total == pytest.approx(float(output[row, column]), abs=1e-5)
    with pytest.raises(ValueError, match="no entry"):
        entry_terms(layer.weight.detach(), layer.bias.detach(), batch, 5, 0)


def test_compose_through_matches_torch_with_and_without_a_nonlinearity():
    generator = torch.Generator().manual_seed(0)
    A, C = torch.randn(2, 2, generator=generator), torch.randn(2, 2, generator=generator)
    b, d = torch.randn(2, generator=generator), torch.randn(2, generator=generator)
    x = torch.randn(50, 2, generator=generator)
    plain = compose_through(A, b, C, d, x)
    AC, Ad_b = compose_affine(A, b, C, d)
    assert max_abs_difference(plain, F.linear(x, AC, Ad_b)) < 1e-5
    bent = compose_through(A, b, C, d, x, F.relu)
    assert torch.allclose(bent, F.linear(F.relu(F.linear(x, C, d)), A, b), atol=1e-6)


def test_max_abs_difference_checks_shapes():
    assert max_abs_difference(torch.tensor([1.0, 2.0]), torch.tensor([1.0, 2.5])) == pytest.approx(0.5)
    with pytest.raises(ValueError, match="shapes differ"):
        max_abs_difference(torch.zeros(2), torch.zeros(3))


def test_a_nonlinearity_between_two_maps_leaves_a_fit_error():
    A, b = preset_map("rotation")
    C, d = preset_map("shear")
    points = lattice(2.0, 21)
    _, _, exact = fit_affine(points, compose_through(A, b, C, d, points))
    _, _, bent = fit_affine(points, compose_through(A, b, C, d, points, torch.tanh))
    assert exact < 1e-5
    assert bent > 0.05


# ---------------------------------------------------------------- the plane


def test_grid_lines_are_straight_lines_of_the_square():
    grid = grid_lines(2.0, lines=5, samples=11)
    assert grid.points.shape == (2 * 5 * 11, 2)
    assert len(grid.line) == grid.points.shape[0]
    first = grid.points[:11]
    assert torch.all(first[:, 0] == -2.0)
    assert torch.allclose(first[:, 1], torch.linspace(-2, 2, 11))
    assert grid.points.abs().max() == 2.0
    with pytest.raises(ValueError):
        grid_lines(0.0)
    with pytest.raises(ValueError):
        grid_lines(1.0, lines=1)


def test_lattice_is_torchs_cartesian_product():
    ticks = torch.linspace(-1.5, 1.5, 7)
    assert torch.equal(lattice(1.5, 7), torch.cartesian_prod(ticks, ticks))


def test_polygon_area_scales_by_the_determinant():
    square = torch.tensor([[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]])
    assert polygon_area(square) == pytest.approx(1.0)
    assert polygon_area(square.flip(0)) == pytest.approx(-1.0)
    shape = letter_f()
    assert torch.equal(shape[0], shape[-1])
    assert polygon_area(shape) == pytest.approx(1.2)
    generator = torch.Generator().manual_seed(3)
    for _ in range(5):
        A, b = torch.randn(2, 2, generator=generator), torch.randn(2, generator=generator)
        det = float(torch.linalg.det(A.double()))
        assert polygon_area(affine(A, b, shape)) == pytest.approx(det * 1.2, rel=1e-4, abs=1e-5)
    with pytest.raises(ValueError):
        polygon_area(torch.zeros(2, 2))


@pytest.mark.parametrize(
    ("name", "det", "effect"),
    [
        ("identity", 1.0, "keep"),
        ("rotation", 1.0, "keep"),
        ("shear", 1.0, "keep"),
        ("scaling", 0.75, "shrink"),
        ("reflection", -1.0, "flip"),
        ("projection", 0.0, "collapse"),
        ("translation", 1.0, "keep"),
    ],
)
def test_presets_have_the_expected_determinant(name, det, effect):
    A, b = preset_map(name)
    value = float(torch.linalg.det(A.double()))
    assert value == pytest.approx(det, abs=1e-3)
    assert area_effect(value) == effect


def test_rotation_preserves_lengths_and_translation_only_moves():
    A, _ = preset_map("rotation")
    points = torch.randn(20, 2, generator=torch.Generator().manual_seed(1))
    assert torch.allclose(affine(A, torch.zeros(2), points).norm(dim=1), points.norm(dim=1), atol=1e-3)
    A, b = preset_map("translation")
    assert torch.allclose(affine(A, b, points), points + torch.tensor([1.0, 0.5]))
    assert set(PRESET_MAPS) >= {"rotation", "shear", "scaling", "reflection", "projection"}
    with pytest.raises(ValueError, match="unknown preset"):
        preset_map("spin")


def test_area_effect_grows_and_shrinks():
    assert area_effect(2.0) == "grow"
    assert area_effect(0.5) == "shrink"
    assert area_effect(-0.5) == "flip"


# ---------------------------------------------------------------- gradients through a stack


def oracle_input_gradient(fn, gain, depth, width, batch, seed):
    """The same stack built from nn.Linear layers, its input gradient taken with backward()."""
    generator = torch.Generator().manual_seed(seed)
    layers = []
    for _ in range(depth):
        layer = nn.Linear(width, width, bias=False)
        with torch.no_grad():
            layer.weight.copy_(gain * nn.init.xavier_normal_(torch.empty(width, width), generator=generator))
        layers.append(layer)
    x = torch.randn(batch, width, generator=torch.Generator().manual_seed(seed + 1)).requires_grad_(True)
    h = x
    for layer in layers:
        h = fn(layer(h))
    h.sum().backward()
    return float(x.grad.norm(dim=1).mean())


@pytest.mark.parametrize("name", ["sigmoid", "tanh", "relu"])
def test_gradient_at_the_input_matches_torch(name):
    fn = {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": F.relu}[name]
    norms = gradient_norms(name, depth=6, width=16, batch=8, seed=4)
    assert len(norms) == 7
    expected = oracle_input_gradient(fn, nn.init.calculate_gain(name), 6, 16, 8, 4)
    assert norms[-1] == pytest.approx(expected, rel=1e-5)
    # The gradient at the output of sum() is all ones: norm sqrt(width).
    assert norms[0] == pytest.approx(math.sqrt(16))


def test_one_sigmoid_layer_by_hand():
    weight = stack_weights(1, 4, seed=2)[0]
    x = torch.randn(3, 4, generator=torch.Generator().manual_seed(3))
    s = torch.sigmoid(x @ weight.T)
    by_hand = (s * (1 - s)) @ weight
    norms = gradient_norms("sigmoid", depth=1, width=4, batch=3, seed=2)
    assert norms[-1] == pytest.approx(float(by_hand.norm(dim=1).mean()), rel=1e-5)


def test_sigmoid_gradient_vanishes_and_relu_keeps_it():
    sigmoid = gradient_norms("sigmoid", depth=10)
    relu = gradient_norms("relu", depth=10)
    tanh = gradient_norms("tanh", depth=10)
    assert sigmoid[-1] < sigmoid[0] * 0.25**5
    assert relu[-1] > relu[0] * 0.3
    assert tanh[-1] > tanh[0] * 0.3
    assert all(later < earlier for earlier, later in zip(sigmoid, sigmoid[1:], strict=False))


def test_gains_and_errors():
    assert init_gain("tanh") == pytest.approx(5 / 3)
    assert init_gain("relu") == pytest.approx(math.sqrt(2))
    assert init_gain("gelu") == 1.0
    with pytest.raises(ValueError, match="unknown non-linearity"):
        gradient_norms("swish", 3)
    with pytest.raises(ValueError, match="at least 1"):
        gradient_norms("relu", 0)


def test_sigmoid_derivative_is_a_quarter_at_most():
    x = torch.linspace(-10, 10, 2001)
    values, grads = values_and_derivatives("sigmoid", x)
    assert torch.allclose(grads, values * (1 - values), atol=1e-7)
    assert float(grads.max()) == pytest.approx(0.25)


# ---------------------------------------------------------------- the tutorial's ReLU cell


def test_relu_cell_gives_the_tutorials_numbers():
    data, relu = relu_cell(1)
    assert torch.allclose(data, torch.tensor([[-0.5404, -2.2102], [2.1130, -0.0040]]), atol=1e-4)
    assert torch.equal(relu, F.relu(data))


def test_relu_cell_without_the_affine_draws_is_the_first_draw():
    torch.manual_seed(5)
    expected = torch.randn(3, 4)
    data, relu = relu_cell(5, 3, 4, after_affine_cell=False)
    assert torch.equal(data, expected)
    assert torch.equal(relu, expected.clamp(min=0))
    with pytest.raises(ValueError):
        relu_cell(1, 0, 2)
