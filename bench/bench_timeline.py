"""Timeline cost at 10k / 100k / 1M synthetic incidents: server time to build the figure and its JSON size, per view."""

from __future__ import annotations

import argparse
import datetime as dt
import time

import plotly.io

from bench.common import SIZES, median_seconds, peak_rss_mb, synthetic_folder
from components.timeline_figure import build_timeline_figure
from hudna import timeline
from hudna.filters import FilterState
from hudna.loading import read_dataset

VIEWS = {  # (filter, bin choice)
    "all, auto bin": (FilterState(), "auto"),
    "all, per day": (FilterState(), "day"),
    "umbrella + 2024": (FilterState(factions=("umb_a",), date_from=dt.date(2024, 1, 1), date_to=dt.date(2024, 12, 31)), "auto"),
    "one faction, 1 month": (FilterState(factions=("fac_07",), date_from=dt.date(2024, 3, 1), date_to=dt.date(2024, 3, 31)), "auto"),
}
TARGET_MS = {"100k": 150, "1M": 1000}
MAX_JSON_BYTES = 1_000_000


def page_build(ds, state: FilterState, wanted: str):
    """The filtered view (made by the entry script), and the chart's own server work: the timeline data and the figure."""
    view = state.apply(ds)
    date_range = state.date_range(ds)
    all_dates = state.without("date_from", "date_to", "period").apply(ds) if any(date_range) else view
    return view, lambda: build_timeline_figure(timeline.timeline_data(ds, view, date_range, wanted, all_dates), ds.faction_names())


def run(size_names: list[str]) -> None:
    print(f"{'size':>6} {'view':<22} {'in view':>9} {'build ms':>9} {'+dates-free view ms':>20} {'to_json ms':>11} "
          f"{'JSON KB':>8} {'traces':>7}")
    for name in size_names:
        ds = read_dataset(synthetic_folder(SIZES[name]))
        ds.incident_view, ds.search_index  # noqa: B018 - built once per dataset in the app's cache
        for label, (state, wanted) in VIEWS.items():
            view, build = page_build(ds, state, wanted)
            undated = state.without("date_from", "date_to", "period")
            extra = median_seconds(lambda: undated.apply(ds), 3) * 1000 if any(state.date_range(ds)) else 0.0
            ms = median_seconds(build) * 1000
            fig = build()
            t0 = time.perf_counter()
            spec = plotly.io.to_json(fig.to_dict(), validate=False)  # what st.plotly_chart does with the figure
            to_json = (time.perf_counter() - t0) * 1000
            flag = " OVER" if ms > TARGET_MS.get(name, 1e9) or len(spec) > MAX_JSON_BYTES else ""
            print(f"{name:>6} {label:<22} {len(view):>9,} {ms:>9.1f} {extra:>20.1f} {to_json:>11.1f} "
                  f"{len(spec) / 1000:>8.0f} {len(fig.data):>7}{flag}")
        print(f"{name:>6} peak RSS {peak_rss_mb():.0f} MB")
    print("Targets (issue 4): build under 150 ms at 100k, under 1 s at 1M; figure JSON under 1 MB at any size.")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", nargs="+", default=list(SIZES), choices=list(SIZES))
    run(parser.parse_args().sizes)
