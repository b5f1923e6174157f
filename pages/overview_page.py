"""Overview: what the dataset holds, the state as of its last date, key events, and coverage against reported totals."""

import streamlit as st

from components.page_context import page_context
from components.safe import md_escape
from components.tables import coverage_table, incidents_table, milestones_table, open_periods_table
from hudna import overview

ctx = page_context()
dataset, state, view = ctx["dataset"], ctx["state"], ctx["view"]

st.title("Hudna — did the truce hold?")

summary = overview.summarize(view)
c = st.columns([1, 1.4, 1.4, 1, 1])
c[0].metric("Incidents in view", summary.incidents)
c[1].metric("First", f"{summary.first:%d %b %Y}" if summary.first else "—")
c[2].metric("Last", f"{summary.last:%d %b %Y}" if summary.last else "—")
c[3].metric("Factions involved", summary.factions)
c[4].metric("Sites", summary.sites)

as_of = dataset.last_date()
st.subheader(f"State as of {as_of:%d %b %Y} (the dataset's last date, all incidents)" if as_of else "State")
if as_of:
    last = overview.last_attack_on_us(dataset.incident_view)
    if last is not None:
        where = last["site_name_en"] if isinstance(last["site_name_en"], str) else "an unknown site"
        st.metric("Days since the last attack on US or coalition forces", overview.days_since(last["date"], as_of),
                  help=f"Last: {last['date']:%d %b %Y}, {where} ({last['incident_id']}).")
    open_now = overview.periods_open_on(dataset, as_of)
    if open_now.empty:
        st.info("No truce, pause or escalation phase is open on that date.")
    else:
        st.dataframe(open_periods_table(open_now, dataset.faction_names()), hide_index=True, key="overview_open_periods")

st.subheader("Key events in view")
st.dataframe(milestones_table(view), hide_index=True, key="overview_milestones")

st.subheader("Coverage against reported totals")
coverage_columns = {"Coverage": st.column_config.ProgressColumn(min_value=0, max_value=1, format="percent"),
                    "Source": st.column_config.LinkColumn()}
st.caption("Attacks on US and coalition forces in this dataset over the same window as each reported running total.")
st.dataframe(coverage_table(overview.coverage(dataset)), hide_index=True, key="overview_coverage", column_config=coverage_columns)
st.caption("Claimed attacks on Israel and shipping in this dataset against the monitors' tallies of such claims "
           "(the dataset merges same-day claims on one place, so it runs below claim counts).")
st.dataframe(coverage_table(overview.coverage(dataset, "iri_claims_against_israel")), hide_index=True,
             key="overview_coverage_israel", column_config=coverage_columns)

st.subheader("Most recent incidents in view")
st.dataframe(incidents_table(view.head(0) if view.empty else overview.recent(view, 15), dataset), hide_index=True, key="overview_recent")
