"""A corpus as CSV text (columns text, label, split) and back, with errors a user can act on."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from core.corpus import SPLITS, Row

COLUMNS: tuple[str, ...] = ("text", "label", "split")


def rows_to_csv(rows: Iterable[Row]) -> str:
    """The rows as CSV with a header line text,label,split."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow((row.text, row.label, row.split))
    return buffer.getvalue()


def rows_from_csv(data: bytes) -> list[Row]:
    """Rows read from UTF-8 CSV bytes; ValueError for bad encoding, columns or split values.

    Column names are matched without regard to case or surrounding spaces; `split` is
    optional and defaults to "train". Blank lines are skipped. Line numbers in errors count
    the header as line 1.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValueError(f"the file is not UTF-8 text (byte {error.start} cannot be decoded)") from None
    if not text.strip():
        raise ValueError("the file is empty")
    try:
        table = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise ValueError(f"the file is not valid CSV: {error}") from None
    header = [name.strip().lower() for name in table[0]]
    missing = [name for name in ("text", "label") if name not in header]
    if missing:
        raise ValueError(f"missing column(s): {', '.join(missing)}; the header must name text and label")
    text_at, label_at = header.index("text"), header.index("label")
    split_at = header.index("split") if "split" in header else None
    rows: list[Row] = []
    for line, cells in enumerate(table[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue

        def cell(index: int | None, cells: list[str] = cells) -> str:
            return cells[index] if index is not None and index < len(cells) else ""

        split = cell(split_at).strip().lower() or "train"
        if split not in SPLITS:
            raise ValueError(f"line {line}: split must be 'train' or 'test', not {cell(split_at)!r}")
        rows.append(Row(cell(text_at), cell(label_at).strip(), split))
    if not rows:
        raise ValueError("the file has a header but no rows")
    return rows
