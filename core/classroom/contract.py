"""The classroom's contract: its limits, its errors, what goes in and comes out, and `RoomStore`."""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Protocol, runtime_checkable

from core.corpus import Problem, Row
from core.limits import LIMITS, LimitExceeded

# ---------------------------------------------------------------- limits

ROOM_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0/O, 1/I/L: nothing to misread
ROOM_CODE_LENGTH = 6  # 31**6: about 887 million codes
MAX_ROOMS = 50  # open rooms on one server
MAX_PARTICIPANTS = 100  # per room
MAX_ENTRIES_PER_PARTICIPANT = 20  # submitted runs
MAX_CURVE_POINTS = 200  # a longer loss curve is downsampled to this many points
MAX_EPOCHS = LIMITS.work  # one training sentence a Train click: the most epochs the app allows
MAX_NICKNAME_CHARS = 30
MAX_SETTINGS = 40  # entries of one settings dict
MAX_SETTING_CHARS = 200  # characters of one setting's name or text value
# Characters of all published sentences and labels together. The app's corpus limits allow far
# more; a room keeps its corpus for hours, and `MAX_ROOMS` of them share one small container.
MAX_CORPUS_CHARS = 2_000_000
ROOM_IDLE_SECONDS = 6 * 60 * 60  # a room expires after this long without a change
# A room nobody has joined and nothing was published to expires this long after it opened.
# Opening a room needs no key, so `MAX_ROOMS` empty rooms would otherwise lock every instructor
# out for `ROOM_IDLE_SECONDS`; now for half an hour at most. An instructor who opens a room
# before a workshop keeps it by publishing (preparing the room) or by the first participant
# joining, which in a workshop happens within minutes of the code going on the projector.
UNUSED_ROOM_SECONDS = 30 * 60
INSTRUCTOR_SECRET_BYTES = 32  # secrets.token_urlsafe: 43 characters
PARTICIPANT_SECRET_BYTES = 24


# Why a value was refused, in English; the UI shows them translated (`classroom.reason.CODE`).
REASON_TEXT = {
    "challenge_type": "a challenge is a target accuracy and a most epochs",
    "challenge_target": "the target accuracy must be a number above 0 and at most 1",
    "challenge_epochs": "the most epochs must be a whole number from 1 to {limit}",
    "settings_type": "settings must be a mapping of names to values",
    "settings_count": "at most {limit} settings, found {found}",
    "setting_name": "a setting's name is text of 1 to {limit} characters",
    "setting_value": "setting {name!r} must be a finite number, text, true/false or empty",
    "setting_text": "the text of setting {name!r} has at most {limit} characters",
    "run_type": "a run result is needed",
    "run_epochs": "epochs must be a whole number from 1 to {limit}",
    "run_test_pair": "test loss and test accuracy go together",
    "run_curve": "the loss curve must be a list of finite numbers, none below 0",
    "train_loss": "the training loss must be a finite number, not below 0",
    "test_loss": "the test loss must be a finite number, not below 0",
    "train_accuracy": "the training accuracy must be a number from 0 to 1",
    "test_accuracy": "the test accuracy must be a number from 0 to 1",
    "corpus_rows": "every row needs a text, a label and a split",
    "corpus_chars": "{found} characters (the limit is {limit})",
}


@dataclass(frozen=True)
class Reason:
    """Why a value was refused: `code` names it in `REASON_TEXT`, `values` fill its text."""

    code: str
    values: Mapping[str, object] = field(default_factory=dict)

    def message(self) -> str:
        return REASON_TEXT[self.code].format(**self.values)


# A refusal's `reason` detail: a room's own reason, a corpus problem, or the corpus sizes over
# their limits. Each kind has a `message()` in English and its translations in the UI.
Why = Reason | Problem | LimitExceeded | tuple[LimitExceeded, ...]


def _detail_text(value: object) -> object:
    if isinstance(value, tuple):
        return "; ".join(str(_detail_text(item)) for item in value)
    return value.message() if isinstance(value, Reason | Problem | LimitExceeded) else value


class ClassroomError(ValueError):
    """Why a classroom operation was refused: `code` names the reason, `details` fill its message.

    Refusals of a value carry a `reason` detail (a `Why`), so the UI can say what was wrong in
    the reader's language.
    """

    MESSAGES = {
        "no_room": "no open room has this code; it may have been closed or expired",
        "too_many_rooms": "the server holds {limit} open rooms already; close one or wait until one expires",
        "not_instructor": "this link does not hold the room's instructor secret",
        "not_participant": "this session has not joined the room",
        "room_full": "the room has {limit} participants already",
        "nickname_empty": "a nickname needs at least one character",
        "nickname_too_long": "a nickname has at most {limit} characters; this one has {found}",
        "nickname_characters": "a nickname cannot hold control or invisible formatting characters",
        "nickname_taken": "another participant in this room already uses this nickname",
        "too_many_entries": "each participant can submit at most {limit} runs",
        "no_entry": "the room has no entry {entry_id}",
        "corpus_too_large": "the corpus is too large to publish: {reason}",
        "corpus_invalid": "the corpus cannot be published: {reason}",
        "bad_settings": "the settings cannot be published or submitted: {reason}",
        "bad_challenge": "the challenge is not valid: {reason}",
        "bad_result": "the run cannot be submitted: {reason}",
    }

    def __init__(self, code: str, **details: object) -> None:
        super().__init__(self.MESSAGES[code].format(**{name: _detail_text(value) for name, value in details.items()}))
        self.code = code
        self.details = details


# ---------------------------------------------------------------- what goes in and comes out

Setting = str | int | float | bool | None


def _number(value: object, code: str, reason: Reason) -> float:
    """`value` as a finite float, or ClassroomError(code) for `reason`."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(value):
        raise ClassroomError(code, reason=reason)
    return float(value)


def _epochs(value: object, code: str, reason: str) -> int:
    """`value` as a number of epochs (a whole number, 1 to MAX_EPOCHS), or ClassroomError(code) for `reason`."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or not 1 <= value <= MAX_EPOCHS:
        raise ClassroomError(code, reason=Reason(reason, {"limit": MAX_EPOCHS}))
    return int(value)


@dataclass(frozen=True)
class Challenge:
    """Reach `target_accuracy` (0..1) test accuracy in at most `max_epochs` epochs."""

    target_accuracy: float
    max_epochs: int

    def __post_init__(self) -> None:
        target = _number(self.target_accuracy, "bad_challenge", Reason("challenge_target"))
        if not 0.0 < target <= 1.0:
            raise ClassroomError("bad_challenge", reason=Reason("challenge_target"))
        object.__setattr__(self, "target_accuracy", target)
        object.__setattr__(self, "max_epochs", _epochs(self.max_epochs, "bad_challenge", "challenge_epochs"))

    def met_by(self, test_accuracy: float | None, epochs: int) -> bool:
        return test_accuracy is not None and test_accuracy >= self.target_accuracy and epochs <= self.max_epochs


@dataclass(frozen=True)
class OpenedRoom:
    """A new room: `code` to show everyone, `secret` for the instructor's link only."""

    code: str
    secret: str


@dataclass(frozen=True)
class Participant:
    """Who joined: `token` (keep it private to the session) submits runs under `nickname`."""

    id: int
    nickname: str
    token: str


@dataclass(frozen=True)
class RunResult:
    """A finished run as a participant submits it: settings and results, never the corpus.

    Test loss and accuracy are None for a corpus without test sentences. `curve` is the loss per
    epoch (or per step); a longer one is downsampled to `MAX_CURVE_POINTS` points.
    """

    settings: Mapping[str, Setting]
    train_loss: float
    train_accuracy: float
    test_loss: float | None
    test_accuracy: float | None
    epochs: int
    curve: Sequence[float] = ()


@dataclass(frozen=True)
class Publication:
    """What the instructor published; `version` counts publications (0: nothing yet)."""

    version: int = 0
    corpus: tuple[Row, ...] | None = None
    settings: Mapping[str, Setting] = field(default_factory=lambda: MappingProxyType({}))
    challenge: Challenge | None = None


@dataclass(frozen=True)
class Entry:
    """One submitted run on the board. `rank` is 1 for the best (0 until ranked)."""

    id: int
    participant_id: int
    nickname: str
    settings: Mapping[str, Setting]
    train_loss: float
    train_accuracy: float
    test_loss: float | None
    test_accuracy: float | None
    epochs: int
    curve: tuple[float, ...]
    publication: int  # the publication version the run was submitted under
    met_challenge: bool | None  # None when the room has no challenge
    rank: int = 0


@dataclass(frozen=True)
class SettingGroup:
    """The runs that used one value of one setting, and how well they tested."""

    name: str
    value: Setting
    runs: int
    mean_test_accuracy: float | None
    best_test_accuracy: float | None


@dataclass(frozen=True)
class BoardSummary:
    """What every participant may see of the board: counts and the spread of test accuracy."""

    participants: int
    entries: int
    best_test_accuracy: float | None
    median_test_accuracy: float | None
    worst_test_accuracy: float | None
    met_challenge: int  # participants with at least one run meeting the challenge


@dataclass(frozen=True)
class Board:
    """The instructor's board: every entry ranked best first, and which settings did best.

    `by_setting` holds, for each setting whose value differed between runs, one group per value,
    best mean test accuracy first; `best_settings` are the settings of the top-ranked run.
    """

    code: str
    publication: Publication
    nicknames: tuple[str, ...]  # in the order they joined
    entries: tuple[Entry, ...]
    summary: BoardSummary
    by_setting: tuple[SettingGroup, ...]
    best_settings: Mapping[str, Setting] | None


@dataclass(frozen=True)
class ParticipantView:
    """What a participant may see: the publication, the board's summary and their own runs."""

    code: str
    nickname: str
    publication: Publication
    summary: BoardSummary
    own_entries: tuple[Entry, ...]  # ranked as on the board
    entries_left: int


@runtime_checkable
class RoomStore(Protocol):
    """Rooms and their entries. Every method raises `ClassroomError` when it refuses."""

    def open_room(self, owner: str | None = None) -> OpenedRoom: ...

    def join(self, code: str, nickname: str, seat: str | None = None) -> Participant: ...

    def publish(
        self,
        code: str,
        secret: str,
        corpus: Sequence[Row] | None = None,
        settings: Mapping[str, Setting] | None = None,
        challenge: Challenge | None = None,
    ) -> Publication: ...

    def participant_view(self, code: str, token: str) -> ParticipantView: ...

    def submit(self, code: str, token: str, run: RunResult) -> Entry: ...

    def board(self, code: str, secret: str) -> Board: ...

    def remove_entry(self, code: str, secret: str, entry_id: int) -> None: ...

    def close_room(self, code: str, secret: str) -> None: ...
