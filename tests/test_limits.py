"""Size limits: every limit trips at one over, names itself and the number found, and costs no more than it must."""

import pytest

from core.corpus import Row
from core.corpus_csv import rows_from_csv, rows_to_csv
from core.limits import LIMITS, Limits, TooLarge, check_corpus, corpus_over_limits, work_over_limit
from tests.hostile import SIZE_LIMITS, corpus_at_limit

SMALL = Limits(rows=10, words=8, words_per_row=4, tokens=20, labels=2, work=100)


def names(exceeded) -> list[str]:
    return [item.name for item in exceeded]


def test_a_corpus_at_every_limit_passes():
    rows = [Row("a b c d", "X"), Row("e f g h", "Y")]
    assert corpus_over_limits(rows, limits=SMALL) == []


@pytest.mark.parametrize(
    ("rows", "name", "found"),
    [
        ([Row("a", "X")] * 11, "rows", 11),
        ([Row("a b c d", "X"), Row("e f g h", "Y"), Row("i", "X")], "words", 9),
        ([Row("a b", "X"), Row("a b c d e", "Y")], "words_per_row", 5),
        ([Row("a a a a", "X")] * 5 + [Row("b", "Y")], "tokens", 21),
        ([Row("a", "X"), Row("b", "Y"), Row("c", "Z")], "labels", 3),
    ],
)
def test_each_limit_trips_at_one_over_and_names_what_it_found(rows, name, found):
    exceeded = corpus_over_limits(rows, limits=SMALL)
    assert names(exceeded) == [name]
    assert exceeded[0].found == found and exceeded[0].limit == getattr(SMALL, name)
    with pytest.raises(TooLarge) as caught:
        check_corpus(rows, limits=SMALL)
    assert caught.value.exceeded == exceeded
    assert f"{found:,}" in str(caught.value) and f"the limit is {getattr(SMALL, name):,}" in str(caught.value)


def test_the_long_sentence_is_named_by_its_row():
    (item,) = corpus_over_limits([Row("a", "X"), Row("a b c d e f", "Y")], limits=SMALL)
    assert item.row == 2 and item.message().startswith("row 2: ")


def test_distinct_words_follow_the_tokeniser_and_the_vocabulary_rule():
    rows = [Row("A a B b", "X"), Row("C c D d", "Y"), Row("e f g h", "Y", "test")]
    assert names(corpus_over_limits(rows, limits=SMALL)) == ["words"]
    assert corpus_over_limits(rows, lambda text: text.lower().split(), limits=SMALL) == []
    assert corpus_over_limits(rows[:2], limits=SMALL) == []
    assert names(corpus_over_limits(rows, vocab_from_test=False, limits=SMALL)) == []


def test_labels_count_only_training_rows():
    rows = [Row("a", "X"), Row("b", "Y"), Row("c", "Z", "test")]
    assert corpus_over_limits(rows, limits=SMALL) == []


def test_work_is_epochs_times_training_sentences():
    assert work_over_limit(10, 10, limits=SMALL) is None
    item = work_over_limit(11, 10, limits=SMALL)
    assert item is not None and (item.name, item.found, item.limit) == ("work", 110, 100)


def test_a_run_estimated_too_long_is_over_the_limit_too():
    assert work_over_limit(1, 10, seconds=120.0) is None
    item = work_over_limit(1, 10, seconds=120.4)
    assert item is not None and (item.name, item.found, item.limit) == ("seconds", 121, LIMITS.seconds)


def test_csv_over_the_row_limit_is_counted_not_kept():
    data = rows_to_csv([Row(f"s{i}", "X") for i in range(25)]).encode()
    with pytest.raises(TooLarge) as caught:
        rows_from_csv(data, SMALL)
    (item,) = caught.value.exceeded
    assert (item.name, item.found, item.limit) == ("rows", 25, 10)
    assert len(rows_from_csv(data, Limits(rows=25))) == 25


@pytest.mark.parametrize("name", SIZE_LIMITS)
def test_the_real_limits_pass_a_corpus_at_each_and_refuse_one_more(name):
    assert corpus_over_limits(corpus_at_limit(name)) == []
    (item,) = corpus_over_limits(corpus_at_limit(name, extra=1))
    assert (item.name, item.limit, item.found) == (name, getattr(LIMITS, name), getattr(LIMITS, name) + 1)


def test_the_workshop_corpora_fit_the_real_limits_with_the_tutorial_settings():
    from core.presets import PRESETS
    from core.training import TrainConfig

    for rows in PRESETS.values():
        assert corpus_over_limits(rows) == []
        training = sum(row.split == "train" for row in rows)
        assert work_over_limit(TrainConfig().epochs, training) is None
