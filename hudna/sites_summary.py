"""Incidents in view aggregated by targeted site and by map location, plus the binned frames of the map's time playback.

The map draws one marker per location (sites that share a coordinate share a marker), so nothing here grows with the
number of incidents beyond one pass of group-bys. No streamlit here.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from hudna import vocab

UNKNOWN = "unknown"  # the faction key of incidents with no actor (or no claim, when matching by claim)
# How far the true position may be from the coordinate, by coord_precision (drawn as a circle round the marker).
UNCERTAINTY_KM = {"site": 0.0, "city": 15.0, "region": 100.0}
# Popups list each site's newest incidents; with thousands of sites, fewer, so the map's payload stays small.
LATEST, LATEST_MANY, MANY_SITES = 5, 2, 1000
PLAYBACK_BIN_DAYS = (1, 7, 14, 30, 91, 182, 365)
PLAYBACK_GRID_DEGREES = (0.0, 0.1, 0.25, 0.5, 1.0, 2.0)  # 0 = each location on its own
EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()  # numpy's day 0


@dataclass(frozen=True)
class SiteSummary:
    """The view by site. `sites` has one row per placed site (with its `location` number); the long frames hold
    the counts by faction and by type, the latest incidents per site and those incidents' sources."""

    sites: pd.DataFrame
    by_faction: pd.DataFrame
    by_type: pd.DataFrame
    latest: pd.DataFrame
    sources: pd.DataFrame
    factions: tuple[str, ...]  # faction keys in view, most incidents first
    placed: int  # incidents in view drawn on the map
    unplaced: int  # incidents in view with no site or a site without coordinates

    @property
    def locations(self) -> int:
        return int(self.sites["location"].nunique()) if len(self.sites) else 0


def faction_column(role: str) -> str:
    """The incident column that says whose incident it is: the attributed actor, or the claimant."""
    return "claimed_by" if role == "claimed" else "actor"


def summarize_sites(view: pd.DataFrame, sources: pd.DataFrame, role: str = "actor", latest: int | None = None,
                    sources_per_incident: int = 2) -> SiteSummary:
    """Aggregate the incident view by site; incidents with no coordinates are only counted (`unplaced`).
    `latest` newest incidents are kept per site: by default LATEST, or LATEST_MANY past MANY_SITES sites."""
    column = faction_column(role)
    has_place = (view["lat"].notna() & view["lon"].notna()).to_numpy()
    # Only the columns needed, as integer codes: group-bys on 100k strings would cost most of the map's budget.
    placed = view.loc[has_place, ["incident_id", "site_id", "date", "event_type", column]]
    site_code, site_ids = pd.factorize(placed["site_id"])
    faction_code, faction_keys = _codes(placed[column])
    type_code, type_keys = pd.factorize(placed["event_type"])
    day = placed["date"].to_numpy().astype("datetime64[D]").astype("int64")
    sites = _site_rows(view, placed.index, site_code, site_ids, day)
    if latest is None:
        latest = LATEST_MANY if len(site_ids) > MANY_SITES else LATEST
    latest_rows = _latest(view, placed.index, site_code, day, latest)
    latest_rows["faction"] = latest_rows[column].fillna(UNKNOWN)
    wanted = sources[sources["incident_id"].isin(latest_rows["incident_id"])]
    latest_sources = wanted.groupby("incident_id", sort=False).head(sources_per_incident)[["incident_id", "url", "outlet"]]
    faction_totals = np.bincount(faction_code, minlength=len(faction_keys))
    return SiteSummary(
        sites=sites,
        by_faction=_long_counts(site_code, site_ids, faction_code, faction_keys, "faction"),
        by_type=_long_counts(site_code, site_ids, type_code, type_keys, "event_type"),
        latest=latest_rows.drop(columns=[c for c in ("actor", "claimed_by") if c in latest_rows]),
        sources=latest_sources.reset_index(drop=True),
        factions=tuple(faction_keys[np.lexsort((faction_keys.to_numpy(dtype=str), -faction_totals))]),
        placed=len(placed), unplaced=len(view) - len(placed),
    )


def _long_counts(site_code, site_ids, code, keys, name: str) -> pd.DataFrame:
    """Counts per (site, key) as a long frame, most frequent key first within each site."""
    matrix = np.bincount(site_code * len(keys) + code, minlength=len(site_ids) * len(keys)).reshape(len(site_ids), len(keys))
    rows, cols = np.nonzero(matrix)
    out = pd.DataFrame({"site_id": site_ids[rows], name: keys[cols], "n": matrix[rows, cols]})
    return out.sort_values(["site_id", "n", name], ascending=[True, False, True]).reset_index(drop=True)


def _site_rows(view: pd.DataFrame, index, site_code, site_ids, day) -> pd.DataFrame:
    """One row per site, numbered by location: sites that share a coordinate share a number, busiest location first."""
    n = np.bincount(site_code, minlength=len(site_ids))
    by_site = pd.Series(day).groupby(site_code)
    _, first_row = np.unique(site_code, return_index=True)
    columns = {"site_name_en": "name_en", "site_name_ar": "name_ar", "site_kind": "kind"}
    sites = view.loc[index[first_row], ["site_id", "site_name_en", "site_name_ar", "site_kind", "country", "lat", "lon",
                                        "coord_precision"]].rename(columns=columns).reset_index(drop=True)
    sites["n"] = n
    sites["first"] = pd.to_datetime(by_site.min().to_numpy(), unit="D")
    sites["last"] = pd.to_datetime(by_site.max().to_numpy(), unit="D")
    sites["uncertainty_km"] = sites["coord_precision"].map(UNCERTAINTY_KM).fillna(max(UNCERTAINTY_KM.values()))
    total = sites.groupby(["lat", "lon"])["n"].transform("sum")
    order = sites.assign(_total=total).sort_values(["_total", "lat", "lon"], ascending=[False, True, True])
    numbers = {key: i for i, key in enumerate(dict.fromkeys(zip(order["lat"], order["lon"])))}
    sites["location"] = [numbers[key] for key in zip(sites["lat"], sites["lon"])]
    return sites.sort_values(["location", "n", "site_id"], ascending=[True, False, True]).reset_index(drop=True)


def _latest(view: pd.DataFrame, index, site_code, day, k: int) -> pd.DataFrame:
    """The k newest incidents per site, newest first (same-day ties: the later row in the file first)."""
    order = np.lexsort((-np.arange(len(day)), -day, site_code))  # integer keys only: no string sort
    sorted_sites = site_code[order]
    starts = np.searchsorted(sorted_sites, sorted_sites)  # first position of each row's site
    keep = order[np.arange(len(order)) - starts < k]
    columns = ["incident_id", "site_id", "date", "date_precision", "event_type", "actor", "claimed_by", "verification",
               "summary_en", "summary_ar", "n_sources"]
    return view.loc[index[keep], columns].reset_index(drop=True)


def sites_at(sites: pd.DataFrame, lat: float, lon: float, tolerance: float = 1e-5) -> list[str]:
    """The sites drawn at a clicked marker position (the map returns the marker's own coordinate)."""
    if lat is None or lon is None or sites.empty:
        return []
    close = ((sites["lat"] - float(lat)).abs() <= tolerance) & ((sites["lon"] - float(lon)).abs() <= tolerance)
    return sites.loc[close, "site_id"].tolist()


def site_incidents(view: pd.DataFrame, site_ids) -> pd.DataFrame:
    """The incidents in view at these sites."""
    return view[view["site_id"].isin(list(site_ids))]


# --- time playback -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Playback:
    """Frames of `bin_days` from `start`; `points` has lat, lon, frame, n and the frame's leading faction per cell."""

    start: dt.date
    bin_days: int
    frames: int
    grid_degrees: float
    points: pd.DataFrame

    def frame_dates(self) -> list[dt.date]:
        return [self.start + dt.timedelta(days=i * self.bin_days) for i in range(self.frames)]


def playback_frames(view: pd.DataFrame, start: dt.date | None, end: dt.date | None, role: str = "actor",
                    max_frames: int = 160, max_points: int = 8000) -> Playback | None:
    """Incidents binned by time (the finest step that fits `max_frames`) and by place, so the playback's size is
    bounded whatever the data: with too many points, first coarsen time up to a month, then space up to 2 degrees,
    then time again."""
    has_place = (view["lat"].notna() & view["lon"].notna()).to_numpy()
    if not has_place.any():
        return None
    placed = view.loc[has_place, ["date", "lat", "lon", faction_column(role)]]
    day = placed["date"].to_numpy().astype("datetime64[D]").astype("int64")
    start = start or dt.date.fromordinal(int(day.min()) + EPOCH_ORDINAL)
    end = max(end or dt.date.fromordinal(int(day.max()) + EPOCH_ORDINAL), start)
    span = (end - start).days + 1
    day = np.clip(day - (start.toordinal() - EPOCH_ORDINAL), 0, span - 1)  # week/month dates may start before `start`
    lat, lon = placed["lat"].to_numpy(), placed["lon"].to_numpy()
    bins = [b for b in PLAYBACK_BIN_DAYS if math.ceil(span / b) <= max_frames] or [PLAYBACK_BIN_DAYS[-1]]
    short = [b for b in bins if b <= 30] or bins[:1]

    def keys_for(grid: float, bin_days: int) -> np.ndarray:
        return _cell_keys(lat, lon, day // bin_days, grid, math.ceil(span / bin_days))

    def fits(grid: float, bin_days: int) -> bool:
        return len(pd.unique(keys_for(grid, bin_days))) <= max_points  # a hash count: cheaper than a sort

    grid, bin_days = PLAYBACK_GRID_DEGREES[-1], bins[-1]
    for choices in (short, bins):
        found = next(((g, _finest(choices, lambda b, g=g: fits(g, b))) for g in PLAYBACK_GRID_DEGREES
                      if fits(g, choices[-1])), None)
        if found:
            grid, bin_days = found
            break
    frames = math.ceil(span / bin_days)
    points = _aggregate_points(keys_for(grid, bin_days), frames, lat, lon, *_codes(placed[faction_column(role)]))
    return Playback(start, bin_days, frames, grid, points.nlargest(max_points, "n").sort_values(["frame", "n"]))


def _finest(bins: list[int], fits) -> int:
    """The smallest bin that fits, given that the largest does (the count only falls as bins grow)."""
    low, high = 0, len(bins) - 1
    while low < high:
        middle = (low + high) // 2
        if fits(bins[middle]):
            high = middle
        else:
            low = middle + 1
    return bins[low]


def _codes(faction: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """Faction codes with missing values as UNKNOWN (without a fillna copy of the column)."""
    codes, keys = pd.factorize(faction)
    if (codes < 0).any():
        codes = np.where(codes < 0, len(keys), codes)
        keys = keys.append(pd.Index([UNKNOWN]))
    return codes, keys


def _cell_keys(lat, lon, frame, grid: float, frames: int) -> np.ndarray:
    """One int64 per (grid cell, frame); a grid of 0 keeps each coordinate (to 1e-4 degree) on its own."""
    step = grid or 1e-4
    row = np.floor((lat + 90) / step).astype("int64")
    col = np.floor((lon + 180) / step).astype("int64")
    return (row * int(360 / step + 1) + col) * frames + frame


def _aggregate_points(keys, frames: int, lat, lon, faction_code, faction_keys) -> pd.DataFrame:
    """Per key: mean position, count, and the faction with most incidents (the point's colour)."""
    unique, inverse = np.unique(keys, return_inverse=True)
    n = np.bincount(inverse)
    per_faction = np.bincount(inverse * len(faction_keys) + faction_code, minlength=len(unique) * len(faction_keys))
    leader = per_faction.reshape(len(unique), len(faction_keys)).argmax(axis=1)
    return pd.DataFrame({
        "lat": np.round(np.bincount(inverse, weights=lat) / n, 4),
        "lon": np.round(np.bincount(inverse, weights=lon) / n, 4),
        "frame": (unique % frames).astype("int64"),
        "n": n,
        "faction": faction_keys[leader],
    })


def precision_rank(precision) -> int:
    """0 for a site-precise position, 1 city, 2 region (or unknown)."""
    return vocab.PRECISION_RANK.get(precision, 2) if isinstance(precision, str) else 2
