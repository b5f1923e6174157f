"""Row and cross-table rules that a per-column schema cannot express (references, pairs of cells, dates in order)."""

from __future__ import annotations

import pandas as pd

from hudna import vocab
from hudna.errors import Problem


def _present(value) -> bool:
    return isinstance(value, str) and value != ""


def reference_problems(raw: dict[str, pd.DataFrame]) -> list[Problem]:
    """Every id an incident, source, period or faction points to must exist (checked against all rows read)."""
    problems: list[Problem] = []
    factions = set(raw["factions"]["faction_id"].dropna())
    sites = set(raw["sites"]["site_id"].dropna())
    incidents = set(raw["incidents"]["incident_id"].dropna())
    inc = raw["incidents"]
    for column in ("actor", "claimed_by", "target_actor"):
        problems += _unknown(inc, "incidents", column, factions, "a faction_id from factions.csv")
    problems += _unknown(inc, "incidents", "site_id", sites, "a site_id from sites.csv")
    problems += _unknown(raw["sources"], "sources", "incident_id", incidents, "an incident_id from incidents.csv")
    problems += _unknown(raw["factions"], "factions", "parent_id", factions, "a faction_id from factions.csv")
    for line, parties in raw["periods"]["parties"].items():
        for party in (p.strip() for p in str(parties or "").split(vocab.LIST_SEPARATOR) if p.strip()):
            if party not in factions:
                problems.append(Problem("periods", line, "parties", party, "faction_ids from factions.csv", keeps_row=True))
    no_source = inc["incident_id"][inc["incident_id"].notna() & ~inc["incident_id"].isin(raw["sources"]["incident_id"])]
    problems += [Problem("incidents", line, "incident_id", iid, "at least one row in sources.csv", keeps_row=True) for line, iid in no_source.items()]
    problems += _cycle_problems(raw["factions"])
    return problems


def _unknown(frame: pd.DataFrame, table: str, column: str, known: set, expected: str) -> list[Problem]:
    if column not in frame:
        return []
    values = frame[column]
    bad = values[values.notna() & ~values.isin(known)]
    return [Problem(table, line, column, value, expected, keeps_row=True) for line, value in bad.items()]


def _cycle_problems(factions: pd.DataFrame) -> list[Problem]:
    parent = dict(zip(factions["faction_id"], factions["parent_id"]))
    problems = []
    for line, fid in factions["faction_id"].items():
        seen, node = set(), fid
        while _present(node) and node not in seen:
            seen.add(node)
            node = parent.get(node)
        if _present(node) and node == fid:
            problems.append(Problem("factions", line, "parent_id", parent.get(fid), "an umbrella chain without cycles", keeps_row=True))
    return problems


def row_problems(table: str, frame: pd.DataFrame) -> list[Problem]:
    """Rules across cells of one row: pairs that go together, dates in order, outcome where it applies."""
    problems: list[Problem] = []
    for rule in _ROW_RULES.get(table, ()):
        problems += rule(table, frame)
    return problems


def _filled(frame: pd.DataFrame, column: str) -> pd.Series:
    return frame[column].notna()


def _report(table, frame, mask, column, expected, value_column=None) -> list[Problem]:
    rows = frame[mask]
    values = rows[value_column] if value_column else pd.Series(None, index=rows.index, dtype=object)
    return [Problem(table, line, column, value, expected) for line, value in values.items()]


def _outcome_for_kinetic(table, frame):
    mask = frame["event_type"].isin(["attack", "strike"]) & ~_filled(frame, "outcome")
    return _report(table, frame, mask, "outcome", "an outcome for an attack or strike (use 'unknown')")


def _milestone_pair(table, frame):
    en, ar = _filled(frame, "milestone"), _filled(frame, "milestone_ar")
    return (_report(table, frame, en & ~ar, "milestone_ar", "an Arabic label when milestone is filled")
            + _report(table, frame, ar & ~en, "milestone", "an English label when milestone_ar is filled"))


def _coordinates_pair(table, frame):
    lat, lon = _filled(frame, "lat"), _filled(frame, "lon")
    precision, source = _filled(frame, "coord_precision"), _filled(frame, "coord_source")
    return (_report(table, frame, lat & ~lon, "lon", "lat and lon both filled or both empty")
            + _report(table, frame, lon & ~lat, "lat", "lat and lon both filled or both empty")
            + _report(table, frame, lat & lon & ~precision, "coord_precision", "a coord_precision when coordinates are given")
            + _report(table, frame, lat & lon & ~source, "coord_source", "the URL of the page the coordinates come from")
            + _report(table, frame, ~lat & ~lon & precision, "coord_precision", "empty when there are no coordinates", "coord_precision"))


def _end_after_start(table, frame):
    both = _filled(frame, "start") & _filled(frame, "end")
    mask = both & (frame["end"].fillna("") < frame["start"].fillna(""))
    return _report(table, frame, mask, "end", "a date on or after start", "end")


def _window_before_as_of(table, frame):
    mask = frame["window_start"].fillna("") > frame["as_of"].fillna("")
    return _report(table, frame, mask, "window_start", "a date on or before as_of", "window_start")


_ROW_RULES = {
    "incidents": (_outcome_for_kinetic, _milestone_pair),
    "sites": (_coordinates_pair,),
    "periods": (_end_after_start,),
    "reported_counts": (_window_before_as_of,),
}
