"""The rows in view in ACLED's export layout (its 31 columns), with imported ACLED fields restored; no streamlit here.

Rows that came from an ACLED file carry ACLED's own fields in their notes (see hudna/importers), so they go back
exactly as they came; other rows get the closest ACLED values Hudna can state, and empty cells where it cannot
(inter codes, admin areas, tags). data/README.md lists the rules.
"""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

from hudna.dataset import Dataset
from hudna.exporting import neutralize
from hudna.importers.acled import COLUMNS, INCIDENT_FIELDS, LABEL, OUTLET_PREFIX, SITE_EXTRA
from hudna.importers.common import provenance_frame

PRECISION_CODE = {"day": "1", "week": "2", "month": "3"}
GEO_PRECISION_CODE = {"site": "1", "city": "1", "region": "3"}
# ISO 3166-1 numeric codes, as ACLED's `iso` column gives them, for the countries this dataset covers.
ISO = {"Iraq": "368", "Syria": "760", "Jordan": "400", "Israel": "376", "Lebanon": "422", "Iran": "364", "Yemen": "887",
       "Saudi Arabia": "682", "Kuwait": "414", "Bahrain": "48", "Qatar": "634", "United Arab Emirates": "784", "Oman": "512",
       "Palestine": "275"}
REGION = {country: "Middle East" for country in ISO}
BY_WEAPON = {
    "drone": ("Explosions/Remote violence", "Air/drone strike"),
    "airstrike": ("Explosions/Remote violence", "Air/drone strike"),
    "rocket": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "missile": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "artillery": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "mixed": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "ied": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "small_arms": ("Battles", "Armed clash"),
}
NUMERIC = {"year", "time_precision", "iso", "latitude", "longitude", "geo_precision", "fatalities", "timestamp"}


def acled_frame(view: pd.DataFrame, ds: Dataset) -> pd.DataFrame:
    """One ACLED-layout row per incident in view, every cell text ('' when empty), in ACLED's column order."""
    names = ds.faction_names("en")
    out = pd.DataFrame(index=view.index)
    out["event_id_cnty"] = view["incident_id"]
    day = view["date"] + pd.to_timedelta(np.where(view["date_precision"] == "week", 3, 0), unit="D")
    day = day.where(view["date_precision"] != "month", view["date"] + pd.Timedelta(days=14))  # ACLED: a month's mid-point
    out["event_date"] = day.dt.strftime("%Y-%m-%d")
    out["time_precision"] = view["date_precision"].map(PRECISION_CODE)
    out["disorder_type"], out["event_type"], out["sub_event_type"] = _classification(view)
    out["actor1"] = view["actor"].map(names).fillna("Unidentified Armed Group (" + view["country"].fillna("") + ")")
    out["actor1"] = out["actor1"].str.replace(" ()", "", regex=False)
    out["actor2"] = view["target_actor"].map(names)
    out["iso"], out["region"], out["country"] = view["country"].map(ISO), view["country"].map(REGION), view["country"]
    out["location"] = view["site_name_en"]
    out["latitude"], out["longitude"] = _coordinate(view["lat"]), _coordinate(view["lon"])
    out["geo_precision"] = view["coord_precision"].map(GEO_PRECISION_CODE)
    out["source"] = view["incident_id"].map(_source_text(ds, view["incident_id"]))
    out["notes"] = view["summary_en"]
    out["fatalities"] = view["killed"].astype("string")
    out = _restored(out, view, ds)
    out["year"] = out["event_date"].str.extract(r"(\d{4})", expand=False)
    return out.reindex(columns=COLUMNS).astype(object).where(lambda f: f.notna(), "").reset_index(drop=True)


def to_acled_csv_bytes(view: pd.DataFrame, ds: Dataset) -> bytes:
    """UTF-8 CSV with a BOM (spreadsheets then read Arabic), text cells formula-safe, numbers left as they are."""
    frame = acled_frame(view, ds)
    for column in frame.columns.difference(list(NUMERIC)):
        frame[column] = frame[column].map(neutralize)
    table = pa.Table.from_pandas(frame, preserve_index=False).cast(pa.schema([pa.field(c, pa.large_string()) for c in frame.columns]))
    buffer = io.BytesIO()
    buffer.write("\ufeff".encode("utf-8"))
    pacsv.write_csv(table, buffer, pacsv.WriteOptions(quoting_style="needed"))
    return buffer.getvalue()


def _classification(view: pd.DataFrame) -> tuple[pd.Series, pd.Series, pd.Series]:
    statement = view["event_type"].eq("statement")
    intercepted = view["outcome"].eq("intercepted") & ~statement
    pair = view["weapon"].map(BY_WEAPON)
    event = pair.map(lambda p: p[0] if isinstance(p, tuple) else None)
    sub = pair.map(lambda p: p[1] if isinstance(p, tuple) else None)
    strategic = statement | intercepted
    event = event.where(~strategic, "Strategic developments")
    sub = sub.where(~statement, "Change to group/activity").where(~intercepted, "Disrupted weapons use")
    disorder = pd.Series(np.where(strategic, "Strategic developments", "Political violence"), index=view.index)
    return disorder, event, sub


def _coordinate(values: pd.Series) -> pd.Series:
    """Shortest text that reads back as the same number (33.3152, not 33.315200000000004)."""
    unique = pd.unique(values.dropna())
    return values.map(dict(zip(unique, (repr(float(v)) for v in unique))))


def _source_text(ds: Dataset, ids: pd.Series) -> pd.Series:
    """The outlets of each incident, ';'-separated as ACLED writes them; an imported ACLED source gives back ACLED's own text."""
    src = ds.sources[ds.sources["incident_id"].isin(ids)]
    outlet = src["outlet"].str.replace(OUTLET_PREFIX, "", regex=False).where(src["outlet"] != LABEL, "")
    if src["incident_id"].is_unique:
        return pd.Series(outlet.to_numpy(), index=src["incident_id"].to_numpy())
    return outlet.groupby(src["incident_id"]).agg(lambda s: "; ".join(dict.fromkeys(x for x in s if x)))


def _restored(out: pd.DataFrame, view: pd.DataFrame, ds: Dataset) -> pd.DataFrame:
    """ACLED's own values where the incident (or its site) was imported from ACLED."""
    incident = provenance_frame(view["notes"], LABEL, INCIDENT_FIELDS)
    site = provenance_frame(ds.sites["notes"], LABEL, SITE_EXTRA).set_axis(ds.sites["site_id"].to_numpy())
    site = site.reindex(view["site_id"].to_numpy()).set_axis(view.index)
    for fields in (site, incident):
        for column in fields.columns.intersection(COLUMNS):
            out[column] = fields[column].where(fields[column].notna(), out.get(column))
    if "notes_missing" in incident:
        out["notes"] = out["notes"].where(incident["notes_missing"].ne("yes"), "")
    return out
