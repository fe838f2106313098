"""Seeding torch's global generator without other threads drawing from it in between.

Streamlit serves every session from threads of one process, and `torch.manual_seed` sets
one generator shared by all of them. Holding this lock from the seed to the last draw keeps
a run reproducible while another user trains at the same time.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import torch

_GLOBAL_RNG_LOCK = threading.RLock()


@contextmanager
def seeded(seed: int) -> Iterator[None]:
    """`torch.manual_seed(seed)`, with the generator to ourselves until the block ends."""
    with _GLOBAL_RNG_LOCK:
        torch.manual_seed(seed)
        yield
