"""Classroom rooms under many sessions at once: joins, submissions, openings and a close, in threads."""

from __future__ import annotations

import threading

import pytest

from core.classroom import (
    MAX_ENTRIES_PER_PARTICIPANT,
    MAX_PARTICIPANTS,
    MAX_ROOMS,
    Challenge,
    ClassroomError,
    MemoryRoomStore,
)
from core.corpus import TUTORIAL_CORPUS
from tests.classroom_store import new_store, refused, run


@pytest.fixture
def store() -> MemoryRoomStore:
    return new_store()[0]


def run_threads(count: int, target) -> list[BaseException]:
    """Start `count` threads of target(i) together; the errors they raised."""
    barrier = threading.Barrier(count)
    errors: list[BaseException] = []
    lock = threading.Lock()

    def body(i: int) -> None:
        barrier.wait()
        try:
            target(i)
        except BaseException as error:  # noqa: BLE001
            with lock:
                errors.append(error)

    threads = [threading.Thread(target=body, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_thirty_participants_join_and_submit_at_once_and_no_entry_is_lost(store):
    room = store.open_room()
    store.publish(room.code, room.secret, TUTORIAL_CORPUS, {"lr": 0.1}, Challenge(0.5, 100))

    def participant(i: int) -> None:
        me = store.join(room.code, f"p{i}")
        for n in range(5):
            store.submit(room.code, me.token, run(accuracy=(i * 5 + n) / 200, lr=i))
            store.participant_view(room.code, me.token)
            store.board(room.code, room.secret)

    assert run_threads(30, participant) == []
    board = store.board(room.code, room.secret)
    assert board.summary.participants == 30 and len(board.entries) == 150
    assert len({entry.id for entry in board.entries}) == 150
    for entry in board.entries:
        assert entry.settings["lr"] == int(entry.nickname[1:])  # every run under its own nickname
    assert [entry.test_accuracy for entry in board.entries] == sorted((n / 200 for n in range(150)), reverse=True)


def test_bounds_hold_when_many_join_and_submit_at_once(store):
    room = store.open_room()
    joined: list[str] = []

    def join(i: int) -> None:
        joined.append(store.join(room.code, f"p{i}").token)

    errors = run_threads(MAX_PARTICIPANTS + 20, join)
    assert len(joined) == MAX_PARTICIPANTS
    assert len(errors) == 20 and {error.code for error in errors} == {"room_full"}

    token = joined[0]
    errors = run_threads(MAX_ENTRIES_PER_PARTICIPANT + 10, lambda i: store.submit(room.code, token, run()))
    assert len(errors) == 10 and {error.code for error in errors} == {"too_many_entries"}
    assert store.board(room.code, room.secret).summary.entries == MAX_ENTRIES_PER_PARTICIPANT


def test_rooms_stay_bounded_when_opened_at_once(store):
    errors = run_threads(MAX_ROOMS + 10, lambda i: store.open_room())
    assert len(errors) == 10 and {error.code for error in errors} == {"too_many_rooms"}
    assert store.room_count() == MAX_ROOMS


def test_one_session_opening_rooms_at_once_ends_with_one(store):
    opened: list = []
    assert run_threads(20, lambda i: opened.append(store.open_room(owner="session-a"))) == []
    assert store.room_count() == 1
    alive = []
    for room in opened:
        try:
            alive.append(store.board(room.code, room.secret).code)
        except ClassroomError as error:
            assert error.code == "no_room"
    assert len(alive) == 1


def test_closing_a_room_while_others_submit_and_publish_leaves_the_store_consistent(store):
    """Closing interrupts nothing but the closed room: its users get `no_room`, the other room is whole.

    The closed room's participants and instructor keep working until the room is gone, so the
    close always lands among their calls, whatever the threads' timing.
    """
    closing, staying = store.open_room(), store.open_room()
    seats = {room.code: [store.join(room.code, f"p{i}") for i in range(6)] for room in (closing, staying)}
    accepted = {closing.code: 0, staying.code: 0}
    count = threading.Lock()
    started = threading.Event()
    calls = 100_000  # a ceiling: the closed room's users stop at `no_room` long before

    def participant(room, seat) -> None:
        for n in range(calls):
            try:
                if n < MAX_ENTRIES_PER_PARTICIPANT:
                    store.submit(room.code, seat.token, run(accuracy=n / 20))
                    with count:
                        accepted[room.code] += 1
                    started.set()
                elif room is staying:
                    return  # its work done; the closing room's participants read on until it is gone
                store.participant_view(room.code, seat.token)
            except ClassroomError as error:
                assert error.code == "no_room" and room is closing, error
                return
        raise AssertionError("the room was never closed")

    def instructor(room) -> None:
        for n in range(calls):
            if n >= 30 and room is staying:
                return
            try:
                store.publish(room.code, room.secret, TUTORIAL_CORPUS, {"lr": n})
                store.board(room.code, room.secret)
            except ClassroomError as error:
                assert error.code == "no_room" and room is closing, error
                return
        raise AssertionError("the room was never closed")

    def close() -> None:
        assert started.wait(timeout=60)
        store.close_room(closing.code, closing.secret)

    work = [close]
    for room in (closing, staying):
        work.append(lambda room=room: instructor(room))
        work += [lambda room=room, seat=seat: participant(room, seat) for seat in seats[room.code]]
    assert run_threads(len(work), lambda i: work[i]()) == []

    assert store.room_count() == 1
    for operation in (
        lambda: store.board(closing.code, closing.secret),
        lambda: store.submit(closing.code, seats[closing.code][0].token, run()),
        lambda: store.join(closing.code, "late"),
    ):
        with refused("no_room"):
            operation()
    board = store.board(staying.code, staying.secret)
    assert board.publication.version == 30
    assert len(board.entries) == accepted[staying.code] == 6 * MAX_ENTRIES_PER_PARTICIPANT
    assert len({entry.id for entry in board.entries}) == len(board.entries)
    for seat in seats[staying.code]:
        assert store.participant_view(staying.code, seat.token).entries_left == 0
    store.open_room()  # the closed room's place is free
    assert store.room_count() == 2


def test_a_nickname_is_taken_once_when_many_ask_at_once(store):
    room = store.open_room()
    errors = run_threads(20, lambda i: store.join(room.code, "Ana" if i % 2 else "ana"))
    assert len(errors) == 19 and {error.code for error in errors} == {"nickname_taken"}
