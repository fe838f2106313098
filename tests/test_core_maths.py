"""Affine maps, non-linearities, softmax and losses, each checked against PyTorch itself."""

import pytest
import torch
import torch.nn.functional as F
from torch import nn

from core.affine import affine, apply_linear, compose_affine, fit_affine
from core.nonlinearities import NONLINEARITIES, get_nonlinearity, values_and_derivatives
from core.objectives import cross_entropy, loss_for_probability, nll_loss
from core.softmax import log_softmax, naive_softmax, softmax


def test_apply_linear_maps_each_row():
    torch.manual_seed(0)
    layer = nn.Linear(5, 3)
    batch = torch.randn(4, 5)
    out = apply_linear(layer, batch)
    for i in range(4):
        row = layer.weight @ batch[i] + layer.bias
        torch.testing.assert_close(out[i], row)
    torch.testing.assert_close(out, affine(layer.weight, layer.bias, batch))


def test_apply_linear_rejects_wrong_width():
    with pytest.raises(ValueError, match=r"\(N, 5\)"):
        apply_linear(nn.Linear(5, 3), torch.zeros(2, 4))


def test_composition_is_one_affine_map():
    g = torch.Generator().manual_seed(3)
    A, b = torch.randn(3, 4, generator=g), torch.randn(3, generator=g)
    C, d = torch.randn(4, 2, generator=g), torch.randn(4, generator=g)
    x = torch.randn(10, 2, generator=g)
    AC, Ad_b = compose_affine(A, b, C, d)
    torch.testing.assert_close(affine(AC, Ad_b, x), affine(A, b, affine(C, d, x)))
    with pytest.raises(ValueError, match="cannot compose"):
        compose_affine(A, b, torch.zeros(3, 2), d)


def test_fit_affine_is_exact_for_affine_data_and_not_for_bent_data():
    g = torch.Generator().manual_seed(4)
    x = torch.randn(200, 2, generator=g)
    A, b = torch.tensor([[2.0, -1.0], [0.5, 3.0]]), torch.tensor([1.0, -2.0])
    fitted_A, fitted_b, error = fit_affine(x, affine(A, b, x))
    torch.testing.assert_close(fitted_A, A, atol=1e-4, rtol=0)
    torch.testing.assert_close(fitted_b, b, atol=1e-4, rtol=0)
    assert error < 1e-5
    assert fit_affine(x, torch.tanh(affine(A, b, x)))[2] > 0.05


def test_registry_has_the_tutorials_and_at_least_eight():
    assert {"tanh", "sigmoid", "relu"} <= set(NONLINEARITIES)
    assert len(NONLINEARITIES) >= 8
    with pytest.raises(ValueError, match="unknown non-linearity"):
        get_nonlinearity("swish2")


ANALYTIC = {
    "tanh": (torch.tanh, lambda x: 1 - torch.tanh(x) ** 2),
    "sigmoid": (torch.sigmoid, lambda x: torch.sigmoid(x) * (1 - torch.sigmoid(x))),
    "relu": (F.relu, lambda x: (x > 0).float()),
    "softplus": (F.softplus, torch.sigmoid),
    "silu": (F.silu, lambda x: torch.sigmoid(x) * (1 + x * (1 - torch.sigmoid(x)))),
}


@pytest.mark.parametrize("name", sorted(ANALYTIC))
def test_values_and_derivatives_match_closed_forms(name):
    x = torch.linspace(-4, 4, 81) + 0.05  # avoid the kink of ReLU at exactly 0
    values, grads = values_and_derivatives(name, x)
    fn, derivative = ANALYTIC[name]
    torch.testing.assert_close(values, fn(x))
    torch.testing.assert_close(grads, derivative(x))


@pytest.mark.parametrize("name", sorted(NONLINEARITIES))
def test_derivatives_match_finite_differences(name):
    x = torch.linspace(-3, 3, 61, dtype=torch.float64) + 0.013
    _, grads = values_and_derivatives(name, x)
    fn = get_nonlinearity(name).fn
    h = 1e-6
    numeric = (fn(x + h) - fn(x - h)) / (2 * h)
    torch.testing.assert_close(grads, numeric, atol=1e-5, rtol=1e-5)


@pytest.mark.parametrize("temperature", [0.5, 1.0, 3.0])
def test_softmax_matches_torch(temperature):
    scores = torch.tensor([[1.38, -1.35, 0.35, 0.50, 1.82], [0.0, 2.0, -1.0, 4.0, 0.5]])
    torch.testing.assert_close(softmax(scores, temperature), F.softmax(scores / temperature, dim=-1))
    torch.testing.assert_close(log_softmax(scores, temperature), F.log_softmax(scores / temperature, dim=-1))
    torch.testing.assert_close(softmax(scores, temperature, dim=0), F.softmax(scores / temperature, dim=0))


def test_softmax_is_stable_where_the_naive_form_overflows():
    scores = torch.tensor([1000.0, 1001.0, 1002.0])
    stable = softmax(scores)
    assert torch.isfinite(stable).all()
    torch.testing.assert_close(stable, F.softmax(scores, dim=0))
    torch.testing.assert_close(stable.sum(), torch.tensor(1.0))
    assert torch.isnan(naive_softmax(scores)).any()
    torch.testing.assert_close(softmax(scores), softmax(scores - 1000.0))


def test_softmax_rejects_non_positive_temperature():
    with pytest.raises(ValueError, match="temperature"):
        softmax(torch.zeros(3), temperature=0)


def test_losses_match_torch_modules():
    scores = torch.tensor([[0.2, 1.5, -0.3], [2.0, 0.1, 0.4]])
    target = torch.tensor([1, 0])
    log_probs = F.log_softmax(scores, dim=1)
    torch.testing.assert_close(nll_loss(log_probs, target), nn.NLLLoss()(log_probs, target))
    torch.testing.assert_close(cross_entropy(scores, target), nn.CrossEntropyLoss()(scores, target))
    torch.testing.assert_close(cross_entropy(scores, target), nll_loss(log_probs, target))
    # One example given as a vector and an int target.
    torch.testing.assert_close(nll_loss(log_probs[0], 1), nn.NLLLoss()(log_probs[:1], target[:1]))
    with pytest.raises(ValueError, match="class index"):
        nll_loss(log_probs, torch.tensor([3, 0]))


def test_confident_wrong_answer_costs_a_lot():
    p = torch.tensor([0.99, 0.5, 0.01])
    torch.testing.assert_close(loss_for_probability(p), -torch.log(p))
    assert loss_for_probability(torch.tensor(0.01)) > 4.6
