"""The sections of the objectives page, one concept per module; the page's settings and shared state here."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from core import objectives_lesson
from core.objectives_lesson import SOURCES
from core.pitfalls import PITFALLS
from core.scores import MAX_SCORES
from ui.links import Between, Choice, Text, from_settings
from ui.settings import PageSettings
from ui.state import seed


@dataclass(frozen=True)
class ObjectivesSettings:
    quiz: str | None = None
    source: str = "sure_0"
    custom: str = "2, 1, 0.1"
    target: int = 0
    pitfall: str = "raw_into_nll"
    rows: int = 3
    classes: int = 4


SETTINGS = PageSettings("objectives", ObjectivesSettings)
LINKS = from_settings(
    SETTINGS,
    {
        "source": Choice(SOURCES),
        "custom": Text(),
        "target": Between(0, MAX_SCORES - 1, 1),  # a class the scores lack falls back to 0 on the page
        "pitfall": Choice(PITFALLS),
        "rows": Between(1, 6, 1),
        "classes": Between(2, 6, 1),
    },
)
DEFAULTS = SETTINGS.defaults()


@st.cache_data(max_entries=64, show_spinner=False)
def _scores(source: str, custom: str, chosen_seed: int) -> tuple[float, ...]:
    return objectives_lesson.example_scores(source, custom, chosen_seed)


def current_scores() -> tuple[float, ...]:
    """The example's raw scores the settings and the sidebar's seed choose (ValueError for bad typed text)."""
    settings = SETTINGS.read()
    custom = settings.custom if settings.source == "custom" else ""
    chosen_seed = seed() if settings.source == "random" else 0
    return _scores(settings.source, custom, chosen_seed)
