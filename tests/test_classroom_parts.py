"""The classroom's parts without a page: the board's charts, a run as a room receives it, refusals in every language."""

from __future__ import annotations

import pytest

from charts import palette
from charts.classroom import MAX_LEGEND, accuracy_spread_chart, curves_frame, loss_curves_chart, spread_frame
from core.classroom import (
    MAX_CORPUS_CHARS,
    MAX_CURVE_POINTS,
    MAX_ENTRIES_PER_PARTICIPANT,
    MAX_PARTICIPANTS,
    MAX_SETTINGS,
    REASON_TEXT,
    Challenge,
    ClassroomError,
    Entry,
    MemoryRoomStore,
    Reason,
    RunResult,
    clean_run,
)
from core.corpus import TUTORIAL_CORPUS, Problem, Row
from core.dataset import TokenOptions, prepare
from core.limits import LIMITS, LimitExceeded
from core.training import TrainConfig, train
from i18n import language_codes, translate
from ui.classifier.state import Run
from ui.classroom.bridge import SETTING_NAMES, can_submit, run_result, run_settings


def entry(number: int, accuracy: float | None, curve=(1.0, 0.5, 0.25), epochs: int = 2, nickname: str = "Ana"):
    return Entry(
        id=number,
        participant_id=number,
        nickname=nickname,
        settings={},
        train_loss=curve[-1],
        train_accuracy=1.0,
        test_loss=None if accuracy is None else 0.3,
        test_accuracy=accuracy,
        epochs=epochs,
        curve=tuple(curve),
        publication=1,
        met_challenge=None,
    )


def test_a_downsampled_curve_is_drawn_at_the_epochs_its_points_stand_for():
    frame = curves_frame([entry(1, 0.5, curve=(1.0, 0.6, 0.4, 0.3, 0.2), epochs=100)])
    assert list(frame["epoch"]) == [0, 25, 50, 75, 100]
    assert set(frame["run"]) == {"Ana #1"}


def test_many_runs_are_drawn_without_a_legend_and_each_keeps_its_own_line():
    few = loss_curves_chart([entry(i, 0.5) for i in range(1, 4)], {}).to_dict()
    many = loss_curves_chart([entry(i, 0.5) for i in range(1, MAX_LEGEND + 3)], {}).to_dict()
    assert few["encoding"]["color"].get("legend", {}) is not None
    assert many["encoding"]["color"]["legend"] is None
    assert many["encoding"]["detail"]["field"] == "id"


def test_a_rooms_curves_differ_by_more_than_colour():
    """Every run has its own pair of colour and dash, the colours are the checked palette's, and
    the tooltip names the run."""
    runs = 30
    spec = loss_curves_chart([entry(i, 0.5) for i in range(1, runs + 1)], {}).to_dict()
    lines = spec
    colours = lines["encoding"]["color"]["scale"]["range"]
    dashes = lines["encoding"]["strokeDash"]["scale"]["range"]
    assert colours == list(palette.CATEGORICAL)
    assert lines["encoding"]["strokeDash"]["field"] == "run"
    pairs = {(colours[i % len(colours)], tuple(dashes[i % len(dashes)])) for i in range(runs)}
    assert len(pairs) == runs
    assert lines["encoding"]["tooltip"][0]["field"] == "run"


def test_the_spread_leaves_out_runs_without_a_test_accuracy_and_never_jiggles():
    entries = [entry(1, 0.9), entry(2, None), entry(3, 0.7)]
    first, second = spread_frame(entries), spread_frame(entries)
    assert list(first["accuracy"]) == [0.9, 0.7]
    assert list(first["offset"]) == list(second["offset"])
    assert all(-1 <= offset <= 1 for offset in first["offset"])
    layers = accuracy_spread_chart(entries, 0.8, {}).to_dict()["layer"]
    assert len(layers) == 3  # box, dots, the challenge's target
    assert len(accuracy_spread_chart(entries, None, {}).to_dict()["layer"]) == 2


def errors_raised(attempts) -> list[ClassroomError]:
    """The error each attempt raises; an attempt that raises none fails the test."""
    found = []
    for attempt in attempts:
        with pytest.raises(ClassroomError) as raised:
            attempt()
        found.append(raised.value)
    return found


@pytest.fixture(scope="module")
def finished_run() -> Run:
    data = prepare(list(TUTORIAL_CORPUS))
    config = TrainConfig(optimizer="adam", lr=0.03, epochs=12, tutorial_draws=True)
    return Run(train(data, config), data, TokenOptions(), True)


def test_a_run_reaches_the_room_with_its_settings_numbers_and_curve_but_no_corpus(finished_run):
    result = run_result(finished_run)
    assert isinstance(result, RunResult)
    assert tuple(result.settings) == SETTING_NAMES
    assert result.settings["optimizer"] == "adam" and result.settings["lr"] == 0.03
    assert result.settings["batch_size"] is None  # one sentence at a time: the batch size plays no part
    last = finished_run.result.history[-1]
    assert (result.train_loss, result.test_accuracy, result.epochs) == (last.train_loss, last.test_accuracy, 12)
    assert len(result.curve) == 13 and result.curve[0] == finished_run.result.history[0].train_loss
    assert clean_run(result) == RunResult(**{**result.__dict__, "curve": tuple(result.curve)})
    words = {word for row in TUTORIAL_CORPUS for word in row.text.split()}
    assert not words & {str(value) for value in result.settings.values()}
    assert "creo" not in repr(result)


def test_a_run_reaches_the_board_with_every_loss_at_its_own_epoch(finished_run):
    """Within the room's bound, the curve sent through the bridge is drawn point for point."""
    losses = tuple(record.train_loss for record in finished_run.result.history)
    assert len(losses) < MAX_CURVE_POINTS
    store = MemoryRoomStore()
    room = store.open_room()
    store.submit(room.code, store.join(room.code, "Ana").token, run_result(finished_run))
    (shown,) = store.board(room.code, room.secret).entries
    assert shown.curve == losses
    frame = curves_frame([shown])
    assert list(frame["epoch"]) == list(range(finished_run.result.epochs_done + 1))
    assert list(frame["loss"]) == list(losses)


def test_only_runs_trained_here_can_be_submitted(finished_run):
    assert can_submit(finished_run)
    assert not can_submit(None)
    imported = Run(finished_run.result, finished_run.dataset, finished_run.options, True)
    imported.result = type(finished_run.result)(**{**finished_run.result.__dict__, "status": "imported"})
    assert not can_submit(imported)
    assert run_settings(finished_run)["seed"] == finished_run.result.config.seed


def refusals() -> list[ClassroomError]:
    """One refusal of each kind, raised by a real store, with the details it really carries."""
    store = MemoryRoomStore(max_rooms=2)
    room, full = store.open_room(), store.open_room()
    seat = store.join(room.code, "Ana")
    for number in range(MAX_PARTICIPANTS):
        store.join(full.code, f"P{number}")
    run = RunResult({}, 0.1, 1.0, None, None, 1)
    for _ in range(MAX_ENTRIES_PER_PARTICIPANT):
        store.submit(room.code, seat.token, run)
    attempts = [
        lambda: store.open_room(),
        lambda: store.join("ZZZZZZ", "Bo"),
        lambda: store.board(room.code, "wrong"),
        lambda: store.submit(room.code, "1.wrong", RunResult({}, 0.1, 1.0, None, None, 1)),
        lambda: store.join(room.code, ""),
        lambda: store.join(room.code, "x" * 100),
        lambda: store.join(room.code, "a\u200bb"),
        lambda: store.join(room.code, "ANA"),
        lambda: store.remove_entry(room.code, room.secret, 99),
        lambda: store.publish(room.code, room.secret, corpus=[]),
        lambda: store.publish(room.code, room.secret, settings={"x": object()}),
        lambda: store.submit(room.code, seat.token, RunResult({}, -1.0, 1.0, None, None, 1)),
        lambda: store.join(full.code, "Bo"),
        lambda: store.submit(room.code, seat.token, run),
        lambda: store.publish(room.code, room.secret, corpus=[Row("x" * (MAX_CORPUS_CHARS + 1), "A")]),
        lambda: Challenge(2.0, 10),
    ]
    return errors_raised(attempts)


def reason_keys(reason) -> list[tuple[str, dict]]:
    """The catalog keys (and values) the UI translates a refusal's reason with."""
    if isinstance(reason, tuple):
        return [key for item in reason for key in reason_keys(item)]
    if isinstance(reason, Problem):
        return [(f"classifier.problem.{reason.code}", {"detail": reason.detail})]
    if isinstance(reason, LimitExceeded):
        return [(f"limit.{reason.name}", {"found": reason.found, "limit": reason.limit, "row": reason.row})]
    assert isinstance(reason, Reason), reason
    return [(f"classroom.reason.{reason.code}", dict(reason.values))]


@pytest.mark.parametrize("lang", language_codes())
def test_every_refusal_has_a_message_in_every_language(lang):
    for error in refusals() + value_refusals():
        reason = error.details.get("reason")
        values = {
            name: f"{value:,}" if isinstance(value, int) else str(value)
            for name, value in error.details.items()
            if name != "reason"
        }
        keys = [(f"classroom.error.{error.code}", values)]
        if reason is not None:
            keys += reason_keys(reason)
        for key, filled in keys:
            text = translate(key, lang, **filled)
            assert text != key and "{" not in text, (error.code, key, text)
    assert {error.code for error in refusals()} == set(ClassroomError.MESSAGES)


def value_refusals() -> list[ClassroomError]:
    """A refusal for each reason a value can be refused for, from the real checks."""
    store = MemoryRoomStore()
    room = store.open_room()
    seat = store.join(room.code, "Ana")

    def result(**changes) -> RunResult:
        return RunResult(**{**RunResult({}, 0.1, 0.9, 0.2, 0.8, 3, [1.0]).__dict__, **changes})

    attempts = [
        lambda: store.publish(room.code, room.secret, challenge=(0.9, 10)),
        lambda: Challenge(0.0, 10),
        lambda: Challenge(0.9, 0),
        lambda: store.publish(room.code, room.secret, settings=[("lr", 0.1)]),
        lambda: store.publish(room.code, room.secret, settings={f"s{i}": i for i in range(MAX_SETTINGS + 1)}),
        lambda: store.publish(room.code, room.secret, settings={"": 1}),
        lambda: store.publish(room.code, room.secret, settings={"lr": float("nan")}),
        lambda: store.publish(room.code, room.secret, settings={"note": "x" * 1000}),
        lambda: store.submit(room.code, seat.token, "a run"),
        lambda: store.submit(room.code, seat.token, result(epochs=0)),
        lambda: store.submit(room.code, seat.token, result(test_accuracy=None)),
        lambda: store.submit(room.code, seat.token, result(curve=[1.0, float("inf")])),
        lambda: store.submit(room.code, seat.token, result(train_loss=float("nan"))),
        lambda: store.submit(room.code, seat.token, result(test_loss=-1.0)),
        lambda: store.submit(room.code, seat.token, result(train_accuracy=2.0)),
        lambda: store.submit(room.code, seat.token, result(test_accuracy="0.8")),
        lambda: store.publish(room.code, room.secret, corpus=[("a", "X", "train")]),
        lambda: store.publish(room.code, room.secret, corpus=[Row("x" * (MAX_CORPUS_CHARS + 1), "A")]),
        lambda: store.publish(room.code, room.secret, corpus=[Row("a", "X")] * (LIMITS.rows + 1)),
        lambda: store.publish(room.code, room.secret, corpus=[Row(f"w{i}", f"L{i}") for i in range(LIMITS.labels + 1)]),
        lambda: store.publish(room.code, room.secret, corpus=[Row("a", "X"), Row("b", "X")]),
    ]
    return errors_raised(attempts)


def test_every_reason_a_value_is_refused_for_is_given_by_a_real_check():
    reasons = [error.details["reason"] for error in value_refusals()]
    assert {reason.code for reason in reasons if isinstance(reason, Reason)} == set(REASON_TEXT)
    assert any(isinstance(reason, Problem) for reason in reasons)
    assert any(isinstance(reason, LimitExceeded) for reason in reasons)
    assert any(isinstance(reason, tuple) for reason in reasons)
    # The English message names the reason too, for whoever uses the store without the UI.
    for error in value_refusals():
        assert "{" not in str(error) and "Reason(" not in str(error) and "Problem(" not in str(error), str(error)
