"""Classification metrics that need no extra library: the confusion matrix."""

from __future__ import annotations

from collections.abc import Sequence

import torch


def confusion_matrix(
    y_true: Sequence[int] | torch.Tensor, y_pred: Sequence[int] | torch.Tensor, num_labels: int
) -> torch.Tensor:
    """Counts of (true label, predicted label) pairs, shape (num_labels, num_labels), rows = truth."""
    true = torch.as_tensor(y_true, dtype=torch.long).flatten().cpu()
    pred = torch.as_tensor(y_pred, dtype=torch.long).flatten().cpu()
    if true.shape != pred.shape:
        raise ValueError(f"y_true and y_pred differ in length: {true.numel()} != {pred.numel()}")
    if num_labels < 1:
        raise ValueError(f"num_labels must be at least 1; got {num_labels}")
    for name, values in (("y_true", true), ("y_pred", pred)):
        if values.numel() and (values.min() < 0 or values.max() >= num_labels):
            raise ValueError(f"{name} holds a label index outside 0..{num_labels - 1}")
    flat = torch.bincount(true * num_labels + pred, minlength=num_labels * num_labels)
    return flat.reshape(num_labels, num_labels)
