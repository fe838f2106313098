"""The PyTorch code the non-linearities page shows, built from the page's settings (it runs as shown)."""

from __future__ import annotations

from core.gradients import STACKED
from core.nonlinearities import get_nonlinearity
from core.tutorial_draws import AFFINE_CELL, draws_code


def autograd_code(names: list[str] | tuple[str, ...], x0: float) -> str:
    """Each chosen function and its derivative at `x0`, by autograd."""
    calls = "\n".join(f'    "{name}": lambda x: {get_nonlinearity(name).code},' for name in names)
    return f"""import torch
import torch.nn.functional as F

functions = {{
{calls}
}}
for name, f in functions.items():
    x = torch.tensor({x0!r}, requires_grad=True)
    y = f(x)
    y.backward()  # autograd fills x.grad with dy/dx
    print(name, round(y.item(), 4), round(x.grad.item(), 4))
"""


def gradient_code(
    depth: int, width: int, batch: int, seed: int, same_gain: bool, names: tuple[str, ...] = STACKED
) -> str:
    """The gradient reaching the input of a stack of `depth` layers, for each function."""
    gains = {name: "1.0" if same_gain else f'nn.init.calculate_gain("{name}")' for name in names}
    lines = "\n".join(
        f'print("{name}", input_gradient({get_nonlinearity(name).code.replace("(x)", "")}, {gains[name]}))'
        for name in names
    )
    return f"""import torch
import torch.nn.functional as F
from torch import nn


def input_gradient(f, gain, depth={depth}, width={width}, batch={batch}, seed={seed}):
    generator = torch.Generator().manual_seed(seed)
    weights = [
        nn.init.xavier_normal_(torch.empty(width, width), generator=generator) for _ in range(depth)
    ]
    x = torch.randn(batch, width, generator=torch.Generator().manual_seed(seed + 1))
    x.requires_grad_(True)
    h = x
    for weight in weights:
        h = f(h @ (gain * weight).T)
    h.sum().backward()
    return x.grad.norm(dim=1).mean().item()  # mean size of the gradient reaching the input


{lines}
"""


def relu_cell_code(seed: int, rows: int, cols: int, after_affine_cell: bool) -> str:
    """The tutorial's ReLU cell; with `after_affine_cell` the affine cell's draws come first, as in the tutorial."""
    prelude = "# the tutorial's first cell draws these first\n" + draws_code(AFFINE_CELL) if after_affine_cell else ""
    return f"""import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed({seed})
{prelude}data = torch.randn({rows}, {cols})
print(data)
print(F.relu(data))  # negatives become 0, the rest pass through
"""
