"""Table builders: DataFrames shaped for display (readable columns, names instead of ids); no streamlit here."""

from __future__ import annotations

import pandas as pd

from hudna.dataset import Dataset


def first_source_urls(dataset: Dataset, incident_ids: pd.Series) -> pd.Series:
    """The first listed source URL of each incident (all sources are in the incident's record)."""
    src = dataset.sources[dataset.sources["incident_id"].isin(incident_ids)]
    return src.groupby("incident_id")["url"].first()


def incidents_table(view: pd.DataFrame, dataset: Dataset, with_source: bool = False) -> pd.DataFrame:
    """One display row per incident, newest first (optionally with the first source as a link column)."""
    names = dataset.faction_names()
    rows = view.sort_values(["date", "incident_id"], ascending=False)
    table = pd.DataFrame(
        {
            "ID": rows["incident_id"],
            "Date": rows["date"].dt.date,
            "Date precision": rows["date_precision"],
            "Type": rows["event_type"],
            "Actor": rows["actor"].map(names).fillna("unknown"),
            "Claimed by": rows["claimed_by"].map(names).fillna("—"),
            "Target": rows["target_actor"].map(names).fillna("—"),
            "Site": rows["site_name_en"].fillna("—"),
            "Country": rows["country"].fillna("—"),
            "Weapon": rows["weapon"].str.replace("_", " "),
            "Outcome": rows["outcome"].fillna("—").str.replace("_", " "),
            "Killed": rows["killed"],
            "Injured": rows["injured"],
            "Verification": rows["verification"].str.replace("_", " "),
            "Sources": rows["n_sources"],
            "Summary": rows["summary_en"],
        }
    ).reset_index(drop=True)
    if with_source:
        table["First source"] = table["ID"].map(first_source_urls(dataset, table["ID"]))
    return table


def related_table(rows: pd.DataFrame, dataset: Dataset) -> pd.DataFrame:
    names = dataset.faction_names()
    out = pd.DataFrame({
        "ID": rows["incident_id"], "Date": rows["date"].dt.date, "Type": rows["event_type"],
        "Actor": rows["actor"].map(names).fillna("unknown"), "Site": rows["site_name_en"].fillna("—"),
        "Summary": rows["summary_en"],
    })
    if "days_after" in rows:
        out.insert(2, "Days after", rows["days_after"])
    return out.reset_index(drop=True)


def record_table(row: pd.Series, dataset: Dataset) -> pd.DataFrame:
    """One incident's fields as label/value pairs, names instead of ids, empty shown as unknown."""
    names = dataset.faction_names()

    def show(value, mapping=None):
        if value is None or (not isinstance(value, str) and pd.isna(value)):
            return "unknown"
        return mapping.get(value, value) if mapping else str(value).replace("_", " ")

    place = row["site_name_en"] if isinstance(row["site_name_en"], str) else None
    if place and isinstance(row["site_name_ar"], str):
        place += f" — {row['site_name_ar']}"
    fields = [
        ("Date", f"{row['date']:%d %b %Y} (known to the {row['date_precision']})"),
        ("Type", show(row["event_type"])), ("Weapon", show(row["weapon"])),
        ("Actor", show(row["actor"], names)), ("Attribution", show(row["attribution"])),
        ("Claimed by", show(row["claimed_by"], names)), ("Target", show(row["target_actor"], names)),
        ("Site", place or "unknown"), ("Country", show(row["country"])),
        ("Place precision", show(row["coord_precision"])), ("Outcome", show(row["outcome"])),
        ("Killed", show(row["killed"])), ("Injured", show(row["injured"])),
        ("Verification", show(row["verification"])), ("Notes", row["notes"] if isinstance(row["notes"], str) else "—"),
    ]
    return pd.DataFrame(fields, columns=["Field", "Value"])


def milestones_table(view: pd.DataFrame) -> pd.DataFrame:
    rows = view[view["milestone"].notna()].sort_values("date")
    return pd.DataFrame({"Date": rows["date"].dt.date, "Milestone": rows["milestone"], "ID": rows["incident_id"]}).reset_index(drop=True)


def coverage_table(coverage: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "As of": coverage["as_of"].dt.date,
            "Counted by": coverage["counter"],
            "Since": coverage["window_start"].dt.date,
            "Country": coverage["country"].fillna("all"),
            "Reported total": coverage["total"],
            "In this dataset": coverage["in_dataset"],
            "Coverage": coverage["share"],
            "Note": coverage["note"].fillna(""),
            "Source": coverage["source_url"],
        }
    )


def open_periods_table(periods: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Period": periods["name_en"],
            "Kind": periods["kind"],
            "Since": periods["start"].dt.date,
            "Ends": periods["end"].dt.date.astype(object).where(periods["end"].notna(), "open"),
            "Parties": periods["parties"].map(lambda p: ", ".join(names.get(x, x) for x in p.split(";"))),
        }
    ).reset_index(drop=True)


def sources_by_outlet(dataset: Dataset) -> pd.DataFrame:
    """How many sources, and how many distinct incidents, each outlet supports."""
    s = dataset.sources
    if s.empty:
        return pd.DataFrame(columns=["Outlet", "Kind", "Sources", "Incidents"])
    grouped = s.groupby(["outlet", "kind"]).agg(Sources=("url", "size"), Incidents=("incident_id", "nunique")).reset_index()
    grouped = grouped.rename(columns={"outlet": "Outlet", "kind": "Kind"})
    return grouped.sort_values(["Incidents", "Outlet"], ascending=[False, True]).reset_index(drop=True)


def problems_table(problems) -> pd.DataFrame:
    return pd.DataFrame(
        [{"Table": p.table, "Line": p.row, "Column": p.column, "Found": p.value, "Expected": p.expected,
          "Row kept": p.keeps_row} for p in problems],
        columns=["Table", "Line", "Column", "Found", "Expected", "Row kept"],
    )
