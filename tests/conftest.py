"""Shared test helpers: paths, and a way to copy the valid fixture and break it cell by cell."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
VALID = FIXTURES / "valid"


class EditableDataset:
    """A copy of a fixture dataset whose cells can be changed by (table, line, column) before loading."""

    def __init__(self, folder: Path):
        self.folder = folder

    def rows(self, table: str) -> list[dict]:
        with open(self.folder / f"{table}.csv", newline="", encoding="utf-8") as fh:
            return list(csv.DictReader(fh))

    def write(self, table: str, rows: list[dict]) -> None:
        with open(self.folder / f"{table}.csv", encoding="utf-8") as fh:
            header = next(csv.reader(fh))
        with open(self.folder / f"{table}.csv", "w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=header)
            writer.writeheader()
            writer.writerows(rows)

    def set(self, table: str, line: int, column: str, value: str) -> None:
        """Set one cell; `line` is the file line (header = 1)."""
        rows = self.rows(table)
        rows[line - 2][column] = value
        self.write(table, rows)

    def drop(self, table: str, line: int) -> None:
        rows = self.rows(table)
        del rows[line - 2]
        self.write(table, rows)


@pytest.fixture
def editable(tmp_path) -> EditableDataset:
    target = tmp_path / "data"
    shutil.copytree(VALID, target)
    return EditableDataset(target)
