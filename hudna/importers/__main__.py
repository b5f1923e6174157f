"""Command line import: `python -m hudna.importers acled FILE --out DIR` writes a Hudna dataset folder and the rejected rows."""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

from hudna.errors import format_problems
from hudna.importers import IMPORTERS, ImportFileError
from hudna.importers.actors import CURATED_DATA


def default_version(kind: str, path: Path) -> str:
    return f"{kind}-" + (re.sub(r"[^A-Za-z0-9.]+", "-", path.stem).strip("-") or "import")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hudna.importers", description=__doc__)
    parser.add_argument("kind", choices=sorted(IMPORTERS), help="the file's layout: an ACLED export or a UCDP GED CSV")
    parser.add_argument("file", type=Path, help="the CSV file to import")
    parser.add_argument("--out", type=Path, required=True,
                        help="the folder to write: the six tables, VERSION, rejected.csv and new_factions.csv")
    parser.add_argument("--version", help="the dataset version to write (default: <kind>-<file name>)")
    parser.add_argument("--factions", type=Path, default=CURATED_DATA,
                        help="the folder whose factions.csv known names map to (default: the curated data/)")
    parser.add_argument("--no-validate", action="store_true", help="skip the dataset checks on the result (faster on huge files)")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    try:
        result = IMPORTERS[args.kind](args.file, args.factions)
    except (ImportFileError, OSError) as exc:
        print(f"{args.file}: {getattr(exc, 'message', exc)}", file=sys.stderr)
        return 2
    imported = time.perf_counter() - t0
    version = args.version or default_version(args.kind, args.file)
    result.write(args.out, version)
    print(f"{args.file}: {result.summary()} ({imported:.1f} s)")
    for note in result.notes:
        print(f"  {note}")
    if len(result.rejected):
        print(f"  Rejected rows, with row numbers and reasons: {args.out / 'rejected.csv'}")
    if len(result.new_factions):
        print(f"  New actors (map known ones in hudna/importers/actor_names.csv): {args.out / 'new_factions.csv'}")
    print(f"  Written: {args.out}/ (version {version})")
    if args.no_validate:
        return 0
    problems = list(result.to_dataset(version).problems)
    if problems:
        print(f"  The dataset checks found {len(problems)} problem(s):\n{format_problems(problems, limit=50)}")
        return 1
    print("  The dataset checks pass (python -m hudna.validate " + str(args.out) + ").")
    return 0


if __name__ == "__main__":
    sys.exit(main())
