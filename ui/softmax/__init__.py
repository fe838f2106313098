"""The sections of the softmax page, one concept per module; the page's settings and shared state here."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from core import softmax_lesson
from core.softmax_lesson import DTYPES, SHIFTS, SOURCES
from ui.links import Between, Choice, Text, from_settings
from ui.settings import PageSettings
from ui.state import seed


@dataclass(frozen=True)
class SoftmaxSettings:
    source: str = "tutorial"
    count: int = 5
    custom: str = "2, 1, 0.1"
    temperature: float = 1.0
    quiz: str | None = None
    shift: int = 100
    dtype: str = "float32"


SETTINGS = PageSettings("softmax", SoftmaxSettings)
LINKS = from_settings(
    SETTINGS,
    {
        "source": Choice(SOURCES),
        "count": Between(2, 10, 1),
        "custom": Text(),
        "temperature": Between(0.1, 5.0, 0.1),
        "shift": Choice(SHIFTS),
        "dtype": Choice(DTYPES),
    },
)
DEFAULTS = SETTINGS.defaults()
# Keys of the page's fragments. The probabilities section also draws the page's code (in the
# container at the bottom that the page hands it), so a temperature step is one fragment rerun;
# the stability section's controls rerun it too, as the code shows their values.
PROBABILITIES = "softmax.section.probabilities"
STABILITY = "softmax.section.stability"


@st.cache_data(max_entries=64, show_spinner=False)
def _scores(source: str, count: int, custom: str, chosen_seed: int) -> tuple[float, ...]:
    return softmax_lesson.lesson_scores(source, count, custom, chosen_seed)


def current_scores() -> tuple[float, ...]:
    """The score vector the settings and the sidebar's seed choose (ValueError for bad typed text)."""
    settings = SETTINGS.read()
    # Only the arguments the source uses, so that other changes still hit the cache.
    count = settings.count if settings.source == "random" else 0
    custom = settings.custom if settings.source == "custom" else ""
    chosen_seed = seed() if settings.source == "random" else 0
    return _scores(settings.source, count, custom, chosen_seed)
