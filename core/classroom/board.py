"""The instructor's board: entries ranked, the room's summary, and which settings did best."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import replace

from core.classroom.contract import (
    BoardSummary,
    Entry,
    Setting,
    SettingGroup,
)

# ---------------------------------------------------------------- ranking and summaries


def rank_key(entry: Entry) -> tuple:
    """Best first: met the challenge, higher test accuracy, lower test loss, fewer epochs, submitted earlier.

    Runs without test sentences come after all runs with them.
    """
    no_test = entry.test_accuracy is None
    return (
        entry.met_challenge is False,
        no_test,
        -(entry.test_accuracy or 0.0),
        entry.test_loss if entry.test_loss is not None else math.inf,
        entry.epochs,
        entry.id,
    )


def ranked(entries: Sequence[Entry]) -> tuple[Entry, ...]:
    """The entries best first, each with its 1-based `rank` (ties are broken by the key, never shared)."""
    ordered = sorted(entries, key=rank_key)
    return tuple(replace(entry, rank=position) for position, entry in enumerate(ordered, start=1))


def summarize(participants: int, entries: Sequence[Entry]) -> BoardSummary:
    accuracies = [entry.test_accuracy for entry in entries if entry.test_accuracy is not None]
    return BoardSummary(
        participants=participants,
        entries=len(entries),
        best_test_accuracy=max(accuracies) if accuracies else None,
        median_test_accuracy=statistics.median(accuracies) if accuracies else None,
        worst_test_accuracy=min(accuracies) if accuracies else None,
        met_challenge=len({entry.participant_id for entry in entries if entry.met_challenge}),
    )


def settings_groups(entries: Sequence[Entry]) -> tuple[SettingGroup, ...]:
    """For each setting whose value differed between runs: one group per value, best mean first."""
    values: dict[str, dict[tuple[type, Setting], list[Entry]]] = {}
    for entry in entries:
        for name, value in entry.settings.items():
            # The type is part of the key: True, 1 and 1.0 are different settings here.
            values.setdefault(name, {}).setdefault((type(value), value), []).append(entry)
    groups: list[SettingGroup] = []
    for name in sorted(values):
        if len(values[name]) < 2:
            continue
        per_value = []
        for (_, value), runs in values[name].items():
            accuracies = [run.test_accuracy for run in runs if run.test_accuracy is not None]
            per_value.append(
                SettingGroup(
                    name=name,
                    value=value,
                    runs=len(runs),
                    mean_test_accuracy=statistics.fmean(accuracies) if accuracies else None,
                    best_test_accuracy=max(accuracies) if accuracies else None,
                )
            )
        per_value.sort(key=lambda g: (g.mean_test_accuracy is None, -(g.mean_test_accuracy or 0.0), -g.runs))
        groups.extend(per_value)
    return tuple(groups)
