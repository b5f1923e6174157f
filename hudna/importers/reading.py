"""Reading an ACLED or UCDP CSV into text columns, each row with its number in the file; no streamlit here.

A file that cannot be imported at all (empty, not UTF-8, binary, wrong layout) raises ImportFileError
with one message; rows the parser cannot split into the header's fields are returned as rejections.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

Source = bytes | str | Path
HEAD_BYTES = 1 << 16
BOM = codecs.BOM_UTF8


class ImportFileError(Exception):
    """The whole file is refused: one clear message for the reader (e.g. the missing columns)."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


@dataclass(frozen=True)
class RawRows:
    """The file's rows as stripped text (NA for empty cells), with row numbers as a spreadsheet shows them."""

    frame: pd.DataFrame
    rows: np.ndarray  # row number of each frame row; the header is row 1
    unreadable: list[tuple[int, str | None, str]]  # (row number, first cell, reason) for rows the parser could not split
    columns: tuple[str, ...]  # the header as read


def read_rows(source: Source, required: Sequence[str], wanted: Sequence[str], layout: str) -> RawRows:
    """Parse `source` (bytes or a path) keeping the `wanted` columns that exist; `required` ones must all exist."""
    header = _check_head(source, layout)
    missing = [c for c in required if c not in header]
    if missing:
        shown = ", ".join(header[:12]) + (f" and {len(header) - 12} more" if len(header) > 12 else "")
        raise ImportFileError(f"This file does not have the {layout} layout: it lacks the column(s) {', '.join(missing)}. "
                              f"Its header has {len(header)} column(s): {shown}.")
    keep = [c for c in wanted if c in header]
    invalid: list[str] = []
    frame = _stripped(_parse(source, header, keep, invalid, layout))
    blank = frame.isna().all(axis=1).to_numpy()  # blank lines hold no data (and are not reported)
    if invalid:
        rows, unreadable = _numbered_slowly(source, len(header), int((~blank).sum()))
    else:
        rows, unreadable = np.arange(2, len(frame) + 2)[~blank], []
    if blank.any():
        frame = frame[~blank].reset_index(drop=True)
    if len(frame) == 0 and not unreadable:
        raise ImportFileError("The file has a header row but no data rows.")
    return RawRows(frame, rows, unreadable, tuple(header))


def _open(source: Source) -> BinaryIO:
    return io.BytesIO(source) if isinstance(source, (bytes, bytearray)) else open(source, "rb")


def _check_head(source: Source, layout: str) -> list[str]:
    """The header, after the whole-file checks a reader needs one clear message for."""
    with _open(source) as fh:
        head = fh.read(HEAD_BYTES)
    if not head.strip():
        raise ImportFileError("The file is empty.")
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ImportFileError("The file is UTF-16 text; save it as CSV in UTF-8 and upload it again.")
    if b"\x00" in head:
        raise ImportFileError(f"The file is not a text CSV (it holds binary data; an Excel workbook?). Export the {layout} data as CSV.")
    text = head.removeprefix(BOM).decode("utf-8", errors="replace")
    try:
        header = next(csv.reader(io.StringIO(text, newline="")))
    except (StopIteration, csv.Error) as exc:
        raise ImportFileError(f"The first row of the file is not a CSV header ({exc}).") from exc
    header = [h.strip() for h in header]
    duplicated = sorted({h for h in header if header.count(h) > 1})
    if duplicated:
        raise ImportFileError(f"The header names the column(s) {', '.join(duplicated)} more than once.")
    return header


def _parse(source: Source, header: list[str], keep: list[str], invalid: list, layout: str) -> pa.Table:
    def on_invalid(row) -> str:
        invalid.append(row.text)
        return "skip"

    with _open(source) as fh:
        try:
            return pacsv.read_csv(
                fh,
                read_options=pacsv.ReadOptions(use_threads=True, block_size=1 << 24),
                # Empty lines come back as rows of empty cells, so that row numbers can be counted exactly.
                parse_options=pacsv.ParseOptions(newlines_in_values=True, ignore_empty_lines=False, invalid_row_handler=on_invalid),
                convert_options=pacsv.ConvertOptions(column_types={c: pa.large_string() for c in header}, include_columns=keep,
                                                     strings_can_be_null=True, quoted_strings_can_be_null=True),
            )
        except pa.ArrowInvalid as exc:
            if "UTF8" in str(exc):
                raise ImportFileError(_encoding_message(source)) from exc
            raise ImportFileError(f"The file could not be read as CSV: {exc}") from exc


def _encoding_message(source: Source) -> str:
    """Where the first byte that is not UTF-8 sits, so the reader can find it."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    line, offset = 1, 0
    with _open(source) as fh:
        while chunk := fh.read(1 << 20):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                line += chunk.count(b"\n", 0, max(exc.start, 0))
                return (f"The file is not UTF-8 text: byte {offset + exc.start} (line {line}) cannot be read "
                        f"({exc.reason}). Save the file as CSV in UTF-8 and upload it again.")
            line += chunk.count(b"\n")
            offset += len(chunk)
    return "The file is not UTF-8 text. Save it as CSV in UTF-8 and upload it again."


def _stripped(table: pa.Table) -> pd.DataFrame:
    """Text columns with surrounding spaces removed and blank cells as NA, Arrow-backed (a million rows stay small).

    Only columns that hold such spaces are rewritten; the others pass to pandas without a copy.
    """
    for i, name in enumerate(table.column_names):
        column = table.column(i)
        if _has_outer_spaces(column):
            trimmed = pc.utf8_trim_whitespace(column)
            table = table.set_column(i, name, pc.if_else(pc.equal(trimmed, ""), pa.scalar(None, pa.large_string()), trimmed))
    return table.to_pandas(self_destruct=True, split_blocks=True).reset_index(drop=True)


def _has_outer_spaces(column) -> bool:
    first, last = pc.utf8_slice_codeunits(column, 0, 1), pc.utf8_slice_codeunits(column, -1, 1 << 30)
    return bool(pc.any(pc.or_(pc.utf8_is_space(first), pc.utf8_is_space(last))).as_py())


def _numbered_slowly(source: Source, width: int, parsed: int) -> tuple[np.ndarray, list[tuple[int, str | None, str]]]:
    """Row numbers of the rows the fast parser kept, and the rows it skipped with why (a pass with Python's csv)."""
    kept, unreadable = [], []
    with _open(source) as fh:
        reader = csv.reader(io.TextIOWrapper(fh, encoding="utf-8-sig", newline=""))
        try:
            next(reader, None)
            for number, record in enumerate(reader, start=2):
                if not any(cell.strip() for cell in record):
                    continue  # a blank line holds no data
                if len(record) == width:
                    kept.append(number)
                else:
                    unreadable.append((number, record[0].strip() or None, f"{len(record)} fields where the header has {width}"))
        except UnicodeDecodeError as exc:  # in a column the fast parser was told to skip
            raise ImportFileError(_encoding_message(source)) from exc
    if len(kept) != parsed:
        raise ImportFileError("The rows of this file could not be numbered reliably (its quoting is unusual); "
                              "open it in a spreadsheet and save it again as CSV.")
    return np.asarray(kept, dtype=np.int64), unreadable
