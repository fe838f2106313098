"""What a link to the classifier carries: the ready-made corpus by name, and the training settings.

A corpus is too large for an address, so a link names the preset the corpus is (core.presets) and
opening it loads that preset. A corpus that is no preset (edited, uploaded) does not travel: the
link then opens the tutorial's corpus, and the copy action says so.
"""

from __future__ import annotations

from functools import cache

import streamlit as st

from core.optimizers import OPTIMIZERS
from core.presets import PRESETS
from core.training import UPDATE_MODES
from ui.classifier import state
from ui.classifier.training import LEARNING_RATES
from ui.links import Between, Choice, Flag, Param, from_settings

PRESET_KEY = "classifier.preset"  # the preset picker's key
DEFAULT_PRESET = "tutorial"  # the corpus a session starts with (state.init_state)


@cache
def _preset_rows(name: str) -> list[dict[str, str]]:
    return state.rows_to_dicts(PRESETS[name])


def corpus_preset() -> str | None:
    """The preset the current corpus is, or None for a corpus of the user's own."""
    rows = st.session_state.get(state.ROWS)
    if rows is None:
        return DEFAULT_PRESET
    return next((name for name in PRESETS if rows == _preset_rows(name)), None)


def load_preset(name: str) -> None:
    """Open a link's preset, unless the corpus is the user's own (Back never replaces their work)."""
    if corpus_preset() is None:
        return
    st.session_state[PRESET_KEY] = name
    st.session_state.setdefault(state.EDITOR_VERSION, 0)
    state.set_rows([dict(row) for row in _preset_rows(name)])


LINKS = (
    Param(
        "preset",
        PRESET_KEY,
        str,
        Choice(PRESETS),
        DEFAULT_PRESET,
        read=corpus_preset,
        write=load_preset,
        untravelled_key="links.custom_corpus",
    ),
    *from_settings(
        state.SETTINGS,
        {
            "optimizer": Choice(OPTIMIZERS),
            "lr": Choice(LEARNING_RATES),
            "epochs": Between(1, 2000, 1),
            "update_mode": Choice(UPDATE_MODES),
            "batch_size": Between(1, 4096, 1),
            "tutorial_draws": Flag(),
            "lowercase": Flag(),
            "strip_punctuation": Flag(),
            "vocab_from_test": Flag(),
        },
    ),
)
