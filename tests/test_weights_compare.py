"""Reading the weights (separation, orders, top-K), the confusion matrix, contributions, comparisons."""

import pytest
import torch

from core.compare import compare_optimizers
from core.corpus import TUTORIAL_CORPUS
from core.dataset import bow_vector, prepare
from core.metrics import confusion_matrix
from core.model import seeded_model
from core.prediction import predict
from core.presets import PRESETS
from core.training import TrainConfig, train
from core.weights import separation, top_k, word_order


@pytest.fixture(scope="module")
def tutorial():
    return prepare(list(TUTORIAL_CORPUS))


def _random(labels: int, words: int, seed: int = 0) -> torch.Tensor:
    return torch.randn(labels, words, generator=torch.Generator().manual_seed(seed))


# ---------------------------------------------------------------- weights


@pytest.mark.parametrize("labels", [2, 3, 6])
def test_separation_is_max_minus_min_over_labels(labels):
    weight = _random(labels, 50)
    expected = torch.stack([weight[:, j].max() - weight[:, j].min() for j in range(50)])
    torch.testing.assert_close(separation(weight), expected)
    torch.testing.assert_close(separation(weight), weight.amax(dim=0) - weight.amin(dim=0))
    assert (separation(weight) >= 0).all()


def test_separation_of_two_labels_is_the_gap_between_them():
    weight = _random(2, 20, seed=1)
    torch.testing.assert_close(separation(weight), (weight[0] - weight[1]).abs())


def test_word_order_by_index_label_and_separation():
    weight = torch.tensor([[0.5, -1.0, 2.0, 0.0], [0.1, 1.0, 0.0, -3.0]])
    assert word_order(weight, "index") == [0, 1, 2, 3]
    assert word_order(weight, "label", 0) == [2, 0, 3, 1]
    assert word_order(weight, "label", 1) == [1, 0, 2, 3]
    # separations: 0.4, 2.0, 2.0, 3.0 -> ties keep index order
    assert word_order(weight, "separation") == [3, 1, 2, 0]


def test_word_order_matches_torch_sort_on_a_large_matrix():
    weight = _random(6, 1500, seed=2)
    for label in range(6):
        order = word_order(weight, "label", label)
        assert sorted(order) == list(range(1500))
        values = weight[label, order]
        assert (values[:-1] >= values[1:]).all()
        assert order == torch.argsort(weight[label], descending=True, stable=True).tolist()
    by_separation = word_order(weight, "separation")
    gaps = (weight.amax(0) - weight.amin(0))[by_separation]
    assert (gaps[:-1] >= gaps[1:]).all()


def test_word_order_rejects_bad_input():
    weight = _random(2, 3)
    with pytest.raises(ValueError, match="unknown sort"):
        word_order(weight, "alphabet")
    with pytest.raises(ValueError, match="label index"):
        word_order(weight, "label")
    with pytest.raises(ValueError, match="label index"):
        word_order(weight, "label", 2)
    with pytest.raises(ValueError, match="2-D"):
        word_order(torch.zeros(3), "index")


def test_top_k_keeps_the_first_k():
    assert top_k([5, 3, 1, 0], 2) == [5, 3]
    assert top_k([5, 3], 10) == [5, 3]
    with pytest.raises(ValueError, match="at least 1"):
        top_k([1, 2], 0)


def test_the_most_separating_tutorial_words_after_training(tutorial):
    result = train(tutorial, TrainConfig(tutorial_draws=True))
    top = [tutorial.vocab.items[i] for i in top_k(word_order(result.final_weight, "separation"), 3)]
    # Words that occur in training sentences of only one language move furthest apart.
    for word in top:
        pairs = zip(tutorial.train_rows, tutorial.train_tokens, strict=True)
        languages = {row.label for row, tokens in pairs if word in tokens}
        assert len(languages) == 1, word


# ---------------------------------------------------------------- confusion matrix


def test_confusion_matrix_counts_pairs():
    matrix = confusion_matrix([0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 0, 2], 3)
    assert matrix.tolist() == [[1, 1, 0], [0, 1, 0], [1, 0, 2]]


def test_confusion_matrix_against_a_loop():
    generator = torch.Generator().manual_seed(3)
    y_true = torch.randint(0, 5, (200,), generator=generator)
    y_pred = torch.randint(0, 5, (200,), generator=generator)
    expected = torch.zeros(5, 5, dtype=torch.long)
    for t, p in zip(y_true.tolist(), y_pred.tolist(), strict=True):
        expected[t, p] += 1
    matrix = confusion_matrix(y_true, y_pred, 5)
    assert torch.equal(matrix, expected)
    assert matrix.sum() == 200 and matrix.trace() == (y_true == y_pred).sum()


def test_confusion_matrix_rejects_bad_input():
    with pytest.raises(ValueError, match="differ in length"):
        confusion_matrix([0, 1], [0], 2)
    with pytest.raises(ValueError, match="outside 0..1"):
        confusion_matrix([0, 2], [0, 1], 2)
    assert confusion_matrix([], [], 2).tolist() == [[0, 0], [0, 0]]


# ---------------------------------------------------------------- contributions


def test_contributions_sum_to_the_logits(tutorial):
    model = train(tutorial, TrainConfig(epochs=20)).model
    sentence = "No creo que it is lost lost zzz"
    prediction = predict(model, tutorial.vocab, tutorial.labels, sentence)
    total = torch.tensor(prediction.bias) + sum(torch.tensor(w.contribution) for w in prediction.words)
    torch.testing.assert_close(total, torch.tensor(prediction.logits))
    # The oracle: the model's own affine map on the sentence's bag of words.
    with torch.no_grad():
        logits = model.linear(bow_vector(sentence.split(), tutorial.vocab))[0]
    torch.testing.assert_close(torch.tensor(prediction.logits), logits)
    torch.testing.assert_close(torch.tensor(prediction.log_probs), torch.log_softmax(logits, dim=0))
    assert prediction.unknown_words == ["zzz"]
    lost = next(w for w in prediction.words if w.word == "lost")
    assert lost.count == 2
    column = model.linear.weight.detach()[:, tutorial.vocab.index("lost")]
    torch.testing.assert_close(torch.tensor(lost.contribution), 2 * column)


# ---------------------------------------------------------------- comparing optimisers


def test_every_run_starts_from_the_first_configs_weights(tutorial):
    configs = [
        TrainConfig(optimizer="sgd", lr=0.1, epochs=5, seed=4),
        TrainConfig(optimizer="adam", lr=0.05, epochs=5, seed=9),
        TrainConfig(optimizer="rmsprop", lr=0.01, epochs=5, seed=1),
    ]
    results = compare_optimizers(tutorial, configs)
    start = seeded_model(4, len(tutorial.labels), len(tutorial.vocab))
    for result, config in zip(results, configs, strict=True):
        assert result.config == config
        assert torch.equal(result.initial_weight, start.linear.weight.detach())
        assert torch.equal(result.initial_bias, start.linear.bias.detach())
        assert result.status == "completed" and result.epochs_done == 5
    # Same start, same loss before training; different rules, different ends.
    assert len({result.history[0].train_loss for result in results}) == 1
    assert not torch.equal(results[0].final_weight, results[1].final_weight)


def test_each_run_equals_train_from_that_state(tutorial):
    configs = [
        TrainConfig(optimizer="sgd_momentum", epochs=4),
        TrainConfig(optimizer="adagrad", epochs=4, seed=2),
    ]
    results = compare_optimizers(tutorial, configs)
    state = seeded_model(1, len(tutorial.labels), len(tutorial.vocab)).state_dict()
    for result, config in zip(results, configs, strict=True):
        alone = train(tutorial, config, initial_state=state)
        assert torch.equal(result.final_weight, alone.final_weight)
        assert result.history == alone.history


def test_tutorial_draws_of_the_first_config_decide_the_start(tutorial):
    results = compare_optimizers(tutorial, [TrainConfig(tutorial_draws=True, epochs=1), TrainConfig(epochs=1)])
    expected = train(tutorial, TrainConfig(tutorial_draws=True, epochs=1))
    for result in results:
        assert torch.equal(result.initial_weight, expected.initial_weight)


def test_progress_reports_run_index_and_can_stop_one_run(tutorial):
    seen = []

    def on_epoch(run_index, record):
        seen.append((run_index, record.epoch))
        return run_index == 0 and record.epoch == 2

    configs = [TrainConfig(epochs=4), TrainConfig(optimizer="adam", lr=0.01, epochs=3)]
    results = compare_optimizers(tutorial, configs, on_epoch)
    assert seen == [(0, 1), (0, 2), (1, 1), (1, 2), (1, 3)]
    assert [r.status for r in results] == ["stopped", "completed"]
    assert [r.epochs_done for r in results] == [2, 3]


def test_a_diverging_run_does_not_stop_the_others(tutorial):
    configs = [
        TrainConfig(optimizer="adam", lr=0.01, epochs=3),
        TrainConfig(optimizer="sgd", lr=1e38, epochs=3),
    ]
    results = compare_optimizers(tutorial, configs)
    assert [r.status for r in results] == ["completed", "diverged"]
    assert results[1].epochs_done == 0 and len(results[1].history) == 1


def test_compare_needs_a_config():
    dataset = prepare(list(PRESETS["tutorial"]))
    with pytest.raises(ValueError, match="at least one"):
        compare_optimizers(dataset, [])
