"""The loss functions of the tutorial: negative log-likelihood and cross-entropy."""

from __future__ import annotations

import torch
import torch.nn.functional as F


def _as_batch(values: torch.Tensor, target: torch.Tensor | int) -> tuple[torch.Tensor, torch.Tensor]:
    values = values if values.dim() == 2 else values.unsqueeze(0)
    target = torch.as_tensor(target, dtype=torch.long).reshape(-1)
    if target.shape[0] != values.shape[0]:
        raise ValueError(f"{values.shape[0]} rows of scores but {target.shape[0]} targets")
    if int(target.min()) < 0 or int(target.max()) >= values.shape[1]:
        raise ValueError(f"target must be a class index from 0 to {values.shape[1] - 1}")
    return values, target


def nll_loss(log_probs: torch.Tensor, target: torch.Tensor | int) -> torch.Tensor:
    """Mean of -log_probs[i, target[i]]: what nn.NLLLoss computes (it expects log-probabilities)."""
    log_probs, target = _as_batch(log_probs, target)
    return -log_probs.gather(1, target.unsqueeze(1)).mean()


def cross_entropy(scores: torch.Tensor, target: torch.Tensor | int) -> torch.Tensor:
    """nn.CrossEntropyLoss on raw scores: log_softmax followed by NLL."""
    scores, target = _as_batch(scores, target)
    return nll_loss(F.log_softmax(scores, dim=1), target)


def loss_for_probability(p_correct: torch.Tensor) -> torch.Tensor:
    """The NLL loss when the model gives probability p to the right class: -log p."""
    return -torch.log(p_correct)
