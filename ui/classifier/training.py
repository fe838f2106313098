"""Training: the controls, Train and Stop, a live progress bar and loss chart, and what went wrong."""

from __future__ import annotations

import logging
import time

import streamlit as st

from charts.classifier import history_chart
from core.dataset import Dataset
from core.export import reproduction_script
from core.limits import work_over_limit
from core.optimizers import OPTIMIZERS
from core.run_cache import RUN_CACHE, run_key
from core.training import UPDATE_MODES, DivergenceError, EpochRecord, TrainConfig, TrainingResult, train
from ui.classifier import state, suggestion
from ui.classifier.texts import history_texts
from ui.classroom import in_classifier
from ui.limits import limit_text
from ui.markup import plain
from ui.quiz import predict_then_reveal
from ui.state import device, seed
from ui.text import option_labels, t

LEARNING_RATES: tuple[float, ...] = (
    0.0001,
    0.0003,
    0.001,
    0.003,
    0.01,
    0.02,
    0.03,
    0.05,
    0.1,
    0.3,
    1.0,
    3.0,
    10.0,
    30.0,
    100.0,
)
THROTTLE_SECONDS = 0.25  # at most four redraws a second, so drawing never dominates training
REPLAY_SECONDS = 0.8  # a shared run's curve is drawn in this long, so the room still sees it learn
REPLAY_FRAMES = 16
CODE_MAX_ROWS = 200  # a longer corpus makes the script too long to read on screen
QUIZ_OPTIONS: tuple[str, ...] = ("up", "down", "same")


def render_controls() -> None:
    key = state.SETTINGS.key
    st.button(
        t("classifier.train.tutorial_settings"),
        key="classifier.tutorial_settings",
        on_click=state.use_tutorial_settings,
        icon=":material/school:",
    )
    st.caption(t("classifier.train.tutorial_settings_text"))
    first, second, third = st.columns(3, gap="medium")
    with first:
        st.selectbox(
            t("classifier.train.optimizer"),
            list(OPTIMIZERS),
            key=key("optimizer"),
            format_func=option_labels("classifier.opt", OPTIMIZERS),
            persist_state="session",
        )
        st.select_slider(
            t("classifier.train.lr"),
            LEARNING_RATES,
            key=key("lr"),
            format_func=lambda lr: f"{lr:g}",
            help=t("classifier.train.lr_help"),
            persist_state="session",
        )
        st.number_input(
            t("classifier.train.epochs"),
            min_value=1,
            max_value=2000,
            step=10,
            key=key("epochs"),
            persist_state="session",
        )
    with second:
        st.radio(
            t("classifier.train.update_mode"),
            list(UPDATE_MODES),
            key=key("update_mode"),
            format_func=option_labels("classifier.mode", UPDATE_MODES),
            persist_state="session",
        )
        st.number_input(
            t("classifier.train.batch_size"),
            min_value=1,
            max_value=4096,
            step=8,
            key=key("batch_size"),
            persist_state="session",
            disabled=state.SETTINGS.read().update_mode != "minibatch",
        )
    with third:
        # One owner: the sidebar sets seed and device for every page, this run included.
        st.caption(t("classifier.train.from_sidebar", seed=seed(), device=device()))
        st.toggle(
            t("classifier.train.tutorial_draws"),
            key=key("tutorial_draws"),
            help=t("classifier.train.tutorial_draws_help"),
            persist_state="session",
        )
        with st.popover(t("classifier.train.text_options"), icon=":material/text_fields:"):
            st.toggle(t("classifier.train.lowercase"), key=key("lowercase"), persist_state="session")
            st.toggle(t("classifier.train.strip_punctuation"), key=key("strip_punctuation"), persist_state="session")
            st.toggle(
                t("classifier.train.vocab_from_test"),
                key=key("vocab_from_test"),
                help=t("classifier.train.vocab_from_test_help"),
                persist_state="session",
            )


def render_question() -> None:
    """Predict, then reveal: which way does a word's weight move?"""
    with st.container(border=True):
        predict_then_reveal(
            t("classifier.quiz.question"),
            QUIZ_OPTIONS,
            option_labels("classifier.quiz", QUIZ_OPTIONS),
            correct="up",
            right=t("classifier.quiz.right"),
            wrong=t("classifier.quiz.wrong"),
            key="classifier.quiz",
            horizontal=True,
        )


def run_training(data: Dataset, config: TrainConfig) -> None:
    """Train with live feedback; Stop (or any click) ends the run after an epoch but keeps it.

    Streamlit stops a run by raising at its next call, and once stopped every further call,
    st.session_state included, raises again. So the result goes into a hand-over that is already
    in the session (`state.start_training`), and the next run collects it from there.
    """
    st.session_state.pop(state.FAILURE, None)
    handover = state.start_training()
    progress = st.progress(0.0, text=t("classifier.train.starting"))
    chart = st.empty()
    live: list[EpochRecord] = []
    last_draw = [0.0]
    interrupted: list[BaseException] = []
    texts = history_texts()
    progress_text = t("classifier.train.progress", epoch="{epoch}", epochs=config.epochs)

    def on_epoch(record: EpochRecord) -> bool | None:
        live.append(record)
        # Measured from the end of the last draw, so a slow draw cannot end up on every epoch.
        if time.monotonic() - last_draw[0] < THROTTLE_SECONDS and record.epoch < config.epochs:
            return None
        try:
            progress.progress(record.epoch / config.epochs, text=progress_text.format(epoch=record.epoch))
            chart.altair_chart(history_chart(live, texts), width="stretch", alt=t("alt.classifier.loss"))
        except BaseException as error:  # noqa: BLE001 - Streamlit interrupts a run (Stop) by raising here
            interrupted.append(error)
            return True  # ask train() to stop after this epoch, so its result is kept
        last_draw[0] = time.monotonic()
        return None

    trained_here = []

    def train_here() -> TrainingResult:
        trained_here.append(True)
        return train(data, config, on_epoch)

    # Training is deterministic: a room pressing Train on the same corpus and settings shares one run.
    key = run_key(data.rows, data.options, handover.vocab_from_test, config)
    try:
        result = RUN_CACHE.get_or_train(key, train_here)
        handover.run = state.Run(result, data, handover.options, handover.vocab_from_test, shared=not trained_here)
    except DivergenceError as error:
        handover.failure = ("diverged", error.epoch, config.lr)
    except ValueError as error:
        handover.failure = ("invalid", str(error), None)
    except Exception as error:  # noqa: BLE001 - a failed run must leave the corpus and the last run usable
        logging.getLogger(__name__).exception("training failed")
        handover.failure = ("error", str(error) or type(error).__name__, None)
    finally:
        handover.done.set()
    if interrupted:
        raise interrupted[0]
    if handover.run is not None and handover.run.shared:
        replay(handover.run.result.history, progress, chart, config.epochs)
    state.collect_training()
    progress.empty()
    chart.empty()


def replay(history: list[EpochRecord], progress, chart, epochs: int) -> None:
    """Draw a shared run's loss curve as if it were training now, in about REPLAY_SECONDS."""
    texts = history_texts()
    frames = min(REPLAY_FRAMES, len(history))
    for frame in range(1, frames + 1):
        shown = history[: max(1, round(frame * len(history) / frames))]
        progress.progress(
            shown[-1].epoch / max(1, epochs), text=t("classifier.train.progress", epoch=shown[-1].epoch, epochs=epochs)
        )
        chart.altair_chart(history_chart(shown, texts), width="stretch", alt=t("alt.classifier.loss"))
        time.sleep(REPLAY_SECONDS / frames)


def render_failure() -> None:
    failure = st.session_state.get(state.FAILURE)
    if failure is None:
        return
    kind, detail, lr = failure
    if kind == "diverged":
        st.error(t("classifier.train.diverged", epoch=detail, lr=f"{lr:g}"), icon=":material/warning:")
    else:
        st.error(t("classifier.train.invalid" if kind == "invalid" else "failure.train"), icon=":material/error:")
        st.caption(t("failure.detail", detail=plain(detail)))


def render_summary() -> None:
    run = state.run_or_notice()
    if run is None:
        return
    result = run.result
    last = result.history[-1]
    if result.status == "imported":
        st.info(t("classifier.train.imported"), icon=":material/upload_file:")
    elif result.status == "stopped":
        st.warning(
            t("classifier.train.stopped", done=result.epochs_done, epochs=result.config.epochs),
            icon=":material/stop_circle:",
        )
    else:
        st.success(t("classifier.train.done", epochs=result.epochs_done), icon=":material/check_circle:")
    if run.shared:
        st.caption(t("classifier.train.shared"))
    columns = st.columns(4)
    columns[0].metric(
        t("classifier.metric.train_loss"),
        f"{last.train_loss:.4f}",
        delta=f"{last.train_loss - result.history[0].train_loss:+.4f}",
        delta_color="inverse",
    )
    columns[1].metric(t("classifier.metric.train_accuracy"), f"{last.train_accuracy:.0%}")
    if last.test_loss is not None:
        columns[2].metric(
            t("classifier.metric.test_loss"),
            f"{last.test_loss:.4f}",
            delta=f"{last.test_loss - result.history[0].test_loss:+.4f}",
            delta_color="inverse",
        )
        columns[3].metric(t("classifier.metric.test_accuracy"), f"{last.test_accuracy:.0%}")
    st.altair_chart(history_chart(result.history, history_texts()), width="stretch", alt=t("alt.classifier.loss"))
    if state.dataset() is not run.dataset:
        st.caption(t("classifier.train.stale"))


def render(data: Dataset | None) -> None:
    st.caption(t("classifier.train.intro"))
    render_controls()
    render_question()
    if data is None:
        count = len(state.problems()) + len(state.over_limits(state.corpus_rows()))
        st.warning(t("classifier.train.fix_corpus", count=count), icon=":material/block:")
    config = state.train_config()
    too_much = (
        None if data is None else work_over_limit(config.epochs, len(data.train), suggestion.run_seconds(data, config))
    )
    if too_much is not None:
        st.warning(limit_text(too_much), icon=":material/block:")
    buttons = st.columns([1, 1, 4])
    clicked = buttons[0].button(
        t("classifier.train.button"),
        key="classifier.train",
        type="primary",
        disabled=data is None or too_much is not None,
        icon=":material/play_arrow:",
        width="stretch",
    )
    buttons[1].button(
        t("classifier.train.stop"),
        key="classifier.stop",
        icon=":material/stop:",
        help=t("classifier.train.stop_help"),
        width="stretch",
    )
    if data is not None:
        with st.expander(t("classifier.train.code"), icon=":material/code:"):
            if len(data.rows) <= CODE_MAX_ROWS:
                script = reproduction_script(data.rows, state.train_config(), data.options, state.vocab_from_test())
                st.code(script, language="python")
            else:
                st.caption(t("classifier.train.code_large", rows=len(data.rows)))
    if data is not None:
        suggestion.render(data, state.train_config())
    if clicked and data is not None and too_much is None:
        run_training(data, state.train_config())
    render_failure()
    render_summary()
    in_classifier.render_room_panel()
