"""A QR code of a room's join link, as SVG text for the projector.

The code is drawn by `segno` (pure Python, no image libraries): black modules on a white
background with the standard 4-module quiet zone, so phones read it on a dark theme too. The SVG
has a viewBox and no fixed size, so the page scales it; it holds paths only (no script, no links).
"""

from __future__ import annotations

import io

import segno

# A QR code holds at most 2,953 bytes; join links are far shorter. A longer text is a mistake.
MAX_URL_CHARS = 2_000
# Medium error correction (15% of the code may be unreadable); segno raises it when the
# version chosen for the URL has room to spare.
ERROR_CORRECTION = "m"
QUIET_ZONE = 4  # modules of white border the QR standard asks for


def join_qr(url: str) -> segno.QRCode:
    """The QR code (never a Micro QR code: phone cameras read only full ones) of `url`."""
    if not isinstance(url, str) or not url.strip():
        raise ValueError("a join link is needed to draw its QR code")
    if len(url) > MAX_URL_CHARS:
        raise ValueError(f"the join link has {len(url):,} characters; a QR code of it holds at most {MAX_URL_CHARS:,}")
    return segno.make_qr(url, error=ERROR_CORRECTION)


def join_qr_svg(url: str) -> str:
    """SVG text of the QR code of `url`: the same URL always gives the same text."""
    buffer = io.BytesIO()
    join_qr(url).save(
        buffer,
        kind="svg",
        scale=1,
        border=QUIET_ZONE,
        dark="#000",
        light="#fff",
        xmldecl=False,
        omitsize=True,  # a viewBox only: the page decides how large it is drawn
        svgclass=None,
        lineclass=None,
        encoding="utf-8",
    )
    return buffer.getvalue().decode("utf-8")
