"""A room store for tests: a clock moved by hand, a run to submit, and a check of a refusal's code."""

from __future__ import annotations

import pytest

from core.classroom import ClassroomError, MemoryRoomStore, RunResult


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds


def run(accuracy: float | None = 0.8, loss: float | None = 0.5, epochs: int = 10, **settings) -> RunResult:
    return RunResult(
        settings=settings or {"learning_rate": 0.1},
        train_loss=0.3,
        train_accuracy=0.9,
        test_loss=loss,
        test_accuracy=accuracy,
        epochs=epochs,
        curve=[1.0 / (i + 1) for i in range(epochs)],
    )


def refused(code: str):
    """pytest.raises for a ClassroomError with `code`."""

    class Check:
        def __enter__(self):
            self.raises = pytest.raises(ClassroomError)
            self.info = self.raises.__enter__()
            return self.info

        def __exit__(self, *exc):
            handled = self.raises.__exit__(*exc)
            assert self.info.value.code == code, str(self.info.value)
            return handled

    return Check()


def new_store() -> tuple[MemoryRoomStore, Clock]:
    """An empty store on a clock of its own."""
    clock = Clock()
    return MemoryRoomStore(now=clock), clock
