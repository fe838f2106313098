"""Affine maps f(x) = Ax + b, applied to rows as PyTorch does, and their composition."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import torch
from torch import nn

from core.devices import resolve_device
from core.nonlinearities import get_nonlinearity
from core.seeding import seeded


def apply_linear(layer: nn.Linear, batch: torch.Tensor) -> torch.Tensor:
    """Map every row of `batch` (shape N x in) to a row of the output (N x out)."""
    if batch.dim() != 2 or batch.shape[1] != layer.in_features:
        raise ValueError(f"batch must have shape (N, {layer.in_features}); got {tuple(batch.shape)}")
    with torch.no_grad():
        return layer(batch)


def affine(A: torch.Tensor, b: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
    """Apply x -> Ax + b to each row of `x` (so the rows are multiplied by A transposed)."""
    return x @ A.T + b


def compose_affine(
    A: torch.Tensor, b: torch.Tensor, C: torch.Tensor, d: torch.Tensor
) -> tuple[torch.Tensor, torch.Tensor]:
    """The single map equal to f(g(x)) for f(x) = Ax + b and g(x) = Cx + d: (AC, Ad + b)."""
    if A.shape[1] != C.shape[0]:
        raise ValueError(f"cannot compose: A is {tuple(A.shape)} but C is {tuple(C.shape)}")
    return A @ C, A @ d + b


def fit_affine(x: torch.Tensor, y: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, float]:
    """Least-squares affine map from rows of `x` to rows of `y`: returns (A, b, RMS error).

    Used to show that a map with a non-linearity inside is no longer affine: the best
    affine fit leaves an error that float noise cannot explain.
    """
    x64, y64 = x.double(), y.double()
    design = torch.cat([x64, torch.ones(x64.shape[0], 1, dtype=x64.dtype)], dim=1)
    solution = torch.linalg.lstsq(design, y64).solution
    A = solution[:-1].T
    b = solution[-1]
    residual = design @ solution - y64
    rms = float(residual.pow(2).mean().sqrt())
    return A.to(x.dtype), b.to(x.dtype), rms


def linear_demo(seed: int, in_features: int, out_features: int, rows: int) -> tuple[nn.Linear, torch.Tensor]:
    """The tutorial's first cell: `nn.Linear(in, out)` then a `randn(rows, in)` batch, drawn after `seed`."""
    if min(in_features, out_features, rows) < 1:
        raise ValueError(f"sizes must be at least 1; got in={in_features}, out={out_features}, rows={rows}")
    with seeded(seed):
        layer = nn.Linear(in_features, out_features)
        batch = torch.randn(rows, in_features)
    return layer, batch


def entry_terms(
    weight: torch.Tensor, bias: torch.Tensor, batch: torch.Tensor, row: int, column: int
) -> tuple[list[tuple[float, float]], float, float]:
    """The pieces of output[row, column]: pairs (A[column, j], x[row, j]), the bias, and their total."""
    if not (0 <= row < batch.shape[0] and 0 <= column < weight.shape[0]):
        raise ValueError(f"no entry ({row}, {column}) in a {batch.shape[0]} x {weight.shape[0]} output")
    weight, bias, batch = weight.detach(), bias.detach(), batch.detach()
    pairs = [(float(a), float(x)) for a, x in zip(weight[column], batch[row], strict=True)]
    total = sum(a * x for a, x in pairs) + float(bias[column])
    return pairs, float(bias[column]), total


def compose_through(
    A: torch.Tensor,
    b: torch.Tensor,
    C: torch.Tensor,
    d: torch.Tensor,
    x: torch.Tensor,
    between: Callable[[torch.Tensor], torch.Tensor] | None = None,
) -> torch.Tensor:
    """f(between(g(x))) for f(x) = Ax + b and g(x) = Cx + d; plain f(g(x)) when `between` is None."""
    inner = affine(C, d, x)
    if between is not None:
        inner = between(inner)
    return affine(A, b, inner)


def max_abs_difference(first: torch.Tensor, second: torch.Tensor) -> float:
    """The largest absolute difference between two tensors of the same shape."""
    if first.shape != second.shape:
        raise ValueError(f"shapes differ: {tuple(first.shape)} and {tuple(second.shape)}")
    return float((first - second).abs().max()) if first.numel() else 0.0


@dataclass(frozen=True)
class LinearResult:
    """The tutorial's first cell, computed: the layer's A and b, the batch and the output (all on the CPU)."""

    weight: torch.Tensor
    bias: torch.Tensor
    batch: torch.Tensor
    output: torch.Tensor


def linear_result(seed: int, in_features: int, out_features: int, rows: int, device: str = "cpu") -> LinearResult:
    """`nn.Linear(in, out)` applied to a `randn(rows, in)` batch on `device`; a ValueError for an unusable device."""
    where = resolve_device(device)
    layer, batch = linear_demo(seed, in_features, out_features, rows)
    output = apply_linear(layer.to(where), batch.to(where)).cpu()
    return LinearResult(layer.weight.detach().cpu(), layer.bias.detach().cpu(), batch, output)


@dataclass(frozen=True)
class Composition:
    """f(g(x)) as one map (AC, Ad + b), how far two steps and one map differ, and the best affine fit
    of f(between(g(x))) with its RMS error."""

    AC: torch.Tensor
    Ad_b: torch.Tensor
    noise: float
    A_fit: torch.Tensor
    b_fit: torch.Tensor
    rms: float


def between_fn(between: str) -> Callable[[torch.Tensor], torch.Tensor] | None:
    """The non-linearity called `between`, or None for "none"."""
    return None if between == "none" else get_nonlinearity(between).fn


def composition(
    A: torch.Tensor, b: torch.Tensor, C: torch.Tensor, d: torch.Tensor, between: str, points: torch.Tensor
) -> Composition:
    """Compose f(x) = Ax + b after g(x) = Cx + d on `points`, then fit one affine map to f(between(g(x)))."""
    AC, Ad_b = compose_affine(A, b, C, d)
    noise = max_abs_difference(compose_through(A, b, C, d, points), affine(AC, Ad_b, points))
    A_fit, b_fit, rms = fit_affine(points, compose_through(A, b, C, d, points, between_fn(between)))
    return Composition(AC, Ad_b, noise, A_fit, b_fit, rms)
