"""Loss surfaces and gradient descent, checked against PyTorch computing the same thing directly."""

import base64
import bisect
import contextlib
import io
import math

import pandas as pd
import pytest
import torch
import torch.nn.functional as F
from PIL import Image

from charts.optimisation import SYMLOG_TICKS, band_bounds, grid_frame, loss_chart, surface_chart, surface_picture
from charts.palette import BANDS
from charts.spec import vega_spec
from core.corpus import TUTORIAL_CORPUS
from core.dataset import prepare
from core.descent import descend, manual_code, race, race_code, sgd_by_hand
from core.model import seeded_model
from core.optimizers import OPTIMIZERS, make_optimizer
from core.surfaces import (
    SURFACES,
    Grid,
    Surface,
    WeightChoice,
    bowl,
    bowl_max_stable_lr,
    build_surface,
    classifier_surface,
    loss_bands,
    loss_grid,
    rosenbrock,
    saddle,
)

ME = WeightChoice("SPANISH", "me")


def rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


POINTS = [(-1.5, 2.0), (0.3, -0.7), (1.0, 1.0), (0.0, 0.0), (2.2, -1.9)]


def torch_loop(surface: Surface, name: str, lr: float, steps: int, start) -> list[tuple[float, float]]:
    """The oracle: the plain zero_grad / forward / backward / step loop, no early stop."""
    theta = torch.tensor(start, requires_grad=True)
    optimizer = make_optimizer(name, [theta], lr)
    points = [tuple(theta.detach().tolist())]
    for _ in range(steps):
        optimizer.zero_grad()
        surface.loss(theta[0], theta[1]).backward()
        optimizer.step()
        points.append(tuple(theta.detach().tolist()))
    return points


# ---------------------------------------------------------------- surfaces


@pytest.mark.parametrize("point", POINTS)
def test_surfaces_compute_their_formulas_and_gradients(point):
    x, y = (torch.tensor(v, requires_grad=True) for v in point)
    cases = [
        (bowl(7.0), (x**2 + 7.0 * y**2) / 2, (x, 7.0 * y)),
        (
            rosenbrock(),
            (1 - x) ** 2 + 100 * (y - x**2) ** 2,
            (-2 * (1 - x) - 400 * x * (y - x**2), 200 * (y - x**2)),
        ),
        (saddle(), x**2 / 2 - y**2 / 2 + y**4 / 4, (x, -y + y**3)),
    ]
    for surface, expected, (gx, gy) in cases:
        value = surface.loss(x, y)
        assert float(value.detach()) == pytest.approx(float(expected.detach()), rel=1e-6, abs=1e-6)
        grad_x, grad_y = torch.autograd.grad(value, (x, y))
        assert float(grad_x) == pytest.approx(float(gx.detach()), rel=1e-5, abs=1e-5)
        assert float(grad_y) == pytest.approx(float(gy.detach()), rel=1e-5, abs=1e-5)


def test_saddle_has_a_saddle_point_and_two_minima():
    surface = saddle()
    hessian = torch.autograd.functional.hessian(lambda p: surface.loss(p[0], p[1]), torch.zeros(2))
    assert torch.allclose(hessian, torch.tensor([[1.0, 0.0], [0.0, -1.0]]))
    assert surface.at(0, 1) == pytest.approx(-0.25) == surface.at(0, -1)
    assert surface.at(0, 0) == 0


def test_classifier_surface_is_the_tutorial_models_training_loss():
    data = prepare(list(TUTORIAL_CORPUS))
    model = seeded_model(1, 2, 26, tutorial_draws=True)
    surface = classifier_surface(1, WeightChoice("SPANISH", "creo"), WeightChoice("ENGLISH", "creo"))
    # The tutorial prints the column of "creo" before training: [-0.1488, -0.1313].
    assert surface.start == pytest.approx((-0.1488, -0.1313), abs=1e-4)
    with torch.no_grad():
        expected = F.nll_loss(model(data.x_train), data.y_train)
    assert surface.at(*surface.start) == pytest.approx(float(expected), abs=1e-6)
    # Moving the two weights is the same as editing them inside the model.
    with torch.no_grad():
        creo = data.vocab.index("creo")
        model.linear.weight[0, creo] = 1.5
        model.linear.weight[1, creo] = -2.0
        expected = F.nll_loss(model(data.x_train), data.y_train)
    assert surface.at(1.5, -2.0) == pytest.approx(float(expected), abs=1e-6)


def test_classifier_grid_matches_point_by_point_loss():
    surface = classifier_surface(3, WeightChoice("SPANISH", "me"), WeightChoice("ENGLISH", "it"))
    grid = loss_grid(surface, size=7)
    xs = (grid.x_edges[:-1] + grid.x_edges[1:]) / 2
    ys = (grid.y_edges[:-1] + grid.y_edges[1:]) / 2
    for i in range(7):
        for j in range(7):
            assert float(grid.loss[i, j]) == pytest.approx(surface.at(xs[j], ys[i]), abs=1e-5)


def test_grid_is_60_by_60_and_covers_the_window():
    surface = rosenbrock()
    grid = loss_grid(surface)
    assert grid.loss.shape == (60, 60)
    assert grid.x_edges[0] == -2 and grid.x_edges[-1] == 2
    assert float(grid.loss.min()) >= 0
    frame = grid_frame(grid.x_edges.tolist(), grid.y_edges.tolist(), grid.loss.tolist())
    assert len(frame) == 3600
    assert frame["loss"].max() == pytest.approx(float(grid.loss.max()))


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: bowl(0.5), "condition number"),
        (lambda: build_surface("cliff"), "unknown surface"),
        (lambda: classifier_surface(1, ME, ME), "different"),
        (lambda: classifier_surface(1, WeightChoice("SPANISH", "hola"), ME), "hola"),
        (lambda: classifier_surface(1, WeightChoice("FRENCH", "me"), ME), "label"),
        (lambda: descend(bowl(), "sgd", 0.1, -1), "steps"),
        (lambda: descend(bowl(), "sgd", 0.0, 5), "learning rate"),
        (lambda: descend(bowl(), "sgd", 0.1, 5, (math.nan, 0.0)), "finite"),
        (lambda: race(bowl(), ["sgd", "lbfgs"], 0.1, 5), "lbfgs"),
        (lambda: sgd_by_hand(bowl(), -1.0, 5), "learning rate"),
    ],
)
def test_bad_settings_raise_clear_errors(call, message):
    with pytest.raises(ValueError, match=message):
        call()


# ---------------------------------------------------------------- descent


@pytest.mark.parametrize("key", SURFACES)
def test_sgd_by_hand_is_theta_minus_lr_times_grad_and_matches_torch_optim_sgd(key):
    surface = build_surface(key)
    lr = 0.001 if key == "rosenbrock" else 0.05
    records = sgd_by_hand(surface, lr, 20)
    assert len(records) == 20
    for record in records:
        theta = torch.tensor(record.theta, requires_grad=True)
        grad = torch.autograd.grad(surface.loss(theta[0], theta[1]), theta)[0]
        assert record.grad == pytest.approx(tuple(grad.tolist()), rel=1e-6, abs=1e-7)
        assert record.new_theta == pytest.approx(tuple((theta - lr * grad).tolist()), rel=1e-6, abs=1e-7)
    oracle = torch_loop(surface, "sgd", lr, 20, surface.start)
    hand = [r.theta for r in records] + [records[-1].new_theta]
    for mine, theirs in zip(hand, oracle, strict=True):
        assert mine == pytest.approx(theirs, rel=1e-6, abs=1e-6)


def test_sgd_on_the_bowl_follows_the_closed_form():
    kappa, lr = 10.0, 0.05
    records = sgd_by_hand(bowl(kappa), lr, 10, (-2.5, 2.0))
    for record in records:
        k = record.step
        assert record.theta[0] == pytest.approx(-2.5 * (1 - lr) ** k, rel=1e-5)
        assert record.theta[1] == pytest.approx(2.0 * (1 - lr * kappa) ** k, rel=1e-5, abs=1e-7)


@pytest.mark.parametrize("name", list(OPTIMIZERS))
@pytest.mark.parametrize("key", SURFACES)
def test_descent_paths_match_a_direct_torch_optim_loop(name, key):
    surface = build_surface(key, kappa=5.0, seed=2)
    lr = 0.001 if key == "rosenbrock" else 0.02
    path = descend(surface, name, lr, 15)
    assert not path.diverged and len(path.points) == 16 == len(path.losses)
    oracle = torch_loop(surface, name, lr, 15, surface.start)
    for mine, theirs in zip(path.points, oracle, strict=True):
        assert mine == pytest.approx(theirs, rel=1e-6, abs=1e-6)
    for (x, y), loss in zip(path.points, path.losses, strict=True):
        assert loss == pytest.approx(surface.at(x, y), rel=1e-5, abs=1e-6)


def test_max_stable_learning_rate_on_the_bowl_is_two_over_kappa():
    assert bowl_max_stable_lr(1.0) == 2.0
    for kappa in (4.0, 50.0):
        limit = bowl_max_stable_lr(kappa)
        assert limit == pytest.approx(2 / kappa)
        calm = descend(bowl(kappa), "sgd", 0.9 * limit, 150)
        wild = descend(bowl(kappa), "sgd", 1.1 * limit, 150)
        assert not calm.diverged and calm.final_loss < calm.losses[0] * 1e-3
        assert wild.diverged


def test_a_runaway_is_reported_at_its_step_and_never_drawn():
    surface = bowl(20.0)
    lr = 0.15  # y is multiplied by 1 - 0.15 * 20 = -2 at every step
    path = descend(surface, "sgd", lr, 100)
    # y = 2 * (-2)^k leaves the radius 10 * sqrt(18) ~ 42.4 first at k = 5 (|y| = 64).
    assert surface.escape_radius == pytest.approx(42.426, abs=1e-3)
    assert path.diverged_at == 5
    assert len(path.points) == 5 == len(path.losses)
    assert all(math.isfinite(v) for point in path.points for v in point)
    assert all(math.hypot(*point) <= surface.escape_radius for point in path.points)
    # Written out by hand, plain SGD stops at the same step: 4 updates drawn, the 5th point runs away.
    assert len(sgd_by_hand(surface, lr, 100)) + 1 == path.diverged_at
    # The oracle loop, unguarded, really does blow up from there on.
    oracle = torch_loop(surface, "sgd", lr, 5, surface.start)
    assert math.hypot(*oracle[5]) > surface.escape_radius


def test_nan_is_caught_as_a_runaway():
    def loss(x, y):
        # Finite while x < 0, NaN once x crosses zero.
        return torch.where(x < 0, x**2 + y**2, torch.tensor(math.nan))

    surface = Surface("test", loss, (-1.0, 1.0), (-1.0, 1.0), (-0.5, 0.0), None, "")
    path = descend(surface, "sgd", 0.75, 10)  # -0.5 -> 0.25: NaN after the first step
    assert path.diverged_at == 1
    assert path.points == [(-0.5, 0.0)]


def test_race_runs_every_optimiser_from_the_same_start():
    surface = rosenbrock()
    results = race(surface, ["sgd", "nesterov", "adam"], 0.002, 300, (-1.5, 2.0))
    assert list(results) == ["sgd", "nesterov", "adam"]
    assert all(path.points[0] == (-1.5, 2.0) for path in results.values())
    assert results["sgd"].final_loss < 0.01  # plain SGD creeps into (1, 1)
    assert results["nesterov"].diverged_at == 4  # momentum overshoots the steep wall
    assert results["adam"].final_loss > 1  # Adam's steps of about lr are too short here


# ---------------------------------------------------------------- code shown to the learner


def run_code(code: str) -> dict:
    namespace: dict = {}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(code, "<page code>", "exec"), namespace)
    return namespace


@pytest.mark.parametrize("key", SURFACES)
def test_race_code_runs_and_prints_the_same_results(key):
    surface = build_surface(key, kappa=20.0, seed=4)
    lr = 0.005 if key == "rosenbrock" else 0.12
    names = list(OPTIMIZERS)
    results = race(surface, names, lr, 30, surface.start)
    namespace = run_code(race_code(surface, names, lr, 30, surface.start))
    for name, path in results.items():
        if path.diverged:
            assert namespace["results"][name] == f"diverged at step {path.diverged_at}"
        else:
            assert namespace["results"][name] == pytest.approx(round(path.final_loss, 4), abs=1e-4)
    assert any(path.diverged for path in results.values()) or key in ("classifier", "saddle")


@pytest.mark.parametrize("key", SURFACES)
def test_manual_code_runs_and_ends_where_the_page_does(key):
    surface = build_surface(key, seed=5)
    start = surface.start if key == "classifier" else (0.35, -0.4)
    records = sgd_by_hand(surface, 0.001, 7, start)
    namespace = run_code(manual_code(surface, 0.001, 7, start))
    assert tuple(namespace["theta"].detach().tolist()) == pytest.approx(records[-1].new_theta, abs=1e-6)


# ---------------------------------------------------------------- chart helpers


def test_loss_bands_are_increasing_and_inside_the_range():
    bounds = band_bounds(0.03, 2346.0)
    assert bounds == sorted(bounds) and len(bounds) == 8
    assert 0.03 < bounds[0] < bounds[-1] < 2346.0
    assert band_bounds(1.0, 1.0) == [1.0]


def test_symlog_ticks_are_zero_and_signed_powers_of_ten():
    assert SYMLOG_TICKS == sorted(SYMLOG_TICKS)
    assert {-0.1, -0.01, 0.0, 0.01, 0.1, 1.0, 10.0, 1e9} <= set(SYMLOG_TICKS)
    assert all(tick == 0 or math.log10(abs(tick)).is_integer() for tick in SYMLOG_TICKS)


def test_new_losses_change_the_loss_charts_data_not_its_spec():
    """A learning-rate step sends new numbers only: the browser keeps the chart it has drawn."""
    common = {"step_title": "step", "loss_title": "loss", "path_title": "rule", "colors": {"SGD": "#d62728"}}
    calm = pd.DataFrame([{"path": "SGD", "step": s, "x": 0.0, "y": 0.0, "loss": 2.0 / (s + 1)} for s in range(5)])
    wild = calm.assign(loss=[3.0, 40.0, 900.0, 5e4, 2e6])
    none = pd.DataFrame(columns=["path", "x", "y", "step", "loss"])
    specs = [
        vega_spec(loss_chart(p, runaways=r, ceiling=100.0, **common)) for p, r in ((calm, none), (wild, wild.tail(1)))
    ]
    assert {k: v for k, v in specs[0].items() if k != "datasets"} == {
        k: v for k, v in specs[1].items() if k != "datasets"
    }
    # Above the ceiling a line is drawn at the ceiling (it leaves through the top); its tooltip reads the true loss.
    drawn = loss_chart(wild, runaways=wild.tail(1), ceiling=100.0, **common).to_dict()
    rows = [row for rows in drawn["datasets"].values() for row in rows]
    assert {"path": "SGD", "step": 4, "x": 0.0, "y": 0.0, "loss": 2e6, "drawn": 100.0} in rows
    assert {"path": "SGD", "step": 1, "x": 0.0, "y": 0.0, "loss": 40.0, "drawn": 40.0} in rows
    assert drawn["layer"][0]["encoding"]["y"]["field"] == "drawn"
    assert [tip["field"] for tip in drawn["layer"][0]["encoding"]["tooltip"]] == ["path", "step", "loss"]


def test_loss_bands_follow_the_threshold_rule_of_the_colour_scale():
    grid = loss_grid(rosenbrock(), size=9)
    bounds = band_bounds(float(grid.loss.min()), float(grid.loss.max()))
    bands = loss_bands(grid, bounds)
    # The oracle: a threshold scale puts a value equal to a bound in the band above it.
    expected = [[bisect.bisect_right(bounds, value) for value in row] for row in grid.loss.tolist()]
    assert bands.tolist() == expected
    assert bands.min() == 0 and bands.max() == len(bounds)
    on_a_bound = Grid(grid.x_edges[:3], grid.y_edges[:2], torch.tensor([[1.0, 2.0]]))
    assert loss_bands(on_a_bound, [1.0, 2.0]).tolist() == [[1, 2]]
    with pytest.raises(ValueError, match="increase"):
        loss_bands(grid, [2.0, 1.0])


def test_surface_picture_puts_the_lowest_row_at_the_bottom():
    # bands[row along y][column along x]: row 0 is the lowest y, so it is the picture's last row.
    url = surface_picture([[0, 1, 2], [3, 4, 8]])
    picture = Image.open(io.BytesIO(base64.b64decode(url.split(",", 1)[1]))).convert("RGB")
    assert picture.size == (3, 2)
    colours = [[picture.getpixel((x, y)) for x in range(3)] for y in range(2)]
    assert colours == [[rgb(BANDS[3]), rgb(BANDS[4]), rgb(BANDS[8])], [rgb(BANDS[0]), rgb(BANDS[1]), rgb(BANDS[2])]]


def test_surface_and_loss_charts_carry_the_paths():
    surface = bowl()
    grid = loss_grid(surface, size=4)
    frame = grid_frame(grid.x_edges.tolist(), grid.y_edges.tolist(), grid.loss.tolist())
    picture = surface_picture(loss_bands(grid, band_bounds(float(grid.loss.min()), float(grid.loss.max()))).tolist())
    paths = pd.DataFrame([{"path": "SGD", "step": 0, "x": -2.5, "y": 2.0, "loss": 23.125}])
    spec = surface_chart(
        picture,
        paths,
        probes=frame,
        x_range=(-3, 3),
        y_range=(-3, 3),
        x_title="x",
        y_title="y",
        loss_title="loss",
        path_title="rule",
        colors={"SGD": "#d62728"},
        start=(-2.5, 2.0),
        runaways=paths.assign(x=9.0),
    ).to_dict()
    rows = [row for rows in spec["datasets"].values() for row in rows]
    assert {"path": "SGD", "step": 0, "x": -2.5, "y": 2.0, "loss": 23.125} in rows
    # The picture fills the window; the probes answer the pointer with the loss at their centres.
    assert spec["layer"][0]["mark"]["type"] == "image"
    assert spec["layer"][0]["encoding"]["x"]["scale"]["domain"] == [-3, 3]
    assert {"x": -3, "x2": 3, "y": 3, "y2": -3, "url": picture} in rows
    assert [tip["field"] for tip in spec["layer"][1]["encoding"]["tooltip"]] == ["cx", "cy", "loss"]
    assert len([row for row in rows if "cx" in row]) == 16
    # A runaway that left the window is marked on its edge, with one legend for all paths.
    assert {"path": "SGD", "step": 0, "x": 3.0, "y": 2.0, "loss": 23.125} in rows
    assert [layer["encoding"]["color"].get("legend", "shown") is None for layer in spec["layer"][2:4]] == [
        False,
        True,
    ]
    # Hundreds of path points: drawn on a canvas, without ARIA text per mark.
    assert spec["usermeta"] == {"embedOptions": {"renderer": "canvas"}} and spec["config"]["aria"] is False
    curve = loss_chart(paths, step_title="step", loss_title="loss", path_title="rule", colors={"SGD": "#d62728"})
    assert curve.to_dict()["layer"][0]["encoding"]["y"]["scale"]["type"] == "symlog"


def test_a_runaway_coming_or_going_changes_the_charts_data_not_their_spec():
    surface = bowl()
    picture = surface_picture([[0, 1], [1, 2]])
    paths = pd.DataFrame([{"path": "SGD", "step": s, "x": -2.5, "y": 2.0 - s, "loss": 23.0 - s} for s in range(3)])
    crosses = paths.tail(1)
    nobody = pd.DataFrame(columns=["path", "x", "y", "step", "loss"])
    common = {"x_title": "x", "y_title": "y", "loss_title": "loss", "path_title": "rule", "colors": {"SGD": "#d62728"}}
    maps = [
        vega_spec(surface_chart(picture, paths, x_range=surface.x_range, y_range=surface.y_range, runaways=r, **common))
        for r in (crosses, nobody)
    ]
    del common["x_title"], common["y_title"]
    curves = [vega_spec(loss_chart(paths, step_title="step", runaways=r, **common)) for r in (crosses, nobody)]
    for with_cross, without in (maps, curves):
        assert {k: v for k, v in with_cross.items() if k != "datasets"} == {
            k: v for k, v in without.items() if k != "datasets"
        }
        assert with_cross["datasets"] != without["datasets"]
