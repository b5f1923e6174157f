"""Figures for the Overview page: what is in view, the current period state, and coverage against reported totals."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from hudna.dataset import Dataset

US_SIDE_TARGETS = ("us_forces", "coalition_forces")


@dataclass(frozen=True)
class Summary:
    incidents: int
    first: dt.date | None
    last: dt.date | None
    factions: int
    sites: int
    by_type: dict


def summarize(view: pd.DataFrame) -> Summary:
    """Counts of the rows in view (factions: anyone who did or claimed an incident)."""
    if view.empty:
        return Summary(0, None, None, 0, 0, {})
    actors = pd.concat([view["actor"], view["claimed_by"]]).dropna()
    return Summary(
        incidents=len(view),
        first=view["date"].min().date(),
        last=view["date"].max().date(),
        factions=actors.nunique(),
        sites=view["site_id"].dropna().nunique(),
        by_type=view["event_type"].value_counts().to_dict(),
    )


def periods_open_on(ds: Dataset, day: dt.date) -> pd.DataFrame:
    """Periods under way on `day` (an empty end means still open)."""
    p = ds.periods
    ts = pd.Timestamp(day)
    mask = (p["start"] <= ts) & (p["end"].isna() | (p["end"] >= ts))
    return p[mask].sort_values("start")


def last_attack_on_us(view: pd.DataFrame) -> pd.Series | None:
    """The most recent attack on US or coalition forces in the view, or None."""
    attacks = view[(view["event_type"] == "attack") & view["target_actor"].isin(US_SIDE_TARGETS)]
    if attacks.empty:
        return None
    latest = attacks[attacks["date"] == attacks["date"].max()]  # sort only the last day's rows, not a million
    return latest.sort_values("incident_id").iloc[-1]


def latest_attack_on_us(ds: Dataset) -> pd.Series | None:
    """The dataset's most recent attack on US or coalition forces, whatever the filters (once per dataset)."""
    return ds.memo("overview.latest_attack_on_us", lambda: last_attack_on_us(ds.incident_view))


def days_since(day: dt.date | pd.Timestamp, as_of: dt.date) -> int:
    return (as_of - pd.Timestamp(day).date()).days


def recent(view: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    return view.sort_values(["date", "incident_id"], ascending=False).head(n)


def coverage(ds: Dataset, metric: str = "attacks_on_us_forces") -> pd.DataFrame:
    """For each reported total: how many incidents of the same kind the dataset holds over the same window (and country, if the count has one)."""
    return ds.memo(f"overview.coverage.{metric}", lambda: _coverage(ds, metric)).copy()


def _coverage(ds: Dataset, metric: str) -> pd.DataFrame:
    counts = ds.reported_counts[ds.reported_counts["metric"] == metric].sort_values("as_of")
    inc = ds.incidents
    if metric == "attacks_on_us_forces":
        kind = inc[(inc["event_type"] == "attack") & inc["target_actor"].isin(US_SIDE_TARGETS)]
    else:
        kind = inc[(inc["event_type"] == "attack") & inc["target_actor"].isin(("israel", "shipping"))]
    country = ds.sites.set_index("site_id")["country"]
    kind_country = kind["site_id"].map(country)
    in_dataset = [
        int(((kind["date"] >= start) & (kind["date"] <= end) & (kind_country == scope if isinstance(scope, str) else True)).sum())
        for start, end, scope in zip(counts["window_start"], counts["as_of"], counts["country"])
    ]
    out = counts[["as_of", "counter", "window_start", "country", "total", "note", "source_url"]].copy()
    out["in_dataset"] = in_dataset
    out["share"] = (out["in_dataset"] / out["total"].astype("float64")).where(out["total"] > 0)
    return out.reset_index(drop=True)
