"""The tutorial's classifier: an affine map followed by log_softmax (logistic regression)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import torch
import torch.nn.functional as F
from torch import nn

from core.seeding import seeded
from core.tutorial_draws import BEFORE_CLASSIFIER, draw

if TYPE_CHECKING:
    from core.dataset import Bags


class BoWClassifier(nn.Module):
    """Maps a bag-of-words vector to log-probabilities over the labels."""

    def __init__(self, num_labels: int, vocab_size: int) -> None:
        super().__init__()
        self.linear = nn.Linear(vocab_size, num_labels)

    def forward(self, bow_vec: torch.Tensor) -> torch.Tensor:
        return F.log_softmax(self.linear(bow_vec), dim=1)

    def forward_bags(self, bags: Bags) -> torch.Tensor:
        """The same log-probabilities as `forward`, from sparse bags instead of dense vectors."""
        return bag_log_probs(self.linear.weight, self.linear.bias, bags)

    def forward_sentence(self, indices: torch.Tensor, counts: torch.Tensor) -> torch.Tensor:
        """Log-probabilities (1, labels) of one sentence: its words' columns of A times their counts, plus b.

        The tutorial's one-update-per-sentence loop runs this tens of thousands of times; as a
        matrix-vector product it costs the fewest operations per step.
        """
        logits = self.linear.weight.index_select(1, indices) @ counts + self.linear.bias
        return F.log_softmax(logits.unsqueeze(0), dim=1)


def model_from_weights(weight: torch.Tensor, bias: torch.Tensor) -> BoWClassifier:
    """A CPU classifier holding copies of `weight` and `bias`, in eval mode.

    It is built on the meta device first, so it draws no random numbers: building it never
    moves the global random state a seeded run depends on.
    """
    with torch.device("meta"):
        model = BoWClassifier(weight.shape[0], weight.shape[1])
    model = model.to_empty(device="cpu")
    with torch.no_grad():
        model.linear.weight.copy_(weight.detach().cpu())
        model.linear.bias.copy_(bias.detach().cpu())
    model.eval()
    return model


def bag_logits(weight: torch.Tensor, bias: torch.Tensor, bags: Bags) -> torch.Tensor:
    """`bow @ weight.T + bias` for every bag, without building the dense bag-of-words rows.

    Each sentence's logits are the bias plus the weight columns of its words, each times its
    count: exactly the affine map of the count vector, differentiable in weight and bias.
    The columns are gathered with index_select and summed per sentence with index_add (the
    sum `embedding_bag(indices, weight.t(), offsets, mode="sum", per_sample_weights=counts)`
    computes, but about twice as fast to differentiate here, as the gradient needs no transposed copy).
    """
    columns = weight.index_select(1, bags.indices) * bags.counts  # (labels, nnz)
    summed = torch.zeros(len(bags), weight.shape[0], dtype=weight.dtype, device=weight.device)
    return summed.index_add(0, bags.positions, columns.t()) + bias


def bag_log_probs(weight: torch.Tensor, bias: torch.Tensor, bags: Bags) -> torch.Tensor:
    """log_softmax of `bag_logits`: the classifier's output for sparse bags."""
    return F.log_softmax(bag_logits(weight, bias, bags), dim=1)


def tutorial_draws_before_model() -> None:
    """Consume the random draws the tutorial makes before it builds its classifier.

    Linear(5, 3), randn(2, 5), randn(2, 2) and randn(5): after these, with seed 1, the
    classifier starts from exactly the weights the tutorial prints.
    """
    draw(BEFORE_CLASSIFIER)


def seeded_model(seed: int, num_labels: int, vocab_size: int, tutorial_draws: bool = False) -> BoWClassifier:
    """`torch.manual_seed(seed)` immediately followed by building the model.

    A plain PyTorch script with the same seed gets the same initial weights.
    `tutorial_draws=True` first repeats the tutorial's earlier draws (see above).
    """
    with seeded(seed):
        if tutorial_draws:
            tutorial_draws_before_model()
        return BoWClassifier(num_labels, vocab_size)
