"""Classroom rooms: codes and secrets, bounds, expiry, nicknames and ranking (threads: test_classroom_concurrency)."""

from __future__ import annotations

import math

import pytest

from core import classroom
from core.classroom import (
    MAX_CORPUS_CHARS,
    MAX_CURVE_POINTS,
    MAX_ENTRIES_PER_PARTICIPANT,
    MAX_NICKNAME_CHARS,
    MAX_PARTICIPANTS,
    MAX_ROOMS,
    ROOM_CODE_ALPHABET,
    ROOM_CODE_LENGTH,
    ROOM_IDLE_SECONDS,
    UNUSED_ROOM_SECONDS,
    Challenge,
    ClassroomError,
    MemoryRoomStore,
    RoomStore,
    RunResult,
    downsample,
)
from core.corpus import TUTORIAL_CORPUS, Row
from core.limits import LIMITS
from tests.classroom_store import Clock, new_store, refused, run


@pytest.fixture
def store_and_clock() -> tuple[MemoryRoomStore, Clock]:
    return new_store()


@pytest.fixture
def store(store_and_clock) -> MemoryRoomStore:
    return store_and_clock[0]


@pytest.fixture
def clock(store_and_clock) -> Clock:
    return store_and_clock[1]


# ---------------------------------------------------------------- codes and secrets


def test_the_memory_store_is_a_room_store(store):
    assert isinstance(store, RoomStore)


def test_codes_are_short_unambiguous_and_differ(store):
    codes = {store.open_room().code for _ in range(MAX_ROOMS)}
    assert len(codes) == MAX_ROOMS
    for code in codes:
        assert len(code) == ROOM_CODE_LENGTH and set(code) <= set(ROOM_CODE_ALPHABET)
    assert not set("01OIL") & set(ROOM_CODE_ALPHABET)


def test_instructor_secrets_are_long_and_differ(store):
    secrets_ = {store.open_room().secret for _ in range(10)}
    assert len(secrets_) == 10 and all(len(secret) >= 40 for secret in secrets_)


def test_codes_are_case_insensitive_on_join(store):
    room = store.open_room()
    assert store.join(f" {room.code.lower()} ", "Ana").nickname == "Ana"
    code = room.code[:3] + "-" + room.code[3:]
    assert store.join(code, "Ben").nickname == "Ben"
    with refused("no_room"):
        store.join("ZZZZZZ" if room.code != "ZZZZZZ" else "YYYYYY", "Cy")


@pytest.mark.parametrize("secret", [None, "", "wrong", "é" * 43])
def test_publish_remove_close_and_board_need_the_instructor_secret(store, secret):
    room = store.open_room()
    pupil = store.join(room.code, "Ana")
    entry = store.submit(room.code, pupil.token, run())
    with refused("not_instructor"):
        store.publish(room.code, secret, corpus=TUTORIAL_CORPUS)
    with refused("not_instructor"):
        store.board(room.code, secret)
    with refused("not_instructor"):
        store.remove_entry(room.code, secret, entry.id)
    with refused("not_instructor"):
        store.close_room(room.code, secret)
    # Another room's secret is no better, nor a participant's token.
    other = store.open_room()
    for wrong in (other.secret, pupil.token, room.secret[:-1]):
        with refused("not_instructor"):
            store.close_room(room.code, wrong)
    assert store.board(room.code, room.secret).summary.entries == 1


def test_a_token_submits_only_under_its_own_nickname_and_only_in_its_room(store):
    room, other = store.open_room(), store.open_room()
    ana, ben = store.join(room.code, "Ana"), store.join(room.code, "Ben")
    assert store.submit(room.code, ana.token, run()).nickname == "Ana"
    assert store.submit(room.code, ben.token, run()).nickname == "Ben"
    forged = f"{ben.id}.{ana.token.partition('.')[2]}"  # Ben's id with Ana's secret
    for token in (forged, "", None, "1", "x.y", ana.token + "x", f"{10**12}.abc"):
        with refused("not_participant"):
            store.submit(room.code, token, run())
    with refused("not_participant"):
        store.submit(other.code, ana.token, run())
    with refused("not_participant"):
        store.participant_view(other.code, ana.token)
    board = store.board(room.code, room.secret)
    assert sorted(entry.nickname for entry in board.entries) == ["Ana", "Ben"]


# ---------------------------------------------------------------- nicknames


def test_nicknames_are_stripped_and_kept_as_plain_text(store):
    room = store.open_room()
    assert store.join(room.code, "  <b>Ana</b>  ").nickname == "<b>Ana</b>"
    assert store.join(room.code, "x" * MAX_NICKNAME_CHARS).nickname == "x" * MAX_NICKNAME_CHARS
    assert store.join(room.code, "Zoë 🦊").nickname == "Zoë 🦊"


@pytest.mark.parametrize(
    ("nickname", "code"),
    [
        ("", "nickname_empty"),
        ("   \n ", "nickname_empty"),
        (None, "nickname_empty"),
        ("x" * (MAX_NICKNAME_CHARS + 1), "nickname_too_long"),
        ("a\x00b", "nickname_characters"),
        ("a\tb", "nickname_characters"),
        ("a\u202eb", "nickname_characters"),  # right-to-left override
        ("a\u200bb", "nickname_characters"),  # zero-width space
        ("a\u2028b", "nickname_characters"),  # line separator
    ],
)
def test_bad_nicknames_are_refused(store, nickname, code):
    room = store.open_room()
    with refused(code):
        store.join(room.code, nickname)
    assert store.board(room.code, room.secret).summary.participants == 0


def test_a_nickname_taken_in_the_room_is_refused_ignoring_case_and_width(store):
    room, other = store.open_room(), store.open_room()
    store.join(room.code, "Ana")
    for again in ("Ana", " ana ", "ANA", "Ａｎａ"):  # the last in full-width letters
        with refused("nickname_taken"):
            store.join(room.code, again)
    assert store.join(other.code, "Ana").nickname == "Ana"  # another room is another namespace
    assert store.board(room.code, room.secret).nicknames == ("Ana",)


# ---------------------------------------------------------------- bounds


def test_rooms_are_bounded(store):
    rooms = [store.open_room() for _ in range(MAX_ROOMS)]
    with refused("too_many_rooms") as info:
        store.open_room()
    assert info.value.details["limit"] == MAX_ROOMS
    store.close_room(rooms[0].code, rooms[0].secret)
    store.open_room()
    assert store.room_count() == MAX_ROOMS


def test_participants_per_room_are_bounded(store):
    room = store.open_room()
    for number in range(MAX_PARTICIPANTS):
        store.join(room.code, f"p{number}")
    with refused("room_full"):
        store.join(room.code, "late")
    assert store.board(room.code, room.secret).summary.participants == MAX_PARTICIPANTS


def test_entries_per_participant_are_bounded_and_a_removal_frees_one(store):
    room = store.open_room()
    ana, ben = store.join(room.code, "Ana"), store.join(room.code, "Ben")
    entries = [store.submit(room.code, ana.token, run()) for _ in range(MAX_ENTRIES_PER_PARTICIPANT)]
    assert store.participant_view(room.code, ana.token).entries_left == 0
    with refused("too_many_entries"):
        store.submit(room.code, ana.token, run())
    store.submit(room.code, ben.token, run())  # the bound is per participant
    store.remove_entry(room.code, room.secret, entries[0].id)
    store.submit(room.code, ana.token, run())
    with refused("too_many_entries"):
        store.submit(room.code, ana.token, run())
    assert store.board(room.code, room.secret).summary.entries == MAX_ENTRIES_PER_PARTICIPANT + 1


def test_downsampling_keeps_the_ends_and_spaces_the_points_evenly():
    curve = [float(i) for i in range(1000)]
    points = downsample(curve)
    assert len(points) == MAX_CURVE_POINTS
    assert points[0] == 0.0 and points[-1] == 999.0
    steps = [b - a for a, b in zip(points, points[1:], strict=False)]
    assert all(step > 0 for step in steps) and max(steps) - min(steps) <= 1
    assert downsample(curve[:MAX_CURVE_POINTS]) == curve[:MAX_CURVE_POINTS]
    assert downsample([3.0, 2.0]) == [3.0, 2.0] and downsample([]) == []


def test_a_submitted_curve_is_downsampled_on_the_board(store):
    room = store.open_room()
    ana = store.join(room.code, "Ana")
    long = RunResult({"lr": 0.1}, 0.1, 1.0, 0.2, 0.9, 5000, [1.0 / (i + 1) for i in range(5000)])
    assert len(store.submit(room.code, ana.token, long).curve) == MAX_CURVE_POINTS
    (entry,) = store.board(room.code, room.secret).entries
    assert len(entry.curve) == MAX_CURVE_POINTS
    assert entry.curve[0] == 1.0 and entry.curve[-1] == 1.0 / 5000


def test_the_published_corpus_is_bounded(store):
    room = store.open_room()
    too_many_rows = [Row("a b", "X"), Row("c d", "Y")] * (LIMITS.rows // 2 + 1)
    with refused("corpus_too_large"):
        store.publish(room.code, room.secret, corpus=too_many_rows)
    too_many_labels = [Row(f"word{i}", f"L{i}") for i in range(LIMITS.labels + 1)]
    with refused("corpus_too_large") as info:
        store.publish(room.code, room.secret, corpus=too_many_labels)
    assert "labels" in str(info.value)
    long_text = "w " * (MAX_CORPUS_CHARS // 4)
    with refused("corpus_too_large"):
        store.publish(room.code, room.secret, corpus=[Row(long_text, "X"), Row(long_text, "Y"), Row("z", "X")])
    with refused("corpus_invalid"):
        store.publish(room.code, room.secret, corpus=[Row("a", "X"), Row("b", "X")])  # one label only
    with refused("corpus_invalid"):
        store.publish(room.code, room.secret, corpus=[("a", "X", "train"), ("b", "Y", "train")])
    assert store.board(room.code, room.secret).publication.version == 0  # nothing was published


def test_settings_and_results_are_checked(store):
    room = store.open_room()
    ana = store.join(room.code, "Ana")
    for settings in ({"x": [1, 2]}, {"x": math.nan}, {1: 2}, {"x": "t" * 201}, {f"k{i}": i for i in range(41)}, [1]):
        with refused("bad_settings"):
            store.publish(room.code, room.secret, settings=settings)
        with refused("bad_settings"):
            store.submit(room.code, ana.token, RunResult(settings, 0.1, 0.9, 0.2, 0.8, 3, [1.0]))
    bad_runs = [
        RunResult({}, 0.1, 1.5, 0.2, 0.8, 3),  # accuracy over 1
        RunResult({}, -0.1, 0.9, 0.2, 0.8, 3),  # negative loss
        RunResult({}, 0.1, 0.9, math.inf, 0.8, 3),
        RunResult({}, 0.1, 0.9, 0.2, None, 3),  # test loss without test accuracy
        RunResult({}, 0.1, 0.9, 0.2, 0.8, 0),
        RunResult({}, 0.1, 0.9, 0.2, 0.8, True),
        RunResult({}, 0.1, 0.9, 0.2, 0.8, 3, [1.0, math.nan]),
        RunResult({}, 0.1, 0.9, 0.2, 0.8, 3, "1.0"),
        RunResult({}, "0.1", 0.9, 0.2, 0.8, 3),
    ]
    for bad in bad_runs:
        with refused("bad_result"):
            store.submit(room.code, ana.token, bad)
    assert store.board(room.code, room.secret).entries == ()


@pytest.mark.parametrize(("target", "epochs"), [(0.0, 10), (1.5, 10), (0.9, 0), (0.9, 2.5), (math.nan, 10)])
def test_bad_challenges_are_refused(target, epochs):
    with refused("bad_challenge"):
        Challenge(target, epochs)


# ---------------------------------------------------------------- publish, view, board


def test_a_participant_sees_only_the_publication_the_summary_and_their_own_runs(store):
    room = store.open_room()
    ana, ben = store.join(room.code, "Ana"), store.join(room.code, "Ben")
    view = store.participant_view(room.code, ana.token)
    assert view.publication.version == 0 and view.publication.corpus is None
    corpus = [Row(r.text, f" {r.label} ", r.split) for r in TUTORIAL_CORPUS]
    published = store.publish(room.code, room.secret, corpus, {"epochs": 100, "optimizer": "SGD"}, Challenge(0.9, 20))
    store.submit(room.code, ana.token, run(accuracy=0.95, epochs=10))
    store.submit(room.code, ben.token, run(accuracy=0.5))
    view = store.participant_view(room.code, ana.token)
    assert view.publication == published and view.publication.version == 1
    assert view.publication.corpus == TUTORIAL_CORPUS  # labels trimmed
    assert dict(view.publication.settings) == {"epochs": 100, "optimizer": "SGD"}
    assert view.publication.challenge == Challenge(0.9, 20)
    assert [entry.nickname for entry in view.own_entries] == ["Ana"]
    assert view.own_entries[0].rank == 1 and view.own_entries[0].met_challenge is True
    assert view.summary.participants == 2 and view.summary.entries == 2 and view.summary.met_challenge == 1
    assert view.summary.best_test_accuracy == 0.95 and view.summary.worst_test_accuracy == 0.5
    assert not hasattr(view, "entries") and not hasattr(view, "nicknames")  # nobody else's runs


def test_publishing_replaces_the_publication_and_entries_record_its_version(store):
    room = store.open_room()
    ana = store.join(room.code, "Ana")
    store.publish(room.code, room.secret, TUTORIAL_CORPUS, {"lr": 0.1})
    first = store.submit(room.code, ana.token, run())
    second_publication = store.publish(room.code, room.secret, settings={"lr": 0.5})
    assert second_publication.version == 2 and second_publication.corpus is None
    second = store.submit(room.code, ana.token, run())
    assert (first.publication, second.publication) == (1, 2)


def test_the_board_ranks_by_challenge_then_test_accuracy_loss_epochs_and_time(store):
    room = store.open_room()
    store.publish(room.code, room.secret, challenge=Challenge(0.8, 20))
    names = ["slow", "best", "lossy", "early", "late", "no_test"]
    tokens = {name: store.join(room.code, name).token for name in names}
    store.submit(room.code, tokens["slow"], run(accuracy=1.0, loss=0.1, epochs=50))  # misses the epochs
    store.submit(room.code, tokens["early"], run(accuracy=0.9, loss=0.3, epochs=10))
    store.submit(room.code, tokens["late"], run(accuracy=0.9, loss=0.3, epochs=10))
    store.submit(room.code, tokens["lossy"], run(accuracy=0.9, loss=0.4, epochs=5))
    store.submit(room.code, tokens["best"], run(accuracy=0.95, loss=0.9, epochs=15))
    store.submit(room.code, tokens["no_test"], run(accuracy=None, loss=None, epochs=5))
    board = store.board(room.code, room.secret)
    assert [entry.nickname for entry in board.entries] == ["best", "early", "late", "lossy", "slow", "no_test"]
    assert [entry.rank for entry in board.entries] == [1, 2, 3, 4, 5, 6]
    assert [entry.met_challenge for entry in board.entries] == [True, True, True, True, False, False]
    assert board.summary.met_challenge == 4 and board.summary.median_test_accuracy == 0.9


def test_without_a_challenge_the_highest_test_accuracy_leads(store):
    room = store.open_room()
    a, b = store.join(room.code, "a"), store.join(room.code, "b")
    store.submit(room.code, a.token, run(accuracy=0.7, epochs=500))
    store.submit(room.code, b.token, run(accuracy=0.6, epochs=1))
    board = store.board(room.code, room.secret)
    assert [entry.nickname for entry in board.entries] == ["a", "b"]
    assert board.entries[0].met_challenge is None


def test_the_board_shows_which_settings_did_best(store):
    room = store.open_room()
    tokens = [store.join(room.code, f"p{i}").token for i in range(4)]
    store.submit(room.code, tokens[0], run(accuracy=0.9, lr=0.1, optimizer="SGD"))
    store.submit(room.code, tokens[1], run(accuracy=0.7, lr=0.1, optimizer="SGD"))
    store.submit(room.code, tokens[2], run(accuracy=0.6, lr=1.0, optimizer="SGD"))
    store.submit(room.code, tokens[3], run(accuracy=0.95, lr=0.01, optimizer="SGD"))
    board = store.board(room.code, room.secret)
    assert dict(board.best_settings) == {"lr": 0.01, "optimizer": "SGD"}
    groups = [(g.name, g.value, g.runs, round(g.mean_test_accuracy, 3)) for g in board.by_setting]
    # The optimizer never changed, so it explains nothing and is left out.
    assert groups == [("lr", 0.01, 1, 0.95), ("lr", 0.1, 2, 0.8), ("lr", 1.0, 1, 0.6)]
    assert board.by_setting[1].best_test_accuracy == 0.9


def test_removing_an_entry_and_closing_the_room(store):
    room = store.open_room()
    ana = store.join(room.code, "Ana")
    first, second = store.submit(room.code, ana.token, run()), store.submit(room.code, ana.token, run())
    store.remove_entry(room.code, room.secret, first.id)
    assert [entry.id for entry in store.board(room.code, room.secret).entries] == [second.id]
    with refused("no_entry"):
        store.remove_entry(room.code, room.secret, first.id)
    store.close_room(room.code, room.secret)
    assert store.room_count() == 0
    with refused("no_room"):
        store.participant_view(room.code, ana.token)
    with refused("no_room"):
        store.board(room.code, room.secret)
    with refused("no_room"):
        store.close_room(room.code, room.secret)


def test_returned_settings_cannot_change_the_stored_ones(store):
    room = store.open_room()
    ana = store.join(room.code, "Ana")
    settings = {"lr": 0.1}
    entry = store.submit(room.code, ana.token, RunResult(settings, 0.1, 0.9, 0.2, 0.8, 3, [1.0]))
    settings["lr"] = 99.0
    with pytest.raises(TypeError):
        entry.settings["lr"] = 5.0
    assert store.board(room.code, room.secret).entries[0].settings["lr"] == 0.1


# ---------------------------------------------------------------- expiry


def test_a_room_expires_after_hours_without_a_change(store, clock):
    room = store.open_room()
    ana = store.join(room.code, "Ana")
    clock.advance(ROOM_IDLE_SECONDS - 1)
    store.submit(room.code, ana.token, run())  # a change: the room lives on
    clock.advance(ROOM_IDLE_SECONDS - 1)
    store.board(room.code, room.secret)  # reads keep nothing alive
    store.participant_view(room.code, ana.token)
    clock.advance(1)
    with refused("no_room"):
        store.board(room.code, room.secret)
    with refused("no_room"):
        store.join(room.code, "Ben")
    assert store.room_count() == 0


def test_expired_rooms_are_dropped_when_rooms_are_opened(store, clock):
    for _ in range(MAX_ROOMS):
        room = store.open_room()
        store.publish(room.code, room.secret, settings={"lr": 0.1})  # in use: the long expiry
    clock.advance(ROOM_IDLE_SECONDS / 2)
    with refused("too_many_rooms"):
        store.open_room()
    clock.advance(ROOM_IDLE_SECONDS / 2)
    fresh = store.open_room()
    assert store.room_count() == 1
    assert store.join(fresh.code, "Ana").nickname == "Ana"


@pytest.mark.parametrize("use", ["join", "publish"])
def test_a_room_nobody_uses_expires_within_half_an_hour(store, clock, use):
    unused, used = store.open_room(), store.open_room()
    clock.advance(UNUSED_ROOM_SECONDS - 1)
    store.board(unused.code, unused.secret)  # the instructor watching the board does not count
    if use == "join":
        store.join(used.code, "Ana")
    else:
        store.publish(used.code, used.secret, settings={"lr": 0.1})
    clock.advance(1)
    with refused("no_room"):
        store.board(unused.code, unused.secret)
    clock.advance(ROOM_IDLE_SECONDS - 2)  # a used room lives hours after its last change
    assert store.board(used.code, used.secret).code == used.code
    clock.advance(1)
    assert store.room_count() == 0


def test_empty_rooms_hold_the_server_full_for_half_an_hour_at_most(store, clock):
    for _ in range(MAX_ROOMS):
        store.open_room()
    clock.advance(UNUSED_ROOM_SECONDS - 1)
    with refused("too_many_rooms"):
        store.open_room()
    clock.advance(1)
    store.open_room()
    assert store.room_count() == 1


def test_one_session_holds_one_room_and_its_new_room_replaces_it(store):
    first = store.open_room(owner="session-a")
    store.join(first.code, "Ana")
    others = [store.open_room(owner="session-b"), store.open_room()]
    second = store.open_room(owner="session-a")
    assert second.code != first.code
    with refused("no_room"):
        store.board(first.code, first.secret)  # deleted, participants and all
    for room in (second, *others):
        store.board(room.code, room.secret)  # other sessions' rooms stay
    assert store.room_count() == 3


def test_a_session_can_replace_its_room_on_a_full_server(store):
    mine = store.open_room(owner="session-a")
    for _ in range(MAX_ROOMS - 1):
        store.open_room()
    with refused("too_many_rooms"):
        store.open_room(owner="session-b")
    replaced = store.open_room(owner="session-a")
    assert store.room_count() == MAX_ROOMS
    with refused("no_room"):
        store.board(mine.code, mine.secret)
    store.board(replaced.code, replaced.secret)


def test_a_participant_who_rejoins_with_their_seat_keeps_it(store):
    room = store.open_room()
    ana = store.join(room.code, "Ana")
    store.submit(room.code, ana.token, run())
    again = store.join(room.code, " ana ", seat=ana.token)  # same nickname, ignoring case
    assert again == ana
    view = store.participant_view(room.code, again.token)
    assert view.entries_left == MAX_ENTRIES_PER_PARTICIPANT - 1 and len(view.own_entries) == 1
    assert store.board(room.code, room.secret).summary.participants == 1
    # Another nickname is another seat; a seat is no key to another participant's nickname.
    ben = store.join(room.code, "Ben", seat=ana.token)
    assert ben.id != ana.id
    with refused("nickname_taken"):
        store.join(room.code, "Ana", seat=ben.token)
    with refused("nickname_taken"):
        store.join(room.code, "Ana", seat=ana.token + "x")
    assert store.board(room.code, room.secret).nicknames == ("Ana", "Ben")


def test_a_full_room_still_gives_a_returning_participant_their_seat(store):
    room = store.open_room()
    seats = [store.join(room.code, f"p{number}") for number in range(MAX_PARTICIPANTS)]
    with refused("room_full"):
        store.join(room.code, "late")
    assert store.join(room.code, "p7", seat=seats[7].token) == seats[7]


def test_rejoining_is_a_change_that_keeps_the_room_alive(store, clock):
    room = store.open_room()
    ana = store.join(room.code, "Ana")
    clock.advance(ROOM_IDLE_SECONDS - 1)
    store.join(room.code, "Ana", seat=ana.token)
    clock.advance(ROOM_IDLE_SECONDS - 1)
    store.participant_view(room.code, ana.token)


# ---------------------------------------------------------------- many sessions at once


def test_every_error_code_has_a_message():
    for code, message in ClassroomError.MESSAGES.items():
        assert message and code == code.lower()
    assert issubclass(ClassroomError, ValueError)
    assert classroom.ClassroomError("room_full", limit=3).details == {"limit": 3}


@pytest.mark.parametrize("change", ["join", "publish", "submit", "remove_entry"])
def test_every_change_keeps_the_room_alive(store, clock, change):
    room = store.open_room()
    ana = store.join(room.code, "Ana")
    entry = store.submit(room.code, ana.token, run())
    clock.advance(ROOM_IDLE_SECONDS - 1)
    if change == "join":
        store.join(room.code, "Ben")
    elif change == "publish":
        store.publish(room.code, room.secret, settings={"lr": 0.1})
    elif change == "submit":
        store.submit(room.code, ana.token, run())
    else:
        store.remove_entry(room.code, room.secret, entry.id)
    clock.advance(ROOM_IDLE_SECONDS - 1)
    assert store.board(room.code, room.secret).summary.participants >= 1
    clock.advance(1)
    with refused("no_room"):
        store.board(room.code, room.secret)
