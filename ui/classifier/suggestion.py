"""Settings that fit the corpus: what a run will cost, and the proposal for a corpus larger than the tutorial's.

The tutorial's settings (one SGD update per sentence, 100 epochs) take minutes on thousands
of sentences. When a larger corpus is loaded the page switches to the settings
`core.suggest` proposes and says why; the tutorial's settings stay one click away.
"""

from __future__ import annotations

import streamlit as st

from core.dataset import Dataset
from core.suggest import TUTORIAL, Suggestion, estimate_seconds, suggested_settings
from core.training import TrainConfig
from ui.classifier import state
from ui.text import t

PENDING = "classifier.suggest_pending"  # set when a corpus is loaded: propose settings for it
APPLIED = "classifier.suggest_applied"  # the suggestion applied on loading, explained while it holds
SLOW_SECONDS = 5.0  # a run estimated longer than this gets the proposal offered beside Train


def suggestion_for(data: Dataset) -> Suggestion:
    return suggested_settings(len(data.train), len(data.vocab), len(data.labels), len(data.test))


def run_seconds(data: Dataset, config: TrainConfig) -> float:
    """The cost model's estimate for training `data` with `config`."""
    return estimate_seconds(
        config.update_mode,
        config.epochs,
        len(data.train),
        len(data.test),
        len(data.vocab),
        len(data.labels),
        config.batch_size,
    )


def use(suggestion: Suggestion) -> None:
    """Put the suggested settings into the training controls."""
    state.SETTINGS.write(
        optimizer=suggestion.optimizer,
        lr=suggestion.lr,
        epochs=suggestion.epochs,
        update_mode=suggestion.update_mode,
        batch_size=suggestion.batch_size,
    )


def corpus_loaded() -> None:
    """Called when a preset or a file replaces the corpus: propose settings once it is prepared."""
    st.session_state[PENDING] = True


def propose_for_new_corpus(data: Dataset | None) -> None:
    """After a corpus was loaded: switch a large one to the suggested settings (the page calls this)."""
    if not st.session_state.pop(PENDING, False) or data is None:
        return
    suggestion = suggestion_for(data)
    if suggestion.reason_code == "tutorial_settings":
        return
    use(suggestion)
    st.session_state[APPLIED] = suggestion


def reason_text(data: Dataset, suggestion: Suggestion) -> str:
    """Why these settings, with the numbers that make the case."""
    tutorial = run_seconds(data, TUTORIAL)
    return t(
        f"classifier.suggest.reason.{suggestion.reason_code}",
        rows=f"{len(data.train):,}",
        tutorial_seconds=seconds_text(tutorial),
        batch=suggestion.batch_size,
        lr=f"{suggestion.lr:g}",
        epochs=suggestion.epochs,
        seconds=seconds_text(suggestion.estimated_seconds),
    )


def seconds_text(seconds: float) -> str:
    """A duration as a reader wants it: tenths below ten seconds, whole seconds up to a few minutes."""
    if seconds < 0.1:
        return t("classifier.suggest.instant")
    if seconds < 10:
        return t("classifier.suggest.seconds", seconds=f"{seconds:.1f}")
    if seconds < 120:
        return t("classifier.suggest.seconds", seconds=f"{seconds:.0f}")
    return t("classifier.suggest.minutes", minutes=f"{seconds / 60:.0f}")


def render(data: Dataset, config: TrainConfig) -> None:
    """Beside the Train button: the estimate, the proposal if these settings are slow, and a notice once applied."""
    suggestion = suggestion_for(data)
    applied = st.session_state.get(APPLIED)
    if applied is not None and applied.apply(config) == config:
        st.info(t("classifier.suggest.applied") + " " + reason_text(data, applied), icon=":material/bolt:")
    else:
        st.session_state.pop(APPLIED, None)  # the learner changed the settings: the reason no longer applies
    seconds = run_seconds(data, config)
    if seconds > SLOW_SECONDS and suggestion.reason_code != "tutorial_settings":
        st.warning(
            t("classifier.suggest.slow", seconds=seconds_text(seconds)) + " " + reason_text(data, suggestion),
            icon=":material/hourglass_top:",
        )
        st.button(
            t("classifier.suggest.use"),
            key="classifier.use_suggestion",
            on_click=use,
            args=(suggestion,),
            icon=":material/bolt:",
        )
    st.caption(t("classifier.suggest.estimate", seconds=seconds_text(seconds)))
