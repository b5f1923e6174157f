"""At most one page computes per core at a time; other sessions' runs wait off the GIL, in arrival order."""

from __future__ import annotations

import os
import threading

# Why: every session's script runs in its own thread, and all of them share one GIL with the server's event
# loop. With 20 busy sessions on 2 cores, 20 runnable script threads starved the event loop (CPython does not
# hand the GIL over in order), so some reruns waited tens of seconds (bench/bench_load.py). Threads blocked
# on this semaphore do not contend for the GIL, and Condition-based semaphores wake waiters first in, first out.
PAGE_SLOTS = threading.BoundedSemaphore(max(2, os.cpu_count() or 2))
