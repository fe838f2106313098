"""A run's weights as a tensors-only PyTorch file, and the checks a file from elsewhere must pass.

Uploaded files are untrusted: they are read with `weights_only=True` (no code runs), and only
dense, finite, floating-point CPU tensors of the corpus's shape are accepted. Each refusal
carries a code the app translates and the details that name what was wrong.
"""

from __future__ import annotations

import io
import zipfile

import torch

# torch.save writes a zip archive with stored (uncompressed) members. A compressed member
# could unpack to far more than the upload limit, so only modest stored archives are read.
MAX_UNPACKED_BYTES = 64 * 1024 * 1024


class WeightsFileError(ValueError):
    """Why a weights file was refused: `code` names the check, `details` fill its message."""

    MESSAGES = {
        "not_readable": "not a weights file saved by this app: {reason}",
        "too_large": "the file unpacks to {size:,} bytes; a weights file is at most {limit:,}",
        "no_tensors": "the file holds no 'weight' and 'bias' tensors",
        "not_tensor": "'{name}' is not a tensor",
        "not_dense": "'{name}' is a {layout} tensor; only dense tensors are accepted",
        "not_cpu": "'{name}' is on the {device} device; only CPU tensors are accepted",
        "not_float": "'{name}' holds {dtype} numbers; floating-point numbers are needed",
        "wrong_shape": "'{name}' has shape {found}; this corpus needs {expected}",
        "not_finite": "'{name}' holds NaN or infinite values",
    }

    def __init__(self, code: str, **details: object) -> None:
        super().__init__(self.MESSAGES[code].format(**details))
        self.code = code
        self.details = details


def weights_to_bytes(weight: torch.Tensor, bias: torch.Tensor) -> bytes:
    """`torch.save` of {"weight": ..., "bias": ...} (CPU tensors) as bytes."""
    buffer = io.BytesIO()
    torch.save(
        {
            "weight": torch.as_tensor(weight).detach().cpu().clone(),
            "bias": torch.as_tensor(bias).detach().cpu().clone(),
        },
        buffer,
    )
    return buffer.getvalue()


def _check_archive(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise WeightsFileError("not_readable", reason="it is not a PyTorch archive") from None
    unpacked = sum(member.file_size for member in members)
    compressed = any(member.compress_type != zipfile.ZIP_STORED for member in members)
    if unpacked > MAX_UNPACKED_BYTES or (compressed and unpacked > len(data)):
        raise WeightsFileError("too_large", size=unpacked, limit=MAX_UNPACKED_BYTES)


def _checked(name: str, value: object, shape: tuple[int, ...]) -> torch.Tensor:
    if not isinstance(value, torch.Tensor):
        raise WeightsFileError("not_tensor", name=name)
    if value.layout != torch.strided or value.is_quantized:
        layout = "quantized" if value.is_quantized else str(value.layout).removeprefix("torch.")
        raise WeightsFileError("not_dense", name=name, layout=layout)
    if value.device.type != "cpu":
        raise WeightsFileError("not_cpu", name=name, device=value.device.type)
    if not value.is_floating_point():
        raise WeightsFileError("not_float", name=name, dtype=str(value.dtype).removeprefix("torch."))
    if tuple(value.shape) != shape:
        raise WeightsFileError("wrong_shape", name=name, found=tuple(value.shape), expected=shape)
    if not torch.isfinite(value).all():
        raise WeightsFileError("not_finite", name=name)
    return value.to(torch.float32).clone()


def weights_from_bytes(data: bytes, num_labels: int, vocab_size: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Weight and bias from `weights_to_bytes` output; WeightsFileError naming the failed check."""
    _check_archive(data)
    try:
        # weights_only: a file from elsewhere must never run code while it is read. Any failure
        # of the reader (torch raises many kinds) means the same thing to the user.
        loaded = torch.load(io.BytesIO(data), map_location="cpu", weights_only=True)
    except Exception as error:  # noqa: BLE001
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise WeightsFileError("not_readable", reason=reason[:200]) from None
    if not isinstance(loaded, dict) or not {"weight", "bias"} <= set(loaded):
        raise WeightsFileError("no_tensors")
    weight = _checked("weight", loaded["weight"], (num_labels, vocab_size))
    bias = _checked("bias", loaded["bias"], (num_labels,))
    return weight, bias
