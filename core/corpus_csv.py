"""A corpus as CSV text (columns text, label, split) and back, with errors a user can act on."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from core.corpus import SPLITS, Row
from core.limits import LIMITS, LimitExceeded, Limits, TooLarge

COLUMNS: tuple[str, ...] = ("text", "label", "split")


def rows_to_csv(rows: Iterable[Row]) -> str:
    """The rows as CSV with a header line text,label,split."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow((row.text, row.label, row.split))
    return buffer.getvalue()


def rows_from_csv(data: bytes, limits: Limits = LIMITS) -> list[Row]:
    """Rows read from UTF-8 CSV bytes; ValueError for bad encoding, columns or split values.

    Column names are matched without regard to case or surrounding spaces; `split` is
    optional and defaults to "train". Blank lines are skipped. Line numbers in errors are
    lines of the file (the header is line 1). Past `limits.rows` rows the rest of the file is
    only counted, never kept, and TooLarge names how many rows it has.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValueError(f"the file is not UTF-8 text (byte {error.start} cannot be decoded)") from None
    if not text.strip():
        raise ValueError("the file is empty")
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[Row] = []
    counted = 0
    try:
        header = [name.strip().lower() for name in next(reader)]
        missing = [name for name in ("text", "label") if name not in header]
        if missing:
            raise ValueError(f"missing column(s): {', '.join(missing)}; the header must name text and label")
        text_at, label_at = header.index("text"), header.index("label")
        split_at = header.index("split") if "split" in header else None

        def cell(cells: list[str], index: int | None) -> str:
            return cells[index] if index is not None and index < len(cells) else ""

        for cells in reader:
            if not any(value.strip() for value in cells):
                continue
            counted += 1
            if counted > limits.rows:
                continue
            split = cell(cells, split_at).strip().lower() or "train"
            if split not in SPLITS:
                # reader.line_num is the line the record ends on (a quoted text may span several).
                raise ValueError(
                    f"line {reader.line_num}: split must be 'train' or 'test', not {cell(cells, split_at)!r}"
                )
            rows.append(Row(cell(cells, text_at), cell(cells, label_at).strip(), split))
    except csv.Error as error:
        raise ValueError(f"the file is not valid CSV (line {reader.line_num}): {error}") from None
    if counted > limits.rows:
        raise TooLarge([LimitExceeded("rows", limits.rows, counted)])
    if not rows:
        raise ValueError("the file has a header but no rows")
    return rows
