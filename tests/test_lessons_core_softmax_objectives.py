"""The softmax, objectives and pitfalls functions, checked against PyTorch as the oracle."""

import math

import pytest
import torch
import torch.nn as nn
import torch.nn.functional as F

from core.objectives import cross_entropy, loss_for_probability, nll_loss
from core.pitfalls import PITFALLS, RIGHT_LINE, pitfall, pitfall_batch, right_loss, score_gradient_norm
from core.scores import parse_scores, random_scores, tutorial_scores
from core.softmax import exp_overflow_limit, log_softmax, naive_softmax, softmax, softmax_over_temperatures

TUTORIAL_VECTOR = [1.3800, -1.3505, 0.3455, 0.5046, 1.8213]
TUTORIAL_SOFTMAX = [0.2948, 0.0192, 0.1048, 0.1228, 0.4584]
TUTORIAL_LOG_SOFTMAX = [-1.2214, -3.9519, -2.2560, -2.0969, -0.7801]


def close(got, want, tol=1e-6) -> bool:
    got = torch.as_tensor(got)
    return torch.allclose(got, torch.as_tensor(want, dtype=got.dtype), atol=tol)


# ---------------------------------------------------------------- scores


def test_parse_scores_accepts_commas_spaces_and_chinese_commas():
    assert parse_scores("2, 1, 0.1") == [2.0, 1.0, 0.1]
    assert parse_scores(" -1e3  4;5 ") == [-1000.0, 4.0, 5.0]
    assert parse_scores("1，2，3") == [1.0, 2.0, 3.0]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "at least two"),
        ("3", "at least two"),
        ("1, two", "'two' is not a number"),
        ("1, nan", "not a finite"),
        ("1, inf", "not a finite"),
        (", ".join(["1"] * 13), "at most 12"),
    ],
)
def test_parse_scores_rejects_bad_input_with_a_clear_message(text, message):
    with pytest.raises(ValueError, match=message):
        parse_scores(text)


def test_random_scores_are_randn_after_the_seed():
    torch.manual_seed(7)
    want = torch.randn(6)
    torch.manual_seed(0)  # a different global state must not matter
    assert torch.equal(random_scores(6, 7), want)
    with pytest.raises(ValueError, match="between 1 and 12"):
        random_scores(0, 1)


def test_tutorial_scores_reproduce_every_number_the_tutorial_prints():
    scores = tutorial_scores()
    assert close(scores, TUTORIAL_VECTOR, 5e-5)
    assert close(F.softmax(scores, dim=0), TUTORIAL_SOFTMAX, 5e-5)
    assert close(F.log_softmax(scores, dim=0), TUTORIAL_LOG_SOFTMAX, 5e-5)
    assert close(softmax(scores), TUTORIAL_SOFTMAX, 5e-5)
    assert close(log_softmax(scores), TUTORIAL_LOG_SOFTMAX, 5e-5)


# ---------------------------------------------------------------- softmax


@pytest.mark.parametrize("temperature", [0.1, 0.5, 1.0, 2.0, 5.0])
def test_softmax_and_log_softmax_match_torch_at_every_temperature(temperature):
    scores = torch.tensor([[1.5, -0.3, 2.2, 0.0], [10.0, 10.0, -4.0, 3.0]])
    for dim in (0, 1, -1):
        assert close(softmax(scores, temperature, dim), F.softmax(scores / temperature, dim=dim))
        want_log = F.log_softmax(scores / temperature, dim=dim)
        assert close(log_softmax(scores, temperature, dim), want_log, 1e-5)
        assert close(softmax(scores, temperature, dim).sum(dim=dim), torch.ones(scores.shape[1 - dim % 2]))


def test_temperature_must_be_positive():
    with pytest.raises(ValueError, match="temperature must be positive"):
        softmax(torch.zeros(3), 0.0)


@pytest.mark.parametrize("shift", [-1000.0, -100.0, 0.0, 50.0, 100.0, 1000.0])
def test_adding_a_constant_changes_nothing_for_the_stable_form(shift):
    scores = torch.tensor([1.38, -1.35, 0.35, 0.50, 1.82], dtype=torch.float64)
    assert close(softmax(scores + shift), F.softmax(scores, dim=0), 1e-9)
    assert close(softmax(scores + shift), F.softmax(scores + shift, dim=0), 1e-12)


def test_exp_then_divide_breaks_where_the_stable_form_does_not():
    scores = torch.tensor([1.0, 2.0, 3.0])
    assert close(naive_softmax(scores), F.softmax(scores, dim=0))
    for shift in (100.0, -1000.0):  # exp overflows to inf / underflows to 0: inf/inf and 0/0 are nan
        assert torch.isnan(naive_softmax(scores + shift)).all()
        assert close(softmax(scores + shift), F.softmax(scores, dim=0), 1e-5)
    assert close(naive_softmax((scores + 100.0).double()), F.softmax(scores, dim=0).double(), 1e-9)


def test_exp_overflow_limit_is_where_torch_exp_becomes_inf():
    for dtype in (torch.float16, torch.float32, torch.float64):
        limit = exp_overflow_limit(dtype)
        assert torch.isfinite(torch.tensor(limit * 0.999, dtype=dtype).exp())
        assert torch.isinf(torch.tensor(limit * 1.001, dtype=dtype).exp())
    assert exp_overflow_limit(torch.float32) == pytest.approx(88.7228, abs=1e-4)
    with pytest.raises(ValueError, match="floating-point"):
        exp_overflow_limit(torch.int64)


def test_softmax_over_temperatures_has_one_torch_softmax_per_row():
    scores = torch.tensor([0.5, -1.0, 2.0])
    temperatures = [0.1, 1.0, 10.0]
    rows = softmax_over_temperatures(scores, temperatures)
    for row, temperature in zip(rows, temperatures, strict=True):
        assert close(row, F.softmax(scores / temperature, dim=0))
    assert rows[0].max() > 0.999 and rows[-1].max() < 0.5  # sharp at T = 0.1, flat at T = 10
    with pytest.raises(ValueError, match="1-D"):
        softmax_over_temperatures(torch.zeros(2, 2), [1.0])


# ---------------------------------------------------------------- objectives


def test_nll_and_cross_entropy_match_torch_and_each_other():
    scores = torch.tensor([[4.0, 0.5, -1.0, 0.0], [-1.0, 5.0, 0.5, 0.0], [0.3, 0.1, 0.2, 0.0]])
    target = torch.tensor([0, 0, 2])
    log_probs = F.log_softmax(scores, dim=1)
    assert close(nll_loss(log_probs, target), nn.NLLLoss()(log_probs, target))
    assert close(cross_entropy(scores, target), nn.CrossEntropyLoss()(scores, target))
    assert close(nll_loss(log_probs, target), cross_entropy(scores, target))
    assert close(cross_entropy(scores[0], 0), nn.CrossEntropyLoss()(scores[:1], target[:1]))


def test_a_confident_wrong_answer_costs_a_lot():
    assert float(loss_for_probability(torch.tensor(0.01))) == pytest.approx(math.log(100))
    assert float(loss_for_probability(torch.tensor(0.9))) == pytest.approx(-math.log(0.9))
    confident_wrong = cross_entropy(torch.tensor([-1.0, 5.0, 0.5, 0.0]), 0)
    confident_right = cross_entropy(torch.tensor([4.0, 0.5, -1.0, 0.0]), 0)
    assert confident_wrong > 50 * confident_right


def test_a_target_outside_the_classes_is_refused():
    with pytest.raises(ValueError, match="class index from 0 to 3"):
        cross_entropy(torch.zeros(4), 4)


# ---------------------------------------------------------------- pitfalls


def run_line(line: str, scores: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """Evaluate a pitfall's line of code as a learner would type it."""
    return eval(line, {"nn": nn, "F": F, "torch": torch, "scores": scores, "target": target})


def test_pitfall_batch_is_randn_then_randint_after_the_seed():
    torch.manual_seed(5)
    want_scores, want_target = torch.randn(3, 4), torch.randint(0, 4, (3,))
    scores, target = pitfall_batch(3, 4, 5)
    assert torch.equal(scores, want_scores) and torch.equal(target, want_target)
    with pytest.raises(ValueError, match="at least 2 classes"):
        pitfall_batch(3, 1, 5)
    with pytest.raises(ValueError, match="rows must be at least 1"):
        pitfall_batch(0, 3, 5)


@pytest.mark.parametrize("key", list(PITFALLS))
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_each_pitfall_computes_what_its_line_of_code_computes(key, seed):
    scores, target = pitfall_batch(4, 3, seed)
    mistake = pitfall(key)
    assert close(mistake.loss(scores, target, "mean"), run_line(mistake.line, scores, target))
    assert close(mistake.loss(scores, target, "none").mean(), run_line(mistake.line, scores, target))
    assert close(right_loss(scores, target), run_line(RIGHT_LINE, scores, target))


def test_each_pitfall_gives_the_number_its_explanation_says():
    scores, target = pitfall_batch(4, 3, 1)
    right = right_loss(scores, target)
    # Raw scores into NLLLoss: minus the mean of the right classes' scores, which can be negative.
    raw = PITFALLS["raw_into_nll"].loss(scores, target, "mean")
    assert close(raw, -scores[torch.arange(4), target].mean())
    assert raw < 0 < right
    # softmax into CrossEntropyLoss: never near 0, even when the model is sure and right.
    sure = torch.tensor([[20.0, 0.0, 0.0]])
    assert PITFALLS["softmax_into_ce"].loss(sure, torch.tensor([0]), "mean") > 0.5
    assert right_loss(sure, torch.tensor([0])) < 1e-6
    # log_softmax twice: harmless, the same number.
    assert close(PITFALLS["log_softmax_twice"].loss(scores, target, "mean"), right)
    # The wrong dim: a different number, and exactly 0 for a batch of one.
    assert not close(PITFALLS["wrong_dim"].loss(scores, target, "mean"), right, 1e-3)
    one_scores, one_target = pitfall_batch(1, 3, 1)
    assert float(PITFALLS["wrong_dim"].loss(one_scores, one_target, "mean")) == 0.0
    with pytest.raises(ValueError, match="unknown pitfall"):
        pitfall("no_such_mistake")


def test_score_gradient_norm_matches_autograd():
    scores, target = pitfall_batch(3, 4, 2)
    leaf = scores.clone().requires_grad_(True)
    nn.CrossEntropyLoss()(F.softmax(leaf, dim=1), target).backward()
    got = score_gradient_norm(PITFALLS["softmax_into_ce"].loss, scores, target)
    assert got == pytest.approx(float(leaf.grad.norm()), rel=1e-6)
    assert got < score_gradient_norm(lambda s, y, r: right_loss(s, y, r), scores, target)
