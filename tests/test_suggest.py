"""Suggested settings for a corpus and the cost model behind them."""

import pytest

from core.corpus import TUTORIAL_CORPUS
from core.dataset import prepare
from core.limits import Limits
from core.suggest import (
    REASONS,
    SUGGESTED_BATCH,
    TARGET_SECONDS,
    batch_for,
    estimate_seconds,
    suggested_settings,
)
from core.training import TrainConfig


def test_the_tutorial_corpus_keeps_the_tutorials_settings():
    data = prepare(list(TUTORIAL_CORPUS))
    suggestion = suggested_settings(len(data.train), len(data.vocab), len(data.labels), len(data.test))
    assert suggestion.reason_code == "tutorial_settings"
    config = suggestion.apply(TrainConfig(seed=1, tutorial_draws=True))
    assert config == TrainConfig(tutorial_draws=True)


@pytest.mark.parametrize("train_rows, vocab", [(4_000, 5_000), (16_000, 26_000), (40_000, 50_000)])
def test_large_corpora_get_adam_minibatches_and_few_epochs(train_rows, vocab):
    suggestion = suggested_settings(train_rows, vocab, 5, train_rows // 4)
    assert (suggestion.optimizer, suggestion.update_mode) == ("adam", "minibatch")
    assert (suggestion.batch_size, suggestion.lr) == batch_for(train_rows)
    assert suggestion.batch_size == 256  # every corpus here has at least 4,000 training sentences
    assert suggestion.reason_code in REASONS and suggestion.reason_code != "tutorial_settings"
    assert 1 <= suggestion.epochs <= 10
    if suggestion.epochs > 1:
        assert suggestion.estimated_seconds <= TARGET_SECONDS
    assert suggestion.apply(TrainConfig()).epochs * train_rows <= Limits().work


def test_the_work_limit_caps_the_epochs():
    suggestion = suggested_settings(5_000, 100, 2, limits=Limits(work=15_000))
    assert suggestion.epochs == 3


def test_estimate_grows_with_work_and_minibatches_are_cheaper():
    args = dict(train_rows=10_000, test_rows=2_000, vocab=20_000, labels=5)
    one = estimate_seconds("minibatch", 1, batch_size=SUGGESTED_BATCH, **args)
    assert estimate_seconds("minibatch", 4, batch_size=SUGGESTED_BATCH, **args) == pytest.approx(4 * one)
    assert estimate_seconds("per_sentence", 1, batch_size=1, **args) > 10 * one
    assert estimate_seconds("minibatch", 1, batch_size=128, **args) < one
    assert estimate_seconds("minibatch", 0, **args) == 0


def test_batches_grow_with_the_corpus():
    assert batch_for(360) == (32, 0.02)
    assert batch_for(3_999) == (32, 0.02)
    assert batch_for(4_000) == (256, 0.05)
    multilingual = suggested_settings(360, 1_300, 6, 90)
    assert (multilingual.update_mode, multilingual.batch_size, multilingual.reason_code) == (
        "minibatch",
        32,
        "minibatch_for_size",
    )
