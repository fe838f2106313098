"""A registry of non-linearities with their values and autograd derivatives."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import torch
import torch.nn.functional as F

from core.seeding import seeded
from core.tutorial_draws import AFFINE_CELL, draw


@dataclass(frozen=True)
class Nonlinearity:
    """One activation function: its name, the PyTorch call and its formula."""

    name: str
    fn: Callable[[torch.Tensor], torch.Tensor]
    code: str
    formula: str


NONLINEARITIES: dict[str, Nonlinearity] = {
    item.name: item
    for item in [
        Nonlinearity("tanh", torch.tanh, "torch.tanh(x)", r"\tanh(x)"),
        Nonlinearity("sigmoid", torch.sigmoid, "torch.sigmoid(x)", r"\sigma(x) = \frac{1}{1+e^{-x}}"),
        Nonlinearity("relu", F.relu, "F.relu(x)", r"\max(0, x)"),
        Nonlinearity(
            "leaky_relu",
            lambda x: F.leaky_relu(x, 0.1),
            "F.leaky_relu(x, 0.1)",
            r"\max(0.1x, x)",
        ),
        Nonlinearity("elu", F.elu, "F.elu(x)", r"x \text{ if } x>0 \text{ else } e^x - 1"),
        Nonlinearity("gelu", F.gelu, "F.gelu(x)", r"x\,\Phi(x)"),
        Nonlinearity("silu", F.silu, "F.silu(x)", r"x\,\sigma(x)"),
        Nonlinearity("softplus", F.softplus, "F.softplus(x)", r"\log(1 + e^x)"),
        Nonlinearity("hardtanh", F.hardtanh, "F.hardtanh(x)", r"\min(1, \max(-1, x))"),
    ]
}


def get_nonlinearity(name: str) -> Nonlinearity:
    """Look a non-linearity up by name, with a clear error for an unknown one."""
    try:
        return NONLINEARITIES[name]
    except KeyError:
        known = ", ".join(NONLINEARITIES)
        raise ValueError(f"unknown non-linearity {name!r}; choose one of: {known}") from None


def values_and_derivatives(name: str, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """f(x) and f'(x) for every element of `x`, the derivative computed by autograd."""
    fn = get_nonlinearity(name).fn
    x = x.detach().clone().requires_grad_(True)
    y = fn(x)
    # Each output depends only on its own input, so the gradient of the sum is f'(x).
    (grad,) = torch.autograd.grad(y.sum(), x)
    return y.detach(), grad.detach()


def relu_cell(
    seed: int, rows: int = 2, cols: int = 2, after_affine_cell: bool = True
) -> tuple[torch.Tensor, torch.Tensor]:
    """The tutorial's ReLU cell: a `randn(rows, cols)` tensor and its ReLU, drawn after `seed`.

    With `after_affine_cell` the affine cell's draws (nn.Linear(5, 3), randn(2, 5)) come first,
    as in the tutorial, so seed 1 prints the tutorial's numbers.
    """
    if rows < 1 or cols < 1:
        raise ValueError(f"rows and cols must be at least 1; got {rows} x {cols}")
    with seeded(seed):
        if after_affine_cell:
            draw(AFFINE_CELL)
        data = torch.randn(rows, cols)
    return data, F.relu(data)


@dataclass(frozen=True)
class Curve:
    """One function drawn on [-reach, reach]: the x values, f(x) and f'(x) (autograd)."""

    name: str
    x: list[float]
    value: list[float]
    slope: list[float]


def curve(name: str, reach: float, samples: int = 401) -> Curve:
    """f and its autograd derivative at `samples` evenly spaced points of [-reach, reach]."""
    if reach <= 0 or samples < 2:
        raise ValueError(f"need reach > 0 and at least 2 samples; got reach={reach}, samples={samples}")
    xs = torch.linspace(-reach, reach, samples)
    values, grads = values_and_derivatives(name, xs)
    return Curve(name, xs.tolist(), values.tolist(), grads.tolist())


def at_point(names: list[str] | tuple[str, ...], x0: float) -> list[tuple[str, float, float]]:
    """(name, f(x0), f'(x0)) for each function, f' by autograd (float32, as the page's code computes it)."""
    point = torch.tensor([x0])
    rows = []
    for name in names:
        value, grad = values_and_derivatives(name, point)
        rows.append((name, float(value[0]), float(grad[0])))
    return rows


def sigmoid_slopes(limit: float = 15.0, samples: int = 301) -> tuple[list[float], list[float]]:
    """σ'(x) on [0, limit], in float64 so that σ(x) does not round to 1 and leave a slope of 0 at large x."""
    grid = torch.linspace(0, limit, samples, dtype=torch.float64)
    _, grads = values_and_derivatives("sigmoid", grid)
    return grid.tolist(), grads.tolist()


def sigmoid_slope(x: float) -> float:
    """σ'(x) by autograd, in float64."""
    _, grad = values_and_derivatives("sigmoid", torch.tensor([x], dtype=torch.float64))
    return float(grad[0])
