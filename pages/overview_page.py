"""Overview: what the dataset holds, the state as of its last date, key events, and coverage against reported totals."""

import streamlit as st

from components.page_context import page_context
from components.tables import coverage_table, incidents_table, milestones_table
from components.truce_tables import current_markdown
from hudna import overview, truces

ctx = page_context()
dataset, state, view, t = ctx["dataset"], ctx["state"], ctx["view"], ctx["t"]

st.title(t("overview.title"))
summary = overview.summarize(view)
c = st.columns([1, 1.7, 1.7, 1, 0.8])
c[0].metric(t("overview.in_view"), summary.incidents)
c[1].metric(t("overview.first"), t.date(summary.first, short=True))
c[2].metric(t("overview.last"), t.date(summary.last, short=True))
c[3].metric(t("overview.factions"), summary.factions)
c[4].metric(t("overview.sites"), summary.sites)

as_of = dataset.last_date()
st.subheader(t("overview.state_as_of", date=t.date(as_of)) if as_of else t("overview.state"))
if as_of:
    last = overview.latest_attack_on_us(dataset)
    if last is not None:
        site = last["site_name_ar" if t.rtl else "site_name_en"]
        st.metric(t("overview.days_since"), overview.days_since(last["date"], as_of),
                  help=t("overview.days_since_help", date=t.date(last["date"]), site=site if isinstance(site, str) else t("value.unknown"),
                         id=last["incident_id"]))
    current = truces.current_state(dataset)  # open periods with their breaches so far, each number a link
    if current.open_periods:
        st.markdown(current_markdown(dataset, current, dataset.version, t))
    else:
        st.info(t("overview.no_period"))

st.subheader(t("overview.key_events"))
st.dataframe(milestones_table(view, t), hide_index=True)

st.subheader(t("overview.coverage"))
coverage_columns = {t("col.coverage"): st.column_config.ProgressColumn(min_value=0, max_value=1, format="percent"),
                    t("col.source"): st.column_config.LinkColumn()}
st.caption(t("overview.coverage_us"))
st.dataframe(coverage_table(overview.coverage(dataset), t), hide_index=True, column_config=coverage_columns)
st.caption(t("overview.coverage_israel"))
st.dataframe(coverage_table(overview.coverage(dataset, "iri_claims_against_israel"), t), hide_index=True,
             column_config=coverage_columns)

st.subheader(t("overview.recent"))
st.dataframe(incidents_table(overview.recent(view, 15), dataset, t=t), hide_index=True)
