"""Table builders: DataFrames shaped for display (readable columns, names instead of ids); no streamlit here."""

from __future__ import annotations

import pandas as pd

from hudna.dataset import Dataset


def incidents_table(view: pd.DataFrame, dataset: Dataset) -> pd.DataFrame:
    """One display row per incident, newest first."""
    names = dataset.faction_names()
    rows = view.sort_values(["date", "incident_id"], ascending=False)
    return pd.DataFrame(
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
