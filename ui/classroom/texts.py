"""A room's numbers and settings as a reader sees them: translated, compact, percentages."""

from __future__ import annotations

from collections.abc import Mapping

from core.classroom import Challenge, Setting
from core.optimizers import OPTIMIZERS
from core.training import UPDATE_MODES
from ui.classifier import state
from ui.classroom.bridge import FLAGS
from ui.markup import plain
from ui.text import t


def percent(value: float | None) -> float | None:
    """An accuracy (0..1) as a table shows it: 0..100, with "%.1f%%"."""
    return None if value is None else 100 * value


def percent_text(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def challenge_text(challenge: Challenge) -> str:
    return t("classroom.challenge.text", target=f"{challenge.target_accuracy:.0%}", epochs=challenge.max_epochs)


def value_text(name: str, value: Setting) -> str:
    """One setting's value, translated where it is a choice."""
    if value is None:
        return "—"
    if name == "optimizer" and value in OPTIMIZERS:
        return t(f"classifier.opt.{value}")
    if name == "update_mode" and value in UPDATE_MODES:
        return t(f"classroom.mode.{value}")
    if isinstance(value, bool):
        return t("classroom.on") if value else t("classroom.off")
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def settings_text(settings: Mapping[str, Setting]) -> str:
    """Settings on one line: optimiser, learning rate, epochs, updates, seed, and flags off their default."""
    parts = []
    if "optimizer" in settings:
        parts.append(value_text("optimizer", settings["optimizer"]))
    if isinstance(settings.get("lr"), int | float):
        parts.append(t("classroom.settings.lr", lr=f"{settings['lr']:g}"))
    if type(settings.get("epochs")) is int:
        parts.append(t("classroom.settings.epochs", epochs=settings["epochs"]))
    if settings.get("update_mode") == "minibatch":
        parts.append(t("classroom.settings.batch", batch=settings.get("batch_size")))
    elif settings.get("update_mode") == "per_sentence":
        parts.append(t("classroom.mode.per_sentence"))
    if "seed" in settings:
        parts.append(t("classroom.settings.seed", seed=settings["seed"]))
    defaults = state.SETTINGS.defaults()
    for flag in FLAGS:
        if flag in settings and settings[flag] != getattr(defaults, flag):
            parts.append(t(f"classroom.setting.{flag}") + " " + value_text(flag, settings[flag]))
    return " · ".join(str(part) for part in parts)


def settings_markup(settings: Mapping[str, Setting]) -> str:
    """`settings_text` for formatted text (captions, labels, help), escaped.

    A room stores any text as a setting's value; whoever published it, it shows literally.
    Tables and charts take `settings_text` itself.
    """
    return plain(settings_text(settings))
