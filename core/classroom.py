"""Classroom rooms: an instructor publishes a corpus, settings and a challenge; participants submit runs.

Everything a room holds sits behind `RoomStore`, so a shared store can replace `MemoryRoomStore`
(this server's memory) where several replicas serve one room. The store is used by every session
of the server at once (sessions are threads of one process), so:

- it is bounded: rooms, participants per room, runs per participant, points per loss curve,
  settings and the published corpus each have a named limit, refused with a `ClassroomError`;
- it is thread-safe: one lock guards the whole store (every operation is short);
- a room expires `ROOM_IDLE_SECONDS` after its last change (open, join, publish, submit,
  remove): expired rooms are dropped by the next operation on the store. Reads (the board's
  refresh, a participant's view) do not keep a room alive.

Secrets: a room's code is short to type and only lets someone join; the instructor's secret
(a long random token, compared in constant time) is needed to publish, read the board, remove an
entry or close the room. Joining gives a participant token, which submits runs only under its own
nickname and reads only what the instructor published plus the board's summary.

Nicknames are plain text: stripped, 1 to `MAX_NICKNAME_CHARS` characters, no control or invisible
formatting characters; a nickname already in the room (ignoring case and Unicode width forms) is
refused with `nickname_taken` rather than renamed, so nobody is shown under a name they did not
choose. They are never interpreted here; the UI shows them escaped.
"""

from __future__ import annotations

import hmac
import math
import numbers
import secrets
import statistics
import threading
import time
import unicodedata
from array import array
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Protocol, runtime_checkable

from core.corpus import Row, find_problems
from core.limits import LIMITS, Limits, TooLarge, check_corpus

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
INSTRUCTOR_SECRET_BYTES = 32  # secrets.token_urlsafe: 43 characters
PARTICIPANT_SECRET_BYTES = 24


class ClassroomError(ValueError):
    """Why a classroom operation was refused: `code` names the reason, `details` fill its message."""

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
        super().__init__(self.MESSAGES[code].format(**details))
        self.code = code
        self.details = details


# ---------------------------------------------------------------- what goes in and comes out

Setting = str | int | float | bool | None


@dataclass(frozen=True)
class Challenge:
    """Reach `target_accuracy` (0..1) test accuracy in at most `max_epochs` epochs."""

    target_accuracy: float
    max_epochs: int

    def __post_init__(self) -> None:
        target = _number(self.target_accuracy, "target_accuracy", "bad_challenge")
        if not 0.0 < target <= 1.0:
            raise ClassroomError("bad_challenge", reason="the target accuracy must be above 0 and at most 1")
        if isinstance(self.max_epochs, bool) or not isinstance(self.max_epochs, numbers.Integral):
            raise ClassroomError("bad_challenge", reason="the most epochs must be a whole number")
        if not 1 <= self.max_epochs <= MAX_EPOCHS:
            raise ClassroomError("bad_challenge", reason=f"the most epochs must be between 1 and {MAX_EPOCHS:,}")
        object.__setattr__(self, "target_accuracy", target)
        object.__setattr__(self, "max_epochs", int(self.max_epochs))

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

    def open_room(self) -> OpenedRoom: ...

    def join(self, code: str, nickname: str) -> Participant: ...

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


# ---------------------------------------------------------------- checks of what comes in


def normalize_code(code: object) -> str:
    """The code as stored: upper case, without spaces or dashes typed around or inside it."""
    if not isinstance(code, str):
        return ""
    return code.strip().upper().replace(" ", "").replace("-", "")


def clean_nickname(nickname: object) -> str:
    """The nickname stripped, or ClassroomError: empty, too long, or holding control characters."""
    if not isinstance(nickname, str):
        raise ClassroomError("nickname_empty")
    text = nickname.strip()
    if not text:
        raise ClassroomError("nickname_empty")
    if len(text) > MAX_NICKNAME_CHARS:
        raise ClassroomError("nickname_too_long", limit=MAX_NICKNAME_CHARS, found=len(text))
    # C*: control, format (bidi overrides, zero-width), surrogates, private use, unassigned;
    # Zl/Zp: line and paragraph separators.
    if any(unicodedata.category(ch)[0] == "C" or unicodedata.category(ch) in ("Zl", "Zp") for ch in text):
        raise ClassroomError("nickname_characters")
    return text


def nickname_key(nickname: str) -> str:
    """Two nicknames are the same when this is: case and Unicode width forms ignored."""
    return unicodedata.normalize("NFKC", nickname).casefold()


def _number(value: object, name: str, code: str) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ClassroomError(code, reason=f"{name} must be a number")
    number = float(value)
    if not math.isfinite(number):
        raise ClassroomError(code, reason=f"{name} must be finite")
    return number


def _accuracy(value: object, name: str) -> float:
    number = _number(value, name, "bad_result")
    if not 0.0 <= number <= 1.0:
        raise ClassroomError("bad_result", reason=f"{name} must be between 0 and 1")
    return number


def _loss(value: object, name: str) -> float:
    number = _number(value, name, "bad_result")
    if number < 0.0:
        raise ClassroomError("bad_result", reason=f"{name} cannot be negative")
    return number


def clean_settings(settings: Mapping[str, Setting] | None) -> Mapping[str, Setting]:
    """A read-only copy of `settings`: names are short text, values are numbers, text, booleans or None."""
    if settings is None:
        return MappingProxyType({})
    if not isinstance(settings, Mapping):
        raise ClassroomError("bad_settings", reason="settings must be a mapping of names to values")
    if len(settings) > MAX_SETTINGS:
        raise ClassroomError("bad_settings", reason=f"at most {MAX_SETTINGS} settings, found {len(settings)}")
    cleaned: dict[str, Setting] = {}
    for name, value in settings.items():
        if not isinstance(name, str) or not 1 <= len(name) <= MAX_SETTING_CHARS:
            raise ClassroomError(
                "bad_settings", reason=f"a setting's name is text of 1 to {MAX_SETTING_CHARS} characters"
            )
        if value is None or isinstance(value, bool):
            cleaned[name] = value
        elif isinstance(value, numbers.Integral):
            cleaned[name] = int(value)
        elif isinstance(value, numbers.Real):
            cleaned[name] = _number(value, f"setting {name!r}", "bad_settings")
        elif isinstance(value, str):
            if len(value) > MAX_SETTING_CHARS:
                raise ClassroomError(
                    "bad_settings", reason=f"a setting's text has at most {MAX_SETTING_CHARS} characters"
                )
            cleaned[name] = value
        else:
            raise ClassroomError("bad_settings", reason=f"setting {name!r} must be a number, text, true/false or empty")
    return MappingProxyType(cleaned)


def clean_corpus(corpus: Sequence[Row], limits: Limits = LIMITS) -> tuple[Row, ...]:
    """The corpus as published (labels trimmed), or ClassroomError: too large or not a valid corpus."""
    rows = list(corpus)
    if len(rows) > limits.rows:  # before anything else is counted
        raise ClassroomError("corpus_too_large", reason=f"{len(rows):,} sentences (the limit is {limits.rows:,})")
    chars = 0
    for row in rows:
        if not isinstance(row, Row) or not all(isinstance(part, str) for part in (row.text, row.label, row.split)):
            raise ClassroomError("corpus_invalid", reason="every row needs a text, a label and a split")
        chars += len(row.text) + len(row.label)
    if chars > MAX_CORPUS_CHARS:
        raise ClassroomError("corpus_too_large", reason=f"{chars:,} characters (the limit is {MAX_CORPUS_CHARS:,})")
    try:
        check_corpus(rows, limits=limits)
    except TooLarge as error:
        raise ClassroomError("corpus_too_large", reason=str(error)) from None
    problems = find_problems(rows, max_labels=limits.labels)
    if problems:
        raise ClassroomError("corpus_invalid", reason=problems[0].message())
    return tuple(Row(row.text, row.label.strip(), row.split) for row in rows)


def downsample(curve: Sequence[float], points: int = MAX_CURVE_POINTS) -> list[float]:
    """At most `points` values of `curve`, evenly spaced, keeping the first and the last."""
    count = len(curve)
    if count <= points:
        return list(curve)
    if points == 1:
        return [curve[-1]]
    return [curve[round(i * (count - 1) / (points - 1))] for i in range(points)]


def clean_run(run: RunResult) -> RunResult:
    """The run with checked numbers and its curve downsampled, or ClassroomError("bad_result")."""
    if not isinstance(run, RunResult):
        raise ClassroomError("bad_result", reason="a run result is needed")
    if isinstance(run.epochs, bool) or not isinstance(run.epochs, numbers.Integral):
        raise ClassroomError("bad_result", reason="epochs must be a whole number")
    if not 1 <= run.epochs <= MAX_EPOCHS:
        raise ClassroomError("bad_result", reason=f"epochs must be between 1 and {MAX_EPOCHS:,}")
    if (run.test_loss is None) != (run.test_accuracy is None):
        raise ClassroomError("bad_result", reason="test loss and test accuracy go together")
    if isinstance(run.curve, str | bytes) or not isinstance(run.curve, Sequence):
        raise ClassroomError("bad_result", reason="the loss curve must be a list of numbers")
    curve = [_loss(value, "each point of the loss curve") for value in downsample(run.curve)]
    return RunResult(
        settings=clean_settings(run.settings),
        train_loss=_loss(run.train_loss, "train loss"),
        train_accuracy=_accuracy(run.train_accuracy, "train accuracy"),
        test_loss=None if run.test_loss is None else _loss(run.test_loss, "test loss"),
        test_accuracy=None if run.test_accuracy is None else _accuracy(run.test_accuracy, "test accuracy"),
        epochs=int(run.epochs),
        curve=tuple(curve),
    )


def _secret_matches(given: object, expected: str) -> bool:
    if not isinstance(given, str) or not given:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


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


# ---------------------------------------------------------------- the store in this server's memory


@dataclass
class _Member:
    id: int
    nickname: str
    secret: str
    entries: int = 0  # submitted and not removed


@dataclass
class _Record:
    """An entry as kept: the curve in a compact array (8 bytes a point)."""

    entry: Entry
    curve: array


@dataclass
class _Room:
    code: str
    secret: str
    last_change: float
    publication: Publication = field(default_factory=Publication)
    members: dict[int, _Member] = field(default_factory=dict)
    nickname_keys: set[str] = field(default_factory=set)
    records: dict[int, _Record] = field(default_factory=dict)
    next_member: int = 1
    next_entry: int = 1

    def entries(self) -> list[Entry]:
        return [replace(record.entry, curve=tuple(record.curve)) for record in self.records.values()]


class MemoryRoomStore:
    """`RoomStore` in this server's memory, shared by every session; one lock guards it all."""

    def __init__(self, now: Callable[[], float] = time.monotonic, max_rooms: int = MAX_ROOMS) -> None:
        self._now = now
        self._max_rooms = max_rooms
        self._rooms: dict[str, _Room] = {}
        self._lock = threading.Lock()

    # -- bookkeeping (the lock is held by the caller)

    def _drop_expired(self) -> None:
        now = self._now()
        for code in [code for code, room in self._rooms.items() if now - room.last_change >= ROOM_IDLE_SECONDS]:
            del self._rooms[code]

    def _room(self, code: object) -> _Room:
        self._drop_expired()
        room = self._rooms.get(normalize_code(code))
        if room is None:
            raise ClassroomError("no_room")
        return room

    def _instructor_room(self, code: object, secret: object) -> _Room:
        room = self._room(code)
        if not _secret_matches(secret, room.secret):
            raise ClassroomError("not_instructor")
        return room

    def _member(self, room: _Room, token: object) -> _Member:
        member_id, _, secret = token.partition(".") if isinstance(token, str) else ("", "", "")
        member = room.members.get(int(member_id)) if member_id.isdecimal() and len(member_id) < 10 else None
        if member is None or not _secret_matches(secret, member.secret):
            raise ClassroomError("not_participant")
        return member

    def _new_code(self) -> str:
        while True:
            code = "".join(secrets.choice(ROOM_CODE_ALPHABET) for _ in range(ROOM_CODE_LENGTH))
            if code not in self._rooms:
                return code

    # -- the interface

    def open_room(self) -> OpenedRoom:
        with self._lock:
            self._drop_expired()
            if len(self._rooms) >= self._max_rooms:
                raise ClassroomError("too_many_rooms", limit=self._max_rooms)
            room = _Room(self._new_code(), secrets.token_urlsafe(INSTRUCTOR_SECRET_BYTES), self._now())
            self._rooms[room.code] = room
            return OpenedRoom(room.code, room.secret)

    def join(self, code: str, nickname: str) -> Participant:
        nickname = clean_nickname(nickname)
        with self._lock:
            room = self._room(code)
            if len(room.members) >= MAX_PARTICIPANTS:
                raise ClassroomError("room_full", limit=MAX_PARTICIPANTS)
            key = nickname_key(nickname)
            if key in room.nickname_keys:
                raise ClassroomError("nickname_taken")
            member = _Member(room.next_member, nickname, secrets.token_urlsafe(PARTICIPANT_SECRET_BYTES))
            room.next_member += 1
            room.members[member.id] = member
            room.nickname_keys.add(key)
            room.last_change = self._now()
            return Participant(member.id, member.nickname, f"{member.id}.{member.secret}")

    def publish(
        self,
        code: str,
        secret: str,
        corpus: Sequence[Row] | None = None,
        settings: Mapping[str, Setting] | None = None,
        challenge: Challenge | None = None,
    ) -> Publication:
        """Replace what the room shows: the corpus (None: none), settings and challenge (None: none)."""
        with self._lock:  # secret first: nobody else learns whether their corpus would pass
            self._instructor_room(code, secret)
        rows = None if corpus is None else clean_corpus(corpus)  # outside the lock: counting takes time
        cleaned = clean_settings(settings)
        if challenge is not None and not isinstance(challenge, Challenge):
            raise ClassroomError("bad_challenge", reason="a challenge is a target accuracy and a most epochs")
        with self._lock:
            room = self._instructor_room(code, secret)  # it may have been closed meanwhile
            room.publication = Publication(room.publication.version + 1, rows, cleaned, challenge)
            room.last_change = self._now()
            return room.publication

    def participant_view(self, code: str, token: str) -> ParticipantView:
        with self._lock:
            room = self._room(code)
            member = self._member(room, token)
            entries = ranked(room.entries())
            return ParticipantView(
                code=room.code,
                nickname=member.nickname,
                publication=room.publication,
                summary=summarize(len(room.members), entries),
                own_entries=tuple(entry for entry in entries if entry.participant_id == member.id),
                entries_left=MAX_ENTRIES_PER_PARTICIPANT - member.entries,
            )

    def submit(self, code: str, token: str, run: RunResult) -> Entry:
        """Add a run under the token's own nickname; the nickname cannot be chosen here."""
        run = clean_run(run)
        with self._lock:
            room = self._room(code)
            member = self._member(room, token)
            if member.entries >= MAX_ENTRIES_PER_PARTICIPANT:
                raise ClassroomError("too_many_entries", limit=MAX_ENTRIES_PER_PARTICIPANT)
            challenge = room.publication.challenge
            entry = Entry(
                id=room.next_entry,
                participant_id=member.id,
                nickname=member.nickname,
                settings=run.settings,
                train_loss=run.train_loss,
                train_accuracy=run.train_accuracy,
                test_loss=run.test_loss,
                test_accuracy=run.test_accuracy,
                epochs=run.epochs,
                curve=(),
                publication=room.publication.version,
                met_challenge=None if challenge is None else challenge.met_by(run.test_accuracy, run.epochs),
            )
            room.records[entry.id] = _Record(entry, array("d", run.curve))
            room.next_entry += 1
            member.entries += 1
            room.last_change = self._now()
            return replace(entry, curve=tuple(run.curve))

    def board(self, code: str, secret: str) -> Board:
        with self._lock:
            room = self._instructor_room(code, secret)
            entries = ranked(room.entries())
            return Board(
                code=room.code,
                publication=room.publication,
                nicknames=tuple(member.nickname for member in room.members.values()),
                entries=entries,
                summary=summarize(len(room.members), entries),
                by_setting=settings_groups(entries),
                best_settings=entries[0].settings if entries else None,
            )

    def remove_entry(self, code: str, secret: str, entry_id: int) -> None:
        with self._lock:
            room = self._instructor_room(code, secret)
            record = room.records.pop(entry_id, None) if isinstance(entry_id, int) else None
            if record is None:
                raise ClassroomError("no_entry", entry_id=entry_id)
            # The removed run no longer counts against its author's runs.
            room.members[record.entry.participant_id].entries -= 1
            room.last_change = self._now()

    def close_room(self, code: str, secret: str) -> None:
        """Delete the room and everything in it."""
        with self._lock:
            room = self._instructor_room(code, secret)
            del self._rooms[room.code]

    def room_count(self) -> int:
        """Open rooms (expired ones dropped first)."""
        with self._lock:
            self._drop_expired()
            return len(self._rooms)
