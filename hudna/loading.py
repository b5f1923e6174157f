"""Loading a dataset folder: read every table, validate it whole, collect every problem, type the valid rows."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from hudna.dataset import Dataset
from hudna.errors import DatasetError, Problem
from hudna.rules import reference_problems, row_problems
from hudna.schema import TABLES
from hudna.tables import read_table

DATE_COLUMNS = {
    "incidents": ["date"],
    "periods": ["start", "end"],
    "reported_counts": ["as_of", "window_start"],
}
INT_COLUMNS = {"incidents": ["killed", "injured"], "reported_counts": ["total", "iraq", "syria"]}
FLOAT_COLUMNS = {"sites": ["lat", "lon"]}


def dataset_files(folder: Path) -> list[Path]:
    return [Path(folder) / f"{name}.csv" for name in TABLES] + [Path(folder) / "VERSION"]


_DIGESTS: dict[tuple, str] = {}


def dataset_digest(folder: Path) -> str:
    """A hash of every file's bytes, so a cache keyed on it sees an edited CSV.

    The app asks on every rerun; the bytes are hashed again only when a file's size or
    modification time changed (a million-row dataset is hundreds of MB).
    """
    signature = tuple(_stat(path) for path in dataset_files(folder))
    if signature not in _DIGESTS:
        digest = hashlib.sha256()
        for path in dataset_files(folder):
            digest.update(path.name.encode())
            try:
                digest.update(path.read_bytes())
            except OSError:
                digest.update(b"<missing>")
        _DIGESTS[signature] = digest.hexdigest()
    return _DIGESTS[signature]


def _stat(path: Path) -> tuple:
    try:
        info = path.stat()
    except OSError:
        return (str(path), None)
    return (str(path.resolve()), info.st_size, info.st_mtime_ns)


def read_dataset(folder: Path | str) -> Dataset:
    """Lenient load: every problem is recorded in `Dataset.problems`; rows with bad cells are left out, all others kept."""
    folder = Path(folder)
    tables = {name: read_table(folder, name, list(schema.columns)) for name, schema in TABLES.items()}
    return _validated(tables, _read_version(folder))


def dataset_from_frames(frames: dict[str, pd.DataFrame], version: str) -> Dataset:
    """Lenient load of in-memory tables (e.g. from an importer) through exactly the checks files get.

    Each frame holds text cells (str or None); its index is used as the row number in problems.
    A missing table is an empty one.
    """
    tables = {}
    for name, schema in TABLES.items():
        frame = frames.get(name)
        if frame is None:
            frame = pd.DataFrame({c: pd.Series(dtype=object) for c in schema.columns})
        frame = frame.astype(object).where(frame.notna(), None)
        tables[name] = (frame, [])
    return _validated(tables, version)


def _validated(tables: dict, version: str) -> Dataset:
    raw, problems = {}, []
    for name, schema in TABLES.items():
        frame, found = tables[name]
        found = list(found)
        frame, usable = _complete_columns(name, schema, frame, found)
        problems += found
        raw[name] = frame
        if usable:
            problems += _schema_problems(name, schema, frame)
            problems += row_problems(name, frame)
    problems += reference_problems(raw)
    typed = {name: _typed(name, frame, _dropped_lines(problems, name)) for name, frame in raw.items()}
    return Dataset(**typed, version=version, problems=tuple(_sorted(problems)))


def load_dataset(folder: Path | str) -> Dataset:
    """Strict load: raise DatasetError listing every problem, or return the dataset."""
    dataset = read_dataset(folder)
    if dataset.problems:
        raise DatasetError(list(dataset.problems))
    return dataset


def _complete_columns(name, schema, frame, problems):
    """Add missing optional columns as empty; a missing required column makes the table unusable."""
    missing = [c for c in schema.columns if c not in frame]
    required_missing = [c for c in missing if not schema.columns[c].nullable]
    if required_missing and len(frame):
        problems.append(Problem(name, None, None, f"{len(frame)} rows", "the required columns to be present; no row could be used"))
        frame = frame.iloc[0:0]
    for column in missing:
        frame[column] = pd.Series(None, index=frame.index, dtype=object)
    return frame[list(schema.columns)], not required_missing


def _schema_problems(name: str, schema: pa.DataFrameSchema, frame: pd.DataFrame) -> list[Problem]:
    try:
        schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        return [_problem_from_failure(name, case) for case in exc.failure_cases.itertuples(index=False)]
    return []


def _problem_from_failure(name: str, case) -> Problem:
    row = None if pd.isna(case.index) else int(case.index)
    column = None if pd.isna(case.column) else str(case.column)
    value = None if pd.isna(case.failure_case) else str(case.failure_case)
    check = str(case.check)
    if check == "not_nullable":
        expected = "a value (this column is required)"
    elif check in ("field_uniqueness", "multiple_fields_uniqueness"):
        expected = "a unique value (it appears on another row too)"
    else:
        expected = check
    return Problem(name, row, column, value, expected)


def _dropped_lines(problems: list[Problem], table: str) -> set[int]:
    """Lines whose cells are bad; rows with only a dangling reference or a missing source are kept."""
    return {p.row for p in problems if p.table == table and p.row is not None and not p.keeps_row}


def _typed(name: str, frame: pd.DataFrame, bad_lines: set[int]) -> pd.DataFrame:
    frame = frame[~frame.index.isin(bad_lines)].copy() if bad_lines else frame.copy()
    for column in DATE_COLUMNS.get(name, []):
        frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d")
    for column in INT_COLUMNS.get(name, []):
        frame[column] = pd.to_numeric(frame[column]).astype("Int64")
    for column in FLOAT_COLUMNS.get(name, []):
        frame[column] = pd.to_numeric(frame[column]).astype("float64")
    return frame.reset_index(drop=True)


def _read_version(folder: Path) -> str:
    try:
        return (folder / "VERSION").read_text(encoding="utf-8").strip() or "dev"
    except (OSError, UnicodeDecodeError):
        return "dev"


def _sorted(problems: list[Problem]) -> list[Problem]:
    order = {name: i for i, name in enumerate(TABLES)}
    return sorted(problems, key=lambda p: (order.get(p.table, 99), p.row or 0, p.column or ""))
