"""The PyTorch code the affine-maps page shows, built from the page's settings (it runs as shown)."""

from __future__ import annotations

import torch

from core.nonlinearities import get_nonlinearity


def literal(values: torch.Tensor) -> str:
    """A tensor as a Python list literal with 4 decimals, as the page's code writes it."""
    return repr(torch.round(values.double(), decimals=4).tolist())


def linear_code(seed: int, in_features: int, out_features: int, rows: int, row: int, device: str = "cpu") -> str:
    """The tutorial's first cell with the chosen sizes, and one row of the batch mapped alone."""
    device_line = "" if device == "cpu" else f'lin = lin.to("{device}")\n'
    data_line = f"data = torch.randn({rows}, {in_features})"
    if device != "cpu":
        data_line += f'.to("{device}")'
    return f"""import torch
import torch.nn as nn

torch.manual_seed({seed})
lin = nn.Linear({in_features}, {out_features})  # A is lin.weight, b is lin.bias
{device_line}{data_line}
print(lin(data))
print(data[{row}] @ lin.weight.T + lin.bias)  # row {row} alone gives row {row} of the output
"""


def entry_sum(pairs: list[tuple[float, float]], bias: float, total: float) -> str:
    """One output number worked out by hand: each weight times its input, plus the bias, equals the total."""
    terms = " + ".join(f"({a:.4f} × {x:.4f})" for a, x in pairs)
    return f"{terms}\n+ {bias:.4f}\n= {total:.4f}"


def plane_code(A: torch.Tensor, b: torch.Tensor) -> str:
    """A 2-D map applied to the unit square's corners, and its determinant."""
    return f"""import torch

A = torch.tensor({literal(A)})
b = torch.tensor({literal(b)})
corners = torch.tensor([[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]])  # unit square
print(corners @ A.T + b)  # PyTorch maps rows: x -> Ax + b for each row
det = torch.linalg.det(A)
print(det)  # areas are multiplied by |det|; a negative det flips the shape
"""


def bent_expression(between: str, inner: str = "x @ C.T + d") -> str:
    """g(x) written in PyTorch, inside the non-linearity `between` ("none": g(x) alone)."""
    if between == "none":
        return inner
    return get_nonlinearity(between).code.replace("(x", f"({inner}")


def compose_code(
    A: torch.Tensor, b: torch.Tensor, C: torch.Tensor, d: torch.Tensor, between: str, extent: float, count: int
) -> str:
    """f(g(x)) in two steps and as one map, then with a non-linearity between, and the best affine fit."""
    return f"""import torch
import torch.nn.functional as F

A, b = torch.tensor({literal(A)}), torch.tensor({literal(b)})
C, d = torch.tensor({literal(C)}), torch.tensor({literal(d)})
ticks = torch.linspace(-{extent}, {extent}, {count})
x = torch.cartesian_prod(ticks, ticks)  # {count * count} points of the plane, one per row

two_steps = (x @ C.T + d) @ A.T + b  # f(g(x))
one_step = x @ (A @ C).T + (A @ d + b)  # one map: AC and Ad + b
print((two_steps - one_step).abs().max())  # float noise

bent = {bent_expression(between)} @ A.T + b  # f(non-linearity(g(x)))
design = torch.cat([x, torch.ones(len(x), 1)], dim=1).double()
fit = torch.linalg.lstsq(design, bent.double()).solution  # the best single affine map
print((design @ fit - bent.double()).pow(2).mean().sqrt())  # what it cannot explain
"""
