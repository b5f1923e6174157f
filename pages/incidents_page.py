"""Incidents: the filtered table, one incident's full record with its sources and related incidents, and exports."""

import streamlit as st

from components.page_context import page_context
from components.safe import md_escape
from components.sources_list import sources_markdown
from components.tables import incidents_table, record_table, related_table
from components.url_state import select_incident
from hudna import related
from hudna.export_acled import to_acled_csv_bytes
from hudna.exporting import export_file_name, to_csv_bytes, to_geojson_bytes

TABLE_LIMIT = 5000  # rows sent to the browser; exports always hold every row in view

ctx = page_context()
dataset, state, view, t = ctx["dataset"], ctx["state"], ctx["view"], ctx["t"]
described = state.describe(dataset.faction_names(), dict(zip(dataset.periods["period_id"], dataset.periods["name_en"])))

st.title(t("incidents.title"))
c1, c2, c3, _ = st.columns([1, 1, 1, 2])
c1.download_button(t("incidents.export_csv"), data=lambda: to_csv_bytes(view, dataset), on_click="ignore", icon=":material/download:",
                   file_name=export_file_name(dataset.version, described, "csv"), mime="text/csv", key="export_csv")
c2.download_button(t("incidents.export_geojson"), data=lambda: to_geojson_bytes(view, dataset, described), on_click="ignore",
                   icon=":material/download:", file_name=export_file_name(dataset.version, described, "geojson"),
                   mime="application/geo+json", key="export_geojson")
c3.download_button(t("incidents.export_acled"), data=lambda: to_acled_csv_bytes(view, dataset), on_click="ignore",
                   icon=":material/download:", file_name=export_file_name(dataset.version, described + " acled", "csv"),
                   mime="text/csv", key="export_acled")

table = incidents_table(view.nlargest(TABLE_LIMIT, "date") if len(view) > TABLE_LIMIT else view, dataset, with_source=True, t=t)
if len(view) > TABLE_LIMIT:
    st.caption(t("incidents.limited", shown=f"{TABLE_LIMIT:,}", total=f"{len(view):,}"))
st.session_state["_incident_table_ids"] = list(table[t("col.id")])


def _on_table_select() -> None:
    rows = st.session_state["incidents_table"].selection.rows
    ids = st.session_state.get("_incident_table_ids", [])
    if rows and rows[0] < len(ids):
        select_incident(ids[rows[0]])


st.dataframe(table, hide_index=True, key="incidents_table", on_select=_on_table_select, selection_mode="single-row",
             column_config={t("col.first_source"): st.column_config.LinkColumn(display_text=t("incidents.open")),
                            t("col.summary"): st.column_config.TextColumn(width="large")})

selected = state.incident
row = related.incident_row(dataset, selected) if selected else None
if row is None:
    st.info(t("incidents.select"))
    st.stop()

heading = (t.date(row["date"]), row["incident_id"])  # Arabic: the date first, so the line reads right to left
st.header(" · ".join(md_escape(part) for part in (heading if t.rtl else heading[::-1])))
milestone = row["milestone_ar" if t.rtl else "milestone"]
if isinstance(milestone, str):
    st.caption(md_escape(milestone))
for column in (("summary_ar", "summary_en") if t.rtl else ("summary_en", "summary_ar")):
    st.markdown(md_escape(row[column]))
left, right = st.columns([1, 1])
left.dataframe(record_table(row, dataset, t), hide_index=True)
right.subheader(t("incidents.sources"))
right.markdown(sources_markdown(related.sources_of(dataset, row["incident_id"]), t))
st.subheader(t("incidents.same_site", days=related.SAME_SITE_DAYS))
st.dataframe(related_table(related.same_site_nearby(dataset, row["incident_id"]), dataset, t), hide_index=True)
if row["event_type"] == "attack":
    st.subheader(t("incidents.strikes_after", days=related.STRIKE_FOLLOW_DAYS))
    st.dataframe(related_table(related.strikes_after(dataset, row["incident_id"]), dataset, t), hide_index=True)
