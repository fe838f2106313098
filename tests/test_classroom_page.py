"""The classroom page and the classifier's room actions under AppTest: several sessions share one server's rooms."""

from __future__ import annotations

import pytest

from core.classroom import MAX_NICKNAME_CHARS, MAX_SETTING_CHARS, ClassroomError, RunResult, clean_nickname
from core.corpus import PROBLEM_TEXT
from core.limits import LIMIT_NOUNS, LIMITS
from core.presets import PRESETS
from i18n import translate
from tests.conftest import assert_clean, open_page
from tests.hostile import HOSTILE_STRINGS
from ui.classroom import session
from ui.classroom.bridge import SETTING_NAMES
from ui.markup import plain

PAGE = "app_pages/classroom.py"
CLASSIFIER = "app_pages/classifier.py"
ADDRESS = "http://lab.example.org/classroom"  # what the browser reports as st.context.url


@pytest.fixture(autouse=True)
def no_rooms():
    """Each test starts on a server without rooms (tests share one process, hence one store)."""
    session.room_store.clear()
    yield
    session.room_store.clear()


def open_classroom(lang: str = "en", **query: str):
    at = open_page(None, lang)
    at.context["url"] = ADDRESS
    at.query_params.update(query)
    at.switch_page(PAGE).run()
    assert_clean(at)
    return at


def instructor(lang: str = "en"):
    at = open_classroom(lang)
    at.button(key="classroom.open").click().run()
    assert_clean(at)
    room = at.session_state[session.HOSTED]
    return at, room


def join(at, code: str, nickname: str):
    at.text_input(key="classroom.join.code").input(code)
    at.text_input(key="classroom.join.nickname").input(nickname)
    next(button for button in at.button if button.label == "Join").click().run()
    assert_clean(at)
    return at


def participant(code: str, nickname: str):
    return join(open_classroom(), code, nickname)


def texts_of(at) -> list[str]:
    """Every formatted text on the page: where markdown, links or LaTeX would come alive."""
    kinds = ("markdown", "caption", "success", "info", "warning", "error", "title", "subheader", "header")
    values = [str(element.value) for kind in kinds for element in at.get(kind)]
    values += [str(button.label) for button in at.button] + [str(metric.label) for metric in at.metric]
    return values


def errors(at) -> list[str]:
    return [error.value for error in at.error]


def publish(at, corpus: bool = True, settings: bool = True, challenge: tuple[int, int] | None = None):
    at.checkbox(key="classroom.publish.corpus").set_value(corpus)
    at.checkbox(key="classroom.publish.settings").set_value(settings)
    at.toggle(key="classroom.publish.challenge").set_value(challenge is not None)
    at.run()
    if challenge is not None:
        at.slider(key="classroom.challenge.target").set_value(challenge[0])
        at.number_input(key="classroom.challenge.max_epochs").set_value(challenge[1])
    at.button(key="classroom.publish").click().run()
    assert_clean(at)
    return at


def train_in_classifier(at):
    at.switch_page(CLASSIFIER).run()
    at.session_state["classifier.tab"] = translate("classifier.tab.train", "en")
    at.run()
    at.button(key="classifier.train").click().run()
    assert_clean(at)
    return at


def leaderboard(at):
    return next(frame.value for frame in at.dataframe if "Nickname" in frame.value.columns and "Rank" in frame.value)


# ---------------------------------------------------------------- the instructor


def test_opening_a_room_shows_its_code_join_link_qr_code_and_secret_link():
    at, room = instructor()
    assert len(room.code) == 6
    assert at.title[1].value.replace(" ", "") == room.code  # the code, large, in two halves
    codes = [block.value for block in at.code]
    assert f"{ADDRESS}?room={room.code}" in codes
    assert f"{ADDRESS}?room={room.code}&key={room.secret}" in codes
    (image,) = at.get("image")
    assert image.proto.imgs[0].url.startswith("data:image/svg+xml;base64,")
    assert translate("classroom.publish.nothing_yet", "en") in [caption.value for caption in at.caption]
    assert translate("classroom.board.empty", "en") in [info.value for info in at.info]


def test_a_room_opened_in_chinese_hands_out_chinese_links():
    at, room = instructor("zh")
    assert f"{ADDRESS}?room={room.code}&lang=zh" in [block.value for block in at.code]
    assert at.title[0].value == "课堂"


def test_the_secret_link_reopens_the_board_in_another_session_and_leaves_the_address():
    _, room = instructor()
    other = open_classroom(room=room.code, key=room.secret)
    assert other.session_state[session.HOSTED] == room
    assert "key" not in other.query_params  # the secret is not shown in a projected address bar
    assert other.button(key="classroom.publish")


def test_a_wrong_secret_can_neither_publish_nor_close():
    _, room = instructor()
    intruder = open_classroom(room=room.code, key="not-the-secret")
    assert translate("classroom.error.not_instructor", "en") in errors(intruder)
    assert session.HOSTED not in intruder.session_state
    assert not [button for button in intruder.button if button.key in ("classroom.publish", "classroom.close")]
    # It still offers to join, with the link's code typed in.
    assert intruder.text_input(key="classroom.join.code").value == room.code
    with pytest.raises(ClassroomError):
        session.room_store().close_room(room.code, "not-the-secret")


def test_too_many_rooms_is_refused_with_a_message():
    store = session.room_store()
    while True:
        try:
            store.open_room()
        except ClassroomError:
            break
    at = open_classroom()
    at.button(key="classroom.open").click().run()
    assert_clean(at)
    assert translate("classroom.error.too_many_rooms", "en", limit="50") in errors(at)
    assert session.HOSTED not in at.session_state


def test_publishing_an_invalid_corpus_says_why_and_publishes_nothing():
    at, room = instructor()
    at.session_state["classifier.rows"] = [{"text": "only one label here", "label": "A", "split": "train"}]
    publish(at)
    assert translate("classroom.error.corpus_invalid", "en") in errors(at)
    assert session.room_store().board(room.code, room.secret).publication.version == 0


@pytest.mark.parametrize(
    ("rows", "reason", "english"),
    [
        (
            [{"text": "only one label here", "label": "A", "split": "train"}],
            translate("classifier.problem.too_few_labels", "zh", detail="1"),
            PROBLEM_TEXT["too_few_labels"].split(";")[0],  # training rows need at least 2 different labels
        ),
        (
            [{"text": f"word{i}", "label": f"L{i}", "split": "train"} for i in range(LIMITS.labels + 1)],
            translate("limit.labels", "zh", found=f"{LIMITS.labels + 1}", limit=f"{LIMITS.labels}"),
            f"too many {LIMIT_NOUNS['labels']}",
        ),
    ],
    ids=["problem", "limit"],
)
def test_a_refusal_in_chinese_says_why_in_chinese(rows, reason, english):
    at, room = instructor("zh")
    at.session_state["classifier.rows"] = rows
    publish(at)
    assert any(error.startswith("语料") for error in errors(at)), errors(at)
    shown = texts_of(at)
    assert translate("failure.detail", "zh", detail=reason) in shown
    assert not [text for text in shown if english.lower() in text.lower()]
    assert session.room_store().board(room.code, room.secret).publication.version == 0


def test_opening_a_room_again_from_one_session_closes_its_first():
    at, first = instructor()
    del at.session_state[session.HOSTED]  # as after the secret link of another room took its place
    at.run()
    at.button(key="classroom.open").click().run()
    assert_clean(at)
    second = at.session_state[session.HOSTED]
    assert second.code != first.code
    with pytest.raises(ClassroomError):
        session.room_store().board(first.code, first.secret)
    assert session.room_store().room_count() == 1
    instructor()  # another session's room is another place
    assert session.room_store().room_count() == 2


# ---------------------------------------------------------------- joining


def test_a_join_link_types_the_code_and_a_nickname_joins():
    _, room = instructor()
    at = open_classroom(room=room.code.lower())
    assert at.text_input(key="classroom.join.code").value == room.code
    at.text_input(key="classroom.join.nickname").input("Ana")
    next(button for button in at.button if button.label == "Join").click().run()
    assert_clean(at)
    membership = at.session_state[session.JOINED]
    assert (membership.code, membership.nickname) == (room.code, "Ana")
    assert any("Ana" in text and room.code in text for text in texts_of(at))
    assert translate("classroom.member.nothing_yet", "en") in [info.value for info in at.info]


@pytest.mark.parametrize(
    ("code", "nickname", "error"),
    [
        ("ZZZZZZ", "Ana", "no_room"),
        (None, "   ", "nickname_empty"),
        (None, "Ana\u202e", "nickname_characters"),
        (None, "ANA", "nickname_taken"),
    ],
)
def test_a_refused_join_says_why_and_keeps_what_was_typed(code, nickname, error):
    _, room = instructor()
    participant(room.code, "Ana")
    at = participant(code or room.code, nickname)
    assert session.JOINED not in at.session_state
    details = {"limit": f"{MAX_NICKNAME_CHARS:,}", "found": f"{len(nickname):,}"}
    assert translate(f"classroom.error.{error}", "en", **details) in errors(at)
    assert at.text_input(key="classroom.join.code").value == (code or room.code)
    assert at.text_input(key="classroom.join.nickname").value == nickname


def test_leaving_and_joining_again_under_the_same_nickname_keeps_the_seat():
    host, room = instructor()
    at = participant(room.code, "Ana")
    seat = at.session_state[session.JOINED]
    at.button(key="classroom.member.leave").click().run()
    assert session.JOINED not in at.session_state
    join(at, room.code, "ana")
    again = at.session_state[session.JOINED]
    assert (again.token, again.nickname) == (seat.token, "Ana")
    assert session.room_store().board(room.code, room.secret).nicknames == ("Ana",)
    # Under another nickname it is another seat, as a new participant would take.
    at.button(key="classroom.member.leave").click().run()
    join(at, room.code, "Bo")
    assert session.room_store().board(room.code, room.secret).nicknames == ("Ana", "Bo")


def test_the_nickname_field_takes_no_more_than_a_nickname_may_hold():
    at = open_classroom()
    assert at.text_input(key="classroom.join.nickname").max_chars == MAX_NICKNAME_CHARS


def test_a_full_room_is_refused(monkeypatch):
    monkeypatch.setattr("core.classroom.memory.MAX_PARTICIPANTS", 1)
    _, room = instructor()
    participant(room.code, "Ana")
    at = participant(room.code, "Bo")
    assert translate("classroom.error.room_full", "en", limit="1") in errors(at)


def test_an_expired_room_sends_everyone_back_to_the_start(monkeypatch):
    host, room = instructor()
    at = participant(room.code, "Ana")
    monkeypatch.setattr("core.classroom.memory.ROOM_IDLE_SECONDS", 0)
    for person, key in ((at, session.JOINED), (host, session.HOSTED)):
        person.run()
        assert_clean(person)
        assert key not in person.session_state
        assert translate("classroom.error.no_room", "en") in [warning.value for warning in person.warning]
        assert person.text_input(key="classroom.join.nickname")  # the way to join (or open) another


# ---------------------------------------------------------------- a whole round


def test_publish_join_load_train_submit_then_remove_and_close():
    host, room = instructor()
    # The instructor prepares the classifier: the multilingual preset is too slow for a room's
    # click, so a small corpus and settings of their choosing.
    host.session_state["classifier.rows"] = [
        {"text": row.text, "label": row.label, "split": row.split} for row in PRESETS["tutorial"]
    ]
    host.session_state["classifier.optimizer"] = "adam"
    host.session_state["classifier.lr"] = 0.03
    host.session_state["classifier.epochs"] = 30
    publish(host, challenge=(90, 40))
    assert any("version 1" in success.value for success in host.success)

    ana = participant(room.code, "Ana")
    train = sum(row.split == "train" for row in PRESETS["tutorial"])
    corpus_text = translate(
        "classroom.member.corpus_text",
        "en",
        rows=len(PRESETS["tutorial"]),
        train=train,
        test=len(PRESETS["tutorial"]) - train,
    )
    assert any(corpus_text in caption.value for caption in ana.caption)
    assert any("Challenge: reach 90% test accuracy in at most 40 epochs." in info.value for info in ana.info)
    ana.button(key="classroom.member.load_corpus").click().run()
    ana.button(key="classroom.member.apply_settings").click().run()
    assert_clean(ana)
    assert ana.session_state["classifier.optimizer"] == "adam"
    assert ana.session_state["classifier.lr"] == 0.03 and ana.session_state["classifier.epochs"] == 30
    assert [row["text"] for row in ana.session_state["classifier.rows"]] == [row.text for row in PRESETS["tutorial"]]

    train_in_classifier(ana)
    run = ana.session_state["classifier.run"]
    assert run.result.config.optimizer == "adam" and run.result.epochs_done == 30
    ana.button(key="classroom.classifier.submit").click().run()
    assert_clean(ana)
    assert any("submitted to room" in success.value for success in ana.success)
    assert translate("classroom.classifier.submitted", "en") in [caption.value for caption in ana.caption]
    assert not [button for button in ana.button if button.key == "classroom.classifier.submit"]

    # The board shows the run: nickname, settings, final numbers, the challenge.
    host.run()
    assert_clean(host)
    table = leaderboard(host)
    assert list(table["Nickname"]) == ["Ana"]
    last = run.result.history[-1]
    assert table["Test accuracy"][0] == pytest.approx(100 * last.test_accuracy)
    assert table["Training loss"][0] == pytest.approx(last.train_loss)
    assert table["Epochs"][0] == 30 and "Adam" in table["Settings"][0]
    (entry,) = session.room_store().board(room.code, room.secret).entries
    assert set(entry.settings) == set(SETTING_NAMES)
    assert len(entry.curve) == 31  # epoch 0 and every epoch after
    assert "creo" not in repr(entry)  # never a word of the corpus
    specs = [chart.proto.spec for chart in host.get("vega_lite_chart")]
    assert len(specs) == 2

    # The participant's view: the summary and their own run, nobody else's.
    ana.switch_page(PAGE).run()
    assert_clean(ana)
    assert [metric.value for metric in ana.metric][:2] == ["1", "1"]

    # Remove the run, then close the room (after confirming).
    host.selectbox(key="classroom.remove.entry").set_value(entry.id).run()
    host.button(key="classroom.remove").click().run()
    assert_clean(host)
    assert session.room_store().board(room.code, room.secret).entries == ()
    host.button(key="classroom.close").click().run()
    assert_clean(host)
    assert session.HOSTED not in host.session_state
    assert any(room.code in success.value for success in host.success)
    with pytest.raises(ClassroomError):
        session.room_store().board(room.code, room.secret)

    # The participant learns the room has gone and may join another.
    ana.run()
    assert_clean(ana)
    assert session.JOINED not in ana.session_state
    assert translate("classroom.error.no_room", "en") in [warning.value for warning in ana.warning]


def test_the_room_corpus_is_offered_beside_the_classifiers_presets():
    host, room = instructor()
    host.session_state["classifier.rows"] = [
        {"text": "uno dos", "label": "ES", "split": "train"},
        {"text": "one two", "label": "EN", "split": "train"},
    ]
    publish(host, settings=False)
    ana = participant(room.code, "Ana")
    ana.switch_page(CLASSIFIER).run()
    ana.button(key="classroom.classifier.load_corpus").click().run()
    assert_clean(ana)
    assert [row["text"] for row in ana.session_state["classifier.rows"]] == ["uno dos", "one two"]
    # Without a room, the classifier shows no room action at all.
    alone = open_page(CLASSIFIER)
    assert not [button for button in alone.button if button.key and button.key.startswith("classroom.")]


def test_a_participant_with_no_runs_left_is_told_so_before_submitting(monkeypatch):
    monkeypatch.setattr("core.classroom.memory.MAX_ENTRIES_PER_PARTICIPANT", 1)
    _, room = instructor()
    ana = train_in_classifier(participant(room.code, "Ana"))
    ana.button(key="classroom.classifier.submit").click().run()
    ana.session_state["classifier.epochs"] = 20
    ana.button(key="classifier.train").click().run()
    assert_clean(ana)
    assert translate("classroom.classifier.no_entries_left", "en") in [caption.value for caption in ana.caption]
    assert not [button for button in ana.button if button.key == "classroom.classifier.submit"]


# ---------------------------------------------------------------- hostile nicknames


def assert_escaped(nickname: str, shown: list[str]) -> None:
    """The nickname is shown, and wherever it sits in formatted text it is there escaped, never raw."""
    escaped = plain(nickname)
    assert any(escaped in text for text in shown), nickname
    for text in shown:
        assert nickname not in text.replace(escaped, ""), (nickname, text)


def test_hostile_nicknames_are_refused_or_shown_as_plain_text():
    host, room = instructor()
    accepted = []
    for number, text in enumerate(HOSTILE_STRINGS):
        nickname = text[:MAX_NICKNAME_CHARS]
        at = participant(room.code, nickname)
        try:
            clean_nickname(nickname)
        except ClassroomError as error:
            assert translate(f"classroom.error.{error.code}", "en") in errors(at), nickname
            continue
        accepted.append(nickname)
        assert at.session_state[session.JOINED].nickname == nickname.strip()
        assert_escaped(nickname.strip(), texts_of(at))
        if number < 3:
            train_in_classifier(at)
            at.button(key="classroom.classifier.submit").click().run()
            assert_clean(at)
            assert_escaped(nickname.strip(), texts_of(at))
    assert len(accepted) >= 10
    host.run()
    assert_clean(host)
    # On the board, nicknames are data: exactly as typed, in tables and charts.
    assert set(leaderboard(host)["Nickname"]) == {nickname.strip() for nickname in accepted[:3]}
    for shown in texts_of(host):
        assert "pwn" not in shown, shown


# ---------------------------------------------------------------- hostile settings


def chunks(items, size: int):
    return [items[start : start + size] for start in range(0, len(items), size)]


def test_hostile_setting_values_are_shown_as_plain_text():
    """A room stores any text as a setting; wherever a setting is written out, it is escaped."""
    host, room = instructor()
    ana = participant(room.code, "Ana")
    token = ana.session_state[session.JOINED].token
    store = session.room_store()
    shown_in = ("optimizer", "batch_size", "seed", "lowercase")  # the settings written out as text
    for number, chunk in enumerate(chunks(HOSTILE_STRINGS, len(shown_in))):
        values = [text[:MAX_SETTING_CHARS] for text in chunk]
        settings = {"update_mode": "minibatch", **dict(zip(shown_in, values, strict=False))}
        store.publish(room.code, room.secret, settings=settings)
        # Each run tests better than the last, so the board's best settings are these.
        store.submit(room.code, token, RunResult(settings, 0.1, 1.0, 0.2, 0.5 + number / 10, 3, [1.0, 0.5]))
        for at in (ana, host):
            at.run()
            assert_clean(at)
        for value in values:
            assert_escaped(value, texts_of(ana))  # the room's published settings
            assert_escaped(value, texts_of(host))  # the board's best settings
    ana.switch_page(CLASSIFIER).run()
    ana.session_state["classifier.tab"] = translate("classifier.tab.train", "en")
    ana.run()
    assert_clean(ana)
    (apply,) = [button for button in ana.button if button.key == "classroom.classifier.apply_settings"]
    for value in values:
        assert_escaped(value, [apply.help])
