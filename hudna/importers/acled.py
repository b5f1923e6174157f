"""ACLED export CSV (the 31-column layout in use since March 2023) -> Hudna's six tables; no streamlit here.

How each field is mapped, and why, is in data/README.md ("Importing ACLED and UCDP files").
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from hudna.importers.actors import CURATED_DATA, ActorMapper
from hudna.importers.common import (
    COORDINATES_REASON, ID_PATTERN, NO_ARABIC_SUMMARY, STRIKING_SIDES, ImportResult, Rejections, bad_coordinates, build_sites,
    empty_table, is_count, kept_rows, provenance_cells,
)
from hudna.importers.reading import Source, read_rows

LABEL = "ACLED"
# ACLED asks users to cite it with a link to its website; there is no public page per event, so each imported
# incident's source is the ACLED record itself, linked to that site, with the outlets ACLED cites.
SOURCE_URL = "https://acleddata.com/"
OUTLET_PREFIX = "ACLED, citing: "

COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1",
    "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region",
    "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities", "tags", "timestamp",
]
# The columns the mapping reads; the others are only carried in the provenance note (empty when absent).
REQUIRED = ["event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2", "country",
            "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities"]
# Fields Hudna has no column for, kept verbatim in the incident's (and the site's) notes so an export restores them.
INCIDENT_EXTRA = ["disorder_type", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
                  "inter2", "interaction", "civilian_targeting", "source_scale", "tags", "timestamp"]
# Besides: the original event_date where Hudna's date cannot give it back (week, month), and whether notes were empty.
INCIDENT_FIELDS = INCIDENT_EXTRA + ["event_date", "notes_missing"]
SITE_EXTRA = ["iso", "region", "admin1", "admin2", "admin3", "geo_precision"]

DATE_PRECISION = {"1": "day", "2": "week", "3": "month"}
# ACLED geo_precision 1 is a town (or its outskirts) with coordinates, 2 near a known place or a small part of a
# region, 3 a region: Hudna's `site` means the facility itself, so no ACLED row is more precise than `city`.
COORD_PRECISION = {"1": "city", "2": "region", "3": "region"}
KINETIC = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
                                   "Remote explosive/landmine/IED", "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
}
STRATEGIC = {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use", "Headquarters or base established",
             "Looting/property destruction", "Non-violent transfer of territory", "Other"}
STATEMENTS = {"Agreement", "Change to group/activity"}  # announcements, as Hudna's `statement`
DEMONSTRATIONS = {"Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
                  "Riots": {"Violent demonstration", "Mob violence"}}

KEYWORDS = {  # whole words in ACLED's notes that name a weapon
    "drone": r"\b(?:drones?|uavs?|unmanned)\b",
    "rocket": r"\b(?:rockets?|katyushas?)\b",
    "missile": r"\bmissiles?\b",
    "artillery": r"\b(?:artillery|shell(?:s|ing|ed)|mortars?|howitzers?)\b",
    "aircraft": r"\b(?:air ?strikes?|warplanes?|fighter jets?|aircraft|helicopters?|bombers?)\b",
    "ied": r"\b(?:ieds?|improvised explosive|roadside bombs?|landmines?|explosive devices?)\b",
    "gun": r"\b(?:gunfire|gunmen|gunshots?|shooting|shot|small arms|rifles?|snipers?)\b",
}


def import_acled(source: Source, curated_folder: Path = CURATED_DATA) -> ImportResult:
    """Read an ACLED export (bytes or a path): every row is either mapped or rejected with its row number and reason."""
    raw = read_rows(source, REQUIRED, COLUMNS, "ACLED export")
    frame, numbers, unreadable, notes = raw.frame.reindex(columns=COLUMNS), raw.rows, raw.unreadable, tuple(_column_notes(raw.columns))
    del raw  # from here `frame` holds the only copy of the file's rows (half a gigabyte for a million)
    dates = parse_dates(frame["event_date"])
    rejections = _check(frame, dates)
    rejected, rows_read = rejections.frame(numbers, frame["event_id_cnty"], unreadable), len(frame) + len(unreadable)
    rows, dates = kept_rows(frame, dates, rejections=rejections)
    del frame
    mapper = ActorMapper.load("acled", LABEL, curated_folder)
    return ImportResult(LABEL, _tables(rows, dates, mapper), rejected, mapper.report(), rows_read, notes)


def _check(frame: pd.DataFrame, dates: pd.Series) -> Rejections:
    """Every reason a row cannot be imported, vectorised; a row may collect several."""
    r = Rejections(len(frame))
    ids = frame["event_id_cnty"]
    r.add(ids.isna(), "event_id_cnty is empty")
    r.add(ids.notna() & ~ids.str.match(ID_PATTERN).fillna(False), "event_id_cnty {} is not an id of letters, digits, _ or -", ids)
    r.add(ids.notna() & ids.duplicated(keep="first"), "event_id_cnty {} appears on an earlier row too", ids)
    r.add(dates.isna(), "event_date {} is not a date (YYYY-MM-DD)", frame["event_date"])
    r.add(~frame["time_precision"].isin(DATE_PRECISION), "unknown time_precision code {} (expected 1, 2 or 3)", frame["time_precision"])
    r.add(~frame["geo_precision"].isin(COORD_PRECISION), "unknown geo_precision code {} (expected 1, 2 or 3)", frame["geo_precision"])
    lat, lon = frame["latitude"], frame["longitude"]
    r.add(bad_coordinates(lat, lon), COORDINATES_REASON, lat, lon)
    r.add(frame["fatalities"].notna() & ~is_count(frame["fatalities"]), "fatalities {} is not a whole number", frame["fatalities"])
    pair = frame["event_type"].fillna("") + " / " + frame["sub_event_type"].fillna("")
    known = _pairs(KINETIC) | {f"Strategic developments / {s}" for s in STRATEGIC} | _pairs(DEMONSTRATIONS)
    r.add(~pair.isin(known), "unknown event_type / sub_event_type {}", pair)
    out_of_scope = pair.isin(_pairs(DEMONSTRATIONS)) | (frame["event_type"].eq("Strategic developments")
                                                        & ~frame["sub_event_type"].isin(STATEMENTS | {"Disrupted weapons use"}))
    r.add(out_of_scope, "{} is outside Hudna's scope (attacks, strikes and announcements)", pair)
    return r


def _pairs(table: dict) -> set:
    return {f"{event} / {sub}" for event, subs in table.items() for sub in subs}


def parse_dates(text: pd.Series) -> pd.Series:
    """YYYY-MM-DD as ACLED exports it; older exports wrote '18 October 2023', read too. NaT where neither fits."""
    dates = pd.to_datetime(text.where(text.str.len() == 10), format="%Y-%m-%d", errors="coerce")
    other = dates.isna() & text.notna()
    if other.any():
        dates[other] = pd.to_datetime(text[other], format="%d %B %Y", errors="coerce")
    return dates


def _tables(rows: pd.DataFrame, dates: pd.Series, mapper: ActorMapper) -> dict:
    actor = mapper.resolve(rows["actor1"], rows["inter1"])
    target = mapper.resolve(rows["actor2"], rows["inter2"])
    site_ids, sites = _sites(rows)
    factions = mapper.factions()
    sides = dict(zip(factions["faction_id"], factions["side"]))
    actor, target = _interceptions_swapped(rows, actor, target, sides)
    incidents = _incidents(rows, dates, actor, target, site_ids, sides)
    sources = pd.DataFrame({
        "incident_id": rows["event_id_cnty"],
        "url": SOURCE_URL,
        "outlet": (OUTLET_PREFIX + rows["source"]).fillna(LABEL),
        "published": None, "language": "en", "kind": "monitor",
    })
    return {"incidents": incidents, "sources": sources, "sites": sites, "factions": factions,
            "periods": empty_table("periods"), "reported_counts": empty_table("reported_counts")}


def _interceptions_swapped(rows: pd.DataFrame, actor: pd.Series, target: pd.Series, sides: dict) -> tuple[pd.Series, pd.Series]:
    """In a 'Disrupted weapons use' row whose actor1 is US, coalition or Israeli forces and whose actor2 is not, those
    forces stopped actor2's weapon: Hudna records actor2's attack on them, intercepted."""
    swap = (rows["sub_event_type"].eq("Disrupted weapons use") & actor.map(sides).isin(STRIKING_SIDES)
            & ~target.map(sides).isin(STRIKING_SIDES))
    return actor.where(~swap, target), target.where(~swap, actor)


def _incidents(rows: pd.DataFrame, dates: pd.Series, actor: pd.Series, target: pd.Series, site_ids: pd.Series, sides: dict) -> pd.DataFrame:
    event_type = _event_type(rows, actor.map(sides))
    precision = rows["time_precision"].map(DATE_PRECISION)
    # Hudna dates a week by its first day and a month by its 1st; ACLED puts both at their mid-point.
    start = dates.where(precision != "week", dates - pd.Timedelta(days=3))
    start = start.where(precision != "month", dates.dt.to_period("M").dt.start_time)
    fatal = pd.to_numeric(rows["fatalities"], errors="coerce").fillna(0) > 0
    disrupted = rows["sub_event_type"].eq("Disrupted weapons use")
    outcome = np.where(event_type == "statement", None, np.where(disrupted, "intercepted", np.where(fatal, "casualties", "unknown")))
    extra = rows[INCIDENT_EXTRA].copy()
    extra["event_date"] = rows["event_date"].where(precision != "day")
    extra["notes_missing"] = pd.Series("yes", index=rows.index, dtype="str").where(rows["notes"].isna())
    return pd.DataFrame({
        "incident_id": rows["event_id_cnty"], "date": start.dt.strftime("%Y-%m-%d"), "date_precision": precision,
        "event_type": event_type, "weapon": _weapon(rows, event_type), "actor": actor, "claimed_by": None,
        "attribution": "unknown", "target_actor": target, "site_id": site_ids, "outcome": outcome,
        "killed": rows["fatalities"], "injured": None, "verification": "confirmed",
        "summary_en": rows["notes"].fillna(rows["sub_event_type"] + " at " + rows["location"].fillna("an unnamed place")
                                           + " (the ACLED row has no notes)."),
        "summary_ar": NO_ARABIC_SUMMARY, "milestone": None, "milestone_ar": None,
        "notes": provenance_cells(extra, INCIDENT_FIELDS, LABEL),
    })


def _event_type(rows: pd.DataFrame, actor_side: pd.Series) -> np.ndarray:
    statement = rows["sub_event_type"].isin(STATEMENTS).to_numpy()
    striking = actor_side.isin(STRIKING_SIDES).to_numpy()
    return np.where(statement, "statement", np.where(striking, "strike", "attack"))


def _weapon(rows: pd.DataFrame, event_type: np.ndarray) -> np.ndarray:
    """The weapon the sub-event type implies, narrowed by words in ACLED's notes; `unknown` when they do not say."""
    sub = rows["sub_event_type"].to_numpy(dtype=object)
    said = {k: rows["notes"].str.contains(p, case=False, regex=True).fillna(False).to_numpy(dtype=bool) for k, p in KEYWORDS.items()}
    from_words = np.select(
        [said["drone"] & said["rocket"], said["drone"], said["rocket"], said["missile"], said["artillery"], said["ied"], said["gun"]],
        ["mixed", "drone", "rocket", "missile", "artillery", "ied", "small_arms"], "unknown")
    shelling = np.select([said["drone"] & said["rocket"], said["rocket"], said["missile"], said["artillery"]],
                         ["mixed", "rocket", "missile", "artillery"], "unknown")
    by_air = np.where((event_type == "strike") | (said["aircraft"] & ~said["drone"]), "airstrike", "drone")
    return np.select(
        [event_type == "statement", sub == "Air/drone strike", sub == "Shelling/artillery/missile attack",
         np.isin(sub, ["Remote explosive/landmine/IED", "Suicide bomb"]), np.isin(sub, ["Chemical weapon", "Grenade"])],
        ["none", by_air, shelling, "ied", "unknown"], from_words)


def _sites(rows: pd.DataFrame) -> tuple[pd.Series, pd.DataFrame]:
    has_coords = rows["latitude"].notna()
    places = pd.DataFrame({
        "name_en": rows["location"], "country": rows["country"], "lat": rows["latitude"], "lon": rows["longitude"],
        "coord_precision": rows["geo_precision"].map(COORD_PRECISION).where(has_coords),
        "coord_source": pd.Series(SOURCE_URL, index=rows.index, dtype="str").where(has_coords),
    })
    return build_sites(places, rows[SITE_EXTRA], LABEL, "acled_site")


def _column_notes(header: tuple) -> list[str]:
    notes = []
    absent = [c for c in COLUMNS if c not in header]
    if absent:
        notes.append("Columns not in the file (left empty, and empty again on export): " + ", ".join(absent) + ".")
    ignored = [c for c in header if c not in COLUMNS]
    if ignored:
        notes.append("Columns ignored (not in ACLED's current layout): " + ", ".join(ignored) + ".")
    return notes
