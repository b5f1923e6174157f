"""Truce analytics cost at 10k / 100k / 1M synthetic incidents: every step of the Truces page, in ms, and peak memory."""

from __future__ import annotations

import argparse
import time

from bench.common import SIZES, median_seconds, peak_rss_mb, synthetic_folder
from components import truce_figures, truce_tables
from hudna import truces
from hudna.filters import FilterState
from hudna.loading import read_dataset

STATE = FilterState(factions=("umb_a",))  # an umbrella filter: the common case on this page


def steps(ds, state: FilterState) -> dict:
    """One callable per step of the page, in page order; later steps reuse what the page computes once."""
    base = truces.base_view(ds, state)
    view = state.apply(ds)
    rates = truces.truce_rates(ds, state, base=base)
    ledgers = truces.truce_ledgers(ds, state, base=base)
    attacks, strikes, _ = truces.reaction_inputs(ds, state, view)
    return {
        "current state": lambda: truces.current_state(ds),
        "base view": lambda: truces.base_view(ds, state),
        "rates": lambda: truces.truce_rates(ds, state, base=base),
        "ledgers+summary": lambda: truces.truce_summary(ds, truces.truce_ledgers(ds, state, base=base)),
        "adherence": lambda: truces.adherence(ds, state, base=base, view=view),
        "action/reaction": lambda: (truces.strikes_after_attacks(attacks, strikes, 7),
                                    truces.attacks_before_strikes(attacks, strikes, 7)),
        "tables (md)": lambda: (truce_tables.rates_markdown(rates, state),
                                truce_tables.summary_markdown(ds, truces.truce_summary(ds, ledgers), state)),
        "figures": lambda: (truce_figures.build_rates_figure(rates),
                            truce_figures.build_cumulative_figure(view, truces.period_windows(ds))),
    }


def run(size_names: list[str], repeat: int = 3) -> None:
    names = None
    for name in size_names:
        ds = read_dataset(synthetic_folder(SIZES[name]))
        assert not ds.problems, ds.problems[:3]
        ds.incident_view  # noqa: B018 - built once per dataset in the app's cache
        t0 = time.perf_counter()
        measured = steps(ds, STATE)
        setup = time.perf_counter() - t0
        timings = {k: median_seconds(f, repeat) * 1000 for k, f in measured.items()}
        if names is None:
            names = list(timings)
            print(f"{'size':>6} " + " ".join(f"{k:>16}" for k in names) + f" {'total ms':>10} {'peak RSS MB':>12}")
        total = sum(timings.values())
        print(f"{name:>6} " + " ".join(f"{timings[k]:>13.1f} ms" for k in names) + f" {total:>10.0f} {peak_rss_mb():>12.0f}"
              f"   (first pass incl. setup {setup:.2f} s)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", nargs="+", default=list(SIZES), choices=list(SIZES))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    run(args.sizes, args.repeat)
