"""Compare 2 to 4 optimisers trained from the same initial weights on the same corpus."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from charts.classifier import comparison_chart
from core.compare import compare_optimizers
from core.dataset import Dataset
from core.limits import work_over_limit
from core.optimizers import OPTIMIZERS
from core.training import METRICS, EpochRecord, TrainingResult
from ui.classifier import state
from ui.classifier.suggestion import run_seconds
from ui.classifier.training import LEARNING_RATES
from ui.limits import limit_text
from ui.markup import plain
from ui.text import option_labels, t

DEFAULT_CHOICE = ["sgd", "adam"]
DEFAULT_RATES = {
    "sgd": 0.1,
    "sgd_momentum": 0.1,
    "nesterov": 0.1,
    "adam": 0.01,
    "adamw": 0.01,
    "rmsprop": 0.01,
    "adagrad": 0.1,
}


def run_name(optimizer: str, lr: float) -> str:
    return f"{t(f'classifier.opt.{optimizer}')} (lr {lr:g})"


def without_snapshots(result: TrainingResult) -> TrainingResult:
    """A compared run as the session keeps it: curves, status and end points, without snapshots or model.

    The comparison draws only the curves; a run's weight snapshots take up to 32 MB on the
    largest corpus, four runs a comparison, for as long as the session lasts.
    """
    empty = result.weight_history.new_empty((0, *result.weight_history.shape[1:]))
    return replace(result, weight_history=empty, snapshot_epochs=[], model=None)


def run_comparison(data: Dataset, choices: list[str]) -> None:
    base = state.train_config()
    configs = [
        replace(base, optimizer=name, lr=float(st.session_state[f"classifier.compare_lr.{name}"])) for name in choices
    ]
    total = len(configs) * base.epochs
    progress = st.progress(0.0, text=t("classifier.compare.running"))
    done = [0]

    def on_epoch(run_index: int, record: EpochRecord) -> None:
        done[0] += 1
        if done[0] % max(1, total // 50) == 0:
            progress.progress(
                min(done[0] / total, 1.0), text=t("classifier.compare.progress", run=run_index + 1, runs=len(configs))
            )

    try:
        results = compare_optimizers(data, configs, on_epoch)
    except Exception as error:  # noqa: BLE001 - bad settings or a bug: a message, and the session goes on
        progress.empty()
        st.error(
            t("classifier.train.invalid" if isinstance(error, ValueError) else "failure.compare"),
            icon=":material/error:",
        )
        st.caption(t("failure.detail", detail=plain(str(error))))
        return
    progress.empty()
    st.session_state[state.COMPARISON] = [
        (run_name(c.optimizer, c.lr), without_snapshots(r)) for c, r in zip(configs, results, strict=True)
    ]


@st.fragment
def render_comparison(data: Dataset | None) -> None:
    choices = st.multiselect(
        t("classifier.compare.optimizers"),
        list(OPTIMIZERS),
        default=DEFAULT_CHOICE,
        max_selections=4,
        format_func=option_labels("classifier.opt", OPTIMIZERS),
        key="classifier.compare_choice",
    )
    if choices:
        columns = st.columns(len(choices))
        for column, name in zip(columns, choices, strict=True):
            st.session_state.setdefault(f"classifier.compare_lr.{name}", DEFAULT_RATES.get(name, 0.1))
            column.select_slider(
                t("classifier.compare.lr", name=t(f"classifier.opt.{name}")),
                LEARNING_RATES,
                key=f"classifier.compare_lr.{name}",
                format_func=lambda lr: f"{lr:g}",
            )
    config = state.train_config()
    st.caption(
        t(
            "classifier.compare.shared",
            epochs=config.epochs,
            seed=config.seed,
            mode=t(f"classifier.mode.{config.update_mode}"),
        )
    )
    enough = 2 <= len(choices) <= 4
    if not enough:
        st.warning(t("classifier.compare.choose"), icon=":material/rule:")
    # Each optimiser is a run of its own: the work limit counts all of them together.
    runs = max(1, len(choices))
    too_much = (
        None
        if data is None
        else work_over_limit(config.epochs * runs, len(data.train), runs * run_seconds(data, config))
    )
    if too_much is not None:
        st.warning(limit_text(too_much), icon=":material/block:")
    clicked = st.button(
        t("classifier.compare.button"),
        key="classifier.compare_run",
        type="primary",
        disabled=data is None or not enough or too_much is not None,
        icon=":material/compare_arrows:",
    )
    if clicked and data is not None and enough and too_much is None:
        run_comparison(data, choices)
    comparison = st.session_state.get(state.COMPARISON)
    if not comparison:
        return
    metric = st.segmented_control(
        t("classifier.compare.metric"),
        METRICS,
        key="classifier.compare_metric",
        default="train_loss",
        required=True,
        format_func=option_labels("classifier.metric", METRICS),
    )
    metric = metric or "train_loss"
    texts = {
        "epoch": t("classifier.axis.epoch"),
        "value": t(f"classifier.metric.{metric}"),
        "run": t("classifier.compare.run"),
    }
    histories = {name: result.history for name, result in comparison}
    st.altair_chart(
        comparison_chart(histories, metric, texts),
        width="stretch",
        key="classifier.compare_chart",
        alt=t("alt.classifier.compare", metric=texts["value"]),
    )
    diverged = [name for name, result in comparison if result.status == "diverged"]
    if diverged:
        st.warning(t("classifier.compare.diverged", names=", ".join(diverged)), icon=":material/warning:")


def render(data: Dataset | None) -> None:
    st.caption(t("classifier.compare.intro"))
    if data is None:
        st.info(t("classifier.need_valid_corpus"), icon=":material/info:")
    render_comparison(data)
