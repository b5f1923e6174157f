"""Run every benchmark and print its numbers (`make bench`; the 1M sizes and the load run take several minutes)."""

import asyncio

from bench import bench_filters, bench_import, bench_incidents_page, bench_load, bench_map, bench_timeline, bench_truces
from bench.bench_load import ROOT

SIZES = ["10k", "100k", "1M"]

if __name__ == "__main__":
    print("== Filtering (issue 6)")
    bench_filters.run(SIZES)
    print("\n== Incidents page rerun (issue 6)")
    bench_incidents_page.run()
    print("\n== Timeline (issue 4)")
    bench_timeline.run(SIZES)
    print("\n== Map (issue 5)")
    bench_map.run([10_000])
    print("\n== Truces (issue 7)")
    bench_truces.run(SIZES)
    print("\n== Import (issue 9)")
    bench_import.run(["1M"], ["import", "checked", "export"])
    print("\n== Load: 20 browser sessions for 60 s (issue 10)")
    asyncio.run(bench_load.run(20, 60, ROOT / "data", 8690))
