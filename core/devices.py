"""Which devices this machine really has, and a clear error for one it has not."""

from __future__ import annotations

import torch

# Why a device is missing, by code: the app translates the code, core's errors use the text.
ABSENCE_REASONS = {
    "cuda_not_built": "this PyTorch build has no CUDA support (a CPU-only wheel)",
    "no_cuda_gpu": "no CUDA GPU was found on this machine",
    "mps_unavailable": "Apple's MPS backend exists only on Apple silicon Macs",
}


def device_status() -> dict[str, str | None]:
    """Each known device type mapped to None when available, or the code of why it is not."""
    status: dict[str, str | None] = {"cpu": None}
    if torch.cuda.is_available():
        status["cuda"] = None
    elif not torch.backends.cuda.is_built():
        status["cuda"] = "cuda_not_built"
    else:
        status["cuda"] = "no_cuda_gpu"
    mps = getattr(torch.backends, "mps", None)
    status["mps"] = None if mps is not None and mps.is_available() else "mps_unavailable"
    return status


def available_devices() -> list[str]:
    """Devices that work here; 'cpu' always comes first."""
    return [name for name, reason in device_status().items() if reason is None]


def resolve_device(name: str) -> torch.device:
    """A torch.device for `name`, or ValueError saying why it cannot be used here."""
    kind = name.split(":")[0]
    status = device_status()
    if kind not in status:
        raise ValueError(f"unknown device {name!r}; choose one of: {', '.join(available_devices())}")
    if status[kind] is not None:
        raise ValueError(f"device {name!r} is not available: {ABSENCE_REASONS[status[kind]]}")
    return torch.device(name)
