"""UCDP Georeferenced Event Dataset (GED) CSV, its 49 columns from id to gwnob -> Hudna's six tables; no streamlit here.

How each field is mapped, and why, is in data/README.md ("Importing ACLED and UCDP files").
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from hudna.importers.actors import CURATED_DATA, ActorMapper
from hudna.importers.common import (
    COORDINATES_REASON, NO_ARABIC_SUMMARY, STRIKING_SIDES, ImportResult, Rejections, bad_coordinates, build_sites, empty_table,
    is_count, kept_rows, provenance_cells,
)
from hudna.importers.reading import Source, read_rows

LABEL = "UCDP GED"
# UCDP publishes the GED on its download page; it has no public page per event (its API needs a token), so each
# imported incident's source is the GED record itself, linked to that page, with the outlets UCDP cites.
SOURCE_URL = "https://ucdp.uu.se/downloads/"
OUTLET_PREFIX = "UCDP GED, citing: "
ID_PREFIX = "UCDP-"

COLUMNS = [
    "id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_dset_id", "conflict_new_id",
    "conflict_name", "dyad_dset_id", "dyad_new_id", "dyad_name", "side_a_dset_id", "side_a_new_id", "side_a",
    "side_b_dset_id", "side_b_new_id", "side_b", "number_of_sources", "source_article", "source_office", "source_date",
    "source_headline", "source_original", "where_prec", "where_coordinates", "where_description", "adm_1", "adm_2",
    "latitude", "longitude", "geom_wkt", "priogrid_gid", "country", "country_id", "region", "event_clarity", "date_prec",
    "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low", "gwnoa", "gwnob",
]
REQUIRED = ["id", "type_of_violence", "side_a", "side_b", "where_prec", "where_coordinates", "latitude", "longitude", "country",
            "date_prec", "date_start", "date_end", "best"]
INCIDENT_EXTRA = ["relid", "type_of_violence", "conflict_name", "dyad_name", "side_a", "side_b", "event_clarity", "date_prec",
                  "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "low", "high",
                  "number_of_sources", "source_date"]
SITE_EXTRA = ["where_prec", "where_description", "adm_1", "adm_2", "priogrid_gid"]
# Read only what is mapped or kept: the article texts (source_article, source_headline, source_original) and
# geom_wkt would only cost memory.
WANTED = sorted(set(REQUIRED + INCIDENT_EXTRA + SITE_EXTRA + ["source_office"]), key=COLUMNS.index)

VIOLENCE = {"1": "state-based conflict", "2": "non-state conflict", "3": "one-sided violence"}
DATE_PRECS = {"1", "2", "3", "4", "5"}
# where_prec 1 exact place, 2 within about 25 km of a place, 3-5 districts, provinces or larger areas,
# 6 a whole country (its centroid: not a place, so no coordinates), 7 waters or airspace.
COORD_PRECISION = {"1": "site", "2": "city", "3": "region", "4": "region", "5": "region", "6": None, "7": "region"}


def import_ucdp(source: Source, curated_folder: Path = CURATED_DATA) -> ImportResult:
    """Read a UCDP GED CSV (bytes or a path): every row is either mapped or rejected with its row number and reason."""
    raw = read_rows(source, REQUIRED, WANTED, "UCDP GED")
    frame, numbers, unreadable = raw.frame.reindex(columns=WANTED), raw.rows, raw.unreadable
    del raw  # from here `frame` holds the only copy of the file's rows
    start, end = _day(frame["date_start"]), _day(frame["date_end"])
    rejections = _check(frame, start, end)
    rejected = rejections.frame(numbers, (ID_PREFIX + frame["id"]).where(frame["id"].notna()), unreadable)
    rows_read = len(frame) + len(unreadable)
    rows, start, end = kept_rows(frame, start, end, rejections=rejections)
    del frame
    mapper = ActorMapper.load("ucdp", LABEL, curated_folder)
    return ImportResult(LABEL, _tables(rows, start, end, mapper), rejected, mapper.report(), rows_read)


def _day(text: pd.Series) -> pd.Series:
    """GED dates are 'YYYY-MM-DD', sometimes followed by a midnight time ('2023-10-18 00:00:00.000')."""
    day = text.str.extract(r"^(\d{4}-\d{2}-\d{2})(?:[ T]00:00(?::00(?:\.0+)?)?)?$", expand=False)
    return pd.to_datetime(day, format="%Y-%m-%d", errors="coerce")


def _check(frame: pd.DataFrame, start: pd.Series, end: pd.Series) -> Rejections:
    r = Rejections(len(frame))
    ids = frame["id"]
    r.add(~ids.str.fullmatch(r"\d{1,12}").fillna(False), "id {} is not a whole number", ids)
    r.add(ids.notna() & ids.duplicated(keep="first"), "id {} appears on an earlier row too", ids)
    r.add(start.isna(), "date_start {} is not a date (YYYY-MM-DD)", frame["date_start"])
    r.add(end.isna(), "date_end {} is not a date (YYYY-MM-DD)", frame["date_end"])
    r.add(start.notna() & end.notna() & (end < start), "date_end {} is before date_start {}", frame["date_end"], frame["date_start"])
    r.add(~frame["date_prec"].isin(DATE_PRECS), "unknown date_prec code {} (expected 1 to 5)", frame["date_prec"])
    too_wide = start.notna() & end.notna() & (end >= start) & (_precision(start, end).isna() | frame["date_prec"].eq("5"))
    r.add(too_wide, "the event is dated only to a span longer than a calendar month ({} to {}); Hudna's coarsest date precision "
          "is a month", frame["date_start"], frame["date_end"])
    r.add(~frame["where_prec"].isin(COORD_PRECISION), "unknown where_prec code {} (expected 1 to 7)", frame["where_prec"])
    lat, lon = frame["latitude"], frame["longitude"]
    r.add(bad_coordinates(lat, lon), COORDINATES_REASON, lat, lon)
    r.add(~frame["type_of_violence"].isin(VIOLENCE), "unknown type_of_violence {} (expected 1, 2 or 3)", frame["type_of_violence"])
    for column in ("best", "low", "high"):
        if column in frame:
            r.add(frame[column].notna() & ~is_count(frame[column]), column + " {} is not a whole number", frame[column])
    return r


def _precision(start: pd.Series, end: pd.Series) -> pd.Series:
    """From the window GED gives (date_start to date_end): one day, within seven days, within one calendar month."""
    days = (end - start).dt.days
    same_month = start.dt.to_period("M") == end.dt.to_period("M")
    return pd.Series(np.select([days == 0, days <= 6, same_month], ["day", "week", "month"], None), index=start.index)


def _tables(rows: pd.DataFrame, start: pd.Series, end: pd.Series, mapper: ActorMapper) -> dict:
    actor, target = mapper.resolve(rows["side_a"]), mapper.resolve(rows["side_b"])
    site_ids, sites = _sites(rows)
    factions = mapper.factions()
    striking = actor.map(dict(zip(factions["faction_id"], factions["side"]))).isin(STRIKING_SIDES)
    precision = _precision(start, end)
    date = start.where(precision != "month", start.dt.to_period("M").dt.start_time)
    deaths = pd.to_numeric(rows["best"], errors="coerce")
    incident_id = ID_PREFIX + rows["id"]
    incidents = pd.DataFrame({
        "incident_id": incident_id, "date": date.dt.strftime("%Y-%m-%d"), "date_precision": precision,
        "event_type": np.where(striking, "strike", "attack"), "weapon": "unknown", "actor": actor, "claimed_by": None,
        "attribution": "unknown", "target_actor": target, "site_id": site_ids,
        "outcome": np.where(deaths > 0, "casualties", "unknown"), "killed": rows["best"], "injured": None,
        "verification": "confirmed", "summary_en": _summary(rows), "summary_ar": NO_ARABIC_SUMMARY,
        "milestone": None, "milestone_ar": None, "notes": provenance_cells(rows, INCIDENT_EXTRA, LABEL),
    })
    sources = pd.DataFrame({"incident_id": incident_id, "url": SOURCE_URL, "outlet": (OUTLET_PREFIX + rows["source_office"]).fillna(LABEL),
                            "published": None, "language": "en", "kind": "monitor"})
    return {"incidents": incidents, "sources": sources, "sites": sites, "factions": factions,
            "periods": empty_table("periods"), "reported_counts": empty_table("reported_counts")}


def _summary(rows: pd.DataFrame) -> pd.Series:
    """A sentence assembled from the record's own fields (GED has no narrative; its headlines are not ours to copy)."""
    place = rows["where_coordinates"].fillna(rows["country"]).fillna("an unrecorded place")
    deaths = rows["best"].fillna("an unknown number of")
    low_high = (" (low " + rows["low"] + ", high " + rows["high"] + ")").fillna("")
    return ("UCDP GED event, " + rows["type_of_violence"].map(VIOLENCE) + ": " + rows["side_a"].fillna("unknown") + " – "
            + rows["side_b"].fillna("unknown") + " at " + place + "; best estimate " + deaths + " deaths" + low_high + ".")


def _sites(rows: pd.DataFrame) -> tuple[pd.Series, pd.DataFrame]:
    precision = rows["where_prec"].map(COORD_PRECISION)
    has_coords = rows["latitude"].notna() & precision.notna()  # a country's centroid is no place
    places = pd.DataFrame({
        "name_en": rows["where_coordinates"], "country": rows["country"], "lat": rows["latitude"].where(has_coords),
        "lon": rows["longitude"].where(has_coords), "coord_precision": precision.where(has_coords),
        "coord_source": pd.Series(SOURCE_URL, index=rows.index, dtype="str").where(has_coords),
    })
    return build_sites(places, rows.reindex(columns=SITE_EXTRA), LABEL, "ucdp_site")
