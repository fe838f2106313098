"""The landscape: pick a loss surface, its shape, the learning rate, the steps and the start point.

Not a fragment: every other section draws on what is chosen here, so a change reruns the page
(each section then finds its computations and charts in the cache).
"""

from __future__ import annotations

import streamlit as st

from core.descent_summary import SurfaceArgs, fmt
from core.surfaces import SURFACES, classifier_labels, classifier_words
from ui.markup import plain
from ui.optimisation.compute import ChartText, Landscape, cached_surface
from ui.optimisation.settings import LR_OPTIONS, SETTINGS, WEIGHT_DEFAULTS, default
from ui.state import seed
from ui.text import option_labels, t


def _kappa() -> float:
    return float(
        st.slider(
            t("optimisation.kappa"),
            1,
            50,
            default("kappa"),
            key=SETTINGS.key("kappa"),
            help=t("optimisation.kappa_help"),
            persist_state="session",
        )
    )


def _weights() -> tuple[str, str, str, str]:
    labels, words = classifier_labels(), classifier_words()
    picked = []
    for axis in ("x", "y"):
        label, word = WEIGHT_DEFAULTS[axis]
        st.markdown(f"**{t(f'optimisation.weight.{axis}')}**")
        left, right = st.columns(2)
        picked.append(
            left.selectbox(
                t("optimisation.weight.label"),
                labels,
                index=labels.index(label),
                key=SETTINGS.key(f"weight_{axis}_label"),
                persist_state="session",
            )
        )
        picked.append(
            right.selectbox(
                t("optimisation.weight.word"),
                words,
                index=words.index(word),
                key=SETTINGS.key(f"weight_{axis}_word"),
                persist_state="session",
            )
        )
    return tuple(picked)  # type: ignore[return-value]


def _start(surface_key: str, surface) -> tuple[float, float]:
    if surface_key == "classifier":
        start = surface.start
        st.caption(t("optimisation.start_classifier", x=fmt(start[0]), y=fmt(start[1]), seed=seed()))
        return start
    return (
        st.slider(
            t("optimisation.start_x"),
            *surface.x_range,
            default(f"start_{surface_key}_x"),
            step=0.05,
            key=SETTINGS.key(f"start_{surface_key}_x"),
            persist_state="session",
        ),
        st.slider(
            t("optimisation.start_y"),
            *surface.y_range,
            default(f"start_{surface_key}_y"),
            step=0.05,
            key=SETTINGS.key(f"start_{surface_key}_y"),
            persist_state="session",
        ),
    )


def render() -> Landscape:
    """Draw the settings; stop the page with a message if they name no surface."""
    st.subheader(t("optimisation.settings"))
    with st.container(border=True):
        choose, shape = st.columns([2, 3])
        with choose:
            surface_key = st.selectbox(
                t("optimisation.surface.label"),
                SURFACES,
                format_func=option_labels("optimisation.surface", SURFACES),
                key=SETTINGS.key("surface"),
                persist_state="session",
            )
            st.caption(t(f"optimisation.surface.{surface_key}.text"))
        kappa, weights = 10.0, (*WEIGHT_DEFAULTS["x"], *WEIGHT_DEFAULTS["y"])
        with shape:
            if surface_key == "bowl":
                kappa = _kappa()
            if surface_key == "classifier":
                weights = _weights()

        if surface_key == "classifier" and weights[:2] == weights[2:]:
            st.error(t("optimisation.error.same_weight"), icon=":material/error:")
            st.stop()
        args: SurfaceArgs = (
            surface_key,
            kappa if surface_key == "bowl" else 10.0,
            seed() if surface_key == "classifier" else 1,
            *weights,
        )
        try:
            surface = cached_surface(args)
        except ValueError as error:
            st.error(t("optimisation.error.settings"), icon=":material/error:")
            st.caption(plain(error))
            st.stop()

        rate, length, where = st.columns(3)
        lr = rate.select_slider(
            t("optimisation.lr"),
            LR_OPTIONS,
            value=default(f"lr_{surface_key}"),
            key=SETTINGS.key(f"lr_{surface_key}"),
            help=t("optimisation.lr_help"),
            persist_state="session",
        )
        steps = length.slider(
            t("optimisation.steps"),
            10,
            300,
            default(f"steps_{surface_key}"),
            step=10,
            key=SETTINGS.key(f"steps_{surface_key}"),
            help=t("optimisation.steps_help"),
            persist_state="session",
        )
        with where:
            start = _start(surface_key, surface)

    if surface_key == "classifier":
        x_title = t("optimisation.axis.weight", label=weights[0], word=weights[1])
        y_title = t("optimisation.axis.weight", label=weights[2], word=weights[3])
    else:
        x_title, y_title = t("optimisation.axis.x"), t("optimisation.axis.y")
    text = ChartText(
        x_title=x_title,
        y_title=y_title,
        loss_title=t("optimisation.chart.loss"),
        path_title=t("optimisation.chart.path"),
        step_title=t("optimisation.chart.step"),
        manual_label=t("optimisation.manual.path"),
    )
    return Landscape(args, float(lr), int(steps), (float(start[0]), float(start[1])), text)
