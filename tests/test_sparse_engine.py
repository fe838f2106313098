"""The sparse engine against the dense tutorial formulation; bounded weight history; limits first."""

import random

import pytest
import torch
import torch.nn.functional as F

import core.dataset as dataset_module
from core.corpus import TUTORIAL_CORPUS, Row
from core.dataset import Bags, TokenOptions, bow_vector, prepare
from core.limits import Limits, TooLarge
from core.model import bag_log_probs, seeded_model
from core.optimizers import make_optimizer
from core.training import (
    MAX_SNAPSHOTS,
    SnapshotHistory,
    TrainConfig,
    evaluate,
    snapshot_capacity,
    train,
)


def random_corpus(seed: int, sentences: int = 60, words: int = 40, labels: int = 3) -> list[Row]:
    rng = random.Random(seed)
    names = [f"L{i}" for i in range(labels)]
    rows = []
    for i in range(sentences):
        label = names[i % labels]
        length = rng.randint(1, 12)
        text = " ".join(
            f"w{rng.randrange(words)}" if rng.random() < 0.7 else f"{label}{rng.randrange(5)}" for _ in range(length)
        )
        rows.append(Row(text, label, "test" if i % 5 == 4 else "train"))
    return rows


def dense_run(data, config: TrainConfig) -> torch.Tensor:
    """The same training on dense count rows, as the tutorial and the exported script do it."""
    model = seeded_model(config.seed, len(data.labels), len(data.vocab), config.tutorial_draws)
    optimizer = make_optimizer(config.optimizer, model.parameters(), config.lr)
    x, y = data.dense_features("train"), data.y_train
    generator = torch.Generator().manual_seed(config.seed)
    for _ in range(config.epochs):
        if config.update_mode == "per_sentence":
            batches = [torch.tensor([i]) for i in range(len(y))]
        else:
            batches = torch.randperm(len(y), generator=generator).split(config.batch_size)
        for index in batches:
            model.zero_grad()
            F.nll_loss(model(x[index]), y[index]).backward()
            optimizer.step()
    return model.linear.weight.detach()


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_sparse_and_dense_agree_on_logits_losses_and_gradients(seed):
    data = prepare(random_corpus(seed), vocab_from_test=bool(seed % 2))
    model = seeded_model(seed, len(data.labels), len(data.vocab))
    for split in ("train", "test"):
        bags, dense = data.bags(split), data.dense_features(split)
        sparse_out = model.forward_bags(bags)
        dense_out = model(dense)
        torch.testing.assert_close(sparse_out, dense_out, atol=1e-5, rtol=1e-5)
        grads = []
        for out in (sparse_out, dense_out):
            model.zero_grad()
            loss = F.nll_loss(out, bags.labels)
            loss.backward()
            grads.append((loss.detach(), model.linear.weight.grad.clone(), model.linear.bias.grad.clone()))
        for sparse_part, dense_part in zip(*grads, strict=True):
            torch.testing.assert_close(sparse_part, dense_part, atol=1e-5, rtol=1e-5)


@pytest.mark.parametrize(
    "config",
    [
        TrainConfig(optimizer="sgd", lr=0.1, epochs=4, seed=3),
        TrainConfig(optimizer="adam", lr=0.05, epochs=4, seed=4, update_mode="minibatch", batch_size=7),
        TrainConfig(optimizer="sgd_momentum", lr=0.05, epochs=3, seed=5, update_mode="minibatch", batch_size=1),
    ],
)
def test_sparse_training_gives_the_dense_weights(config):
    data = prepare(random_corpus(config.seed, sentences=45))
    result = train(data, config)
    torch.testing.assert_close(result.final_weight, dense_run(data, config), atol=1e-5, rtol=1e-5)


def test_bags_select_and_dense_round_trip():
    data = prepare(random_corpus(7))
    rows = torch.tensor([5, 0, 3, 3])
    picked = data.train.select(rows)
    torch.testing.assert_close(picked.dense(len(data.vocab)), data.dense_features("train")[rows])
    assert picked.labels.tolist() == data.y_train[rows].tolist()
    one = data.train.sentence(2)
    torch.testing.assert_close(one.dense(len(data.vocab)), data.dense_features("train")[2:3])


def test_repeated_and_unknown_words_in_bags():
    data = prepare([Row("a a b", "X"), Row("c", "Y"), Row("zzz a", "X", "test")], vocab_from_test=False)
    assert data.train.indices.tolist() == [0, 1, 2] and data.train.counts.tolist() == [2.0, 1.0, 1.0]
    # "zzz" is not in the vocabulary: the test bag keeps only "a".
    assert data.test.indices.tolist() == [0] and data.test.counts.tolist() == [1.0]
    assert data.train_counts == {"a": 2, "b": 1, "c": 1}
    torch.testing.assert_close(bow_vector(["a", "a", "q"], data.vocab), torch.tensor([[2.0, 0.0, 0.0]]))


def test_a_sentence_without_known_words_scores_the_bias():
    data = prepare([Row("a", "X"), Row("b", "Y"), Row("q r", "X", "test")], vocab_from_test=False)
    model = seeded_model(0, 2, 2)
    torch.testing.assert_close(
        model.forward_bags(data.test), F.log_softmax(model.linear.bias.detach()[None], dim=1), atol=1e-6, rtol=0
    )


def test_log_probs_and_evaluate_take_the_sparse_splits():
    data = prepare(list(TUTORIAL_CORPUS))
    model = seeded_model(1, 2, 26, tutorial_draws=True)
    with torch.no_grad():
        expected = model(data.x_test)
    torch.testing.assert_close(data.log_probs(model, "test"), expected)
    weights = (model.linear.weight, model.linear.bias)
    torch.testing.assert_close(data.log_probs(weights, "test"), expected)
    torch.testing.assert_close(bag_log_probs(*weights, data.test).detach(), expected)
    assert evaluate(model, data.train) == pytest.approx(evaluate(model, data.x_train, data.y_train))
    with pytest.raises(ValueError, match="split"):
        data.bags("dev")


def test_dense_view_is_refused_for_a_large_corpus():
    bags = Bags(
        torch.zeros(0, dtype=torch.long),
        torch.zeros(3000, dtype=torch.long),
        torch.zeros(0),
        torch.zeros(3000, dtype=torch.long),
    )
    with pytest.raises(ValueError, match="too large"):
        bags.dense(60_000)


# ---------------------------------------------------------------- the tutorial, per-sentence


def test_per_sentence_sparse_run_prints_the_tutorial_numbers():
    data = prepare(list(TUTORIAL_CORPUS))
    result = train(data, TrainConfig(tutorial_draws=True))
    after = data.log_probs(result.model, "test")
    torch.testing.assert_close(after, torch.tensor([[-0.2093, -1.6669], [-2.5330, -0.0828]]), atol=5e-5, rtol=0)
    torch.testing.assert_close(
        result.final_weight, dense_run(data, TrainConfig(tutorial_draws=True)), atol=1e-5, rtol=0
    )


# ---------------------------------------------------------------- bounded weight history


def test_snapshot_history_is_bounded_and_evenly_spaced():
    history = SnapshotHistory(200)
    for epoch in range(2001):
        history.add(epoch, torch.tensor([float(epoch)]))
        assert len(history.items) <= 200
    epochs = history.epochs
    assert epochs[0] == 0 and epochs[-1] == 2000 and epochs == sorted(set(epochs))
    steps = {b - a for a, b in zip(epochs[:-2], epochs[1:-1], strict=True)}
    assert len(steps) == 1  # evenly spaced but for the last one
    assert history.stacked()[:, 0].tolist() == [float(e) for e in epochs]


def test_snapshot_capacity_respects_the_byte_budget():
    assert snapshot_capacity(2, 26) == MAX_SNAPSHOTS
    big = snapshot_capacity(10, 60_000)
    assert 2 <= big < MAX_SNAPSHOTS and big * 10 * 60_000 * 4 <= 32 * 1024 * 1024
    assert snapshot_capacity(10, 60_000, max_bytes=1) == 2


def test_long_run_keeps_at_most_200_snapshots_with_their_epochs():
    data = prepare(list(TUTORIAL_CORPUS))
    result = train(data, TrainConfig(epochs=2000, update_mode="minibatch", batch_size=4))
    assert len(result.history) == 2001
    assert result.weight_history.shape[0] == len(result.snapshot_epochs) <= 200
    assert result.snapshot_epochs[0] == 0 and result.snapshot_epochs[-1] == 2000
    torch.testing.assert_close(result.weight_history[0], result.initial_weight)
    torch.testing.assert_close(result.weight_history[-1], result.final_weight)


def test_short_run_keeps_every_epoch_and_a_stopped_run_its_last():
    data = prepare(list(TUTORIAL_CORPUS))
    result = train(data, TrainConfig(epochs=7))
    assert result.snapshot_epochs == list(range(8))
    stopped = train(data, TrainConfig(epochs=1000), on_epoch=lambda record: record.epoch >= 333)
    assert stopped.snapshot_epochs[-1] == 333 and len(stopped.snapshot_epochs) <= 200
    torch.testing.assert_close(stopped.weight_history[-1], stopped.final_weight)


def test_large_vocabulary_run_respects_the_byte_budget(monkeypatch):
    monkeypatch.setattr("core.training.MAX_SNAPSHOT_BYTES", 10 * 2 * 26 * 4)
    data = prepare(list(TUTORIAL_CORPUS))
    result = train(data, TrainConfig(epochs=50))
    assert len(result.snapshot_epochs) <= 10
    assert result.snapshot_epochs[0] == 0 and result.snapshot_epochs[-1] == 50


# ---------------------------------------------------------------- limits before tensors


def _refuse_tensors(monkeypatch):
    def no_bags(*args, **kwargs):
        raise AssertionError("bags were built for a corpus over a limit")

    monkeypatch.setattr(dataset_module, "bags_of", no_bags)


@pytest.mark.parametrize(
    "limits, rows, name",
    [
        (Limits(rows=3), [Row("a", "X"), Row("b", "Y"), Row("c", "X"), Row("d", "Y")], "rows"),
        (Limits(words=3), [Row("a b", "X"), Row("c d", "Y")], "words"),
        (Limits(words_per_row=2), [Row("a b c", "X"), Row("d", "Y")], "words_per_row"),
        (Limits(tokens=3), [Row("a b", "X"), Row("c d", "Y")], "tokens"),
        (Limits(labels=2), [Row("a", "X"), Row("b", "Y"), Row("c", "Z")], "labels"),
    ],
)
def test_prepare_refuses_a_corpus_over_each_limit_before_building(monkeypatch, limits, rows, name):
    _refuse_tensors(monkeypatch)
    with pytest.raises(TooLarge) as caught:
        prepare(rows, limits=limits)
    assert [item.name for item in caught.value.exceeded] == [name]


def test_prepare_refuses_a_huge_vocabulary_with_the_default_limits(monkeypatch):
    _refuse_tensors(monkeypatch)
    # 400,000 distinct words: a dense matrix would be 40,000 x 400,000 floats (64 GB).
    rows = [Row(" ".join(f"w{i * 10 + j}" for j in range(10)), "XY"[i % 2]) for i in range(40_000)]
    with pytest.raises(TooLarge, match="distinct words"):
        prepare(rows)


def test_prepare_counts_words_as_the_token_options_split_them():
    rows = [Row("A a, a!", "X"), Row("b", "Y")]
    with pytest.raises(TooLarge):
        prepare(rows, limits=Limits(words=3))
    data = prepare(rows, TokenOptions(lowercase=True, strip_punctuation=True), limits=Limits(words=2))
    assert list(data.vocab) == ["a", "b"]
