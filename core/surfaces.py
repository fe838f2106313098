"""Loss surfaces over two parameters: the landscapes an optimiser walks on."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import torch
import torch.nn.functional as F

from core.corpus import TUTORIAL_CORPUS
from core.dataset import prepare
from core.model import seeded_model
from core.tutorial_draws import BEFORE_CLASSIFIER, draws_code

SURFACES: tuple[str, ...] = ("bowl", "rosenbrock", "saddle", "classifier")

# Points on a side of a loss grid, unless a caller asks for another size.
GRID_SIZE = 60

# A point more than this many half-diagonals of the window from its centre has run away:
# far off the map, an optimiser is no longer exploring this landscape.
ESCAPE_FACTOR = 10

LossFn = Callable[[torch.Tensor, torch.Tensor], torch.Tensor]


@dataclass(frozen=True)
class Surface:
    """A differentiable loss L(x, y), the window it is drawn in and the code that defines it."""

    key: str
    loss: LossFn
    x_range: tuple[float, float]
    y_range: tuple[float, float]
    start: tuple[float, float]
    # The lowest point, where it is known in closed form (None if there is none, or no formula).
    minimum: tuple[float, float] | None
    # Python source defining `loss_fn(x, y)` with torch, exactly what `loss` computes.
    code: str
    # Evaluates many points at once; the point-wise `loss` if not given.
    grid_loss: LossFn | None = None

    @property
    def centre(self) -> tuple[float, float]:
        return ((self.x_range[0] + self.x_range[1]) / 2, (self.y_range[0] + self.y_range[1]) / 2)

    @property
    def escape_radius(self) -> float:
        """How far from the centre a point may go before it counts as run away: ten half-diagonals."""
        half_diagonal = math.hypot(self.x_range[1] - self.x_range[0], self.y_range[1] - self.y_range[0]) / 2
        return round(ESCAPE_FACTOR * half_diagonal, 3)

    def at(self, x: float, y: float) -> float:
        """The loss at one point, as a Python float."""
        with torch.no_grad():
            return float(self.loss(torch.tensor(float(x)), torch.tensor(float(y))))


def bowl(kappa: float = 10.0) -> Surface:
    """A quadratic bowl (x² + κ·y²) / 2 whose curvatures differ by the condition number κ."""
    if not (math.isfinite(kappa) and kappa >= 1):
        raise ValueError(f"the condition number must be a number of at least 1; got {kappa}")
    kappa = float(kappa)

    def loss(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        return (x**2 + kappa * y**2) / 2

    code = f"def loss_fn(x, y):\n    return (x**2 + {kappa!r} * y**2) / 2\n"
    return Surface("bowl", loss, (-3.0, 3.0), (-3.0, 3.0), (-2.5, 2.0), (0.0, 0.0), code)


def bowl_max_stable_lr(kappa: float) -> float:
    """The learning rate above which plain SGD diverges on `bowl(kappa)`: 2 / κ.

    Along y each SGD step multiplies y by (1 - lr·κ), which shrinks only while |1 - lr·κ| < 1.
    """
    if not (math.isfinite(kappa) and kappa >= 1):
        raise ValueError(f"the condition number must be a number of at least 1; got {kappa}")
    return 2.0 / kappa


def rosenbrock() -> Surface:
    """Rosenbrock's banana valley (1 - x)² + 100·(y - x²)², lowest at (1, 1)."""

    def loss(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        return (1 - x) ** 2 + 100 * (y - x**2) ** 2

    code = "def loss_fn(x, y):\n    return (1 - x) ** 2 + 100 * (y - x**2) ** 2\n"
    return Surface("rosenbrock", loss, (-2.0, 2.0), (-1.0, 3.0), (-1.5, 2.0), (1.0, 1.0), code)


def saddle() -> Surface:
    """x²/2 - y²/2 + y⁴/4: a saddle point at the origin between two minima at (0, ±1)."""

    def loss(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        return x**2 / 2 - y**2 / 2 + y**4 / 4

    code = "def loss_fn(x, y):\n    return x**2 / 2 - y**2 / 2 + y**4 / 4\n"
    # Starting just off the ridge y = 0 shows how long the flat middle holds an optimiser back.
    return Surface("saddle", loss, (-3.0, 3.0), (-2.0, 2.0), (-2.5, 0.05), (0.0, 1.0), code)


@dataclass(frozen=True)
class WeightChoice:
    """One entry of the classifier's weight matrix: the row of `label`, the column of `word`."""

    label: str
    word: str


def classifier_words() -> list[str]:
    """The tutorial's 26 words in vocabulary order."""
    return list(prepare(list(TUTORIAL_CORPUS)).vocab)


def classifier_labels() -> list[str]:
    """The tutorial's labels in index order: SPANISH, ENGLISH."""
    return list(prepare(list(TUTORIAL_CORPUS)).labels)


def classifier_surface(
    seed: int,
    first: WeightChoice = WeightChoice("SPANISH", "me"),
    second: WeightChoice = WeightChoice("SPANISH", "it"),
    half_width: float = 6.0,
) -> Surface:
    """The tutorial classifier's mean training NLL as a function of two of its weights.

    Every other weight and the bias stay at the seeded initial values (with the tutorial's
    earlier random draws, so seed 1 starts from the tutorial's model). The window is centred
    on the initial values of the two weights, which are also the start point.
    """
    if first == second:
        raise ValueError("choose two different weights: both axes name the same entry")
    if not (math.isfinite(half_width) and half_width > 0):
        raise ValueError(f"the window half-width must be positive; got {half_width}")
    data = prepare(list(TUTORIAL_CORPUS))
    cells = []
    for choice in (first, second):
        if choice.label not in data.labels:
            raise ValueError(f"unknown label {choice.label!r}; choose one of {list(data.labels)}")
        if choice.word not in data.vocab:
            raise ValueError(f"{choice.word!r} is not one of the tutorial's {len(data.vocab)} words")
        cells.append((data.labels.index(choice.label), data.vocab.index(choice.word)))
    (r1, c1), (r2, c2) = cells
    model = seeded_model(seed, len(data.labels), len(data.vocab), tutorial_draws=True)
    w0 = model.linear.weight.detach().clone()
    b0 = model.linear.bias.detach().clone()
    # The tutorial corpus is tiny: a dense (4, 26) count matrix keeps the surface code plain.
    x_train, y_train = data.dense_features("train"), data.y_train

    def loss(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        weight = w0.clone()
        weight[r1, c1] = x
        weight[r2, c2] = y
        return F.nll_loss(F.log_softmax(x_train @ weight.T + b0, dim=1), y_train)

    base = x_train @ w0.T + b0  # (sentences, labels)
    one_hot = torch.eye(len(data.labels))

    def grid_loss(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        # Changing one weight moves one label's score by (change x count of that word).
        dx = (x - w0[r1, c1])[..., None, None] * x_train[:, c1, None] * one_hot[r1]
        dy = (y - w0[r2, c2])[..., None, None] * x_train[:, c2, None] * one_hot[r2]
        log_probs = F.log_softmax(base + dx + dy, dim=-1)
        picked = log_probs.gather(-1, y_train.expand(log_probs.shape[:-1]).unsqueeze(-1))
        return -picked.squeeze(-1).mean(-1)

    sx, sy = float(w0[r1, c1]), float(w0[r2, c2])
    code = _classifier_code(seed, first, second)
    return Surface(
        "classifier",
        loss,
        (sx - half_width, sx + half_width),
        (sy - half_width, sy + half_width),
        (sx, sy),
        None,
        code,
        grid_loss,
    )


def _classifier_code(seed: int, first: WeightChoice, second: WeightChoice) -> str:
    sentences = ",\n".join(
        f"    ({row.text!r}.split(), {row.label!r})" for row in TUTORIAL_CORPUS if row.split == "train"
    )
    tests = ",\n".join(f"    ({row.text!r}.split(), {row.label!r})" for row in TUTORIAL_CORPUS if row.split == "test")
    draws = ", ".join(code.strip() for code in draws_code(BEFORE_CLASSIFIER).splitlines()) + "\n"
    return f"""import torch.nn.functional as F
from torch import nn

data = [
{sentences},
]
test_data = [
{tests},
]
word_to_ix = {{}}
for sent, _ in data + test_data:
    for word in sent:
        word_to_ix.setdefault(word, len(word_to_ix))
label_to_ix = {{"SPANISH": 0, "ENGLISH": 1}}
bows = torch.zeros(len(data), len(word_to_ix))
for i, (sent, _) in enumerate(data):
    for word in sent:
        bows[i, word_to_ix[word]] += 1
targets = torch.tensor([label_to_ix[label] for _, label in data])

torch.manual_seed({seed})
# The tutorial's earlier random draws, so that seed 1 gives the tutorial's initial weights.
{draws}model = nn.Linear(len(word_to_ix), len(label_to_ix))
w0, b0 = model.weight.detach(), model.bias.detach()
r1, c1 = label_to_ix[{first.label!r}], word_to_ix[{first.word!r}]
r2, c2 = label_to_ix[{second.label!r}], word_to_ix[{second.word!r}]


def loss_fn(x, y):
    # Every other weight keeps its initial value; x and y replace the two chosen ones.
    weight = w0.clone()
    weight[r1, c1] = x
    weight[r2, c2] = y
    return F.nll_loss(F.log_softmax(bows @ weight.T + b0, dim=1), targets)
"""


def build_surface(
    key: str,
    kappa: float = 10.0,
    seed: int = 1,
    first: WeightChoice = WeightChoice("SPANISH", "me"),
    second: WeightChoice = WeightChoice("SPANISH", "it"),
) -> Surface:
    """The surface called `key`, with its settings (κ for the bowl, seed and weights for the classifier)."""
    if key == "bowl":
        return bowl(kappa)
    if key == "rosenbrock":
        return rosenbrock()
    if key == "saddle":
        return saddle()
    if key == "classifier":
        return classifier_surface(seed, first, second)
    raise ValueError(f"unknown surface {key!r}; choose one of: {', '.join(SURFACES)}")


@dataclass(frozen=True)
class Grid:
    """The loss at the centres of a size x size grid of cells covering the surface's window."""

    x_edges: torch.Tensor
    y_edges: torch.Tensor
    loss: torch.Tensor  # (size, size), indexed [row along y, column along x]


def loss_grid(surface: Surface, size: int = GRID_SIZE) -> Grid:
    """Evaluate the surface on a grid, all points in one vectorised call."""
    if size < 2:
        raise ValueError(f"the grid needs at least 2 points a side; got {size}")
    x_edges = torch.linspace(*surface.x_range, size + 1)
    y_edges = torch.linspace(*surface.y_range, size + 1)
    xs = (x_edges[:-1] + x_edges[1:]) / 2
    ys = (y_edges[:-1] + y_edges[1:]) / 2
    gy, gx = torch.meshgrid(ys, xs, indexing="ij")
    fn = surface.grid_loss or surface.loss
    with torch.no_grad():
        values = fn(gx, gy)
    return Grid(x_edges, y_edges, values)


def loss_bands(grid: Grid, bounds: Sequence[float]) -> torch.Tensor:
    """Each cell's band between increasing `bounds`: 0 below the first, i from bounds[i - 1] up to bounds[i].

    The same rule as a threshold colour scale: a loss equal to a bound belongs to the band above it.
    """
    if list(bounds) != sorted(bounds):
        raise ValueError("band bounds must increase")
    return torch.bucketize(grid.loss, torch.tensor(list(bounds), dtype=grid.loss.dtype), right=True)
