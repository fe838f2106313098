"""The join link's QR code: plain SVG that draws exactly the QR code of the URL, the same every time."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
import segno

from core.qr import MAX_URL_CHARS, QUIET_ZONE, join_qr, join_qr_svg

URL = "https://lab.example.org/?room=K7WQ3M"
SVG_NS = "{http://www.w3.org/2000/svg}"


def drawn_modules(svg: str) -> tuple[int, set[tuple[int, int]]]:
    """The viewBox size and every dark module (row, column) the SVG's dark path draws."""
    root = ET.fromstring(svg)
    size = int(root.attrib["viewBox"].split()[2])
    (dark,) = [path for path in root.iter(f"{SVG_NS}path") if path.get("stroke")]
    x = y = 0.0
    modules: set[tuple[int, int]] = set()
    for command, args in re.findall(r"([MmHh])([^MmHh]*)", dark.attrib["d"]):
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", args)]
        if command == "M":
            x, y = numbers
        elif command == "m":
            x, y = x + numbers[0], y + numbers[1]
        else:  # a horizontal line of dark modules, half a module below the row's top edge
            length = numbers[0] if command == "h" else numbers[0] - x
            modules.update((int(y - 0.5), int(x) + i) for i in range(int(length)))
            x += length
    return size, modules


def expected_modules(url: str) -> tuple[int, set[tuple[int, int]]]:
    qr = segno.make_qr(url, error="m")
    matrix = qr.matrix
    dark = {(r + QUIET_ZONE, c + QUIET_ZONE) for r, row in enumerate(matrix) for c, bit in enumerate(row) if bit & 1}
    return len(matrix) + 2 * QUIET_ZONE, dark


def test_the_svg_is_plain_svg_with_paths_only():
    svg = join_qr_svg(URL)
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG_NS}svg"
    assert {child.tag for child in root.iter()} <= {f"{SVG_NS}svg", f"{SVG_NS}path"}
    attributes = {name.lower() for element in root.iter() for name in element.attrib}
    assert not any(name.startswith("on") or "href" in name for name in attributes)
    assert "<script" not in svg.lower() and "javascript:" not in svg.lower()
    assert "viewBox" in root.attrib and "width" not in root.attrib  # scales with the page


def test_the_svg_draws_exactly_the_qr_code_of_the_url():
    size, modules = drawn_modules(join_qr_svg(URL))
    assert (size, modules) == expected_modules(URL)
    assert len(modules) > 100  # a real code, not an empty square


def test_a_full_qr_code_that_encodes_the_url_as_bytes():
    qr = join_qr(URL)
    assert not qr.is_micro
    assert qr.mode == "byte"
    assert qr.designator == segno.make_qr(URL, error="m").designator
    assert qr.error in {"M", "Q", "H"}  # at least the medium level asked for


def test_the_same_url_gives_the_same_svg_and_another_url_another():
    assert join_qr_svg(URL) == join_qr_svg(URL)
    other = URL.replace("K7WQ3M", "K7WQ3N")
    assert join_qr_svg(other) != join_qr_svg(URL)
    assert drawn_modules(join_qr_svg(other)) == expected_modules(other)


def test_a_long_link_grows_the_code():
    short, long = join_qr(URL), join_qr(URL + "&x=" + "a" * 300)
    assert long.version > short.version


@pytest.mark.parametrize("url", ["", "   ", None, "h" * (MAX_URL_CHARS + 1)])
def test_no_link_or_a_too_long_one_is_refused(url):
    with pytest.raises(ValueError):
        join_qr_svg(url)
