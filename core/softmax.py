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
