"""Classroom rooms: an instructor publishes a corpus, settings and a challenge; participants submit runs.

Everything a room holds sits behind `RoomStore`, so a shared store can replace `MemoryRoomStore`
(this server's memory) where several replicas serve one room. The store is used by every session
of the server at once (sessions are threads of one process), so:

- it is bounded: rooms, participants per room, runs per participant, points per loss curve,
  settings and the published corpus each have a named limit, refused with a `ClassroomError`;
- it is thread-safe: one lock guards the whole store (every operation is short);
- a room expires `ROOM_IDLE_SECONDS` after its last change (open, join, publish, submit,
  remove), and a room nobody joined and nothing was published to `UNUSED_ROOM_SECONDS` after it
  opened: expired rooms are dropped by the next operation on the store. Reads (the board's
  refresh, a participant's view) do not keep a room alive;
- opening a room needs no key, so one opener (a session) holds one room at most: opening
  another closes its first. A participant who left and joins again from the same session under
  the same nickname gets their seat back instead of a new one.

Secrets: a room's code is short to type and only lets someone join; the instructor's secret
(a long random token, compared in constant time) is needed to publish, read the board, remove an
entry or close the room. Joining gives a participant token, which submits runs only under its own
nickname and reads only what the instructor published plus the board's summary.

Nicknames are plain text: stripped, 1 to `MAX_NICKNAME_CHARS` characters, no control or invisible
formatting characters; a nickname already in the room (ignoring case and Unicode width forms) is
refused with `nickname_taken` rather than renamed, so nobody is shown under a name they did not
choose. They are never interpreted here; the UI shows them escaped.

One concept a module: `contract` (limits, errors, what goes in and out, the `RoomStore`
interface), `checks` (what comes in), `board` (ranking and summaries), `memory` (the store).
"""

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
    downsample,
    nickname_key,
    normalize_code,
)
from core.classroom.contract import (
    INSTRUCTOR_SECRET_BYTES,
    MAX_CORPUS_CHARS,
    MAX_CURVE_POINTS,
    MAX_ENTRIES_PER_PARTICIPANT,
    MAX_EPOCHS,
    MAX_NICKNAME_CHARS,
    MAX_PARTICIPANTS,
    MAX_ROOMS,
    MAX_SETTING_CHARS,
    MAX_SETTINGS,
    PARTICIPANT_SECRET_BYTES,
    REASON_TEXT,
    ROOM_CODE_ALPHABET,
    ROOM_CODE_LENGTH,
    ROOM_IDLE_SECONDS,
    UNUSED_ROOM_SECONDS,
    Board,
    BoardSummary,
    Challenge,
    ClassroomError,
    Entry,
    OpenedRoom,
    Participant,
    ParticipantView,
    Publication,
    Reason,
    RoomStore,
    RunResult,
    Setting,
    SettingGroup,
    Why,
)
from core.classroom.memory import (
    MemoryRoomStore,
)

__all__ = [
    "Board",
    "BoardSummary",
    "Challenge",
    "ClassroomError",
    "Entry",
    "INSTRUCTOR_SECRET_BYTES",
    "MAX_CORPUS_CHARS",
    "MAX_CURVE_POINTS",
    "MAX_ENTRIES_PER_PARTICIPANT",
    "MAX_EPOCHS",
    "MAX_NICKNAME_CHARS",
    "MAX_PARTICIPANTS",
    "MAX_ROOMS",
    "MAX_SETTINGS",
    "MAX_SETTING_CHARS",
    "OpenedRoom",
    "PARTICIPANT_SECRET_BYTES",
    "Participant",
    "ParticipantView",
    "Publication",
    "REASON_TEXT",
    "ROOM_CODE_ALPHABET",
    "ROOM_CODE_LENGTH",
    "ROOM_IDLE_SECONDS",
    "Reason",
    "RoomStore",
    "RunResult",
    "Setting",
    "SettingGroup",
    "UNUSED_ROOM_SECONDS",
    "Why",
    "clean_corpus",
    "clean_nickname",
    "clean_run",
    "clean_settings",
    "downsample",
    "nickname_key",
    "normalize_code",
    "rank_key",
    "ranked",
    "settings_groups",
    "summarize",
    "MemoryRoomStore",
]
