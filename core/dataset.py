"""A corpus turned into tensors: vocabulary, label map and sparse bags of words, built once.

Each split is stored as bags (`Bags`): for every sentence the indices of its distinct words
and how often each occurs, flattened into one index tensor, one count tensor and the offset
where each sentence starts. That is what `torch.nn.functional.embedding_bag` takes, so
training, evaluation and prediction never build a sentences x vocabulary matrix; memory
grows with the number of words in the corpus, not with sentences times vocabulary.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cached_property

import torch

from core.corpus import Row, tokenize, validate
from core.limits import LIMITS, Limits, check_corpus
from core.vocabulary import Vocabulary

# A dense view (`Dataset.dense_features`) is refused above this many cells (sentences x words):
# 4 M float32 cells are 16 MB, far more than the tutorial-size lessons that use it need.
DENSE_CELL_LIMIT = 4_000_000


@dataclass(frozen=True)
class TokenOptions:
    """How text becomes words: the tutorial keeps case and punctuation."""

    lowercase: bool = False
    strip_punctuation: bool = False

    def tokens(self, text: str) -> list[str]:
        return tokenize(text, self.lowercase, self.strip_punctuation)


def bow_vector(tokens: list[str], vocab: Vocabulary) -> torch.Tensor:
    """Word counts of one sentence, shape (1, |V|); words outside `vocab` are skipped."""
    return bow_matrix([tokens], vocab)


def bow_matrix(sentences: list[list[str]], vocab: Vocabulary) -> torch.Tensor:
    """Word counts of many sentences, one row each, shape (N, |V|): for small inputs only."""
    return bags_of(sentences, vocab).dense(len(vocab))


@dataclass(frozen=True)
class Bags:
    """Sentences as bags of word indices with counts, plus their labels.

    Sentence i holds `indices[offsets[i]:offsets[i] + lengths[i]]` (its distinct known words,
    first-seen order) with `counts` at the same positions. A sentence with no known word is
    an empty bag (its logits are the bias alone).
    """

    indices: torch.Tensor  # long (nnz,)
    offsets: torch.Tensor  # long (N,)
    counts: torch.Tensor  # float32 (nnz,)
    labels: torch.Tensor  # long (N,)

    def __len__(self) -> int:
        return len(self.offsets)

    @cached_property
    def lengths(self) -> torch.Tensor:
        """Distinct known words of each sentence, shape (N,)."""
        end = torch.tensor([len(self.indices)], dtype=torch.long, device=self.offsets.device)
        ends = torch.cat([self.offsets[1:], end])
        return ends - self.offsets

    @cached_property
    def positions(self) -> torch.Tensor:
        """The sentence of each entry of `indices`, shape (nnz,)."""
        return torch.repeat_interleave(torch.arange(len(self), device=self.offsets.device), self.lengths)

    @property
    def nbytes(self) -> int:
        return sum(t.element_size() * t.numel() for t in (self.indices, self.offsets, self.counts, self.labels))

    def select(self, rows: torch.Tensor) -> Bags:
        """The bags of sentences `rows` (a long tensor of positions), in that order."""
        device = self.offsets.device
        rows = torch.as_tensor(rows, dtype=torch.long).reshape(-1).to(device)
        lengths = self.lengths[rows]
        starts = self.offsets[rows]
        offsets = torch.zeros(len(rows), dtype=torch.long, device=device)
        if len(rows) > 1:
            offsets[1:] = lengths.cumsum(0)[:-1]
        total = int(lengths.sum()) if len(rows) else 0
        positions = torch.repeat_interleave(starts - offsets, lengths) + torch.arange(total, device=device)
        return Bags(self.indices[positions], offsets, self.counts[positions], self.labels[rows])

    def sentence(self, row: int) -> Bags:
        """The bag of one sentence: a cheap slice, for the tutorial's one-update-per-sentence loop."""
        start = int(self.offsets[row])
        end = int(self.offsets[row + 1]) if row + 1 < len(self.offsets) else len(self.indices)
        return Bags(
            self.indices[start:end],
            torch.zeros(1, dtype=torch.long, device=self.offsets.device),
            self.counts[start:end],
            self.labels[row : row + 1],
        )

    def to(self, device: torch.device | str) -> Bags:
        return Bags(*(t.to(device) for t in (self.indices, self.offsets, self.counts, self.labels)))

    def dense(self, vocab_size: int) -> torch.Tensor:
        """The counts as a dense (N, vocab_size) matrix: small corpora and tests only."""
        cells = len(self) * vocab_size
        if cells > DENSE_CELL_LIMIT:
            raise ValueError(
                f"a dense matrix of {len(self):,} sentences x {vocab_size:,} words is too large; "
                "use the sparse bags (core.model.bag_log_probs) instead"
            )
        matrix = torch.zeros(len(self), vocab_size, device=self.offsets.device)
        return matrix.index_put_((self.positions, self.indices), self.counts, accumulate=True)


def _bag(tokens, item_to_ix, add, counts_of, indices, counts) -> None:
    """Append one sentence's distinct words and their counts (first-seen order) to the flat lists."""
    counts_of.clear()
    for word in tokens:
        ix = item_to_ix.get(word)
        if ix is None:
            if add is None:
                continue
            ix = add(word)
        counts_of[ix] = counts_of.get(ix, 0) + 1
    indices.extend(counts_of.keys())
    counts.extend(counts_of.values())


def bags_of(sentences, vocab: Vocabulary, labels: list[int] | None = None, grow: bool = False) -> Bags:
    """Bags of token lists over `vocab`; with `grow`, unseen words join `vocab` as they come."""
    indices: list[int] = []
    counts: list[int] = []
    offsets: list[int] = []
    counts_of: dict[int, int] = {}
    add = vocab.add if grow else None
    for tokens in sentences:
        offsets.append(len(indices))
        _bag(tokens, vocab.item_to_ix, add, counts_of, indices, counts)
    return Bags(
        torch.tensor(indices, dtype=torch.long),
        torch.tensor(offsets, dtype=torch.long),
        torch.tensor(counts, dtype=torch.float32),
        torch.tensor(labels if labels is not None else [0] * len(offsets), dtype=torch.long),
    )


@dataclass
class Dataset:
    """Everything training needs, derived from validated rows."""

    rows: list[Row]
    vocab: Vocabulary
    labels: Vocabulary
    options: TokenOptions
    train: Bags
    test: Bags
    train_counts: Counter

    @property
    def train_rows(self) -> list[Row]:
        return [row for row in self.rows if row.split == "train"]

    @property
    def test_rows(self) -> list[Row]:
        return [row for row in self.rows if row.split == "test"]

    # Tokens are not kept (they would cost far more memory than the bags): tokenised again on demand.
    @property
    def train_tokens(self) -> list[list[str]]:
        return [self.options.tokens(row.text) for row in self.train_rows]

    @property
    def test_tokens(self) -> list[list[str]]:
        return [self.options.tokens(row.text) for row in self.test_rows]

    @property
    def y_train(self) -> torch.Tensor:
        return self.train.labels

    @property
    def y_test(self) -> torch.Tensor:
        return self.test.labels

    def bags(self, split: str) -> Bags:
        """The bags of split 'train' or 'test'."""
        if split == "train":
            return self.train
        if split == "test":
            return self.test
        raise ValueError(f"split must be 'train' or 'test'; got {split!r}")

    def log_probs(self, model_or_weights, split: str) -> torch.Tensor:
        """Log-probabilities (sentences, labels) of a split, on the CPU, without gradients.

        `model_or_weights` is a BoWClassifier or a (weight, bias) pair.
        """
        from core.model import bag_log_probs

        if isinstance(model_or_weights, tuple | list):
            weight, bias = model_or_weights
        else:
            weight, bias = model_or_weights.linear.weight, model_or_weights.linear.bias
        with torch.no_grad():
            bags = self.bags(split).to(weight.device)
            return bag_log_probs(weight.detach(), bias.detach(), bags).cpu()

    def dense_features(self, split: str) -> torch.Tensor:
        """The split as a dense (sentences, |V|) count matrix, for tutorial-size lessons only.

        ValueError above DENSE_CELL_LIMIT cells: training and evaluation use the bags.
        """
        return self.bags(split).dense(len(self.vocab))

    # The dense matrices the lessons and tests of the tutorial corpus use (small corpora only).
    @property
    def x_train(self) -> torch.Tensor:
        return self.dense_features("train")

    @property
    def x_test(self) -> torch.Tensor:
        return self.dense_features("test")


def prepare(
    rows: list[Row],
    options: TokenOptions = TokenOptions(),
    vocab_from_test: bool = True,
    max_labels: int | None = None,
    limits: Limits = LIMITS,
) -> Dataset:
    """Validate rows, check them against `limits`, then build vocabulary, labels and bags.

    `core.limits.TooLarge` is raised before anything is built for a corpus over a limit.
    The vocabulary holds the words of the training rows then the test rows in first-seen
    order (the tutorial's rule); with `vocab_from_test=False` only training words count and
    unseen test words are simply left out of the bags.
    Labels are indexed in first-seen order among training rows (SPANISH = 0, ENGLISH = 1).
    Each sentence is tokenised once.
    """
    rows = list(rows)
    check_corpus(rows, options.tokens, vocab_from_test, limits)
    rows = validate(rows, max_labels)
    train = [row for row in rows if row.split == "train"]
    test = [row for row in rows if row.split == "test"]
    labels = Vocabulary(row.label for row in train)
    vocab = Vocabulary()
    train_bags = bags_of(
        (options.tokens(row.text) for row in train), vocab, [labels.index(r.label) for r in train], grow=True
    )
    test_bags = bags_of(
        (options.tokens(row.text) for row in test), vocab, [labels.index(r.label) for r in test], vocab_from_test
    )
    totals = torch.zeros(len(vocab), dtype=torch.float64).index_add_(0, train_bags.indices, train_bags.counts.double())
    train_counts = Counter({vocab.items[i]: int(totals[i]) for i in totals.nonzero().flatten().tolist()})
    return Dataset(
        rows=rows,
        vocab=vocab,
        labels=labels,
        options=options,
        train=train_bags,
        test=test_bags,
        train_counts=train_counts,
    )
