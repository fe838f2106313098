"""Shapes of the plane to draw under a 2-D map: a grid, the letter F, preset maps and area."""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch


@dataclass(frozen=True)
class Polylines:
    """Points of the plane (N x 2) and, for each point, which line it belongs to."""

    points: torch.Tensor
    line: tuple[int, ...]


def grid_lines(extent: float = 2.0, lines: int = 9, samples: int = 41) -> Polylines:
    """A square grid on [-extent, extent]^2: `lines` vertical and `lines` horizontal lines.

    Each line is sampled at `samples` points so that it can bend when a non-linearity acts on it.
    """
    if extent <= 0:
        raise ValueError(f"extent must be positive; got {extent}")
    if lines < 2 or samples < 2:
        raise ValueError(f"need at least 2 lines and 2 samples per line; got {lines} and {samples}")
    ticks = torch.linspace(-extent, extent, lines)
    along = torch.linspace(-extent, extent, samples)
    chunks, ids = [], []
    for index, tick in enumerate(ticks):
        chunks.append(torch.stack([torch.full_like(along, float(tick)), along], dim=1))
        chunks.append(torch.stack([along, torch.full_like(along, float(tick))], dim=1))
        ids += [2 * index] * samples + [2 * index + 1] * samples
    return Polylines(torch.cat(chunks), tuple(ids))


# A capital F: it has no mirror symmetry, so a reflection is visible at a glance.
_LETTER_F = [
    (0.0, 0.0),
    (0.4, 0.0),
    (0.4, 0.6),
    (0.9, 0.6),
    (0.9, 1.0),
    (0.4, 1.0),
    (0.4, 1.4),
    (1.1, 1.4),
    (1.1, 1.8),
    (0.0, 1.8),
]


def letter_f(samples_per_edge: int = 8) -> torch.Tensor:
    """The outline of a letter F as a closed polygon (first point repeated at the end)."""
    if samples_per_edge < 1:
        raise ValueError(f"samples_per_edge must be at least 1; got {samples_per_edge}")
    corners = torch.tensor(_LETTER_F)
    ends = torch.roll(corners, -1, dims=0)
    steps = torch.arange(samples_per_edge).unsqueeze(1) / samples_per_edge
    edges = [start + steps * (end - start) for start, end in zip(corners, ends, strict=True)]
    outline = torch.cat(edges)
    return torch.cat([outline, outline[:1]])


def polygon_area(points: torch.Tensor) -> float:
    """Signed area of a closed polygon (shoelace formula); negative when it runs clockwise."""
    if points.dim() != 2 or points.shape[1] != 2 or points.shape[0] < 3:
        raise ValueError(f"points must have shape (N, 2) with N >= 3; got {tuple(points.shape)}")
    x, y = points[:, 0].double(), points[:, 1].double()
    return float(0.5 * (x * torch.roll(y, -1) - torch.roll(x, -1) * y).sum())


_COS, _SIN = math.cos(math.pi / 6), math.sin(math.pi / 6)

PRESET_MAPS: dict[str, tuple[tuple[tuple[float, float], tuple[float, float]], tuple[float, float]]] = {
    "identity": (((1.0, 0.0), (0.0, 1.0)), (0.0, 0.0)),
    "rotation": (((round(_COS, 4), round(-_SIN, 4)), (round(_SIN, 4), round(_COS, 4))), (0.0, 0.0)),
    "shear": (((1.0, 1.0), (0.0, 1.0)), (0.0, 0.0)),
    "scaling": (((1.5, 0.0), (0.0, 0.5)), (0.0, 0.0)),
    "reflection": (((-1.0, 0.0), (0.0, 1.0)), (0.0, 0.0)),
    "projection": (((1.0, 0.0), (0.0, 0.0)), (0.0, 0.0)),
    "translation": (((1.0, 0.0), (0.0, 1.0)), (1.0, 0.5)),
}


def preset_map(name: str) -> tuple[torch.Tensor, torch.Tensor]:
    """The 2x2 matrix A and the vector b of a named preset map."""
    try:
        matrix, shift = PRESET_MAPS[name]
    except KeyError:
        raise ValueError(f"unknown preset {name!r}; choose one of: {', '.join(PRESET_MAPS)}") from None
    return torch.tensor(matrix), torch.tensor(shift)


def area_effect(det: float, tol: float = 5e-4) -> str:
    """What a map with determinant `det` does to areas: collapse, flip, grow, shrink or keep.

    `tol` is generous because presets such as the rotation are typed with 4 decimals.
    """
    if abs(det) < tol:
        return "collapse"
    if det < 0:
        return "flip"
    if abs(det - 1.0) < tol:
        return "keep"
    return "grow" if det > 1 else "shrink"


def lattice(extent: float = 2.0, count: int = 41) -> torch.Tensor:
    """Every point of a `count` x `count` lattice on [-extent, extent]^2, as rows (count^2 x 2)."""
    if extent <= 0 or count < 2:
        raise ValueError(f"need extent > 0 and count >= 2; got extent={extent}, count={count}")
    ticks = torch.linspace(-extent, extent, count)
    return torch.cartesian_prod(ticks, ticks)


def preset_entries(name: str) -> tuple[float, float, float, float, float, float]:
    """A preset map as the six numbers a learner types: A[0, 0], A[0, 1], A[1, 0], A[1, 1], b[0], b[1]."""
    preset_map(name)  # a clear error for an unknown name
    (row_0, row_1), shift = PRESET_MAPS[name]
    return (*(float(value) for value in (*row_0, *row_1)), *(float(value) for value in shift))  # type: ignore[return-value]


def map_from_entries(entries: tuple[float, ...]) -> tuple[torch.Tensor, torch.Tensor]:
    """The matrix A (2 x 2) and the vector b of the six numbers of `preset_entries`' order."""
    if len(entries) != 6:
        raise ValueError(f"a 2-D affine map has 6 numbers; got {len(entries)}")
    values = [float(value) for value in entries]
    return torch.tensor([values[:2], values[2:4]]), torch.tensor(values[4:])


@dataclass(frozen=True)
class Plane:
    """What the playground draws: the grid's points, then the letter F's, with their line ids."""

    points: torch.Tensor
    grid_size: int  # the first `grid_size` rows of `points` are the grid
    grid_line: tuple[int, ...]
    shape_line: tuple[int, ...]


def plane(extent: float = 2.0, lines: int = 9, samples: int = 25) -> Plane:
    """The grid on [-extent, extent]^2 and the letter F, stacked, so one map moves both at once."""
    grid = grid_lines(extent, lines=lines, samples=samples)
    shape = letter_f()
    return Plane(torch.cat([grid.points, shape]), grid.points.shape[0], grid.line, (0,) * shape.shape[0])
