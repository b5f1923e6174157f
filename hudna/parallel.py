"""A two-thread pool for Arrow kernels, which release the GIL: gathers and scans over a million rows use both cores."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from functools import cache


@cache
def pool() -> ThreadPoolExecutor:
    """Created on first use (not at import), shared by every session of the server process."""
    return ThreadPoolExecutor(max_workers=2, thread_name_prefix="hudna-arrow")


def map_both(function, first, second) -> list:
    """[function(first), function(second)], run at the same time."""
    return list(pool().map(function, [first, second]))
