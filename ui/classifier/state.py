"""The page's session state: the user's corpus, the settings of a run, and the last run."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

import streamlit as st

from core.corpus import Problem, Row, find_problems
from core.dataset import Dataset, TokenOptions, prepare
from core.limits import LIMITS, LimitExceeded, corpus_over_limits
from core.presets import PRESETS
from core.training import TrainConfig, TrainingResult
from ui.guard import keep_state_on_failure
from ui.settings import PageSettings
from ui.state import device, seed, set_seed_and_device
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
# Every option of a selectbox travels to the browser: longer lists (a 50,000-word vocabulary)
# offer their first MAX_CHOICES, and the heatmap draws at most MAX_HEATMAP_WORDS rows.
MAX_CHOICES = 1_000
MAX_HEATMAP_WORDS = 500
REFUSED = "classifier.refused"  # (what was refused: "upload" or "edit", the limits it broke)
# What an action on the corpus or a run may change, restored together when it fails.
GUARDED_KEYS: tuple[str, ...] = (ROWS, EDITOR_VERSION, DATASET, RUN, COMPARISON, TRAINING)


@dataclass(frozen=True)
class ClassifierSettings:
    """How the studio builds words and trains; the defaults are the tutorial's settings.

    Seed and device are not here: the sidebar owns them for every page (ui.state).
    """

    optimizer: str = "sgd"
    lr: float = 0.1
    epochs: int = 100
    update_mode: str = "per_sentence"
    batch_size: int = 32
    tutorial_draws: bool = True  # repeat the tutorial's earlier random draws: seed 1 starts from its weights
    lowercase: bool = False
    strip_punctuation: bool = False
    vocab_from_test: bool = True


SETTINGS = PageSettings("classifier", ClassifierSettings)
TUTORIAL_SEED = 1


def init_state() -> None:
    """Defaults the first time the page runs: the tutorial corpus and the tutorial's settings."""
    st.session_state.setdefault(ROWS, rows_to_dicts(PRESETS["tutorial"]))
    st.session_state.setdefault(EDITOR_VERSION, 0)
    SETTINGS.init()


def use_tutorial_settings() -> None:
    """Button callback: every training control back to the tutorial's value, with its seed and the CPU."""
    SETTINGS.reset()
    set_seed_and_device(TUTORIAL_SEED, "cpu")


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
    return isinstance(delta, dict) and any(delta.get(part) for part in ("edited_rows", "added_rows", "deleted_rows"))


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
    settings = SETTINGS.read()
    return TokenOptions(lowercase=bool(settings.lowercase), strip_punctuation=bool(settings.strip_punctuation))


def vocab_from_test() -> bool:
    return bool(SETTINGS.read().vocab_from_test)


def train_config() -> TrainConfig:
    """The run the Train button starts: the page's settings with the sidebar's seed and device."""
    settings = SETTINGS.read()
    return TrainConfig(
        optimizer=settings.optimizer,
        lr=float(settings.lr),
        epochs=int(settings.epochs),
        seed=seed(),
        device=device(),
        update_mode=settings.update_mode,
        batch_size=int(settings.batch_size),
        tutorial_draws=bool(settings.tutorial_draws),
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


@dataclass
class TrainingHandover:
    """Where a training run leaves its result for the session; `done` is set when it has.

    Streamlit stops a script run by raising at its next call, and a stopped run can no longer
    write to st.session_state. So this object is in the session before training starts, the run
    fills it, and whichever script run comes next collects it (`collect_training`).
    """

    options: TokenOptions
    vocab_from_test: bool
    done: threading.Event = field(default_factory=threading.Event)
    run: Run | None = None
    failure: tuple | None = None  # (kind, detail, learning rate): "diverged", "invalid" or "error"


def start_training() -> TrainingHandover:
    """A fresh hand-over for a run about to start, placed in the session."""
    handover = TrainingHandover(token_options(), vocab_from_test())
    st.session_state[TRAINING] = handover
    return handover


def collect_training() -> None:
    """Move a finished (or stopped) run's result into the session.

    A Stop starts the next script run at once while the stopped one completes its epoch in
    its own thread, so this waits (briefly) for it to hand over.
    """
    handover: TrainingHandover | None = st.session_state.get(TRAINING)
    if handover is None or not handover.done.wait(STOP_WAIT_SECONDS):
        return
    if handover.run is not None:
        st.session_state[RUN] = handover.run
    if handover.failure is not None:
        st.session_state[FAILURE] = handover.failure
    del st.session_state[TRAINING]


def current_run() -> Run | None:
    return st.session_state.get(RUN)


def run_or_notice() -> Run | None:
    """The current run; until there is one, a note (shared by every tab that needs one) saying to train."""
    run = current_run()
    if run is None:
        st.info(t("classifier.train.no_run"), icon=":material/info:")
    return run
