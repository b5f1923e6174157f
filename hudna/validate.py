"""Command line check of a dataset folder: `python -m hudna.validate data/` prints every problem, exits 1 on any."""

from __future__ import annotations

import argparse
import sys

from hudna.errors import format_problems
from hudna.loading import read_dataset


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hudna.validate", description=__doc__)
    parser.add_argument("folder", help="the dataset folder, e.g. data/")
    args = parser.parse_args(argv)
    dataset = read_dataset(args.folder)
    if dataset.problems:
        print(f"{args.folder}: {len(dataset.problems)} problem(s) found\n{format_problems(list(dataset.problems))}")
        return 1
    tables = ", ".join(f"{len(getattr(dataset, n))} {n}" for n in ("incidents", "sources", "sites", "factions", "periods", "reported_counts"))
    print(f"{args.folder}: dataset version {dataset.version} is valid ({tables})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
