"""Affine maps f(x) = Ax + b, applied to rows as PyTorch does, and their composition."""

from __future__ import annotations

import torch
from torch import nn


def apply_linear(layer: nn.Linear, batch: torch.Tensor) -> torch.Tensor:
    """Map every row of `batch` (shape N x in) to a row of the output (N x out)."""
    if batch.dim() != 2 or batch.shape[1] != layer.in_features:
        raise ValueError(
            f"batch must have shape (N, {layer.in_features}); got {tuple(batch.shape)}"
        )
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
