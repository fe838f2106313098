"""Reading a trained weight matrix word by word: which words separate the labels, and how to order them."""

from __future__ import annotations

import torch

SORTS: tuple[str, ...] = ("index", "label", "separation")


def _check(weight: torch.Tensor) -> torch.Tensor:
    weight = torch.as_tensor(weight).detach().cpu()
    if weight.dim() != 2:
        raise ValueError(f"the weight must be a 2-D (labels x words) matrix; got shape {tuple(weight.shape)}")
    return weight


def separation(weight: torch.Tensor) -> torch.Tensor:
    """Per word (column), the largest weight minus the smallest over the labels."""
    weight = _check(weight)
    if weight.shape[1] == 0:
        return torch.zeros(0)
    return weight.max(dim=0).values - weight.min(dim=0).values


def word_order(weight: torch.Tensor, sort: str, label_index: int | None = None) -> list[int]:
    """Word indices in display order: by index, by one label's weight, or by separation (descending).

    Ties keep index order, so the order is the same on every run.
    """
    weight = _check(weight)
    num_labels, num_words = weight.shape
    if sort == "index":
        return list(range(num_words))
    if sort == "label":
        if label_index is None or not 0 <= label_index < num_labels:
            raise ValueError(f"sort 'label' needs a label index in 0..{num_labels - 1}; got {label_index}")
        key = weight[label_index]
    elif sort == "separation":
        key = separation(weight)
    else:
        raise ValueError(f"unknown sort {sort!r}; choose one of: {', '.join(SORTS)}")
    return torch.sort(key, descending=True, stable=True).indices.tolist()


def top_k(order: list[int], k: int) -> list[int]:
    """The first `k` entries of `order` (all of them when k is larger)."""
    if k < 1:
        raise ValueError(f"k must be at least 1; got {k}")
    return list(order[:k])
