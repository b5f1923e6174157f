"""Loading and filtering cost at 10k / 100k / 1M synthetic incidents: prints seconds and peak memory."""

from __future__ import annotations

import argparse
import datetime as dt
import time

from bench.common import SIZES, median_seconds, peak_rss_mb, synthetic_folder
from hudna.filters import FilterState
from hudna.loading import read_dataset

STATES = {
    "no filter": FilterState(),
    "umbrella + dates": FilterState(factions=("umb_a",), date_from=dt.date(2024, 1, 1), date_to=dt.date(2024, 12, 31)),
    "type+weapon+country": FilterState(event_types=("attack",), weapons=("drone", "rocket"), countries=("Iraq",)),
    "precision + period": FilterState(max_date_precision="day", max_coord_precision="site", period="SP004"),
    "text search": FilterState(query="site 0007"),
    "Arabic text, common": FilterState(query="حادثة تجريبية"),
    "text + type": FilterState(query="attack 12", event_types=("attack",)),
}


def run(size_names: list[str]) -> None:
    print(f"{'size':>6} {'load s':>8} {'view+search s':>14} " + " ".join(f"{k[:18]:>19}" for k in STATES) + f" {'peak RSS MB':>12}")
    for name in size_names:
        folder = synthetic_folder(SIZES[name])
        t0 = time.perf_counter()
        ds = read_dataset(folder)
        load = time.perf_counter() - t0
        assert not ds.problems, ds.problems[:3]
        t0 = time.perf_counter()
        ds.incident_view, ds.search_index  # noqa: B018 - built once per dataset in the app's cache
        prep = time.perf_counter() - t0
        applied = [median_seconds(lambda s=s: s.apply(ds)) * 1000 for s in STATES.values()]
        print(f"{name:>6} {load:>8.2f} {prep:>14.2f} " + " ".join(f"{ms:>16.1f} ms" for ms in applied) + f" {peak_rss_mb():>12.0f}")
    print("FilterState.apply target: under 100 ms at 1M incidents (issue 6).")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", nargs="+", default=list(SIZES), choices=list(SIZES))
    run(parser.parse_args().sizes)
