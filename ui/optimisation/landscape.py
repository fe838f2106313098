"""The landscape: pick a loss surface, its shape, the learning rate, the steps and the start point.

A fragment: every other section walks the landscape chosen here, so a change reruns this section
and the sections on the page that read it (`current`), not the page (each of them then finds its
computations and charts in the cache when a value comes back).
"""

from __future__ import annotations

import streamlit as st

from core.descent_summary import SurfaceArgs, fmt
from core.surfaces import SURFACES, classifier_labels, classifier_words
from ui.fragments import named, rerun_shown
from ui.markup import plain
from ui.optimisation.compute import ChartText, Landscape, cached_surface
from ui.optimisation.settings import (
    LANDSCAPE,
    LR_OPTIONS,
    READ_KAPPA,
    READ_SURFACE,
    READ_WALK,
    SETTINGS,
    WEIGHT_DEFAULTS,
    OptimisationSettings,
    default,
)
from ui.state import seed
from ui.text import option_labels, t


def _kappa() -> None:
    st.slider(
        t("optimisation.kappa"),
        1,
        50,
        default("kappa"),
        key=SETTINGS.key("kappa"),
        help=t("optimisation.kappa_help"),
        persist_state="session",
        on_change=rerun_shown,
        args=(READ_KAPPA,),
    )


def _weights() -> None:
    labels, words = classifier_labels(), classifier_words()
    for axis in ("x", "y"):
        st.markdown(f"**{t(f'optimisation.weight.{axis}')}**")
        label_default, word_default = WEIGHT_DEFAULTS[axis]
        # A row of A (label) and a column (word): the two halves of one weight's name.
        for column, part, options, chosen in zip(
            st.columns(2), ("label", "word"), (labels, words), (label_default, word_default), strict=True
        ):
            column.selectbox(
                t(f"optimisation.weight.{part}"),
                options,
                index=options.index(chosen),
                key=SETTINGS.key(f"weight_{axis}_{part}"),
                persist_state="session",
                on_change=rerun_shown,
                args=(READ_SURFACE,),
            )


def _start(surface_key: str, surface) -> None:
    if surface_key == "classifier":
        start = surface.start
        st.caption(t("optimisation.start_classifier", x=fmt(start[0]), y=fmt(start[1]), seed=seed()))
        return
    for axis, label, value_range in (
        ("x", t("optimisation.start_x"), surface.x_range),
        ("y", t("optimisation.start_y"), surface.y_range),
    ):
        st.slider(
            label,
            *value_range,
            default(f"start_{surface_key}_{axis}"),
            step=0.05,
            key=SETTINGS.key(f"start_{surface_key}_{axis}"),
            persist_state="session",
            on_change=rerun_shown,
            args=(READ_WALK,),
        )


class Unusable(Exception):
    """Settings that name no surface: the message to show, and the detail of a refused surface."""

    def __init__(self, message: str, detail: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail


def _surface_args(settings: OptimisationSettings) -> SurfaceArgs:
    """The chosen surface as the small tuple that names it (see `surface_from_args`)."""
    key = settings.surface
    weights = (settings.weight_x_label, settings.weight_x_word, settings.weight_y_label, settings.weight_y_word)
    if key != "classifier":
        weights = (*WEIGHT_DEFAULTS["x"], *WEIGHT_DEFAULTS["y"])
    elif weights[:2] == weights[2:]:
        raise Unusable(t("optimisation.error.same_weight"))
    return (key, float(settings.kappa) if key == "bowl" else 10.0, seed() if key == "classifier" else 1, *weights)


def current() -> Landscape:
    """The landscape the settings choose, read from the session (raises `Unusable`).

    Every section calls this itself, so that a section rerun by name walks today's landscape,
    not the one of the run that first drew it.
    """
    settings = SETTINGS.read()
    args = _surface_args(settings)
    try:
        surface = cached_surface(args)
    except ValueError as error:
        raise Unusable(t("optimisation.error.settings"), str(error)) from error
    key = args[0]
    if key == "classifier":
        start = surface.start
        x_title = t("optimisation.axis.weight", label=args[3], word=args[4])
        y_title = t("optimisation.axis.weight", label=args[5], word=args[6])
    else:
        start = (getattr(settings, f"start_{key}_x"), getattr(settings, f"start_{key}_y"))
        x_title, y_title = t("optimisation.axis.x"), t("optimisation.axis.y")
    text = ChartText(
        x_title=x_title,
        y_title=y_title,
        loss_title=t("optimisation.chart.loss"),
        path_title=t("optimisation.chart.path"),
        step_title=t("optimisation.chart.step"),
        manual_label=t("optimisation.manual.path"),
    )
    lr, steps = getattr(settings, f"lr_{key}"), getattr(settings, f"steps_{key}")
    return Landscape(args, float(lr), int(steps), (float(start[0]), float(start[1])), text)


def usable() -> Landscape | None:
    """`current()`, or None when the settings name no surface (the landscape's section says why)."""
    try:
        return current()
    except Unusable:
        return None


def render() -> None:
    st.subheader(t("optimisation.settings"))
    controls()


@named(LANDSCAPE)
def controls() -> None:
    """The settings, and a message in their place when they name no surface."""
    with st.container(border=True):
        choose, shape = st.columns([2, 3])
        with choose:
            surface_key = st.selectbox(
                t("optimisation.surface.label"),
                SURFACES,
                format_func=option_labels("optimisation.surface", SURFACES),
                key=SETTINGS.key("surface"),
                persist_state="session",
                on_change=rerun_shown,
                args=(READ_SURFACE,),
            )
            st.caption(t(f"optimisation.surface.{surface_key}.text"))
        with shape:
            if surface_key == "bowl":
                _kappa()
            if surface_key == "classifier":
                _weights()
        try:
            surface = current().surface
        except Unusable as problem:
            st.error(problem.message, icon=":material/error:")
            if problem.detail:
                st.caption(plain(problem.detail))
            return
        rate, length, where = st.columns(3)
        rate.select_slider(
            t("optimisation.lr"),
            LR_OPTIONS,
            value=default(f"lr_{surface_key}"),
            key=SETTINGS.key(f"lr_{surface_key}"),
            help=t("optimisation.lr_help"),
            persist_state="session",
            on_change=rerun_shown,
            args=(READ_WALK,),
        )
        length.slider(
            t("optimisation.steps"),
            10,
            300,
            default(f"steps_{surface_key}"),
            step=10,
            key=SETTINGS.key(f"steps_{surface_key}"),
            help=t("optimisation.steps_help"),
            persist_state="session",
            on_change=rerun_shown,
            args=(READ_WALK,),
        )
        with where:
            _start(surface_key, surface)
