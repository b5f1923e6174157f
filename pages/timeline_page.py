"""Timeline: incidents per day, week or month by faction, against truce/pause/escalation bands, milestones and reported totals."""

import streamlit as st

from components.page_context import page_context
from components.safe import md_escape
from components.sources_list import sources_markdown
from components.tables import record_table
from components.timeline_figure import build_timeline_figure, chart_config, milestone_labels
from components.url_state import select_incident, update_state
from hudna import related, timeline

BINS = {"auto": "timeline.bin_auto", "day": "timeline.bin_day", "week": "timeline.bin_week", "month": "timeline.bin_month"}

ctx = page_context()
dataset, state, view, t = ctx["dataset"], ctx["state"], ctx["view"], ctx["t"]

# The filter description and the count in view are shown above every page by the entry script.
st.title(t("timeline.title"))


def _on_select() -> None:
    """A click opens an incident or filters to a period; a box-selected range becomes the date filter."""
    first, last = dataset.incidents["date"].min(), dataset.incidents["date"].max()
    action = timeline.selection_action(st.session_state["timeline_chart"].selection, (first.date(), last.date()))
    if action is None:
        return
    if action[0] == "incident":
        select_incident(action[1])
    elif action[0] == "period":
        update_state(period=action[1])
    else:
        update_state(date_from=action[1], date_to=action[2])


wanted = st.radio(t("timeline.bin_label"), list(BINS), format_func=lambda b: t(BINS[b]), horizontal=True, key="timeline_bin")
date_range = state.date_range(dataset)
# Running totals count from the start of the data whatever the date filter, so they stay comparable with reported totals.
all_dates = state.without("date_from", "date_to", "period").apply(dataset) if any(date_range) else view
data = timeline.timeline_data(dataset, view, date_range, wanted, all_dates, state.incident)
if data is None:
    st.info(t("timeline.empty"))
    st.stop()

figure = build_timeline_figure(data, dataset.faction_names(t.lang), t, milestone_labels(view, t))
st.plotly_chart(figure, key="timeline_chart", on_select=_on_select, selection_mode=("points", "box"), config=chart_config(t))
st.caption(t("timeline.how_to"))
if data.lane is None:
    st.caption(t("timeline.aggregate_only", n=f"{data.n_incidents:,}", limit=f"{timeline.LANE_MAX_INCIDENTS:,}"))

row = related.incident_row(dataset, state.incident) if state.incident else None
if row is None:
    st.caption(t("timeline.record_hint"))
    st.stop()
heading = (t.date(row["date"], short=True), row["incident_id"])  # Arabic: the date first, so the line reads right to left
st.subheader(" · ".join(md_escape(part) for part in (heading if t.rtl else heading[::-1])))
if not view["incident_id"].eq(row["incident_id"]).any():
    st.caption(t("timeline.not_in_view"))
st.markdown(md_escape(row["summary_ar" if t.rtl else "summary_en"]))
left, right = st.columns([1, 1])
left.dataframe(record_table(row, dataset, t), hide_index=True, key="timeline_record")
right.markdown(f"**{t('col.sources')}**\n\n" + sources_markdown(related.sources_of(dataset, row["incident_id"]), t))
right.page_link("pages/incidents_page.py", label=t("timeline.open_in_incidents"), icon=":material/table_rows:")
right.button(t("timeline.close"), on_click=select_incident, args=(None,), key="timeline_close")
