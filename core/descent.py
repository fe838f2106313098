"""Gradient descent on a two-parameter surface: torch.optim step by step, paths and divergence."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import torch

from core.optimizers import OPTIMIZER_CODE, OPTIMIZERS, make_optimizer
from core.surfaces import Surface

MAX_STEPS = 500


@dataclass
class DescentPath:
    """Where one optimiser went: points, losses and gradients after 0, 1, 2, ... updates."""

    optimizer: str
    lr: float
    points: list[tuple[float, float]] = field(default_factory=list)
    losses: list[float] = field(default_factory=list)
    grads: list[tuple[float, float]] = field(default_factory=list)
    # The number of updates after which the point or the loss stopped being usable, if it did.
    diverged_at: int | None = None

    @property
    def diverged(self) -> bool:
        return self.diverged_at is not None

    @property
    def final_point(self) -> tuple[float, float]:
        return self.points[-1]

    @property
    def final_loss(self) -> float:
        return self.losses[-1]


def runs_away(surface: Surface, x: float, y: float, loss: float) -> bool:
    """True when a point or its loss is NaN or infinite, or the point is far off the map."""
    if not (math.isfinite(x) and math.isfinite(y) and math.isfinite(loss)):
        return True
    centre_x, centre_y = surface.centre
    return math.hypot(x - centre_x, y - centre_y) > surface.escape_radius


def is_runaway(surface: Surface, point: torch.Tensor, loss: torch.Tensor) -> bool:
    """`runs_away` for a point and a loss held as tensors."""
    x, y = point.tolist()
    return runs_away(surface, x, y, loss.item())


def _check(steps: int, start: tuple[float, float]) -> None:
    if not 0 <= steps <= MAX_STEPS:
        raise ValueError(f"the number of steps must be between 0 and {MAX_STEPS}; got {steps}")
    if not all(math.isfinite(v) for v in start):
        raise ValueError(f"the start point must be finite numbers; got {start}")


def descend(
    surface: Surface, optimizer: str, lr: float, steps: int, start: tuple[float, float] | None = None
) -> DescentPath:
    """Run `steps` updates of torch.optim's `optimizer` on `surface`, recording every point.

    Stops early at the first update that leads to a runaway point (see `is_runaway`); the
    path then ends at the last good point and `diverged_at` names the update that failed.
    """
    start = surface.start if start is None else start
    _check(steps, start)
    theta = torch.tensor([float(v) for v in start], requires_grad=True)
    opt = make_optimizer(optimizer, [theta], lr)
    path = DescentPath(optimizer, lr)
    for step in range(steps + 1):
        opt.zero_grad()
        loss = surface.loss(theta[0], theta[1])
        # Read as Python numbers once per step: each tensor read costs more than the arithmetic.
        x, y = theta.tolist()
        value = loss.item()
        if runs_away(surface, x, y, value):
            path.diverged_at = step
            break
        path.points.append((x, y))
        path.losses.append(value)
        if step == steps:
            break
        loss.backward()
        path.grads.append(tuple(theta.grad.tolist()))
        opt.step()
    return path


def race(
    surface: Surface, optimizers: list[str], lr: float, steps: int, start: tuple[float, float] | None = None
) -> dict[str, DescentPath]:
    """Every optimiser in `optimizers` from the same start with the same learning rate."""
    unknown = [name for name in optimizers if name not in OPTIMIZERS]
    if unknown:
        raise ValueError(f"unknown optimiser {unknown[0]!r}; choose from: {', '.join(OPTIMIZERS)}")
    return {name: descend(surface, name, lr, steps, start) for name in optimizers}


@dataclass(frozen=True)
class ManualStep:
    """One step of theta <- theta - lr * grad written out: before, gradient, after."""

    step: int
    theta: tuple[float, float]
    loss: float
    grad: tuple[float, float]
    new_theta: tuple[float, float]
    new_loss: float


def sgd_by_hand(surface: Surface, lr: float, steps: int, start: tuple[float, float] | None = None) -> list[ManualStep]:
    """Plain gradient descent without torch.optim: autograd for the gradient, the update by hand.

    Stops early if a point runs away: with n records, point n + 1 is where `descend` reports it.
    """
    start = surface.start if start is None else start
    _check(steps, start)
    if not (math.isfinite(lr) and lr > 0):
        raise ValueError(f"the learning rate must be positive; got {lr}")
    theta = torch.tensor([float(v) for v in start], requires_grad=True)
    loss = surface.loss(theta[0], theta[1])
    records: list[ManualStep] = []
    if is_runaway(surface, theta.detach(), loss.detach()):
        return records
    for step in range(steps):
        (grad,) = torch.autograd.grad(loss, theta)
        new_theta = (theta.detach() - lr * grad).requires_grad_(True)
        new_loss = surface.loss(new_theta[0], new_theta[1])
        # The same rule as `descend`: the first bad point ends the walk, so both stop at one step.
        if is_runaway(surface, new_theta.detach(), new_loss.detach()):
            break
        records.append(
            ManualStep(
                step,
                _pair(theta),
                float(loss.detach()),
                _pair(grad),
                _pair(new_theta),
                float(new_loss.detach()),
            )
        )
        theta, loss = new_theta, new_loss
    return records


def _pair(values: torch.Tensor) -> tuple[float, float]:
    values = values.detach()
    return float(values[0]), float(values[1])


def _number(value: float) -> str:
    # The shortest text that reads back as the same float, so the script starts where the page does.
    return repr(float(value))


def manual_code(surface: Surface, lr: float, steps: int, start: tuple[float, float]) -> str:
    """A script that takes `steps` hand-written SGD steps on `surface` and prints theta."""
    x0, y0 = (_number(v) for v in start)
    return (
        "import torch\n\n" + surface.code + f"\n\nlr = {_number(lr)}\n"
        f"theta = torch.tensor([{x0}, {y0}], requires_grad=True)\n"
        f"for step in range({steps}):\n"
        "    loss = loss_fn(theta[0], theta[1])\n"
        "    loss.backward()\n"
        "    with torch.no_grad():\n"
        "        theta -= lr * theta.grad  # the update rule, by hand\n"
        "    theta.grad.zero_()\n"
        "print(theta.detach())\n"
    )


def race_code(surface: Surface, optimizers: list[str], lr: float, steps: int, start: tuple[float, float]) -> str:
    """A script that runs the race with torch.optim and prints where each optimiser ends."""
    x0, y0 = (_number(v) for v in start)
    cx, cy = (_number(v) for v in surface.centre)
    makers = "\n".join(
        f"    {name!r}: lambda params: {OPTIMIZER_CODE[name].replace('model.parameters()', 'params')},"
        for name in optimizers
    )
    return (
        "import torch\nfrom torch import optim\n\n" + surface.code + f"\n\nlr, steps = {_number(lr)}, {steps}\n"
        "optimisers = {\n" + makers.replace("{lr}", "lr") + "\n}\n"
        f"centre, escape_radius = torch.tensor([{cx}, {cy}]), {surface.escape_radius!r}\n"
        "results = {}\n"
        "for name, make in optimisers.items():\n"
        f"    theta = torch.tensor([{x0}, {y0}], requires_grad=True)\n"
        "    optimiser = make([theta])\n"
        "    for step in range(steps + 1):\n"
        "        optimiser.zero_grad()\n"
        "        loss = loss_fn(theta[0], theta[1])\n"
        "        # Stop at the first NaN or infinity, or a point far off the map: it has diverged.\n"
        "        off_map = (theta.detach() - centre).norm() > escape_radius\n"
        "        if not torch.isfinite(loss) or not torch.isfinite(theta).all() or off_map:\n"
        "            results[name] = f'diverged at step {step}'\n"
        "            break\n"
        "        if step == steps:\n"
        "            results[name] = round(loss.item(), 4)\n"
        "            break\n"
        "        loss.backward()\n"
        "        optimiser.step()\n"
        "    print(name, results[name], theta.detach())\n"
    )
