"""The softmax page's computations and shown code (core.softmax_lesson), with PyTorch as the oracle."""

import math

import pytest
import torch
import torch.nn.functional as F

from core.softmax_lesson import (
    SWEEP,
    fmt,
    lesson_scores,
    log_softmax_source,
    page_code,
    probabilities,
    quiz_evidence,
    scores_code,
    shifted,
)
from tests.page_helpers import run_code

TUTORIAL_SOFTMAX = [0.2948, 0.0192, 0.1048, 0.1228, 0.4584]


def close(got, want, tol=1e-6) -> bool:
    return torch.allclose(
        torch.as_tensor(got, dtype=torch.float64), torch.as_tensor(want, dtype=torch.float64), atol=tol
    )


def shown(source: str, count: int = 5, custom: str = "", seed: int = 1, temperature=1.0, shift=100, dtype="float32"):
    values = lesson_scores(source, count, custom, seed)
    code = page_code(scores_code(source, values, count, seed), temperature, shift, dtype)
    return values, run_code(code)


@pytest.mark.parametrize(
    ("source", "count", "custom", "seed"),
    [("tutorial", 5, "", 1), ("random", 7, "", 3), ("custom", 5, "2, 1, 0.1", 1), ("custom", 5, "0 0 0 0", 9)],
)
@pytest.mark.parametrize("temperature", [0.1, 0.5, 1.0, 3.7])
def test_the_shown_code_prints_what_probabilities_computes(source, count, custom, seed, temperature):
    values, printed = shown(source, count, custom, seed, temperature)
    result = probabilities(values, temperature)
    assert torch.equal(printed[0], F.softmax(torch.tensor(values) / temperature, dim=0))
    assert close(printed[0], result.probs)
    assert float(printed[1]) == pytest.approx(result.total, abs=1e-6)
    assert close(printed[2], result.log_probs, 1e-5)


def test_the_scores_are_the_tutorials_a_seeded_draw_or_the_typed_ones():
    assert close(lesson_scores("tutorial", 0, "", 0)[:1], [1.3800], 5e-5)
    torch.manual_seed(3)
    want = tuple(torch.randn(7).tolist())
    assert lesson_scores("random", 7, "", 3) == want
    assert lesson_scores("custom", 0, "2, 1, 0.1", 0) == tuple(torch.tensor([2.0, 1.0, 0.1]).tolist())
    with pytest.raises(ValueError, match="not a number"):
        lesson_scores("custom", 0, "1, two", 0)
    with pytest.raises(ValueError, match="unknown source"):
        lesson_scores("nowhere", 0, "", 0)


def test_probabilities_match_torch_with_their_steps_and_the_sweep():
    values = lesson_scores("tutorial", 0, "", 0)
    result = probabilities(values, 1.0)
    assert [round(p, 4) for p in result.probs] == TUTORIAL_SOFTMAX
    assert result.top == 4
    scores = torch.tensor(values)
    assert close(result.scaled, scores) and close(result.exps, scores.exp(), 1e-5)
    assert result.exp_total == pytest.approx(float(scores.exp().sum()), rel=1e-6)
    assert len(result.sweep) == len(SWEEP) == 41
    for temperature, row in zip(SWEEP, result.sweep, strict=True):
        assert close(row, F.softmax(scores / temperature, dim=0))


@pytest.mark.parametrize("shift", [-1000, 0, 100, 710, 1000])
@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_the_shown_code_prints_what_shifted_computes(shift, dtype):
    values, printed = shown("tutorial", shift=shift, dtype=dtype)
    result = shifted(values, shift, dtype)
    moved = torch.tensor(values).to(getattr(torch, dtype)) + shift
    assert close(printed[3], result.stable, 1e-6) and close(result.stable, F.softmax(moved, dim=0))
    naive = printed[4]
    assert result.broken == int((~torch.isfinite(naive)).sum())
    assert result.naive_text == tuple(f"{float(v):.4g}" for v in naive)
    assert result.largest == pytest.approx(float(moved.max()))
    assert result.limit == pytest.approx(math.log(torch.finfo(getattr(torch, dtype)).max))
    original = F.softmax(torch.tensor(values).to(getattr(torch, dtype)), dim=0)
    assert result.difference == pytest.approx(float((F.softmax(moved, 0) - original).abs().max()), abs=1e-6)


def test_overflow_breaks_exp_then_divide_in_float32_only():
    values = lesson_scores("tutorial", 0, "", 0)
    assert shifted(values, 1000, "float32").broken == 5
    assert shifted(values, 100, "float32").broken == 5
    assert shifted(values, 100, "float64").broken == 0
    assert shifted(values, 100, "float32").stable_text[0] == "0.2948"
    with pytest.raises(ValueError, match="unknown dtype"):
        shifted(values, 0, "int8")


def test_quiz_evidence_is_softmax_after_adding_1000():
    values = lesson_scores("tutorial", 0, "", 0)
    assert quiz_evidence(values) == "[0.2948, 0.0192, 0.1048, 0.1228, 0.4584]"
    assert fmt(torch.tensor([0.5, 0.25])) == "[0.5000, 0.2500]"


def test_the_log_softmax_source_is_the_function_the_page_uses():
    source = log_softmax_source()
    assert source.startswith("def log_softmax(") and "z.max(dim=dim, keepdim=True)" in source
    namespace = {"torch": torch, "_scaled": lambda scores, temperature: scores / temperature}
    exec(source, namespace)
    scores = torch.tensor([1.0, 2.0, 1000.0])
    assert close(namespace["log_softmax"](scores), F.log_softmax(scores, dim=0))
