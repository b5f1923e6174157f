"""Reading one CSV table as text, keyed by file line number, reporting malformed rows instead of dropping them silently."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from hudna.errors import Problem


def read_csv_text(table: str, raw: bytes, expected_columns: list[str]) -> tuple[pd.DataFrame, list[Problem]]:
    """Parse CSV bytes into a frame of str/None cells whose index is the line number in the file.

    Rows with the wrong number of fields are reported and left out; every other row is kept.
    """
    problems: list[Problem] = []
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return _empty(expected_columns), [Problem(table, None, None, None, f"UTF-8 text ({exc.reason} at byte {exc.start})")]
    if "\x00" in text:
        return _empty(expected_columns), [Problem(table, None, None, None, "a text CSV file, not binary data")]
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        return _empty(expected_columns), [Problem(table, None, None, None, "a header row with: " + ", ".join(expected_columns))]
    except csv.Error as exc:
        return _empty(expected_columns), [Problem(table, 1, None, None, f"a readable CSV header ({exc})")]
    header = [h.strip() for h in header]
    problems += _header_problems(table, header, expected_columns)
    rows, lines = [], []
    start = reader.line_num + 1
    while True:
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(Problem(table, start, None, None, f"a well-formed CSV row ({exc})"))
            start = reader.line_num + 1
            continue
        if not any(cell.strip() for cell in record):
            start = reader.line_num + 1
            continue  # blank lines carry no data
        if len(record) != len(header):
            problems.append(Problem(table, start, None, f"{len(record)} fields", f"{len(header)} fields as in the header"))
        else:
            rows.append([cell.strip() or None for cell in record])
            lines.append(start)
        start = reader.line_num + 1
    frame = pd.DataFrame(rows, columns=header, index=pd.Index(lines, name="line"), dtype=object)
    frame = frame.loc[:, ~frame.columns.duplicated()]  # the duplicate was reported above; keep the first
    return frame, problems


def read_table(folder: Path, table: str, expected_columns: list[str]) -> tuple[pd.DataFrame, list[Problem]]:
    """Read `<folder>/<table>.csv`; a missing or unreadable file is a problem, not a traceback."""
    path = Path(folder) / f"{table}.csv"
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return _empty(expected_columns), [Problem(table, None, None, str(path), "the file to exist")]
    except OSError as exc:
        return _empty(expected_columns), [Problem(table, None, None, str(path), f"a readable file ({exc.strerror})")]
    return read_csv_text(table, raw, expected_columns)


def _header_problems(table: str, header: list[str], expected: list[str]) -> list[Problem]:
    problems = []
    missing = [c for c in expected if c not in header]
    if missing:
        problems.append(Problem(table, 1, None, None, "the missing column(s): " + ", ".join(missing)))
    unknown = [c for c in header if c not in expected]
    if unknown:
        problems.append(Problem(table, 1, ", ".join(unknown), None, "only documented columns (see data/README.md)"))
    duplicated = sorted({c for c in header if header.count(c) > 1})
    if duplicated:
        problems.append(Problem(table, 1, ", ".join(duplicated), None, "each column once"))
    return problems


def _empty(columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in columns}, index=pd.Index([], name="line", dtype=int))
