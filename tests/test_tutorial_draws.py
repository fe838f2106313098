"""The tutorial's draw order, defined once: running it and showing it agree, and land on the tutorial's numbers."""

import pytest
import torch
from torch import nn

from core.tutorial_draws import AFFINE_CELL, BEFORE_CLASSIFIER, BEFORE_SOFTMAX, DRAWS, draw, draws_code


def test_the_code_shown_is_the_code_that_runs():
    torch.manual_seed(1)
    drawn = draw(BEFORE_CLASSIFIER)
    torch.manual_seed(1)
    namespace = {"torch": torch, "nn": nn}
    exec("out = [" + ", ".join(line for line in draws_code(BEFORE_CLASSIFIER).splitlines()) + "]", namespace)
    assert torch.equal(drawn[1], namespace["out"][1]) and torch.equal(drawn[3], namespace["out"][3])
    assert torch.equal(drawn[0].weight, namespace["out"][0].weight)


def test_seed_one_gives_the_tutorials_printed_tensors():
    torch.manual_seed(1)
    lin, data, relu_input, scores = draw(BEFORE_CLASSIFIER)
    # As the tutorial prints them: the affine cell's output, the ReLU cell's input, the softmax input.
    expected = torch.tensor([[0.1755, -0.3268, -0.5069], [-0.6602, 0.2260, 0.1089]])
    torch.testing.assert_close(lin(data).detach(), expected, atol=1e-4, rtol=0)
    torch.testing.assert_close(relu_input, torch.tensor([[-0.5404, -2.2102], [2.1130, -0.0040]]), atol=1e-4, rtol=0)
    torch.testing.assert_close(scores[:2], torch.tensor([1.3800, -1.3505]), atol=1e-4, rtol=0)


def test_prefixes_and_bounds():
    assert (AFFINE_CELL, BEFORE_SOFTMAX, BEFORE_CLASSIFIER) == (2, 3, len(DRAWS))
    assert draws_code(AFFINE_CELL) == "nn.Linear(5, 3)\ntorch.randn(2, 5)\n"
    assert draws_code(0) == "" and draw(0) == []
    with pytest.raises(ValueError):
        draw(5)
