"""Benchmark helpers: synthetic datasets on disk (made once, reused) and a median timer."""

from __future__ import annotations

import resource
import statistics
import time
from pathlib import Path

from bench.synthetic import generate

ROOT_DIR = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SIZES = {"10k": 10_000, "100k": 100_000, "1M": 1_000_000}


def synthetic_folder(n: int) -> Path:
    folder = DATA / f"synthetic-{n}"
    if not (folder / "VERSION").exists():
        generate(n, folder)
    return folder


def median_seconds(func, repeat: int = 5, clock=time.perf_counter) -> float:
    """Median duration of `func` by `clock` (wall time by default; time.process_time for CPU time)."""
    times = []
    for _ in range(repeat):
        t0 = clock()
        func()
        times.append(clock() - t0)
    return statistics.median(times)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
