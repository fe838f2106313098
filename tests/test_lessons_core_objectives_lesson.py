"""The objectives page's computations and shown code (core.objectives_lesson), with PyTorch as the oracle."""

import math

import pytest
import torch
import torch.nn as nn
import torch.nn.functional as F

from core.objectives_lesson import (
    CURVE,
    PRESETS,
    example,
    example_code,
    example_scores,
    loss_curve,
    pitfall_code,
    pitfall_result,
    quiz_numbers,
    reference_losses,
)
from core.pitfalls import PITFALLS
from tests.page_helpers import run_code


@pytest.mark.parametrize(
    ("source", "custom", "seed"),
    [*[(name, "", 1) for name in PRESETS], ("random", "", 4), ("custom", "2, 1", 1), ("custom", "3 -1 0.5 7 2", 1)],
)
def test_the_example_code_prints_what_example_computes(source, custom, seed):
    values = example_scores(source, custom, seed)
    for target in range(len(values)):
        result = example(values, target)
        nll, ce, p = run_code(example_code(source, values, target, seed))
        want = float(nn.CrossEntropyLoss()(torch.tensor([values]), torch.tensor([target])))
        assert float(nll) == pytest.approx(result.nll, abs=1e-6) and float(ce) == pytest.approx(result.ce, abs=1e-6)
        assert result.ce == pytest.approx(want, abs=1e-6)
        assert float(p) == pytest.approx(result.p_right, abs=1e-6)
        assert result.p_right == pytest.approx(math.exp(-want), abs=1e-6)
        assert torch.allclose(torch.tensor(result.probs), F.softmax(torch.tensor(values), dim=0), atol=1e-6)


def test_example_scores_come_from_a_preset_the_seed_or_the_typed_text():
    assert example_scores("sure_1", "", 0) == (-1.0, 5.0, 0.5, 0.0)
    torch.manual_seed(4)
    want = tuple(torch.randn(1, 4)[0].tolist())
    assert example_scores("random", "", 4) == want
    with pytest.raises(ValueError, match="at least two"):
        example_scores("custom", "2", 0)
    with pytest.raises(ValueError, match="unknown source"):
        example_scores("elsewhere", "", 0)


def test_the_loss_curve_and_its_reference_points_are_minus_log_p():
    p, losses = loss_curve()
    assert p == CURVE and p[0] == 0.002 and p[-1] == 1.0
    assert all(loss == pytest.approx(-math.log(x), abs=1e-5) for x, loss in zip(p, losses, strict=True))
    assert [(x, round(loss, 2)) for x, loss in reference_losses()] == [(0.5, 0.69), (0.1, 2.3), (0.01, 4.61)]


def test_quiz_numbers():
    assert quiz_numbers() == {"loss": "4.6052", "small": "0.1054", "ratio": "44"}


@pytest.mark.parametrize("key", list(PITFALLS))
@pytest.mark.parametrize(("rows", "classes", "seed"), [(1, 2, 1), (3, 4, 1), (5, 4, 7), (6, 6, 2)])
def test_the_pitfall_code_prints_what_pitfall_result_computes(key, rows, classes, seed):
    result = pitfall_result(key, rows, classes, seed)
    right, wrong = run_code(pitfall_code(key, rows, classes, seed))
    assert float(right) == pytest.approx(result.right, abs=1e-6)
    assert float(wrong) == pytest.approx(result.wrong, abs=1e-6)
    assert sum(result.right_each) / rows == pytest.approx(result.right, abs=1e-5)
    assert sum(result.wrong_each) / rows == pytest.approx(result.wrong, abs=1e-5)
    torch.manual_seed(seed)
    scores, target = torch.randn(rows, classes), torch.randint(0, classes, (rows,))
    assert result.scores == tuple(tuple(row) for row in scores.tolist()) and result.target == tuple(target.tolist())
    leaf = scores.clone().requires_grad_(True)
    F.cross_entropy(leaf, target).backward()
    assert result.right_push == pytest.approx(float(leaf.grad.norm()), rel=1e-5)
