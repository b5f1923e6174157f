"""Exports of exactly the rows in view: CSV (formula-safe) and GeoJSON (sources as lists), with version and filter."""

from __future__ import annotations

import datetime as dt
import json
import math
import re

import pandas as pd

from hudna.dataset import Dataset

# Spreadsheet programs run a cell starting with one of these as a formula (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

EXPORT_COLUMNS = [
    "incident_id", "date", "date_precision", "event_type", "weapon", "actor", "claimed_by", "attribution",
    "target_actor", "site_id", "site_name_en", "site_name_ar", "country", "lat", "lon", "coord_precision",
    "outcome", "killed", "injured", "verification", "summary_en", "summary_ar", "milestone", "milestone_ar", "notes",
]


def neutralize(value):
    """Prefix a text cell that a spreadsheet would treat as a formula with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _sources_by_incident(ds: Dataset, ids: pd.Series) -> pd.Series:
    src = ds.sources[ds.sources["incident_id"].isin(ids)]
    return src.groupby("incident_id").apply(
        lambda g: [{k: (None if pd.isna(v) else v) for k, v in row.items()} for row in
                   g[["url", "outlet", "published", "language", "kind"]].to_dict("records")],
        include_groups=False,
    )


def export_frame(view: pd.DataFrame, ds: Dataset) -> pd.DataFrame:
    """The rows in view with their sources joined (` | `-separated URLs and outlets), in a stable column order."""
    frame = view[EXPORT_COLUMNS].copy()
    frame["date"] = frame["date"].dt.strftime("%Y-%m-%d")
    src = ds.sources[ds.sources["incident_id"].isin(frame["incident_id"])]
    joined = src.groupby("incident_id").agg(source_urls=("url", " | ".join), source_outlets=("outlet", " | ".join))
    frame = frame.merge(joined, left_on="incident_id", right_index=True, how="left")
    return frame.reset_index(drop=True)


def to_csv_bytes(view: pd.DataFrame, ds: Dataset) -> bytes:
    """UTF-8 CSV (with a BOM so spreadsheets read Arabic), every text cell formula-safe.

    The dataset version and the filter go in the file name (export_file_name): a plain header row
    keeps the file readable by every CSV tool.
    """
    frame = export_frame(view, ds)
    text_columns = frame.select_dtypes(include=["object", "string", "str"]).columns
    frame[text_columns] = frame[text_columns].map(neutralize)
    return ("\ufeff" + frame.to_csv(index=False)).encode("utf-8")


def to_geojson(view: pd.DataFrame, ds: Dataset, description: str) -> dict:
    """A FeatureCollection, one feature per row in view (null geometry where no position is known)."""
    frame = export_frame(view, ds).drop(columns=["source_urls", "source_outlets"])
    sources = _sources_by_incident(ds, frame["incident_id"]) if len(frame) else pd.Series(dtype=object)
    features = []
    for row in frame.to_dict("records"):
        props = {k: _plain(v) for k, v in row.items() if k not in ("lat", "lon")}
        props["sources"] = sources.get(row["incident_id"], [])
        lat, lon = _plain(row["lat"]), _plain(row["lon"])
        geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
        features.append({"type": "Feature", "id": row["incident_id"], "geometry": geometry, "properties": props})
    return {
        "type": "FeatureCollection",
        "metadata": {"dataset": "Hudna", "version": ds.version, "filter": description, "incidents": len(features),
                     "exported": dt.date.today().isoformat()},
        "features": features,
    }


def to_geojson_bytes(view: pd.DataFrame, ds: Dataset, description: str) -> bytes:
    return json.dumps(to_geojson(view, ds, description), ensure_ascii=False, indent=1).encode("utf-8")


def export_file_name(version: str, description: str, extension: str) -> str:
    """e.g. hudna-v1.0.0-kataib-hezbollah-drone.csv: the version and the filter in words, file-system safe."""
    slug = re.sub(r"[^a-z0-9]+", "-", re.sub(r"['\u2019]", "", description.lower())).strip("-")[:80] or "all"
    return f"hudna-v{re.sub(r'[^A-Za-z0-9.]+', '-', version)}-{slug}.{extension}"


def _plain(value):
    """JSON-ready scalars: missing values become null, numpy numbers become Python numbers."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value
