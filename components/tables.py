"""Table builders: DataFrames shaped for display (translated headers, names instead of ids); no streamlit here."""

from __future__ import annotations

import pandas as pd

from components.i18n import Translator, translator
from hudna.dataset import Dataset


def _t(t: Translator | None) -> Translator:
    return t or translator("en")


def first_source_urls(dataset: Dataset, incident_ids: pd.Series) -> pd.Series:
    """The first listed source URL of each incident (all sources are in the incident's record)."""
    src = dataset.sources[dataset.sources["incident_id"].isin(incident_ids)]
    return src.groupby("incident_id")["url"].first()


def _site_names(rows: pd.DataFrame, t: Translator) -> pd.Series:
    return rows["site_name_ar" if t.rtl else "site_name_en"].fillna("—")


def _values(series: pd.Series, kind: str, t: Translator) -> pd.Series:
    return series.map(lambda v: t.value(kind, v))


def incidents_table(view: pd.DataFrame, dataset: Dataset, with_source: bool = False, t: Translator | None = None) -> pd.DataFrame:
    """One display row per incident, newest first (optionally with the first source as a link column)."""
    t = _t(t)
    names = dataset.faction_names(t.lang)
    rows = view.sort_values(["date", "incident_id"], ascending=False)
    table = pd.DataFrame({
        t("col.id"): rows["incident_id"],
        t("col.date"): rows["date"].dt.date,
        t("col.date_precision"): _values(rows["date_precision"], "precision", t),
        t("col.type"): _values(rows["event_type"], "event_type", t),
        t("col.actor"): rows["actor"].map(names).fillna(t("value.unknown")),
        t("col.claimed_by"): rows["claimed_by"].map(names).fillna("—"),
        t("col.target"): rows["target_actor"].map(names).fillna("—"),
        t("col.site"): _site_names(rows, t),
        t("col.country"): rows["country"].map(lambda c: t.value("country", c) if isinstance(c, str) else "—"),
        t("col.weapon"): _values(rows["weapon"], "weapon", t),
        t("col.outcome"): rows["outcome"].map(lambda v: t.value("outcome", v) if isinstance(v, str) else "—"),
        t("col.killed"): rows["killed"],
        t("col.injured"): rows["injured"],
        t("col.verification"): _values(rows["verification"], "verification", t),
        t("col.sources"): rows["n_sources"],
        t("col.summary"): rows["summary_ar" if t.rtl else "summary_en"],
    }).reset_index(drop=True)
    if with_source:
        table[t("col.first_source")] = table[t("col.id")].map(first_source_urls(dataset, table[t("col.id")]))
    return table


def milestones_table(view: pd.DataFrame, t: Translator | None = None) -> pd.DataFrame:
    t = _t(t)
    rows = view[view["milestone"].notna()].sort_values("date")
    return pd.DataFrame({t("col.date"): rows["date"].dt.date, t("col.milestone"): rows["milestone_ar" if t.rtl else "milestone"],
                         t("col.id"): rows["incident_id"]}).reset_index(drop=True)


def coverage_table(coverage: pd.DataFrame, t: Translator | None = None) -> pd.DataFrame:
    t = _t(t)
    return pd.DataFrame({
        t("col.as_of"): coverage["as_of"].dt.date,
        t("col.counter"): coverage["counter"],
        t("col.since"): coverage["window_start"].dt.date,
        t("col.country"): coverage["country"].map(lambda c: t.value("country", c) if isinstance(c, str) else t("value.all")),
        t("col.reported"): coverage["total"],
        t("col.in_dataset"): coverage["in_dataset"],
        t("col.coverage"): coverage["share"],
        t("col.note"): coverage["note"].fillna(""),
        t("col.source"): coverage["source_url"],
    })


def sources_by_outlet(dataset: Dataset, t: Translator | None = None) -> pd.DataFrame:
    """How many sources, and how many distinct incidents, each outlet supports."""
    t = _t(t)
    columns = [t("col.outlet"), t("col.kind"), t("col.sources"), t("col.incidents")]
    s = dataset.sources
    if s.empty:
        return pd.DataFrame(columns=columns)
    grouped = s.groupby(["outlet", "kind"]).agg(n=("url", "size"), m=("incident_id", "nunique")).reset_index()
    grouped["kind"] = _values(grouped["kind"], "source_kind", t)
    grouped.columns = columns
    return grouped.sort_values([columns[3], columns[0]], ascending=[False, True]).reset_index(drop=True)


def problems_table(problems, t: Translator | None = None) -> pd.DataFrame:
    t = _t(t)
    columns = [t("col.table"), t("col.line"), t("col.column"), t("col.found"), t("col.expected"), t("col.row_kept")]
    return pd.DataFrame([(p.table, p.row, p.column, p.value, p.expected, p.keeps_row) for p in problems], columns=columns)


def related_table(rows: pd.DataFrame, dataset: Dataset, t: Translator | None = None) -> pd.DataFrame:
    t = _t(t)
    names = dataset.faction_names(t.lang)
    out = pd.DataFrame({
        t("col.id"): rows["incident_id"], t("col.date"): rows["date"].dt.date, t("col.type"): _values(rows["event_type"], "event_type", t),
        t("col.actor"): rows["actor"].map(names).fillna(t("value.unknown")), t("col.site"): _site_names(rows, t),
        t("col.summary"): rows["summary_ar" if t.rtl else "summary_en"],
    })
    if "days_after" in rows:
        out.insert(2, t("col.days_after"), rows["days_after"])
    return out.reset_index(drop=True)


def record_table(row: pd.Series, dataset: Dataset, t: Translator | None = None) -> pd.DataFrame:
    """One incident's fields as label/value pairs, names instead of ids, empty shown as unknown."""
    t = _t(t)
    names = dataset.faction_names(t.lang)

    def name(value) -> str:
        return names.get(value, value) if isinstance(value, str) else t("value.unknown")

    def number(value) -> str:
        return t("value.unknown") if pd.isna(value) else str(value)

    site_en, site_ar = row["site_name_en"], row["site_name_ar"]
    place = " — ".join(v for v in ((site_ar, site_en) if t.rtl else (site_en, site_ar)) if isinstance(v, str)) or t("value.unknown")
    fields = [
        ("col.date", t("record.date", date=t.date(row["date"]), precision=t.value("precision", row["date_precision"]))),
        ("col.type", t.value("event_type", row["event_type"])), ("col.weapon", t.value("weapon", row["weapon"])),
        ("col.actor", name(row["actor"])), ("col.attribution", t.value("attribution", row["attribution"])),
        ("col.claimed_by", name(row["claimed_by"])), ("col.target", name(row["target_actor"])),
        ("col.site", place), ("col.country", t.value("country", row["country"])),
        ("col.place_precision", t.value("precision", row["coord_precision"])), ("col.outcome", t.value("outcome", row["outcome"])),
        ("col.killed", number(row["killed"])), ("col.injured", number(row["injured"])),
        ("col.verification", t.value("verification", row["verification"])),
        ("col.notes", row["notes"] if isinstance(row["notes"], str) else "—"),
    ]
    return pd.DataFrame([(t(k), v) for k, v in fields], columns=[t("col.field"), t("col.value")])
