"""Weights files: a round trip, and every bad kind refused with the check it failed."""

import pytest
import torch

from core.weights_file import WeightsFileError, weights_from_bytes, weights_to_bytes
from tests.hostile import bad_weight_files


def test_round_trip_keeps_the_tensors_exactly():
    weight = torch.randn(3, 7, generator=torch.Generator().manual_seed(0))
    bias = torch.tensor([0.1, -0.2, 0.3])
    loaded_weight, loaded_bias = weights_from_bytes(weights_to_bytes(weight, bias), 3, 7)
    assert torch.equal(loaded_weight, weight) and torch.equal(loaded_bias, bias)
    assert loaded_weight.dtype == torch.float32 and loaded_weight.device.type == "cpu"


def test_half_precision_is_widened_to_float32():
    weight, bias = torch.randn(2, 4).half(), torch.randn(2).half()
    loaded_weight, _ = weights_from_bytes(weights_to_bytes(weight, bias), 2, 4)
    assert loaded_weight.dtype == torch.float32
    torch.testing.assert_close(loaded_weight, weight.float())


# What each refusal of a (2 x 5) model's file must say: the check it failed, and what it found.
SAYS = {
    "not_readable": "not a weights file saved by this app: ",
    "too_large": "the file unpacks to 209,715,200 bytes",
    "no_tensors": "the file holds no 'weight' and 'bias' tensors",
    "not_dense": "'weight' is a sparse_coo tensor; only dense tensors",
    "not_cpu": "'weight' is on the meta device; only CPU tensors",
    "not_float": "'weight' holds int64 numbers; floating-point numbers are needed",
    "wrong_shape": "'weight' has shape (3, 5); this corpus needs (2, 5)",
    "not_finite": "'weight' holds NaN or infinite values",
}


@pytest.mark.parametrize("kind", sorted(bad_weight_files(2, 5)))
def test_every_bad_file_is_refused_with_the_check_it_failed(kind, tmp_path):
    marker = tmp_path / "marker.txt"
    data, code = bad_weight_files(2, 5, str(marker))[kind]
    with pytest.raises(WeightsFileError) as caught:
        weights_from_bytes(data, 2, 5)
    assert caught.value.code == code
    assert SAYS[code] in str(caught.value)  # the message the caption shows names the check
    assert not marker.exists()


def test_messages_name_what_was_wrong():
    files = bad_weight_files(2, 5)
    with pytest.raises(WeightsFileError, match=r"'weight' has shape \(3, 5\); this corpus needs \(2, 5\)"):
        weights_from_bytes(files["wrong_shape"][0], 2, 5)
    with pytest.raises(WeightsFileError, match="'weight' is a sparse_coo tensor"):
        weights_from_bytes(files["sparse"][0], 2, 5)
    with pytest.raises(WeightsFileError, match="'weight' is on the meta device"):
        weights_from_bytes(files["meta"][0], 2, 5)
    with pytest.raises(WeightsFileError, match="'weight' holds int64 numbers"):
        weights_from_bytes(files["integer"][0], 2, 5)
