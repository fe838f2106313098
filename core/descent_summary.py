"""What the optimisation lesson shows about a descent: numbers as text, the written-out update, summaries.

Plain Python over `core.descent`'s results, so every number a learner reads is computed (and
tested) here: the update θₖ₊₁ = θₖ - η·∇L(θₖ) in LaTeX, how closely the hand-written steps match
torch.optim's SGD, which paths ran away, the race's winner and the quiz's two real runs.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.descent import DescentPath, ManualStep, descend
from core.optimizers import OPTIMIZERS
from core.surfaces import Surface, WeightChoice, bowl, bowl_max_stable_lr, build_surface

# How many steps the quiz's two demonstration runs take, on either side of the stability limit.
QUIZ_STEPS = 100

# A surface by its small hashable settings: (key, κ, seed, label x, word x, label y, word y).
SurfaceArgs = tuple[str, float, int, str, str, str, str]


def surface_from_args(args: SurfaceArgs) -> Surface:
    """The surface that `args` name (κ matters for the bowl, seed and weights for the classifier)."""
    key, kappa, seed_value, label_x, word_x, label_y, word_y = args
    return build_surface(key, kappa, seed_value, WeightChoice(label_x, word_x), WeightChoice(label_y, word_y))


def fmt(value: float) -> str:
    """Four decimals, or scientific notation for numbers too large or too small for that."""
    if value != 0 and (abs(value) >= 1e5 or abs(value) < 1e-4):
        return f"{value:.3e}"
    return f"{value:.4f}"


def tex(value: float) -> str:
    """About five significant digits, so that big gradients still fit beside the chart."""
    if value != 0 and (abs(value) >= 1e5 or abs(value) < 1e-4):
        return f"{value:.3e}"
    digits = len(str(int(abs(value))))
    return f"{value:.{max(1, 5 - digits)}f}"


def update_latex(record: ManualStep, lr: float) -> str:
    """Step `record.step` of θ ← θ - η·∇L(θ) written out with its numbers, as a LaTeX block."""
    k = record.step
    (x, y), (gx, gy), (nx, ny) = record.theta, record.grad, record.new_theta
    return (
        r"\begin{aligned}"
        rf"\theta_{{{k}}} &= ({tex(x)},\ {tex(y)})\\"
        rf"\nabla L(\theta_{{{k}}}) &= ({tex(gx)},\ {tex(gy)})\\"
        rf"\theta_{{{k + 1}}} &= \theta_{{{k}}} - {lr:g}\cdot\nabla L(\theta_{{{k}}})\\"
        rf"&= ({tex(nx)},\ {tex(ny)})"
        r"\end{aligned}"
    )


def path_rows(label: str, points: list[tuple[float, float]], losses: list[float]) -> list[dict]:
    """One chart row per point of a path: its label, step, coordinates and loss."""
    return [
        {"path": label, "step": step, "x": x, "y": y, "loss": loss}
        for step, ((x, y), loss) in enumerate(zip(points, losses, strict=True))
    ]


def manual_points(records: list[ManualStep], upto: int) -> tuple[list[tuple[float, float]], list[float]]:
    """The points and losses of the hand-written walk through step `upto`, and where that step lands."""
    shown = records[: upto + 1]
    return [r.theta for r in shown] + [records[upto].new_theta], [r.loss for r in shown] + [records[upto].new_loss]


def manual_agreement(records: list[ManualStep], by_optim: DescentPath) -> tuple[int, float]:
    """How many steps the hand-written walk and torch.optim's SGD share, and their largest coordinate gap."""
    compared = min(len(records) + 1, len(by_optim.points))
    mine = [r.theta for r in records] + [records[-1].new_theta]
    diff = max(
        max(abs(a - b) for a, b in zip(point, optim_point, strict=True))
        for point, optim_point in zip(mine, by_optim.points, strict=False)
    )
    return compared - 1, diff


def runaway_rows(results: dict[str, DescentPath], names: dict[str, str]) -> list[dict]:
    """The last good point of every path that ran away, labelled by `names`, for the crosses on the charts."""
    return [
        {
            "path": names[name],
            "x": path.final_point[0],
            "y": path.final_point[1],
            "step": len(path.points) - 1,
            "loss": path.final_loss,
        }
        for name, path in results.items()
        if path.diverged and path.points
    ]


def best_finisher(results: dict[str, DescentPath]) -> str | None:
    """The optimiser that ended lowest among those that did not run away (None if all did)."""
    finished = {name: path for name, path in results.items() if not path.diverged}
    if not finished:
        return None
    return min(finished, key=lambda name: finished[name].final_loss)


def race_order(names: list[str] | tuple[str, ...]) -> list[str]:
    """The chosen optimisers in the app's order (`core.optimizers.OPTIMIZERS`), whatever order they were picked in."""
    return [name for name in OPTIMIZERS if name in names]


@dataclass(frozen=True)
class QuizDemo:
    """Plain SGD on the bowl just below and just above its stability limit 2/κ."""

    kappa: float
    limit: float
    below: float
    above: float
    calm: DescentPath
    wild: DescentPath
    start: tuple[float, float]


def quiz_demo(kappa: float, steps: int = QUIZ_STEPS) -> QuizDemo:
    """Run SGD on bowl(κ) at 0.9 and 1.1 times the largest stable learning rate."""
    limit = bowl_max_stable_lr(kappa)
    surface = bowl(kappa)
    below, above = 0.9 * limit, 1.1 * limit
    calm = descend(surface, "sgd", below, steps)
    wild = descend(surface, "sgd", above, steps)
    return QuizDemo(float(kappa), limit, below, above, calm, wild, surface.start)
