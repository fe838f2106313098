"""What the optimisation page shows about a descent (core.descent_summary), checked against PyTorch."""

import math
import re

import pytest
import torch

from core.descent import descend, race, sgd_by_hand
from core.descent_summary import (
    QUIZ_STEPS,
    best_finisher,
    fmt,
    manual_agreement,
    manual_points,
    path_rows,
    quiz_demo,
    race_order,
    runaway_rows,
    surface_from_args,
    tex,
    update_latex,
)
from core.optimizers import OPTIMIZERS
from core.surfaces import bowl, build_surface, rosenbrock

BOWL_ARGS = ("bowl", 10.0, 1, "SPANISH", "me", "SPANISH", "it")


def test_numbers_are_written_with_four_decimals_or_in_scientific_notation():
    assert fmt(23.125) == "23.1250"
    assert fmt(0.0) == "0.0000"
    assert fmt(4.268e-13) == "4.268e-13"
    assert fmt(-123456.0) == "-1.235e+05"
    assert tex(2.0) == "2.0000"
    assert tex(-20.0) == "-20.000"
    assert tex(12345.678) == "12345.7"
    assert tex(2e-5) == "2.000e-05"


def test_surface_from_args_builds_the_named_surface():
    surface = surface_from_args(BOWL_ARGS)
    assert surface.code == bowl(10.0).code and surface.start == (-2.5, 2.0)
    classifier = surface_from_args(("classifier", 10.0, 3, "SPANISH", "me", "ENGLISH", "it"))
    assert classifier.key == "classifier" and "torch.manual_seed(3)" in classifier.code
    with pytest.raises(ValueError, match="different"):
        surface_from_args(("classifier", 10.0, 1, "SPANISH", "me", "SPANISH", "me"))


def test_update_latex_writes_out_the_step_torch_computes():
    surface, lr = rosenbrock(), 0.001
    record = sgd_by_hand(surface, lr, 3)[2]
    theta = torch.tensor(record.theta, requires_grad=True)
    (grad,) = torch.autograd.grad(surface.loss(theta[0], theta[1]), theta)
    after = theta.detach() - lr * grad
    text = update_latex(record, lr)
    pairs = re.findall(r"= \((\S+),\\ (\S+)\)", text)
    numbers = [float(n) for pair in pairs for n in pair]
    # θ₂, ∇L(θ₂), θ₃: each pair as PyTorch computes it, to the digits shown.
    for shown, expected in zip(numbers, [*theta.tolist(), *grad.tolist(), *after.tolist()], strict=True):
        assert shown == pytest.approx(expected, rel=1e-4, abs=1e-4)
    assert r"\theta_{3} &= \theta_{2} - 0.001\cdot\nabla L(\theta_{2})" in text


def test_manual_points_and_agreement_follow_torch_optim_sgd():
    surface = bowl(10.0)
    records = sgd_by_hand(surface, 0.05, 30)
    points, losses = manual_points(records, 3)
    assert len(points) == 5 == len(losses)
    assert points[-1] == records[3].new_theta and losses[-1] == records[3].new_loss
    assert losses == pytest.approx([surface.at(*point) for point in points], rel=1e-6)
    by_optim = descend(surface, "sgd", 0.05, 30)
    steps, diff = manual_agreement(records, by_optim)
    assert steps == 30 and diff < 1e-6
    rows = path_rows("SGD", points, losses)
    assert [row["step"] for row in rows] == [0, 1, 2, 3, 4]
    assert rows[0] == {"path": "SGD", "step": 0, "x": -2.5, "y": 2.0, "loss": pytest.approx(23.125)}


def test_race_summaries_name_the_runaways_and_the_winner():
    surface = bowl(10.0)
    assert race_order(["adam", "sgd", "nesterov"]) == ["sgd", "nesterov", "adam"]
    assert race_order(list(OPTIMIZERS)[::-1]) == list(OPTIMIZERS)
    results = race(surface, race_order(["adam", "sgd", "rmsprop"]), 0.5, 100)
    assert results["sgd"].diverged_at == 3
    rows = runaway_rows(results, {"sgd": "SGD", "rmsprop": "RMSprop", "adam": "Adam"})
    assert [row["path"] for row in rows] == ["SGD"]
    assert rows[0]["step"] == 2 and (rows[0]["x"], rows[0]["y"]) == results["sgd"].final_point
    finished = {name: path.final_loss for name, path in results.items() if not path.diverged}
    assert best_finisher(results) == min(finished, key=finished.get)
    assert best_finisher({"sgd": results["sgd"]}) is None


@pytest.mark.parametrize("kappa", [4.0, 20.0])
def test_quiz_demo_runs_sgd_on_either_side_of_two_over_kappa(kappa):
    demo = quiz_demo(kappa)
    assert demo.limit == pytest.approx(2 / kappa)
    assert (demo.below, demo.above) == pytest.approx((0.9 * 2 / kappa, 1.1 * 2 / kappa))
    assert not demo.calm.diverged and demo.wild.diverged
    # The oracle: plain torch.optim.SGD from the bowl's start, unguarded.
    theta = torch.tensor(bowl(kappa).start, requires_grad=True)
    optimiser = torch.optim.SGD([theta], lr=demo.below)
    for _ in range(QUIZ_STEPS):
        optimiser.zero_grad()
        bowl(kappa).loss(theta[0], theta[1]).backward()
        optimiser.step()
    assert demo.calm.final_point == pytest.approx(tuple(theta.detach().tolist()), abs=1e-6)
    assert math.isfinite(demo.calm.final_loss)


def test_the_surfaces_code_defines_the_loss_the_summaries_use():
    surface = build_surface("saddle")
    namespace: dict = {}
    exec(compile(surface.code, "<surface>", "exec"), namespace)
    for point in [(0.3, -0.7), (-2.5, 0.05)]:
        expected = float(namespace["loss_fn"](torch.tensor(point[0]), torch.tensor(point[1])))
        assert surface.at(*point) == pytest.approx(expected)
