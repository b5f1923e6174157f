"""Incidents related to one incident: the same site within a week, and the strikes that followed."""

from __future__ import annotations

import pandas as pd

from hudna.dataset import Dataset

SAME_SITE_DAYS = 7
STRIKE_FOLLOW_DAYS = 14
STRIKERS = ("us_forces", "coalition_forces", "israel")


def incident_row(ds: Dataset, incident_id: str) -> pd.Series | None:
    rows = ds.incident_view[ds.incident_view["incident_id"] == incident_id]
    return None if rows.empty else rows.iloc[0]


def same_site_nearby(ds: Dataset, incident_id: str, days: int = SAME_SITE_DAYS) -> pd.DataFrame:
    """Other incidents at the same site within `days` days either side (none when the site is unknown)."""
    row = incident_row(ds, incident_id)
    view = ds.incident_view
    if row is None or not isinstance(row["site_id"], str):
        return view.iloc[0:0]
    near = (view["site_id"] == row["site_id"]) & ((view["date"] - row["date"]).abs() <= pd.Timedelta(days=days))
    return view[near & (view["incident_id"] != incident_id)].sort_values("date")


def strikes_after(ds: Dataset, incident_id: str, days: int = STRIKE_FOLLOW_DAYS) -> pd.DataFrame:
    """Strikes by US, coalition or Israeli forces in the `days` days after an attack (empty for other events)."""
    row = incident_row(ds, incident_id)
    view = ds.incident_view
    if row is None or row["event_type"] != "attack":
        return view.iloc[0:0]
    lag = view["date"] - row["date"]
    mask = (view["event_type"] == "strike") & view["actor"].isin(STRIKERS) & (lag > pd.Timedelta(0)) & (lag <= pd.Timedelta(days=days))
    out = view[mask].sort_values("date").copy()
    out["days_after"] = (out["date"] - row["date"]).dt.days
    return out


def sources_of(ds: Dataset, incident_id: str) -> pd.DataFrame:
    return ds.sources[ds.sources["incident_id"] == incident_id].sort_values(["published", "outlet"], na_position="last")
