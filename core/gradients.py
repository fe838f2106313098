"""How large the gradient stays as it flows back through a stack of layers."""

from __future__ import annotations

import torch
from torch import nn

from core.nonlinearities import get_nonlinearity

# nn.init.calculate_gain knows these; each keeps the forward signal's scale for its function.
_GAIN_NAMES = {"sigmoid": "sigmoid", "tanh": "tanh", "relu": "relu", "leaky_relu": "leaky_relu"}


def init_gain(name: str) -> float:
    """PyTorch's recommended init gain for a non-linearity (1 when it has none)."""
    get_nonlinearity(name)
    if name == "leaky_relu":
        return nn.init.calculate_gain("leaky_relu", 0.1)
    return nn.init.calculate_gain(_GAIN_NAMES[name]) if name in _GAIN_NAMES else 1.0


def stack_weights(depth: int, width: int, seed: int) -> list[torch.Tensor]:
    """`depth` square weight matrices drawn with Xavier's normal init at gain 1, from `seed`."""
    if depth < 1 or width < 1:
        raise ValueError(f"depth and width must be at least 1; got depth={depth}, width={width}")
    generator = torch.Generator().manual_seed(seed)
    return [nn.init.xavier_normal_(torch.empty(width, width), generator=generator) for _ in range(depth)]


def gradient_norms(
    name: str, depth: int, width: int = 32, batch: int = 64, seed: int = 1, gain: float | None = None
) -> list[float]:
    """Mean gradient norm after crossing 0, 1, ..., depth layers back from the output.

    The stack is x -> f(W1 x) -> ... -> f(Wk ...), with the weights scaled by `gain` (by
    default `init_gain(name)`), and the loss is the sum of the outputs. Entry j is the mean norm
    of d loss / d h over the batch, for the activation h that lies j layers below the output;
    the last entry is at the input.
    """
    if batch < 1:
        raise ValueError(f"batch must be at least 1; got {batch}")
    fn = get_nonlinearity(name).fn
    gain = init_gain(name) if gain is None else gain
    weights = stack_weights(depth, width, seed)
    generator = torch.Generator().manual_seed(seed + 1)
    h = torch.randn(batch, width, generator=generator).requires_grad_(True)
    activations = [h]
    for weight in weights:
        h = fn(h @ (gain * weight).T)
        activations.append(h)
    grads = torch.autograd.grad(h.sum(), activations)
    return [float(g.norm(dim=1).mean()) for g in reversed(grads)]


STACKED: tuple[str, ...] = ("sigmoid", "tanh", "relu")  # the functions the page stacks, side by side


def gradient_flows(
    depth: int,
    width: int = 32,
    batch: int = 64,
    seed: int = 1,
    same_gain: bool = False,
    names: tuple[str, ...] = STACKED,
) -> dict[str, list[float]]:
    """`gradient_norms` of each function through the same stack, each with its own init gain or all at gain 1."""
    return {name: gradient_norms(name, depth, width, batch, seed, 1.0 if same_gain else None) for name in names}
