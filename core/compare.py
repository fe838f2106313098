"""Several optimisers trained from the same initial weights on the same corpus."""

from __future__ import annotations

from collections.abc import Callable

from core.dataset import Dataset
from core.model import seeded_model
from core.training import DivergenceError, EpochRecord, TrainConfig, TrainingResult, train

# Called with the run's position in `configs` and the epoch just measured; True stops that run.
CompareCallback = Callable[[int, EpochRecord], bool | None]


def compare_optimizers(
    dataset: Dataset,
    configs: list[TrainConfig],
    on_epoch: CompareCallback | None = None,
) -> list[TrainingResult]:
    """Train each config in turn, all starting from the first config's seeded weights.

    A run that diverges does not stop the others: its result has status "diverged" and keeps
    the epochs done before the loss stopped being finite.
    """
    if not configs:
        raise ValueError("give at least one training config to compare")
    first = configs[0]
    start = seeded_model(first.seed, len(dataset.labels), len(dataset.vocab), first.tutorial_draws)
    initial_state = {name: value.detach().clone() for name, value in start.state_dict().items()}
    results = []
    for run_index, config in enumerate(configs):
        callback = None
        if on_epoch is not None:

            def callback(record: EpochRecord, run_index: int = run_index) -> bool | None:
                return on_epoch(run_index, record)

        try:
            results.append(train(dataset, config, callback, initial_state=initial_state))
        except DivergenceError as error:
            results.append(error.result)
    return results
