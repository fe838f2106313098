"""The affine-maps page's settings (keys "affine.*") and the inputs of a 2-D map, shared by two sections."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st
import torch

from core.grid import PRESET_MAPS, map_from_entries, preset_entries
from core.nonlinearities import NONLINEARITIES
from ui.fragments import rerun_shown
from ui.links import Between, Choice, from_settings
from ui.settings import PageSettings
from ui.text import t

ENTRIES = ("a11", "a12", "a21", "a22", "b1", "b2")  # the six numbers of a 2-D map, in preset_entries' order
_F = preset_entries("rotation")
_G = preset_entries("shear")
# The playground's map f and the composition's g: a number input changes both sections' pictures.
MAP_FRAGMENTS = ["affine.plane", "affine.compose"]


@dataclass(frozen=True)
class AffineSettings:
    in_features: int = 5
    out_features: int = 3
    rows: int = 2
    row: int = 0
    column: int = 0
    f_preset: str = "rotation"
    f_a11: float = _F[0]
    f_a12: float = _F[1]
    f_a21: float = _F[2]
    f_a22: float = _F[3]
    f_b1: float = _F[4]
    f_b2: float = _F[5]
    g_preset: str = "shear"
    g_a11: float = _G[0]
    g_a12: float = _G[1]
    g_a21: float = _G[2]
    g_a22: float = _G[3]
    g_b1: float = _G[4]
    g_b2: float = _G[5]
    between: str = "none"
    quiz: str | None = None


SETTINGS = PageSettings("affine", AffineSettings)


def _map_links(which: str) -> dict[str, Choice | Between]:
    """A map travels as its preset and those of its six numbers that differ from the default map's."""
    return {f"{which}_preset": Choice(PRESET_MAPS), **{f"{which}_{entry}": Between(-5.0, 5.0) for entry in ENTRIES}}


LINKS = from_settings(
    SETTINGS,
    {
        "in_features": Between(1, 8, 1),
        "out_features": Between(1, 6, 1),
        "rows": Between(1, 6, 1),
        **_map_links("f"),
        **_map_links("g"),
        "between": Choice(("none", *NONLINEARITIES)),
    },
)


def entries(settings: AffineSettings, which: str) -> tuple[float, ...]:
    """The six numbers of map `which` ("f" or "g") in the settings."""
    return tuple(float(getattr(settings, f"{which}_{entry}")) for entry in ENTRIES)


def rerun_maps() -> None:
    """A changed map redraws the playground and the composition, which both use f, and nothing else."""
    rerun_shown(MAP_FRAGMENTS)


def map_inputs(which: str, names: tuple[str, str], redraw_both: bool = False) -> tuple[float, ...]:
    """A preset picker and six number inputs for map `which` ("f" or "g"): a 2x2 matrix and a 2-vector.

    A change reruns the section that draws the inputs, or with `redraw_both` the playground and the
    composition together (f is used by both).
    """
    keys = [SETTINGS.key(f"{which}_{entry}") for entry in ENTRIES]
    preset_key = SETTINGS.key(f"{which}_preset")

    def load_preset() -> None:
        for key, value in zip(keys, preset_entries(st.session_state[preset_key]), strict=True):
            st.session_state[key] = value

    def load_preset_and_redraw() -> None:
        load_preset()
        if redraw_both:
            rerun_maps()

    st.session_state.setdefault(preset_key, getattr(SETTINGS.defaults(), f"{which}_preset"))
    if any(key not in st.session_state for key in keys):
        load_preset()
    st.selectbox(
        t("affine.plane.preset"),
        list(PRESET_MAPS),
        format_func=lambda name: t(f"affine.preset.{name}"),
        key=preset_key,
        on_change=load_preset_and_redraw,
        persist_state="session",
    )
    matrix_name, vector_name = names
    # One row of inputs per row of A (with its entry of b), so a narrow window reads them in order.
    for i in (0, 1):
        row_keys = [keys[2 * i], keys[2 * i + 1], keys[4 + i]]
        labels = [f"{matrix_name}[{i}, 0]", f"{matrix_name}[{i}, 1]", f"{vector_name}[{i}]"]
        for column, key, label in zip(st.columns(3), row_keys, labels, strict=True):
            column.number_input(
                label,
                min_value=-5.0,
                max_value=5.0,
                step=0.1,
                format="%.3f",
                key=key,
                on_change=rerun_maps if redraw_both else None,
                persist_state="session",
            )
    return tuple(float(st.session_state[key]) for key in keys)


def as_map(values: tuple[float, ...]) -> tuple[torch.Tensor, torch.Tensor]:
    """The matrix and the vector of a map's six numbers."""
    return map_from_entries(values)
