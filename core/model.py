"""The tutorial's classifier: an affine map followed by log_softmax (logistic regression)."""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn

from core.seeding import seeded


class BoWClassifier(nn.Module):
    """Maps a bag-of-words vector to log-probabilities over the labels."""

    def __init__(self, num_labels: int, vocab_size: int) -> None:
        super().__init__()
        self.linear = nn.Linear(vocab_size, num_labels)

    def forward(self, bow_vec: torch.Tensor) -> torch.Tensor:
        return F.log_softmax(self.linear(bow_vec), dim=1)


def tutorial_draws_before_model() -> None:
    """Consume the random draws the tutorial makes before it builds its classifier.

    Linear(5, 3), randn(2, 5), randn(2, 2) and randn(5): after these, with seed 1, the
    classifier starts from exactly the weights the tutorial prints.
    """
    nn.Linear(5, 3)
    torch.randn(2, 5)
    torch.randn(2, 2)
    torch.randn(5)


def seeded_model(
    seed: int, num_labels: int, vocab_size: int, tutorial_draws: bool = False
) -> BoWClassifier:
    """`torch.manual_seed(seed)` immediately followed by building the model.

    A plain PyTorch script with the same seed gets the same initial weights.
    `tutorial_draws=True` first repeats the tutorial's earlier draws (see above).
    """
    with seeded(seed):
        if tutorial_draws:
            tutorial_draws_before_model()
        return BoWClassifier(num_labels, vocab_size)
