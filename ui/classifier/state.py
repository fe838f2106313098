"""The page's session state: the user's corpus, the settings of a run, and the last run."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import streamlit as st
import torch

from core.corpus import Problem, Row, find_problems
from core.dataset import Dataset, TokenOptions, prepare
from core.devices import available_devices
from core.limits import LIMITS, LimitExceeded, corpus_over_limits
from core.model import BoWClassifier
from core.presets import PRESETS
from core.training import TrainConfig, TrainingResult
from ui.guard import keep_state_on_failure
from ui.state import device, seed
from ui.text import t

MAX_LABELS = LIMITS.labels
COLUMNS: tuple[str, ...] = ("text", "label", "split")

# Session keys, all prefixed with the page name.
ROWS = "classifier.rows"
EDITOR_VERSION = "classifier.editor_version"
DATASET = "classifier.dataset"
RUN = "classifier.run"
LIVE = "classifier.live"
COMPARISON = "classifier.comparison"
NOTICE = "classifier.notice"
TRAINING = "classifier.training"
FAILURE = "classifier.failure"
STOP_WAIT_SECONDS = 20.0  # a stopped run finishes its current epoch before it hands over
SIDEBAR_SEEN = "classifier.sidebar_seen"
# Every option of a selectbox travels to the browser: longer lists (a 50,000-word vocabulary)
# offer their first MAX_CHOICES, and the heatmap draws at most MAX_HEATMAP_WORDS rows.
MAX_CHOICES = 1_000
MAX_HEATMAP_WORDS = 500
REFUSED = "classifier.refused"  # (what was refused: "upload" or "edit", the limits it broke)
# What an action on the corpus or a run may change, restored together when it fails.
GUARDED_KEYS: tuple[str, ...] = (ROWS, EDITOR_VERSION, DATASET, RUN, COMPARISON, TRAINING)

# The tutorial's settings: with the tutorial preset they print the tutorial's numbers.
TUTORIAL_SETTINGS: dict[str, Any] = {
    "classifier.optimizer": "sgd",
    "classifier.lr": 0.1,
    "classifier.epochs": 100,
    "classifier.seed": 1,
    "classifier.update_mode": "per_sentence",
    "classifier.batch_size": 32,
    "classifier.tutorial_draws": True,
    "classifier.lowercase": False,
    "classifier.strip_punctuation": False,
    "classifier.vocab_from_test": True,
}


def init_state() -> None:
    """Defaults the first time the page runs: the tutorial corpus and the tutorial's settings."""
    st.session_state.setdefault(ROWS, rows_to_dicts(PRESETS["tutorial"]))
    st.session_state.setdefault(EDITOR_VERSION, 0)
    for key, value in TUTORIAL_SETTINGS.items():
        if key != "classifier.seed":
            st.session_state.setdefault(key, value)
    # The sidebar's seed and device set the page's own controls, whenever they change there.
    devices = available_devices()
    shared = (seed(), device() if device() in devices else devices[0])
    if st.session_state.get(SIDEBAR_SEEN) != shared:
        st.session_state[SIDEBAR_SEEN] = shared
        st.session_state["classifier.seed"], st.session_state["classifier.device"] = shared
    if st.session_state.get("classifier.device") not in devices:
        st.session_state["classifier.device"] = devices[0]


def use_tutorial_settings() -> None:
    """Button callback: every training control back to the tutorial's value."""
    for key, value in TUTORIAL_SETTINGS.items():
        st.session_state[key] = value
    st.session_state["classifier.device"] = "cpu"


# ---------------------------------------------------------------- the corpus


def rows_to_dicts(rows) -> list[dict[str, str]]:
    return [{"text": row.text, "label": row.label, "split": row.split} for row in rows]


def _cell(value: object) -> str:
    """An editor cell as text: None and NaN (an untouched cell) become ''."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value)


def apply_editor_delta(rows: list[dict[str, str]], delta: dict | None) -> list[dict[str, str]]:
    """The table after a data_editor delta: cell edits, then deletions, then added rows.

    Positions in the delta refer to the table the editor was given, which is why the editor
    gets a new key after each delta is applied: the next delta starts from the new table.
    """
    if not delta:
        return rows
    table = [dict(row) for row in rows]
    for position, changes in (delta.get("edited_rows") or {}).items():
        index = int(position)
        if 0 <= index < len(table):
            for column, value in changes.items():
                if column in COLUMNS:
                    table[index][column] = _cell(value)
    deleted = {int(position) for position in delta.get("deleted_rows") or []}
    table = [row for index, row in enumerate(table) if index not in deleted]
    for added in delta.get("added_rows") or []:
        row = {column: _cell(added.get(column)) for column in COLUMNS}
        row["split"] = row["split"] or "train"
        table.append(row)
    return table


def has_delta(delta: object) -> bool:
    return isinstance(delta, dict) and any(
        delta.get(part) for part in ("edited_rows", "added_rows", "deleted_rows")
    )


def editor_key() -> str:
    return f"classifier.editor.{st.session_state[EDITOR_VERSION]}"


def apply_pending_edits() -> None:
    """Move the editor's delta into the stored corpus once, then give the editor a fresh key.

    Called from the editor's on_change and again before it is drawn (a delta set through
    session state, as tests do, arrives without a callback); the key bump makes it idempotent.
    """
    key = editor_key()
    delta = st.session_state.get(key)
    if not has_delta(delta):
        return
    with keep_state_on_failure("edit", GUARDED_KEYS):
        edited = apply_editor_delta(st.session_state[ROWS], delta)
        exceeded = over_limits(dicts_to_rows(edited))
        if exceeded:
            # A paste too large for the server is refused whole; the corpus stays as it was.
            st.session_state[REFUSED] = ("edit", exceeded)
            st.session_state[EDITOR_VERSION] += 1
            return
        set_rows(edited)


def set_rows(rows: list[dict[str, str]]) -> None:
    st.session_state[ROWS] = rows
    st.session_state[EDITOR_VERSION] += 1


def dicts_to_rows(rows: list[dict[str, str]]) -> list[Row]:
    return [Row(row["text"], row["label"], row["split"]) for row in rows]


def corpus_rows() -> list[Row]:
    return dicts_to_rows(st.session_state[ROWS])


def problems() -> list[Problem]:
    """The corpus's mistakes; its sizes (the number of labels among them) are `over_limits`."""
    return find_problems(corpus_rows())


def over_limits(rows: list[Row]) -> list[LimitExceeded]:
    """The sizes of `rows` over the app's limits, with the current text options."""
    return corpus_over_limits(rows, token_options().tokens, vocab_from_test())


# ---------------------------------------------------------------- settings and dataset


def token_options() -> TokenOptions:
    return TokenOptions(
        lowercase=bool(st.session_state["classifier.lowercase"]),
        strip_punctuation=bool(st.session_state["classifier.strip_punctuation"]),
    )


def vocab_from_test() -> bool:
    return bool(st.session_state["classifier.vocab_from_test"])


def train_config() -> TrainConfig:
    return TrainConfig(
        optimizer=st.session_state["classifier.optimizer"],
        lr=float(st.session_state["classifier.lr"]),
        epochs=int(st.session_state["classifier.epochs"]),
        seed=int(st.session_state["classifier.seed"]),
        device=st.session_state["classifier.device"],
        update_mode=st.session_state["classifier.update_mode"],
        batch_size=int(st.session_state["classifier.batch_size"]),
        tutorial_draws=bool(st.session_state["classifier.tutorial_draws"]),
    )


def dataset() -> Dataset | None:
    """The corpus as tensors, or None while it has problems; rebuilt only when it changes."""
    rows = tuple(corpus_rows())
    signature = (rows, token_options(), vocab_from_test())
    cached = st.session_state.get(DATASET)
    if cached is not None and cached[0] == signature:
        return cached[1]
    if find_problems(rows) or over_limits(list(rows)):
        st.session_state[DATASET] = (signature, None)
        return None
    built = prepare(list(rows), token_options(), vocab_from_test(), max_labels=MAX_LABELS)
    st.session_state[DATASET] = (signature, built)
    return built


# ---------------------------------------------------------------- runs


@dataclass
class Run:
    """A finished (or stopped) training run with the data it was trained on."""

    result: TrainingResult
    dataset: Dataset
    options: TokenOptions
    vocab_from_test: bool
    shared: bool = False  # taken from the cross-session cache: another session trained it

    @property
    def vocab(self) -> list[str]:
        return list(self.dataset.vocab)

    @property
    def labels(self) -> list[str]:
        return list(self.dataset.labels)


def start_training(data: Dataset) -> dict[str, Any]:
    """The dict a training run reports into, placed in the session before training starts."""
    box: dict[str, Any] = {"running": True, "options": token_options(), "vocab_from_test": vocab_from_test()}
    st.session_state[TRAINING] = box
    return box


def collect_training() -> None:
    """Move a finished (or stopped) run's result into the session.

    A Stop starts the next script run at once while the stopped one completes its epoch in
    its own thread, so this waits (briefly) for it to hand over.
    """
    box = st.session_state.get(TRAINING)
    if box is None:
        return
    deadline = time.monotonic() + STOP_WAIT_SECONDS
    while box.get("running") and time.monotonic() < deadline:
        time.sleep(0.05)
    if box.get("running"):
        return
    if "run" in box:
        st.session_state[RUN] = box["run"]
    if "failure" in box:
        st.session_state[FAILURE] = box["failure"]
    del st.session_state[TRAINING]


def current_run() -> Run | None:
    return st.session_state.get(RUN)


def run_or_notice() -> Run | None:
    """The current run; until there is one, a note (shared by every tab that needs one) saying to train."""
    run = current_run()
    if run is None:
        st.info(t("classifier.train.no_run"), icon=":material/info:")
    return run


def model_with(weight: torch.Tensor, bias: torch.Tensor) -> BoWClassifier:
    """A CPU classifier holding the given parameters (to evaluate 'before' and imported weights)."""
    model = BoWClassifier(weight.shape[0], weight.shape[1])
    with torch.no_grad():
        model.linear.weight.copy_(weight)
        model.linear.bias.copy_(bias)
    model.eval()
    return model
