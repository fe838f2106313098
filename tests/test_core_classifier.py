"""Corpus, vocabulary, bag-of-words, trainer and prediction, with PyTorch as the oracle."""

import math

import pytest
import torch
import torch.nn.functional as F
from torch import nn, optim

from core.corpus import TUTORIAL_CORPUS, Row, find_problems, tokenize, validate
from core.dataset import TokenOptions, bow_vector, prepare
from core.devices import available_devices, resolve_device
from core.model import BoWClassifier, seeded_model
from core.optimizers import OPTIMIZERS, make_optimizer
from core.prediction import predict
from core.training import DivergenceError, TrainConfig, train
from core.vocabulary import Vocabulary

TUTORIAL_WORDS = (
    "me gusta comer en la cafeteria Give it to No creo que sea una buena idea is not a good get lost at Yo si on"
).split()


@pytest.fixture(scope="module")
def tutorial():
    return prepare(list(TUTORIAL_CORPUS))


# ------------------------------------------------------------------ corpus


def test_tokenize_splits_on_whitespace_like_the_tutorial():
    assert tokenize("No creo  que\tsea") == "No creo  que\tsea".split()
    assert tokenize("Hola, Mundo!  ¿Qué tal?", lowercase=True, strip_punctuation=True) == [
        "hola",
        "mundo",
        "qué",
        "tal",
    ]
    assert tokenize("... !!", strip_punctuation=True) == []


def test_problems_name_the_row_and_the_problem():
    rows = [
        Row("hello there", "EN", "train"),
        Row("   ", "EN", "train"),
        Row("hola", "", "train"),
        Row("bonjour", "FR", "dev"),
        Row("ciao", "IT", "test"),
    ]
    found = {(p.row, p.code) for p in find_problems(rows)}
    assert found == {
        (2, "empty_text"),
        (3, "empty_label"),
        (4, "bad_split"),
        (5, "unknown_test_label"),
        (None, "too_few_labels"),
    }
    with pytest.raises(ValueError, match="row 2: the text is empty"):
        validate(rows)


def test_corpus_level_problems():
    assert [p.code for p in find_problems([])] == ["no_training_rows"]
    many = [Row(f"word{i}", f"L{i}") for i in range(11)]
    assert [p.code for p in find_problems(many, max_labels=10)] == ["too_many_labels"]
    assert find_problems(list(TUTORIAL_CORPUS)) == []


# ------------------------------------------------------------------ vocabulary and vectors


def test_vocabulary_is_first_seen_over_train_then_test(tutorial):
    assert list(tutorial.vocab) == TUTORIAL_WORDS
    assert tutorial.vocab.item_to_ix["creo"] == 10
    assert tutorial.labels.item_to_ix == {"SPANISH": 0, "ENGLISH": 1}


def test_vocabulary_from_training_rows_only():
    data = prepare(list(TUTORIAL_CORPUS), vocab_from_test=False)
    assert len(data.vocab) == 23 and "Yo" not in data.vocab
    # "Yo" and "si" are unknown: the test vector counts only creo and que.
    assert data.x_test[0].sum().item() == 2


def test_labels_in_first_seen_order_with_more_than_two():
    rows = [Row("a", "Z"), Row("b", "Y"), Row("c", "X"), Row("a b", "Y")]
    data = prepare(rows)
    assert data.labels.item_to_ix == {"Z": 0, "Y": 1, "X": 2}
    assert data.y_train.tolist() == [0, 1, 2, 1]


def test_bow_matches_the_tutorials_make_bow_vector(tutorial):
    def make_bow_vector(sentence, word_to_ix):  # the tutorial's own function
        vec = torch.zeros(len(word_to_ix))
        for word in sentence:
            vec[word_to_ix[word]] += 1
        return vec.view(1, -1)

    word_to_ix = tutorial.vocab.item_to_ix
    for row, vector in zip(tutorial.train_rows, tutorial.x_train, strict=True):
        torch.testing.assert_close(vector.view(1, -1), make_bow_vector(row.text.split(), word_to_ix))
    torch.testing.assert_close(bow_vector("No No idea".split(), tutorial.vocab)[0, 9], torch.tensor(2.0))


def test_token_options_change_the_vocabulary():
    rows = [Row("Hello, hello!", "A"), Row("HELLO world", "B")]
    assert len(prepare(rows).vocab) == 4
    assert list(prepare(rows, TokenOptions(lowercase=True, strip_punctuation=True)).vocab) == ["hello", "world"]


def test_vocabulary_class():
    vocab = Vocabulary(["b", "a", "b"])
    assert list(vocab) == ["b", "a"] and len(vocab) == 2 and vocab.index("a") == 1 and "c" not in vocab


# ------------------------------------------------------------------ seeding and the model


def test_seed_then_model_gives_a_plain_scripts_initial_weights(tutorial):
    model = seeded_model(7, 2, len(tutorial.vocab))
    torch.manual_seed(7)
    plain = nn.Linear(len(tutorial.vocab), 2)
    torch.testing.assert_close(model.linear.weight, plain.weight)
    torch.testing.assert_close(model.linear.bias, plain.bias)


def test_tutorial_draws_give_the_tutorials_initial_weights(tutorial):
    model = seeded_model(1, 2, 26, tutorial_draws=True)
    torch.testing.assert_close(model.linear.bias, torch.tensor([0.0631, 0.1465]), atol=5e-5, rtol=0)
    torch.testing.assert_close(model.linear.weight[0, :3], torch.tensor([0.1194, 0.0609, -0.1268]), atol=5e-5, rtol=0)
    with torch.no_grad():
        torch.testing.assert_close(model(tutorial.x_train[:1]), torch.tensor([[-0.5378, -0.8771]]), atol=5e-5, rtol=0)


def test_classifier_is_linear_then_log_softmax():
    model = BoWClassifier(3, 5)
    x = torch.rand(4, 5)
    torch.testing.assert_close(model(x), F.log_softmax(x @ model.linear.weight.T + model.linear.bias, dim=1))


# ------------------------------------------------------------------ training


def test_trainer_reproduces_the_tutorial(tutorial):
    result = train(tutorial, TrainConfig(tutorial_draws=True))
    model = result.model
    with torch.no_grad():
        after = model(tutorial.x_test)
    torch.testing.assert_close(after, torch.tensor([[-0.2093, -1.6669], [-2.5330, -0.0828]]), atol=5e-5, rtol=0)
    creo = tutorial.vocab.index("creo")
    torch.testing.assert_close(result.initial_weight[:, creo], torch.tensor([-0.1488, -0.1313]), atol=5e-5, rtol=0)
    torch.testing.assert_close(result.final_weight[:, creo], torch.tensor([0.2803, -0.5605]), atol=5e-5, rtol=0)
    assert result.status == "completed" and len(result.history) == 101
    assert result.weight_history.shape == (101, 2, 26)
    assert result.history[-1].train_accuracy == 1.0 and result.history[-1].test_accuracy == 1.0
    assert result.history[-1].train_loss < result.history[0].train_loss


def _plain_minibatch_run(data, seed, lr, epochs, batch_size):
    """The same run written directly against torch, as a learner would."""
    torch.manual_seed(seed)
    model = BoWClassifier(len(data.labels), len(data.vocab))
    optimizer = optim.Adam(model.parameters(), lr=lr)
    generator = torch.Generator().manual_seed(seed)
    for _ in range(epochs):
        for index in torch.randperm(len(data.y_train), generator=generator).split(batch_size):
            optimizer.zero_grad()
            loss = nn.NLLLoss()(model(data.x_train[index]), data.y_train[index])
            loss.backward()
            optimizer.step()
    return model.linear.weight.detach()


def test_minibatch_run_matches_plain_pytorch():
    rows = [Row(f"w{i % 7} w{(i * 3) % 11} shared", "A" if i % 2 else "B") for i in range(40)]
    data = prepare(rows)
    config = TrainConfig(optimizer="adam", lr=0.05, epochs=5, seed=3, update_mode="minibatch", batch_size=8)
    result = train(data, config)
    torch.testing.assert_close(result.final_weight, _plain_minibatch_run(data, 3, 0.05, 5, 8))


@pytest.mark.parametrize("name", sorted(OPTIMIZERS))
def test_every_optimiser_lowers_the_loss(tutorial, name):
    lr = 0.1 if name.startswith(("sgd", "nesterov", "adagrad")) else 0.01
    result = train(tutorial, TrainConfig(optimizer=name, lr=lr, epochs=20))
    assert result.history[-1].train_loss < result.history[0].train_loss


def test_callback_can_stop_the_run_and_keeps_the_epochs_done(tutorial):
    seen = []

    def on_epoch(record):
        seen.append(record.epoch)
        return record.epoch == 3

    result = train(tutorial, TrainConfig(epochs=50), on_epoch=on_epoch)
    assert seen == [1, 2, 3]
    assert result.status == "stopped" and result.epochs_done == 3
    assert [r.epoch for r in result.history] == [0, 1, 2, 3]


def test_diverging_run_raises_with_the_epochs_before(tutorial):
    with pytest.raises(DivergenceError, match="Lower the learning rate") as caught:
        train(tutorial, TrainConfig(optimizer="sgd", lr=1e38, epochs=20))
    assert caught.value.epoch >= 1
    assert all(math.isfinite(r.train_loss) for r in caught.value.result.history)


def test_initial_state_replaces_the_seeded_weights(tutorial):
    start = seeded_model(5, 2, 26).state_dict()
    result = train(tutorial, TrainConfig(seed=1, epochs=1), initial_state=start)
    torch.testing.assert_close(result.initial_weight, start["linear.weight"])


@pytest.mark.parametrize(
    "config, message",
    [
        (TrainConfig(epochs=0), "epochs"),
        (TrainConfig(lr=0), "learning rate"),
        (TrainConfig(update_mode="random"), "update mode"),
        (TrainConfig(update_mode="minibatch", batch_size=0), "batch size"),
        (TrainConfig(optimizer="lbfgs2"), "unknown optimiser"),
    ],
)
def test_bad_settings_are_clear_errors(tutorial, config, message):
    with pytest.raises(ValueError, match=message):
        train(tutorial, config)


def test_devices():
    assert available_devices()[0] == "cpu"
    assert resolve_device("cpu") == torch.device("cpu")
    with pytest.raises(ValueError, match="unknown device"):
        resolve_device("tpu")
    if not torch.cuda.is_available():
        with pytest.raises(ValueError, match="'cuda' is not available"):
            resolve_device("cuda")
        with pytest.raises(ValueError, match="not available"):
            train(prepare(list(TUTORIAL_CORPUS)), TrainConfig(device="cuda"))


def test_make_optimizer_rejects_bad_rate():
    with pytest.raises(ValueError, match="positive"):
        make_optimizer("sgd", nn.Linear(2, 2).parameters(), -1.0)


# ------------------------------------------------------------------ prediction


def test_contributions_add_up_to_the_logits(tutorial):
    model = train(tutorial, TrainConfig(tutorial_draws=True)).model
    prediction = predict(model, tutorial.vocab, tutorial.labels, "Yo creo que si si banana")
    summed = torch.tensor(prediction.bias) + torch.tensor([w.contribution for w in prediction.words]).sum(0)
    torch.testing.assert_close(summed, torch.tensor(prediction.logits))
    with torch.no_grad():
        expected = model(bow_vector(prediction.tokens, tutorial.vocab))[0]
    torch.testing.assert_close(torch.tensor(prediction.log_probs), expected)
    assert prediction.unknown_words == ["banana"]
    assert prediction.predicted == "SPANISH"
    si = next(w for w in prediction.words if w.word == "si")
    assert si.count == 2
    torch.testing.assert_close(torch.tensor(si.contribution), 2 * model.linear.weight[:, 24].detach())
    assert sum(prediction.probabilities) == pytest.approx(1.0)
