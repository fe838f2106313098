"""The teaching contract: the replay prints every number of the tutorial, to 4 decimals."""

import pytest
import torch

from core.replay import STEPS, format_value, run_replay, same_value, step_code

# Written out here again, independently of core.replay, from the tutorial's printed output.
PRINTED = {
    "affine": [[[0.1755, -0.3268, -0.5069], [-0.6602, 0.2260, 0.1089]]],
    "relu": [[[-0.5404, -2.2102], [2.1130, -0.0040]], [[0.0000, 0.0000], [2.1130, 0.0000]]],
    "softmax": [
        [1.3800, -1.3505, 0.3455, 0.5046, 1.8213],
        [0.2948, 0.0192, 0.1048, 0.1228, 0.4584],
        1.0,
        [-1.2214, -3.9519, -2.2560, -2.0969, -0.7801],
    ],
    "before": [[[-0.9297, -0.5020]], [[-0.6388, -0.7506]], [-0.1488, -0.1313]],
    "train": [[[-0.2093, -1.6669]], [[-2.5330, -0.0828]], [0.2803, -0.5605]],
}
INITIAL_WEIGHT_ROW_STARTS = ([0.1194, 0.0609, -0.1268], [0.1152, -0.1136, -0.1743])


@pytest.fixture(scope="module")
def replay():
    return {result.step.key: result for result in run_replay()}


def assert_4_decimals(got, want):
    torch.testing.assert_close(
        torch.tensor(got, dtype=torch.float64), torch.tensor(want, dtype=torch.float64), atol=5e-5 + 1e-7, rtol=0
    )


@pytest.mark.parametrize("key", sorted(PRINTED))
def test_every_printed_number(replay, key):
    printed = replay[key].printed
    assert len(printed) == len(PRINTED[key])
    for got, want in zip(printed, PRINTED[key], strict=True):
        assert_4_decimals(got, want)


def test_vocabulary_and_model_steps(replay):
    (word_to_ix,) = replay["vocabulary"].printed
    assert len(word_to_ix) == 26 and word_to_ix["creo"] == 10 and word_to_ix["on"] == 25
    weight, bias, log_probs = replay["model"].printed
    assert_4_decimals([row[:3] for row in weight], list(INITIAL_WEIGHT_ROW_STARTS))
    assert_4_decimals(bias, [0.0631, 0.1465])
    assert_4_decimals(log_probs, [[-0.5378, -0.8771]])


def test_every_step_matches_and_the_order_is_the_tutorials(replay):
    assert [step.key for step in STEPS] == ["affine", "relu", "softmax", "vocabulary", "model", "before", "train"]
    assert all(result.matches for result in replay.values())


def test_another_seed_changes_the_numbers():
    results = run_replay(seed=2)
    assert not results[0].matches
    assert "torch.manual_seed(2)" in step_code(STEPS[0], 2)


def test_same_value_and_format():
    assert same_value([0.12344], [0.1234]) and not same_value([0.1236], [0.1234])
    assert not same_value([1.0, 2.0], [1.0])
    assert format_value([[0.1, -2.0], [3.0, 4.25]]) == "[[0.1000, -2.0000],\n [3.0000, 4.2500]]"
