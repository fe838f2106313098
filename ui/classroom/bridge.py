"""What travels between the classifier and a room: its corpus, its settings, and a finished run.

Settings travel as a flat mapping of the classifier's own names (`SETTING_NAMES`) to plain values,
the form `core.classroom` accepts. A submitted run carries the settings it was trained with (not
whatever the controls show now), its final numbers and its training-loss curve, never the corpus.
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from core.classroom import Publication, RunResult, Setting
from core.optimizers import OPTIMIZERS
from core.training import UPDATE_MODES
from ui.classifier import state, suggestion
from ui.state import device, seed, set_seed_and_device
from ui.text import t

# The settings a run is compared by, in the order the board shows them.
SETTING_NAMES: tuple[str, ...] = (
    "optimizer",
    "lr",
    "epochs",
    "update_mode",
    "batch_size",
    "seed",
    "tutorial_draws",
    "lowercase",
    "strip_punctuation",
    "vocab_from_test",
)
FLAGS: tuple[str, ...] = ("tutorial_draws", "lowercase", "strip_punctuation", "vocab_from_test")


def current_settings() -> dict[str, Setting]:
    """The classifier's settings now, with the sidebar's seed: what an instructor publishes."""
    settings = state.SETTINGS.read()
    values: dict[str, Setting] = {
        name: getattr(settings, name) for name in SETTING_NAMES if name in state.SETTINGS.names
    }
    values["seed"] = seed()
    if values["update_mode"] != "minibatch":
        values["batch_size"] = None  # not used one sentence at a time: runs should not differ by it
    return {name: values[name] for name in SETTING_NAMES}


def run_settings(run: state.Run) -> dict[str, Setting]:
    """The settings `run` was trained with."""
    config = run.result.config
    return {
        "optimizer": config.optimizer,
        "lr": config.lr,
        "epochs": config.epochs,
        "update_mode": config.update_mode,
        "batch_size": config.batch_size if config.update_mode == "minibatch" else None,
        "seed": config.seed,
        "tutorial_draws": config.tutorial_draws,
        "lowercase": run.options.lowercase,
        "strip_punctuation": run.options.strip_punctuation,
        "vocab_from_test": run.vocab_from_test,
    }


def can_submit(run: state.Run | None) -> bool:
    """A run trained here (completed or stopped after an epoch at least); imported weights have no curve."""
    return run is not None and run.result.status in ("completed", "stopped") and run.result.epochs_done >= 1


def run_result(run: state.Run) -> RunResult:
    """The run as a room receives it: settings, final losses and accuracies, epochs, the loss curve."""
    history = run.result.history
    last = history[-1]
    return RunResult(
        settings=run_settings(run),
        train_loss=last.train_loss,
        train_accuracy=last.train_accuracy,
        test_loss=last.test_loss,
        test_accuracy=last.test_accuracy,
        epochs=run.result.epochs_done,
        curve=[record.train_loss for record in history],  # epoch 0 (before training) first
    )


def load_corpus(publication: Publication) -> None:
    """Put the room's corpus into the classifier (a callback). The learner may change it freely after."""
    if publication.corpus is None:
        return
    state.init_state()  # the classifier may not have run in this session yet
    state.set_rows(state.rows_to_dicts(publication.corpus))
    if publication.settings:
        # The instructor chose settings for this corpus: no proposal of other ones on loading it.
        st.session_state.pop(suggestion.PENDING, None)
    else:
        suggestion.corpus_loaded()
    st.session_state[state.NOTICE] = t("classroom.corpus_loaded", rows=len(publication.corpus))


def apply_settings(published: Mapping[str, Setting]) -> None:
    """Put the room's settings into the classifier's controls (a callback); values they cannot take are skipped."""
    # Imported here: the Train tab shows the room's panel, which imports this module.
    from ui.classifier.training import LEARNING_RATES

    state.init_state()
    # The bounds of the Train tab's controls (ui/classifier/training.py): a value outside would raise there.
    # `type(...) is` rather than isinstance: True is an int and equals 1.0, but is no epoch count or rate.
    valid = {
        "optimizer": lambda value: value in OPTIMIZERS,
        "lr": lambda value: type(value) is float and value in LEARNING_RATES,
        "epochs": lambda value: type(value) is int and 1 <= value <= 2000,
        "update_mode": lambda value: value in UPDATE_MODES,
        "batch_size": lambda value: type(value) is int and 1 <= value <= 4096,
        **{flag: lambda value: type(value) is bool for flag in FLAGS},
    }
    values = {name: value for name, value in published.items() if name in valid and valid[name](value)}
    state.SETTINGS.write(**values)
    new_seed = published.get("seed")
    if type(new_seed) is int and 0 <= new_seed < 2**31:
        set_seed_and_device(new_seed, device())
    # These are now the learner's chosen settings: no proposal replaces them, no notice explains another.
    st.session_state.pop(suggestion.PENDING, None)
    st.session_state.pop(suggestion.APPLIED, None)
