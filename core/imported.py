"""A run made from imported weights: 'before' is the seeded start, 'after' the file's weights."""

from __future__ import annotations

from dataclasses import replace

import torch

from core.dataset import Dataset
from core.model import model_from_weights, seeded_model
from core.training import EpochRecord, TrainConfig, TrainingResult, evaluate


def measured(epoch: int, weight: torch.Tensor, bias: torch.Tensor, dataset: Dataset) -> EpochRecord:
    """Losses and accuracies of the classifier with these parameters, as recorded after an epoch."""
    model = model_from_weights(weight, bias)
    train_loss, train_accuracy = evaluate(model, dataset.train)
    test_loss = test_accuracy = None
    if len(dataset.test):
        test_loss, test_accuracy = evaluate(model, dataset.test)
    return EpochRecord(epoch, train_loss, train_accuracy, test_loss, test_accuracy)


def imported_result(dataset: Dataset, config: TrainConfig, weight: torch.Tensor, bias: torch.Tensor) -> TrainingResult:
    """A one-epoch result whose final weights are `weight` and `bias`, starting where `config` seeds the model.

    Its status is "imported", so the views can say where the weights came from.
    """
    start = seeded_model(config.seed, len(dataset.labels), len(dataset.vocab), config.tutorial_draws)
    initial_weight = start.linear.weight.detach().clone()
    initial_bias = start.linear.bias.detach().clone()
    return TrainingResult(
        config=replace(config, epochs=1),
        history=[measured(0, initial_weight, initial_bias, dataset), measured(1, weight, bias, dataset)],
        initial_weight=initial_weight,
        initial_bias=initial_bias,
        final_weight=weight,
        final_bias=bias,
        weight_history=torch.stack([initial_weight, weight]),
        status="imported",
        model=model_from_weights(weight, bias),
        snapshot_epochs=[0, 1],
    )
