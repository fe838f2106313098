"""What the classifier says about one sentence, and how much each word contributed."""

from __future__ import annotations

from dataclasses import dataclass

import torch

from core.dataset import TokenOptions, bags_of
from core.model import BoWClassifier, bag_logits
from core.vocabulary import Vocabulary


@dataclass(frozen=True)
class WordContribution:
    """A word's share of the logits: its count times its weight column."""

    word: str
    count: int
    known: bool
    contribution: tuple[float, ...]  # one value per label; zeros for an unknown word


@dataclass(frozen=True)
class Prediction:
    tokens: list[str]
    labels: list[str]
    log_probs: tuple[float, ...]
    logits: tuple[float, ...]
    bias: tuple[float, ...]
    words: list[WordContribution]

    @property
    def probabilities(self) -> tuple[float, ...]:
        return tuple(float(torch.tensor(lp).exp()) for lp in self.log_probs)

    @property
    def predicted(self) -> str:
        return self.labels[max(range(len(self.labels)), key=lambda i: self.log_probs[i])]

    @property
    def unknown_words(self) -> list[str]:
        return [w.word for w in self.words if not w.known]


def predict(
    model: BoWClassifier,
    vocab: Vocabulary,
    labels: Vocabulary,
    sentence: str,
    options: TokenOptions = TokenOptions(),
) -> Prediction:
    """Log-probabilities per label, and each distinct word's contribution to the logits.

    The logits equal the bias plus the sum of the word contributions; words outside the
    vocabulary contribute nothing and are reported as unknown rather than failing.
    """
    tokens = options.tokens(sentence)
    weight = model.linear.weight.detach().cpu()
    bias = model.linear.bias.detach().cpu()
    device = model.linear.weight.device
    with torch.no_grad():
        bag = bags_of([tokens], vocab).to(device)
        logits = bag_logits(model.linear.weight, model.linear.bias, bag).cpu()[0]
        log_probs = torch.log_softmax(logits, dim=0)
    counts: dict[str, int] = {}
    for word in tokens:
        counts[word] = counts.get(word, 0) + 1
    words = []
    for word, count in counts.items():
        if word in vocab:
            column = weight[:, vocab.index(word)] * count
            words.append(WordContribution(word, count, True, tuple(column.tolist())))
        else:
            words.append(WordContribution(word, count, False, tuple(0.0 for _ in labels)))
    return Prediction(
        tokens=tokens,
        labels=list(labels),
        log_probs=tuple(log_probs.tolist()),
        logits=tuple(logits.tolist()),
        bias=tuple(bias.tolist()),
        words=words,
    )
