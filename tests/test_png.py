"""The PNG encoder, read back by Pillow: sizes, rows top to bottom, palette colours, clear errors."""

import base64
import io

import pytest
from PIL import Image

from core.png import data_url, indexed_png

PALETTE = [(251, 252, 253), (17, 17, 17), (214, 39, 40)]


def decoded(png: bytes) -> Image.Image:
    return Image.open(io.BytesIO(png))


def test_pixels_and_palette_read_back_as_written():
    rows = [[0, 1, 2, 0], [2, 2, 1, 0], [1, 0, 0, 2]]
    picture = decoded(indexed_png(rows, PALETTE))
    assert picture.format == "PNG" and picture.mode == "P" and picture.size == (4, 3)
    assert [[picture.getpixel((x, y)) for x in range(4)] for y in range(3)] == rows
    rgb = picture.convert("RGB")
    assert rgb.getpixel((2, 0)) == PALETTE[2] and rgb.getpixel((0, 2)) == PALETTE[1]


def test_a_large_picture_of_bands_stays_small():
    rows = [[min(x // 30, 2) for x in range(240)] for _ in range(240)]
    png = indexed_png(rows, PALETTE)
    assert decoded(png).size == (240, 240)
    assert len(png) < 1_000


def test_data_url_holds_the_png():
    png = indexed_png([[1]], PALETTE)
    url = data_url(png)
    assert url.startswith("data:image/png;base64,")
    assert base64.b64decode(url.split(",", 1)[1]) == png


@pytest.mark.parametrize(
    "rows, palette, message",
    [
        ([], PALETTE, "at least one row"),
        ([[]], PALETTE, "at least one row"),
        ([[0, 1], [0]], PALETTE, "same width"),
        ([[3]], PALETTE, "from 0 to 2"),
        ([[-1]], PALETTE, "from 0 to 2"),
        ([[0]], [], "1 to 256"),
        ([[0]], [(0, 0, 256)], "0 to 255"),
        ([[0]], [(0, 0)], "triples"),
    ],
)
def test_bad_pictures_raise_clear_errors(rows, palette, message):
    with pytest.raises(ValueError, match=message):
        indexed_png(rows, palette)
