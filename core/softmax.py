"""Softmax and log-softmax written out by hand (stable for large scores), with a temperature."""

from __future__ import annotations

import torch


def _scaled(scores: torch.Tensor, temperature: float) -> torch.Tensor:
    if not temperature > 0:
        raise ValueError(f"temperature must be positive; got {temperature}")
    return scores / temperature


def log_softmax(scores: torch.Tensor, temperature: float = 1.0, dim: int = -1) -> torch.Tensor:
    """log softmax(scores / T), computed as z - max - log(sum(exp(z - max)))."""
    z = _scaled(scores, temperature)
    # Subtracting the max changes nothing mathematically but keeps exp() from overflowing.
    shifted = z - z.max(dim=dim, keepdim=True).values
    return shifted - shifted.exp().sum(dim=dim, keepdim=True).log()


def softmax(scores: torch.Tensor, temperature: float = 1.0, dim: int = -1) -> torch.Tensor:
    """softmax(scores / T): non-negative, sums to 1 along `dim`, finite for large scores."""
    return log_softmax(scores, temperature, dim).exp()


def naive_softmax(scores: torch.Tensor, dim: int = -1) -> torch.Tensor:
    """exp then divide, with no max subtracted: overflows to nan for large scores (on purpose)."""
    e = scores.exp()
    return e / e.sum(dim=dim, keepdim=True)


def softmax_over_temperatures(scores: torch.Tensor, temperatures: list[float]) -> torch.Tensor:
    """One row of softmax(scores / T) per temperature T, for a 1-D vector of scores."""
    if scores.dim() != 1:
        raise ValueError(f"scores must be a 1-D vector; got shape {tuple(scores.shape)}")
    return torch.stack([softmax(scores, temperature) for temperature in temperatures])


def exp_overflow_limit(dtype: torch.dtype) -> float:
    """The largest x for which exp(x) is still finite in `dtype` (about 88.7 for float32)."""
    if not dtype.is_floating_point:
        raise ValueError(f"dtype must be a floating-point type; got {dtype}")
    return float(torch.log(torch.tensor(torch.finfo(dtype).max, dtype=torch.float64)))
