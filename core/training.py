"""Training the classifier: a config, the loop the tutorial writes, history and stopping."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Literal

import torch
import torch.nn.functional as F

from core.dataset import Bags, Dataset
from core.devices import resolve_device
from core.model import BoWClassifier, seeded_model
from core.optimizers import make_optimizer

UpdateMode = Literal["per_sentence", "minibatch"]
UPDATE_MODES: tuple[str, ...] = ("per_sentence", "minibatch")


@dataclass(frozen=True)
class TrainConfig:
    """Everything that decides a run; the defaults are the tutorial's settings."""

    optimizer: str = "sgd"
    lr: float = 0.1
    epochs: int = 100
    seed: int = 1
    device: str = "cpu"
    update_mode: str = "per_sentence"
    batch_size: int = 32
    # Repeat the tutorial's four earlier random draws after seeding, so that seed 1 gives
    # the tutorial's initial weights (see core.model.tutorial_draws_before_model).
    tutorial_draws: bool = False

    def check(self) -> None:
        """ValueError for settings that cannot run."""
        if self.epochs < 1:
            raise ValueError(f"epochs must be at least 1; got {self.epochs}")
        if self.update_mode not in UPDATE_MODES:
            raise ValueError(f"update mode must be one of {UPDATE_MODES}; got {self.update_mode!r}")
        if self.update_mode == "minibatch" and self.batch_size < 1:
            raise ValueError(f"batch size must be at least 1; got {self.batch_size}")
        if not self.lr > 0 or not math.isfinite(self.lr):
            raise ValueError(f"the learning rate must be a positive number; got {self.lr}")

    def to_dict(self) -> dict:
        return asdict(self)


# What is measured after every epoch (the fields of EpochRecord after `epoch`), in display order.
METRICS: tuple[str, ...] = ("train_loss", "test_loss", "train_accuracy", "test_accuracy")


@dataclass(frozen=True)
class EpochRecord:
    """Losses and accuracies measured after an epoch (epoch 0 is before training)."""

    epoch: int
    train_loss: float
    train_accuracy: float
    test_loss: float | None
    test_accuracy: float | None


# The weight history of one run holds at most this many snapshots and this many bytes.
MAX_SNAPSHOTS = 200
MAX_SNAPSHOT_BYTES = 32 * 1024 * 1024


@dataclass
class TrainingResult:
    """What a run produced. `status` is 'completed', 'stopped' or 'diverged'."""

    config: TrainConfig
    history: list[EpochRecord]
    initial_weight: torch.Tensor
    initial_bias: torch.Tensor
    final_weight: torch.Tensor
    final_bias: torch.Tensor
    # Weight matrices at some epochs, shape (snapshots, labels, words), on the CPU: every epoch
    # for short runs; for long runs or large vocabularies evenly spaced ones, first and last
    # always kept (see SnapshotHistory). `snapshot_epochs[i]` is the epoch of `weight_history[i]`.
    weight_history: torch.Tensor
    status: str = "completed"
    model: BoWClassifier | None = field(default=None, repr=False)
    snapshot_epochs: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.snapshot_epochs:
            self.snapshot_epochs = list(range(len(self.weight_history)))
        if len(self.snapshot_epochs) != len(self.weight_history):
            raise ValueError(
                f"{len(self.snapshot_epochs)} snapshot epochs for {len(self.weight_history)} weight snapshots"
            )

    @property
    def epochs_done(self) -> int:
        return self.history[-1].epoch

    @property
    def nbytes(self) -> int:
        """Bytes held by the result's tensors (the model's weights included)."""
        tensors = [self.initial_weight, self.initial_bias, self.final_weight, self.final_bias, self.weight_history]
        if self.model is not None:
            tensors += list(self.model.parameters())
        return sum(t.element_size() * t.numel() for t in tensors) + 64 * len(self.history)


def snapshot_capacity(
    num_labels: int, vocab_size: int, max_snapshots: int | None = None, max_bytes: int | None = None
) -> int:
    """How many weight snapshots a run keeps: at most `max_snapshots` and `max_bytes`, at least 2.

    The limits default to MAX_SNAPSHOTS and MAX_SNAPSHOT_BYTES.
    """
    max_snapshots = MAX_SNAPSHOTS if max_snapshots is None else max_snapshots
    max_bytes = MAX_SNAPSHOT_BYTES if max_bytes is None else max_bytes
    size = max(1, num_labels * vocab_size * 4)
    return max(2, min(max_snapshots, max_bytes // size))


class SnapshotHistory:
    """Weight snapshots kept at evenly spaced epochs in bounded memory, while the run goes on.

    Epochs that are multiples of a stride k are kept (k starts at 1); when that would exceed the
    capacity, every other kept snapshot is dropped and k doubles. The latest epoch is always
    kept too, so the first (epoch 0) and last snapshots are always there and at most `capacity`
    snapshots are held at any time.
    """

    def __init__(self, capacity: int) -> None:
        if capacity < 2:
            raise ValueError(f"a weight history needs room for at least 2 snapshots; got {capacity}")
        self.capacity = capacity
        self.stride = 1
        self._kept: list[tuple[int, torch.Tensor]] = []
        self._latest: tuple[int, torch.Tensor] | None = None

    def add(self, epoch: int, weight: torch.Tensor) -> None:
        if epoch % self.stride:
            self._latest = (epoch, weight)
            return
        self._latest = None
        self._kept.append((epoch, weight))
        # One place stays free for a latest epoch that is off the stride.
        while len(self._kept) > self.capacity - 1:
            self.stride *= 2
            self._kept = [(e, w) for e, w in self._kept if e % self.stride == 0]
            if self._kept[-1][0] != epoch:
                self._latest = (epoch, weight)

    @property
    def items(self) -> list[tuple[int, torch.Tensor]]:
        return self._kept + ([self._latest] if self._latest is not None else [])

    @property
    def epochs(self) -> list[int]:
        return [epoch for epoch, _ in self.items]

    def stacked(self) -> torch.Tensor:
        return torch.stack([weight for _, weight in self.items])


class DivergenceError(ValueError):
    """The loss became NaN or infinite; `result` holds the epochs before it happened."""

    def __init__(self, epoch: int, result: TrainingResult) -> None:
        super().__init__(
            f"training diverged at epoch {epoch}: the loss is no longer a finite number. "
            "Lower the learning rate or pick a gentler optimiser."
        )
        self.epoch = epoch
        self.result = result


# Called after each epoch; returning True asks the run to stop after that epoch.
ProgressCallback = Callable[[EpochRecord], bool | None]


def evaluate(model: BoWClassifier, batch: Bags | torch.Tensor, y: torch.Tensor | None = None) -> tuple[float, float]:
    """Mean NLL loss and accuracy of `model` on sparse `batch` (its own labels) or dense rows `batch` with `y`."""
    model.eval()
    with torch.no_grad():
        if isinstance(batch, Bags):
            log_probs, y = model.forward_bags(batch), batch.labels
        else:
            log_probs = model(batch)
        loss = F.nll_loss(log_probs, y).item()
        accuracy = (log_probs.argmax(dim=1) == y).float().mean().item()
    model.train()
    return loss, accuracy


def _record(epoch: int, model: BoWClassifier, train_bags: Bags, test_bags: Bags) -> EpochRecord:
    train_loss, train_acc = evaluate(model, train_bags)
    test_loss = test_acc = None
    if len(test_bags):
        test_loss, test_acc = evaluate(model, test_bags)
    return EpochRecord(epoch, train_loss, train_acc, test_loss, test_acc)


def _sentences(bags: Bags) -> list[tuple[torch.Tensor, torch.Tensor, torch.Tensor]]:
    """Each sentence's (word indices, counts, label), sliced once per run for the per-sentence loop."""
    starts = bags.offsets.tolist() + [len(bags.indices)]
    return [
        (bags.indices[start:end], bags.counts[start:end], bags.labels[row : row + 1])
        for row, (start, end) in enumerate(zip(starts[:-1], starts[1:], strict=True))
    ]


def _batches(bags: Bags, sentences, config: TrainConfig, generator: torch.Generator):
    """(batch, labels) of each update of one epoch: one sentence's (indices, counts), or bags."""
    if config.update_mode == "per_sentence":
        # The tutorial: one update per training sentence, in corpus order.
        for indices, counts, label in sentences:
            yield (indices, counts), label
        return
    order = torch.randperm(len(bags), generator=generator)
    for index in order.split(config.batch_size):
        batch = bags.select(index)
        yield batch, batch.labels


def _forward(model: BoWClassifier, batch) -> torch.Tensor:
    return model.forward_bags(batch) if isinstance(batch, Bags) else model.forward_sentence(*batch)


def train(
    dataset: Dataset,
    config: TrainConfig = TrainConfig(),
    on_epoch: ProgressCallback | None = None,
    initial_state: dict[str, torch.Tensor] | None = None,
) -> TrainingResult:
    """Train a fresh classifier on `dataset` as `config` says.

    `initial_state` (a state dict) replaces the seeded initial weights, so that several
    optimisers can start from the same point. Raises ValueError for bad settings and
    DivergenceError when the loss stops being finite.
    """
    config.check()
    device = resolve_device(config.device)
    model = seeded_model(config.seed, len(dataset.labels), len(dataset.vocab), config.tutorial_draws)
    if initial_state is not None:
        model.load_state_dict(initial_state)
    model.to(device)
    train_bags, test_bags = dataset.train.to(device), dataset.test.to(device)
    # Fused Adam/AdamW: the exported script's plain optim.Adam gives the same weights to about 1e-7.
    optimizer = make_optimizer(config.optimizer, model.parameters(), config.lr, fused=True)
    # Shuffling draws from its own generator so it never disturbs the global seed.
    generator = torch.Generator().manual_seed(config.seed)

    initial_weight = model.linear.weight.detach().cpu().clone()
    initial_bias = model.linear.bias.detach().cpu().clone()
    history = [_record(0, model, train_bags, test_bags)]
    snapshots = SnapshotHistory(snapshot_capacity(len(dataset.labels), len(dataset.vocab)))
    snapshots.add(0, initial_weight)
    status = "completed"

    def result() -> TrainingResult:
        return TrainingResult(
            config=config,
            history=list(history),
            initial_weight=initial_weight,
            initial_bias=initial_bias,
            final_weight=model.linear.weight.detach().cpu().clone(),
            final_bias=model.linear.bias.detach().cpu().clone(),
            weight_history=snapshots.stacked(),
            status=status,
            model=model,
            snapshot_epochs=snapshots.epochs,
        )

    sentences = _sentences(train_bags) if config.update_mode == "per_sentence" else []
    for epoch in range(1, config.epochs + 1):
        for batch, labels in _batches(train_bags, sentences, config, generator):
            model.zero_grad()
            log_probs = _forward(model, batch)
            loss = F.nll_loss(log_probs, labels)
            loss.backward()
            optimizer.step()
        record = _record(epoch, model, train_bags, test_bags)
        if not math.isfinite(record.train_loss):
            status = "diverged"
            raise DivergenceError(epoch, result())
        history.append(record)
        snapshots.add(epoch, model.linear.weight.detach().cpu().clone())
        if on_epoch is not None and on_epoch(record):
            status = "stopped" if epoch < config.epochs else "completed"
            break
    return result()
