"""Training the classifier: a config, the loop the tutorial writes, history and stopping."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Literal

import torch
import torch.nn.functional as F

from core.dataset import Dataset
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


@dataclass(frozen=True)
class EpochRecord:
    """Losses and accuracies measured after an epoch (epoch 0 is before training)."""

    epoch: int
    train_loss: float
    train_accuracy: float
    test_loss: float | None
    test_accuracy: float | None


@dataclass
class TrainingResult:
    """What a run produced. `status` is 'completed', 'stopped' or 'diverged'."""

    config: TrainConfig
    history: list[EpochRecord]
    initial_weight: torch.Tensor
    initial_bias: torch.Tensor
    final_weight: torch.Tensor
    final_bias: torch.Tensor
    # Weight matrix after each epoch, shape (epochs done + 1, labels, words), on the CPU.
    weight_history: torch.Tensor
    status: str = "completed"
    model: BoWClassifier | None = field(default=None, repr=False)

    @property
    def epochs_done(self) -> int:
        return self.history[-1].epoch


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


def evaluate(model: BoWClassifier, x: torch.Tensor, y: torch.Tensor) -> tuple[float, float]:
    """Mean NLL loss and accuracy of `model` on rows `x` with labels `y`."""
    model.eval()
    with torch.no_grad():
        log_probs = model(x)
        loss = F.nll_loss(log_probs, y).item()
        accuracy = (log_probs.argmax(dim=1) == y).float().mean().item()
    model.train()
    return loss, accuracy


def _record(epoch: int, model: BoWClassifier, x_train, y_train, x_test, y_test) -> EpochRecord:
    train_loss, train_acc = evaluate(model, x_train, y_train)
    test_loss = test_acc = None
    if len(y_test):
        test_loss, test_acc = evaluate(model, x_test, y_test)
    return EpochRecord(epoch, train_loss, train_acc, test_loss, test_acc)


def _batches(n: int, config: TrainConfig, generator: torch.Generator) -> list[torch.Tensor]:
    if config.update_mode == "per_sentence":
        # The tutorial: one update per training sentence, in corpus order.
        return [torch.tensor([i]) for i in range(n)]
    order = torch.randperm(n, generator=generator)
    return list(order.split(config.batch_size))


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
    x_train, y_train = dataset.x_train.to(device), dataset.y_train.to(device)
    x_test, y_test = dataset.x_test.to(device), dataset.y_test.to(device)
    optimizer = make_optimizer(config.optimizer, model.parameters(), config.lr)
    # Shuffling draws from its own generator so it never disturbs the global seed.
    generator = torch.Generator().manual_seed(config.seed)

    initial_weight = model.linear.weight.detach().cpu().clone()
    initial_bias = model.linear.bias.detach().cpu().clone()
    history = [_record(0, model, x_train, y_train, x_test, y_test)]
    snapshots = [initial_weight]
    status = "completed"

    def result() -> TrainingResult:
        return TrainingResult(
            config=config,
            history=list(history),
            initial_weight=initial_weight,
            initial_bias=initial_bias,
            final_weight=model.linear.weight.detach().cpu().clone(),
            final_bias=model.linear.bias.detach().cpu().clone(),
            weight_history=torch.stack(snapshots),
            status=status,
            model=model,
        )

    for epoch in range(1, config.epochs + 1):
        for index in _batches(len(y_train), config, generator):
            index = index.to(device)
            model.zero_grad()
            log_probs = model(x_train[index])
            loss = F.nll_loss(log_probs, y_train[index])
            loss.backward()
            optimizer.step()
        record = _record(epoch, model, x_train, y_train, x_test, y_test)
        if not math.isfinite(record.train_loss):
            status = "diverged"
            raise DivergenceError(epoch, result())
        history.append(record)
        snapshots.append(model.linear.weight.detach().cpu().clone())
        if on_epoch is not None and on_epoch(record):
            status = "stopped" if epoch < config.epochs else "completed"
            break
    return result()
