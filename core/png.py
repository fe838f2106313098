"""A picture as a PNG file: rows of palette indices, encoded with the standard library only."""

from __future__ import annotations

import base64
import struct
import zlib
from collections.abc import Sequence

_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def indexed_png(rows: Sequence[Sequence[int]], palette: Sequence[tuple[int, int, int]]) -> bytes:
    """An 8-bit palette PNG: `rows[0]` is the top row, each value an index into `palette` (RGB)."""
    if not rows or not rows[0]:
        raise ValueError("a picture needs at least one row and one column")
    if not 1 <= len(palette) <= 256:
        raise ValueError(f"a palette holds 1 to 256 colours; got {len(palette)}")
    width = len(rows[0])
    if any(len(row) != width for row in rows):
        raise ValueError("every row of a picture must have the same width")
    if any(not 0 <= channel <= 255 for colour in palette for channel in colour) or any(
        len(colour) != 3 for colour in palette
    ):
        raise ValueError("palette colours are (red, green, blue) triples from 0 to 255")
    if any(not 0 <= value < len(palette) for row in rows for value in row):
        raise ValueError(f"pixel values must index the palette, from 0 to {len(palette) - 1}")
    # Each row starts with filter type 0 (none); palette pictures compress well without filters.
    raw = b"".join(b"\0" + bytes(row) for row in rows)
    header = struct.pack(">IIBBBBB", width, len(rows), 8, 3, 0, 0, 0)
    return (
        _SIGNATURE
        + _chunk(b"IHDR", header)
        + _chunk(b"PLTE", bytes(channel for colour in palette for channel in colour))
        + _chunk(b"IDAT", zlib.compress(raw, 9))
        + _chunk(b"IEND", b"")
    )


def data_url(png: bytes) -> str:
    """The PNG as a `data:` URL, which a chart's image mark loads without another request."""
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")
