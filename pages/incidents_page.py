"""Incidents: the filtered table, one incident's full record with its sources and related incidents, and exports."""

import streamlit as st

from components.page_context import page_context
from components.safe import md_escape
from components.sources_list import sources_markdown
from components.tables import incidents_table, record_table, related_table
from components.url_state import select_incident
from hudna import related
from hudna.exporting import export_file_name, to_csv_bytes, to_geojson_bytes

TABLE_LIMIT = 5000  # rows sent to the browser; exports always hold every row in view

ctx = page_context()
dataset, state, view = ctx["dataset"], ctx["state"], ctx["view"]
described = state.describe(dataset.faction_names(), dict(zip(dataset.periods["period_id"], dataset.periods["name_en"])))

st.title("Incidents")
c1, c2, _ = st.columns([1, 1, 3])
c1.download_button("Export CSV", data=lambda: to_csv_bytes(view, dataset), on_click="ignore", icon=":material/download:",
                   file_name=export_file_name(dataset.version, described, "csv"), mime="text/csv", key="export_csv")
c2.download_button("Export GeoJSON", data=lambda: to_geojson_bytes(view, dataset, described), on_click="ignore",
                   icon=":material/download:", file_name=export_file_name(dataset.version, described, "geojson"),
                   mime="application/geo+json", key="export_geojson")

table = incidents_table(view.nlargest(TABLE_LIMIT, "date") if len(view) > TABLE_LIMIT else view, dataset, with_source=True)
if len(view) > TABLE_LIMIT:
    st.caption(f"Showing the {TABLE_LIMIT:,} most recent of {len(view):,} incidents in view; narrow the filters or export for all.")
st.session_state["_incident_table_ids"] = list(table["ID"])


def _on_table_select() -> None:
    rows = st.session_state["incidents_table"].selection.rows
    ids = st.session_state.get("_incident_table_ids", [])
    if rows and rows[0] < len(ids):
        select_incident(ids[rows[0]])


st.dataframe(table, hide_index=True, key="incidents_table", on_select=_on_table_select, selection_mode="single-row",
             column_config={"First source": st.column_config.LinkColumn(display_text="open"),
                            "Summary": st.column_config.TextColumn(width="large")})

selected = state.incident
row = related.incident_row(dataset, selected) if selected else None
if row is None:
    st.info("Select a row to open an incident's full record and sources.")
    st.stop()

st.header(f"{md_escape(row['incident_id'])} · {row['date']:%d %b %Y}")
if isinstance(row["milestone"], str):
    st.caption(md_escape(row["milestone"]))
st.markdown(md_escape(row["summary_en"]))
st.markdown(md_escape(row["summary_ar"]))
left, right = st.columns([1, 1])
left.dataframe(record_table(row, dataset), hide_index=True, key="incident_record")
right.subheader("Sources")
right.markdown(sources_markdown(related.sources_of(dataset, row["incident_id"])))
st.subheader(f"Same site within {related.SAME_SITE_DAYS} days")
st.dataframe(related_table(related.same_site_nearby(dataset, row["incident_id"]), dataset), hide_index=True, key="related_site")
if row["event_type"] == "attack":
    st.subheader(f"Strikes in the {related.STRIKE_FOLLOW_DAYS} days that followed")
    st.dataframe(related_table(related.strikes_after(dataset, row["incident_id"]), dataset), hide_index=True, key="related_strikes")
