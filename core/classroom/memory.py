"""`MemoryRoomStore`: the rooms in this server's memory, bounded, expiring and behind one lock."""

from __future__ import annotations

import secrets
import threading
import time
from array import array
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from core.classroom.board import (
    rank_key,
    ranked,
    settings_groups,
    summarize,
)
from core.classroom.checks import (
    clean_corpus,
    clean_nickname,
    clean_run,
    clean_settings,
    nickname_key,
    normalize_code,
    secret_matches,
)
from core.classroom.contract import (
    INSTRUCTOR_SECRET_BYTES,
    MAX_ENTRIES_PER_PARTICIPANT,
    MAX_PARTICIPANTS,
    MAX_ROOMS,
    PARTICIPANT_SECRET_BYTES,
    ROOM_CODE_ALPHABET,
    ROOM_CODE_LENGTH,
    ROOM_IDLE_SECONDS,
    UNUSED_ROOM_SECONDS,
    Board,
    Challenge,
    ClassroomError,
    Entry,
    OpenedRoom,
    Participant,
    ParticipantView,
    Publication,
    Reason,
    RunResult,
    Setting,
)
from core.corpus import Row

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
    owner: str | None = None  # who opened it (a session's key), if they said
    used: bool = False  # someone has joined, or the instructor has published
    publication: Publication = field(default_factory=Publication)
    members: dict[int, _Member] = field(default_factory=dict)
    nickname_keys: set[str] = field(default_factory=set)
    records: dict[int, _Record] = field(default_factory=dict)
    next_member: int = 1
    next_entry: int = 1

    def records_now(self) -> list[_Record]:
        """The records as they are: a record never changes once kept, so the list can be read unlocked."""
        return list(self.records.values())


def _with_curves(records: list[_Record]) -> list[Entry]:
    return [replace(record.entry, curve=tuple(record.curve)) for record in records]


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
        # A room never used goes soon after it opened, so empty rooms cannot hold the store full for hours.
        lifetimes = {False: UNUSED_ROOM_SECONDS, True: ROOM_IDLE_SECONDS}
        for code in [code for code, room in self._rooms.items() if now - room.last_change >= lifetimes[room.used]]:
            del self._rooms[code]

    def _room(self, code: object) -> _Room:
        self._drop_expired()
        room = self._rooms.get(normalize_code(code))
        if room is None:
            raise ClassroomError("no_room")
        return room

    def _instructor_room(self, code: object, secret: object) -> _Room:
        room = self._room(code)
        if not secret_matches(secret, room.secret):
            raise ClassroomError("not_instructor")
        return room

    def _seat(self, room: _Room, token: object) -> _Member | None:
        """The participant `token` belongs to in `room`, or None."""
        member_id, _, secret = token.partition(".") if isinstance(token, str) else ("", "", "")
        member = room.members.get(int(member_id)) if member_id.isdecimal() and len(member_id) < 10 else None
        return member if member is not None and secret_matches(secret, member.secret) else None

    def _member(self, room: _Room, token: object) -> _Member:
        member = self._seat(room, token)
        if member is None:
            raise ClassroomError("not_participant")
        return member

    def _new_code(self) -> str:
        while True:
            code = "".join(secrets.choice(ROOM_CODE_ALPHABET) for _ in range(ROOM_CODE_LENGTH))
            if code not in self._rooms:
                return code

    # -- the interface

    def open_room(self, owner: str | None = None) -> OpenedRoom:
        """A new room. `owner` (a session's own key) holds one room at most: its earlier room is closed."""
        with self._lock:
            self._drop_expired()
            # Rooms need no key to open, so one session cannot take more than one place of
            # `max_rooms`: its new room replaces the one it had (which is deleted, as by closing it).
            if owner is not None:
                for old in [code for code, room in self._rooms.items() if room.owner == owner]:
                    del self._rooms[old]
            if len(self._rooms) >= self._max_rooms:
                raise ClassroomError("too_many_rooms", limit=self._max_rooms)
            room = _Room(self._new_code(), secrets.token_urlsafe(INSTRUCTOR_SECRET_BYTES), self._now(), owner)
            self._rooms[room.code] = room
            return OpenedRoom(room.code, room.secret)

    def join(self, code: str, nickname: str, seat: str | None = None) -> Participant:
        """A seat in the room under `nickname`.

        `seat` is a token this session held in the room before (it left): joining again under
        the same nickname gives that seat back, runs left included, rather than taking another
        of the room's `MAX_PARTICIPANTS` (and the nickname would be refused as taken anyway).
        """
        nickname = clean_nickname(nickname)
        with self._lock:
            room = self._room(code)
            key = nickname_key(nickname)
            member = self._seat(room, seat)
            if member is not None and nickname_key(member.nickname) == key:
                room.last_change = self._now()
                return Participant(member.id, member.nickname, seat)
            if len(room.members) >= MAX_PARTICIPANTS:
                raise ClassroomError("room_full", limit=MAX_PARTICIPANTS)
            if key in room.nickname_keys:
                raise ClassroomError("nickname_taken")
            member = _Member(room.next_member, nickname, secrets.token_urlsafe(PARTICIPANT_SECRET_BYTES))
            room.next_member += 1
            room.members[member.id] = member
            room.nickname_keys.add(key)
            room.last_change = self._now()
            room.used = True
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
            raise ClassroomError("bad_challenge", reason=Reason("challenge_type"))
        with self._lock:
            room = self._instructor_room(code, secret)  # it may have been closed meanwhile
            room.publication = Publication(room.publication.version + 1, rows, cleaned, challenge)
            room.last_change = self._now()
            room.used = True
            return room.publication

    # Views copy what they need under the lock and rank it outside: every session of the server
    # reads the store every few seconds, and a full room ranks 2,000 runs.

    def participant_view(self, code: str, token: str) -> ParticipantView:
        with self._lock:
            room = self._room(code)
            member = self._member(room, token)
            code, nickname, publication = room.code, member.nickname, room.publication
            participants, entries_left = len(room.members), MAX_ENTRIES_PER_PARTICIPANT - member.entries
            records = room.records_now()
        # Only the participant's own runs need their curves.
        order = sorted((record.entry for record in records), key=rank_key)
        curves = {record.entry.id: record.curve for record in records if record.entry.participant_id == member.id}
        own = tuple(
            replace(entry, rank=position, curve=tuple(curves[entry.id]))
            for position, entry in enumerate(order, start=1)
            if entry.id in curves
        )
        return ParticipantView(
            code=code,
            nickname=nickname,
            publication=publication,
            summary=summarize(participants, order),
            own_entries=own,
            entries_left=entries_left,
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
            code, publication = room.code, room.publication
            nicknames = tuple(member.nickname for member in room.members.values())
            records = room.records_now()
        entries = ranked(_with_curves(records))
        return Board(
            code=code,
            publication=publication,
            nicknames=nicknames,
            entries=entries,
            summary=summarize(len(nicknames), entries),
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
