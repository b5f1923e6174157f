"""Truces: did the truce hold? Rates with exact intervals, rate ratios, violation ledgers, adherence, action and reaction."""

import streamlit as st

from components import truce_figures as figures
from components import truce_tables as tables
from components.page_context import page_context
from components.safe import md_escape
from hudna import truces

ctx = page_context()
ds, state, view, t = ctx["dataset"], ctx["state"], ctx["view"], ctx["t"]
periods = dict(zip(ds.periods["period_id"], ds.periods["name_ar" if t.rtl else "name_en"]))
label = lambda pid: tables.rtl_line(f"{pid} · {periods.get(pid, pid)}", t)  # noqa: E731 - a one-line format_func

st.title(t("truces.title"))
st.caption(t("truces.intro", description=md_escape(t.describe(state, ds)), legend=tables.legend(t)))

current = truces.current_state(ds)
if current.as_of is None:
    st.info(t("truces.no_incidents"))
    st.stop()
st.subheader(t("overview.state_as_of", date=t.date(current.as_of)))
last = current.last_attack_on_us
st.metric(t("overview.days_since"), "—" if last is None else current.days_since_attack_on_us,
          help=None if last is None else t("truces.last_attack_help", date=t.date(last["date"]), id=last["incident_id"]))
st.markdown(tables.current_markdown(ds, current, state.version, t) if current.open_periods else t("overview.no_period"))

base = truces.base_view(ds, state)
st.subheader(t("truces.rates"))
rates = truces.truce_rates(ds, state, base=base)
st.markdown(tables.rates_markdown(rates, state, t))
st.plotly_chart(figures.build_rates_figure(rates, t), key="truce_rates_chart")

st.subheader(t("truces.ledger"))
ledgers = truces.truce_ledgers(ds, state, base=base)
st.markdown(tables.summary_markdown(ds, truces.truce_summary(ds, ledgers), state, t))
if ledgers:
    ids = list(ledgers)  # the sidebar's period when it is a truce, else the latest truce
    pick = st.selectbox(t("truces.ledger_of"), ids, index=ids.index(state.period) if state.period in ids else len(ids) - 1,
                        key="truce_ledger", format_func=label)
    rows, per_faction = ledgers[pick], truces.breaches_per_faction(ledgers[pick])
    if len(per_faction):
        st.markdown(tables.per_faction_markdown(ds, per_faction, truces.window_of(ds, pick), state, t))
    st.caption(t("truces.ledger_count", count=len(rows), period=md_escape(pick)))
    if len(rows):
        st.markdown(tables.ledger_markdown(ds, rows, state, t))

st.subheader(t("truces.adherence"))
st.caption(t("truces.adherence_help"))
st.markdown(tables.adherence_markdown(ds, truces.adherence(ds, state, base=base, view=view), state, t))

st.subheader(t("truces.reaction"))
lag = st.slider(t("truces.lag"), 1, 30, 7, key="truce_lag_days")
attacks, strikes, left_out = truces.reaction_inputs(ds, state, view)
after = truces.strikes_after_attacks(attacks, strikes, lag)
before = truces.attacks_before_strikes(attacks, strikes, lag)
st.caption(t("truces.reaction_count", strikes=len(strikes), attacks=len(attacks), left_out=left_out))
st.plotly_chart(figures.build_lag_figure(truces.lag_distribution(after["days_since_attack"]),
                                         truces.lag_distribution(before["days_to_strike"]), t), key="truce_lag_chart")
by_strike, by_attack = st.tabs([t("truces.tab_strikes"), t("truces.tab_attacks")])
by_strike.markdown(tables.strikes_markdown(ds, after, state, lag, t))
by_attack.markdown(tables.attacks_markdown(ds, before, state, lag, t))

st.subheader(t("truces.cumulative"))
windows = truces.period_windows(ds)
st.plotly_chart(figures.build_cumulative_figure(view, windows, t), key="truce_cumulative_chart")

st.subheader(t("truces.compare"))
ids = windows["period_id"].tolist()
if ids:
    a, b = st.columns(2)
    first = a.selectbox(t("col.period"), ids, index=max(len(ids) - 2, 0), key="truce_compare_a", format_func=label)
    second = b.selectbox(t("truces.against"), ids, index=len(ids) - 1, key="truce_compare_b", format_func=label)
    st.plotly_chart(figures.build_comparison_figure(base, truces.window_of(ds, first), truces.window_of(ds, second),
                                                    ds.faction_names(t.lang), ds.faction_colors(), t),
                    key="truce_compare_chart")

with st.expander(t("truces.definitions")):
    st.markdown(tables.definitions_markdown(t))
