"""The one project exception for bad data, carrying every problem found (never only the first)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data: where it is, what was found and what was expected."""

    table: str
    row: int | None  # line number in the file (header = line 1); None for whole-table problems
    column: str | None
    value: str | None
    expected: str
    keeps_row: bool = False  # True when the row stays in use despite the problem (e.g. a dangling reference)

    def describe(self) -> str:
        where = self.table
        if self.row is not None:
            where += f", line {self.row}"
        if self.column:
            where += f", column {self.column}"
        found = "" if self.value is None else f": found {self.value!r}"
        return f"{where}{found}; expected {self.expected}"


class DatasetError(Exception):
    """Raised when a dataset has problems; `problems` lists all of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__(f"{len(self.problems)} problem(s) in the dataset:\n" + format_problems(self.problems))


def format_problems(problems: list[Problem], limit: int | None = None) -> str:
    """A readable, one-line-per-problem report (optionally cut after `limit` lines)."""
    shown = problems if limit is None else problems[:limit]
    lines = [f"- {p.describe()}" for p in shown]
    if limit is not None and len(problems) > limit:
        lines.append(f"- … and {len(problems) - limit} more")
    return "\n".join(lines)
