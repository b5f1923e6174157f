"""Truce statistics against hand-computed values on tests/fixtures/truces, and the intervals against reference values."""

from __future__ import annotations

import datetime as dt
import html
import shutil

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from components import truce_figures, truce_tables
from hudna import truces
from hudna.filters import FilterState
from hudna.loading import load_dataset
from tests.conftest import FIXTURES, ROOT, EditableDataset

TRUCES = FIXTURES / "truces"
D = dt.date


@pytest.fixture(scope="module")
def ds():
    return load_dataset(TRUCES)


@pytest.fixture
def copy(tmp_path) -> EditableDataset:
    shutil.copytree(TRUCES, tmp_path / "truces")
    return EditableDataset(tmp_path / "truces")


def row(frame: pd.DataFrame, period_id: str) -> pd.Series:
    return frame[frame["period_id"] == period_id].iloc[0]


# --- intervals: published reference values and the definition of the exact interval --------------
@pytest.mark.parametrize("k,low,high", [
    # R: poisson.test(k)$conf.int (Garwood's exact interval)
    (0, 0.0, 3.688879), (1, 0.02531781, 5.57164339), (5, 1.623486, 11.668332), (10, 4.795389, 18.390356),
])
def test_poisson_interval_matches_reference_values(k, low, high):
    assert truces.poisson_interval(k) == pytest.approx((low, high), rel=1e-6, abs=1e-9)


@pytest.mark.parametrize("k", [0, 1, 2, 7, 30, 250])
def test_poisson_interval_has_the_exact_tail_probabilities(k):
    low, high = truces.poisson_interval(k)
    assert stats.poisson.cdf(k, high) == pytest.approx(0.025, abs=1e-9)  # P(X <= k | high) = 2.5%
    if k:
        assert stats.poisson.sf(k - 1, low) == pytest.approx(0.025, abs=1e-9)  # P(X >= k | low) = 2.5%
    else:
        assert low == 0.0


def test_rate_ratio_matches_r_poisson_test_for_two_rates():
    # R's ?poisson.test example: poisson.test(c(11, 6+8+7), c(800, 1083+1050+878))
    assert truces.rate_ratio(11, 800, 21, 3011) == pytest.approx((1.971488, 0.8584264, 4.2772659), rel=1e-6)


def test_rate_ratio_interval_is_clopper_pearson_mapped_to_a_ratio():
    ci = stats.binomtest(6, 13).proportion_ci(confidence_level=0.95, method="exact")
    estimate, low, high = truces.rate_ratio(6, 14, 7, 14)
    assert estimate == pytest.approx(6 / 7)
    assert (low, high) == pytest.approx((ci.low / (1 - ci.low), ci.high / (1 - ci.high)))


def test_rate_ratio_edge_cases():
    assert truces.rate_ratio(0, 7, 4, 7) == pytest.approx((0.0, 0.0, (1 - 0.025 ** 0.25) / 0.025 ** 0.25))
    estimate, low, high = truces.rate_ratio(3, 7, 0, 7)
    assert estimate == np.inf and high == np.inf and low > 0
    assert all(np.isnan(truces.rate_ratio(0, 7, 0, 7)))


@pytest.mark.parametrize("start,end,expected", [(D(2024, 1, 1), D(2024, 1, 14), 14), (D(2024, 3, 1), D(2024, 3, 1), 1),
                                                (D(2024, 2, 20), D(2024, 3, 10), 20), (D(2024, 3, 2), D(2024, 3, 1), 0)])
def test_durations_count_both_ends(start, end, expected):
    assert truces.days(start, end) == expected


# --- rates on the fixture (hand-computed) ----------------------------------------------------------
EXPECTED_RATES = {
    # period: (start, end, days, incidents, straddling, before incidents or None)
    "E1": (D(2024, 1, 1), D(2024, 1, 14), 14, 7, 1, None),  # F-01..F-07; F-06 (week of 12 Jan) straddles into T1
    "T1": (D(2024, 1, 15), D(2024, 1, 28), 14, 6, 1, 7),  # F-06, F-08..F-12; before = E1's 7
    "T2": (D(2024, 2, 1), D(2024, 2, 7), 7, 0, 0, 4),  # no incident; before 25-31 Jan: F-10..F-13
    "T3": (D(2024, 2, 20), D(2024, 3, 10), 20, 4, 1, 2),  # open; F-16..F-19 (F-17 month-dated); before: F-14, F-15
}


@pytest.mark.parametrize("pid", list(EXPECTED_RATES))
def test_rates_per_period_match_hand_counts(ds, pid):
    start, end, n_days, k, straddling, k0 = EXPECTED_RATES[pid]
    r = row(truces.truce_rates(ds, FilterState()), pid)
    assert (r.start, r.end, r.days, r.incidents, r.straddling) == (start, end, n_days, k, straddling)
    weeks = n_days / 7
    assert r.rate == pytest.approx(k / weeks)
    assert (r.rate_low, r.rate_high) == pytest.approx(tuple(x / weeks for x in truces.poisson_interval(k)))
    if k0 is None:
        assert not r.before_covered and pd.isna(r.before_incidents) and np.isnan(r.ratio)
    else:
        assert r.before_covered and r.before_incidents == k0
        assert (r.ratio, r.ratio_low, r.ratio_high) == pytest.approx(truces.rate_ratio(k, n_days, k0, n_days))


def test_the_first_window_before_the_data_has_no_ratio(ds):
    # E1 starts on 1 Jan, the first day the data cover; the 14 days before it are not covered.
    assert truces.first_date(ds) == D(2024, 1, 1)
    assert row(truces.truce_rates(ds, FilterState()), "E1").before_start == D(2023, 12, 18)


def test_a_period_with_no_incident_keeps_an_exact_interval(ds):
    r = row(truces.truce_rates(ds, FilterState()), "T2")
    assert (r.incidents, r.rate, r.rate_low) == (0, 0.0, 0.0)
    assert r.rate_high == pytest.approx(3.688879, rel=1e-6)  # a 7-day window: one week
    assert (r.ratio, r.ratio_low) == (0.0, 0.0) and r.ratio_high == pytest.approx(1.514867, rel=1e-5)


def test_the_open_period_ends_at_the_data_last_date(ds):
    window = truces.window_of(ds, "T3")
    assert window.is_open and window.end == ds.last_date() == D(2024, 3, 10)
    assert FilterState(period="T3").date_range(ds) == (D(2024, 2, 20), D(2024, 3, 10))  # the same rule as the filters


def test_a_period_ending_after_the_data_is_cut_at_its_last_date(copy):
    copy.set("periods", 5, "end", "2024-04-30")
    r = row(truces.truce_rates(load_dataset(copy.folder), FilterState()), "T3")
    assert (r.end, r.days, r.incidents, r.is_open) == (D(2024, 3, 10), 20, 4, False)


@pytest.mark.parametrize("params,expected", [
    ({}, {"E1": 7, "T1": 6, "T2": 0, "T3": 4}),
    ({"type": "attack"}, {"E1": 6, "T1": 4, "T2": 0, "T3": 4}),
    ({"faction": "kh"}, {"E1": 2, "T1": 2, "T2": 0, "T3": 1}),  # F-01, F-07 | F-08, F-12 | F-18
    ({"faction": "iri"}, {"E1": 5, "T1": 3, "T2": 0, "T3": 3}),  # the umbrella with its members
    ({"dprec": "day"}, {"E1": 6, "T1": 5, "T2": 0, "T3": 3}),  # week/month-dated rows dropped
])
def test_rates_follow_the_filters(ds, params, expected):
    state, _ = FilterState.from_query_params(params)
    rates = truces.truce_rates(ds, state)
    assert dict(zip(rates["period_id"], rates["incidents"])) == expected


def test_the_users_date_range_gets_its_own_row(ds):
    rates = truces.truce_rates(ds, FilterState(date_from=D(2024, 1, 15), date_to=D(2024, 1, 28)))
    mine = row(rates, truces.SELECTION_ID)
    assert (mine.days, mine.incidents, mine.before_incidents) == (14, 6, 7)
    assert row(truces.truce_rates(ds, FilterState(period="T2")), truces.SELECTION_ID).incidents == 0
    # Unset ends are the data's first and last days; no dates at all means no extra row.
    assert truces.selection_window(ds, FilterState(date_from=D(2024, 3, 1))) == (D(2024, 3, 1), D(2024, 3, 10))
    assert truces.SELECTION_ID not in set(truces.truce_rates(ds, FilterState())["period_id"])


@pytest.mark.parametrize("params", [{}, {"type": "attack"}, {"faction": "iri"}, {"dprec": "day"}, {"country": "Iraq"}])
def test_every_count_equals_the_rows_its_link_opens(ds, params):
    state, _ = FilterState.from_query_params(params)
    for r in truces.truce_rates(ds, state).itertuples():
        assert len(truces.with_period(state, r.period_id).apply(ds)) == r.incidents, r.period_id
        if r.before_covered:
            before = truces.with_period(state, None, date_from=r.before_start, date_to=r.before_end)
            assert len(before.apply(ds)) == r.before_incidents, r.period_id


# --- ledger ----------------------------------------------------------------------------------------
def test_ledger_classes_each_incident(ds):
    ledgers = truces.truce_ledgers(ds, FilterState())
    assert list(ledgers) == ["T1", "T2", "T3"]  # truces and pauses, not escalations
    t1 = dict(zip(ledgers["T1"]["incident_id"], ledgers["T1"]["counts_as"]))
    # F-10 (IRI on Israel) is no breach of a truce with US forces; F-12 is a statement.
    assert t1 == {"F-06": "unattributed", "F-08": "breach", "F-09": "breach", "F-11": "non_party"}
    t3 = dict(zip(ledgers["T3"]["incident_id"], ledgers["T3"]["counts_as"]))
    assert t3 == {"F-16": "unattributed", "F-17": "breach", "F-18": "breach", "F-19": "breach"}
    assert ledgers["T2"].empty


def test_first_breach_and_what_followed(ds):
    summary = truces.truce_summary(ds, truces.truce_ledgers(ds, FilterState())).set_index("period_id")
    assert summary.loc["T1", ["breaches", "unattributed", "non_party"]].tolist() == [2, 1, 1]
    b = summary.loc["T1", "first_breach"]
    assert (b.incident_id, b.date.date(), b.days_after_min, b.days_after_max, b.actor) == ("F-08", D(2024, 1, 20), 5, 5, "kh")
    assert b.site_id == "hostile_camp" and pd.isna(b.claimed_by)
    assert (b.next_strike_id, b.next_strike_days) == ("F-09", 2)
    assert summary.loc["T2", "breaches"] == 0 and summary.loc["T2", "first_breach"] is None
    b3 = summary.loc["T3", "first_breach"]  # month-dated: any day from 1 Mar to the truce's (open) end on 10 Mar
    assert (b3.incident_id, b3.days_after_min, b3.days_after_max) == ("F-17", 10, 19)
    assert b3.next_strike_id is None and pd.isna(b3.next_strike_days)


def test_breaches_per_faction(ds):
    t1 = truces.breaches_per_faction(truces.truce_ledgers(ds, FilterState())["T1"])
    assert t1[["actor", "attacks", "strikes", "breaches"]].values.tolist() == [["kh", 1, 0, 1], ["us_forces", 0, 1, 1]]


def test_an_unspecified_actor_named_as_a_party_breaches(copy):
    copy.set("periods", 5, "parties", "iri;us_forces;iran_backed_unspecified")
    t3 = truces.truce_ledgers(load_dataset(copy.folder), FilterState())["T3"]
    assert t3.set_index("incident_id").loc["F-16", "counts_as"] == "breach"


def test_breach_links_open_exactly_the_breaches(ds):
    for params in ({}, {"faction": "kh"}, {"type": "attack"}, {"target": "us_forces"}):
        state, _ = FilterState.from_query_params(params)
        for pid, rows in truces.truce_ledgers(ds, state).items():
            link, exact = truces.breach_filter(ds, state, pid, truces.window_of(ds, pid).parties)
            breaches = set(rows.loc[rows["counts_as"] == "breach", "incident_id"])
            opened = set() if link is None else set(link.apply(ds)["incident_id"])
            assert exact and opened == breaches, (params, pid)


def test_links_that_cannot_be_exact_say_so(ds):
    window = truces.window_of(ds, "T3")
    link, exact = truces.breach_filter(ds, FilterState(), "T3", window.parties, actors={"iri"})
    assert not exact and {"F-17", "F-18", "F-19"} == set(link.apply(ds)["incident_id"])  # iri's link includes members
    _, exact = truces.breach_filter(ds, FilterState(factions=("kh",), role="claimed"), "T3", window.parties)
    assert not exact
    assert truces.breach_filter(ds, FilterState(event_types=("statement",)), "T3", window.parties) == (None, True)


# --- adherence -------------------------------------------------------------------------------------
def test_adherence_inside_and_outside_shared_truces(ds):
    table = truces.adherence(ds, FilterState()).set_index(["actor", "target"])
    # Span 1 Jan - 10 Mar = 70 days; KH and US forces share T1, T2, T3 (14 + 7 + 20 = 41 days).
    assert table.loc[("kh", "us_forces"), ["truce_days", "other_days", "inside", "outside"]].tolist() == [41, 29, 2, 4]
    assert table.loc[("kh", "us_forces"), "inside_rate"] == pytest.approx(2 / 41 * 7)
    assert table.loc[("kh", "us_forces"), "outside_rate"] == pytest.approx(4 / 29 * 7)
    assert table.loc[("us_forces", "kh"), ["inside", "outside"]].tolist() == [1, 2]
    assert table.loc[("nujaba", "us_forces"), ["truce_days", "other_days", "inside", "outside"]].tolist() == [34, 36, 1, 1]
    # No shared truce: IRI on Israel, the Houthis; unattributed actors are never a party.
    assert set(table.index) == {("kh", "us_forces"), ("us_forces", "kh"), ("iri", "us_forces"), ("nujaba", "us_forces")}
    estimate, low, high = truces.rate_ratio(2, 41, 4, 29)
    assert table.loc[("kh", "us_forces"), ["ratio", "ratio_low", "ratio_high"]].tolist() == pytest.approx([estimate, low, high])


def test_adherence_in_a_chosen_range(ds):
    table = truces.adherence(ds, FilterState(date_from=D(2024, 1, 15), date_to=D(2024, 2, 19))).set_index(["actor", "target"])
    # 36 days; KH/US truce days in it: T1 (14) + T2 (7); KH attacks: F-08 inside, F-13 and F-15 outside.
    assert table.loc[("kh", "us_forces"), ["truce_days", "other_days", "inside", "outside"]].tolist() == [21, 15, 1, 2]


# --- action and reaction ---------------------------------------------------------------------------
def test_action_and_reaction_lags(ds):
    attacks, strikes, left_out = truces.reaction_inputs(ds, FilterState())
    assert left_out == 2  # F-06 (week) and F-17 (month)
    after = truces.strikes_after_attacks(attacks, strikes, 7)
    assert after[["incident_id", "attacks_before", "days_since_attack"]].values.tolist() == [
        ["F-04", 2, 1], ["F-09", 1, 2], ["F-14", 0, 11]]
    before = truces.attacks_before_strikes(attacks, strikes, 7).set_index("incident_id")
    assert before.loc[["F-01", "F-02", "F-03", "F-08", "F-13"], "strikes_after"].tolist() == [0, 1, 1, 1, 0]
    assert before.loc[["F-01", "F-02", "F-03", "F-08", "F-13"], "days_to_strike"].tolist() == [8, 5, 1, 2, 11]
    assert before.loc[["F-15", "F-19"], "days_to_strike"].isna().all()  # no strike after 10 Feb
    wider = truces.strikes_after_attacks(attacks, strikes, 10)
    assert wider["attacks_before"].tolist() == [3, 3, 0]  # 31 Dec-10 Jan: F-01..F-03; 12-22 Jan: F-05, F-07, F-08


def test_lag_distribution_buckets():
    counts = truces.lag_distribution(pd.Series([1, 2, 11, 2, None], dtype="Int64"), cap=10)
    assert counts["1"] == 1 and counts["2"] == 2 and counts[">10"] == 1 and counts.sum() == 4 and len(counts) == 12


def test_reactions_ignore_the_filters_but_not_the_dates(ds):
    attacks, strikes, _ = truces.reaction_inputs(ds, FilterState(factions=("kh",), date_to=D(2024, 1, 31)))
    assert set(attacks["actor"]) == {"kh"} and strikes["incident_id"].tolist() == ["F-04", "F-09"]


# --- current state -------------------------------------------------------------------------------
def test_current_state_as_of_the_last_date(ds):
    now = truces.current_state(ds)
    assert now.as_of == D(2024, 3, 10) and now.days_since_attack_on_us == 0
    assert now.last_attack_on_us["incident_id"] == "F-19"
    [open_period] = now.open_periods
    assert (open_period.period_id, open_period.days_running, open_period.breaches, open_period.last_breach) == (
        "T3", 20, 3, D(2024, 3, 10))


def test_current_state_counts_days_since(copy):
    copy.drop("incidents", 20)  # F-19: the data now end on 5 Mar
    copy.drop("sources", 20)
    now = truces.current_state(load_dataset(copy.folder))
    assert (now.as_of, now.last_attack_on_us["incident_id"], now.days_since_attack_on_us) == (D(2024, 3, 5), "F-18", 0)
    assert (now.open_periods[0].days_running, now.open_periods[0].breaches) == (15, 2)


def test_current_state_finds_an_old_last_attack(copy):
    # A later statement moves the data's last date to 1 May: the last attack on US forces is 52 days old.
    incidents = copy.rows("incidents")
    incidents.append(dict(incidents[11], incident_id="F-20", date="2024-05-01"))  # like F-12, a statement
    copy.write("incidents", incidents)
    copy.write("sources", copy.rows("sources") + [dict(copy.rows("sources")[0], incident_id="F-20")])
    now = truces.current_state(load_dataset(copy.folder))
    assert (now.as_of, now.last_attack_on_us["incident_id"], now.days_since_attack_on_us) == (D(2024, 5, 1), "F-19", 52)
    assert (now.open_periods[0].days_running, now.open_periods[0].days_since_breach) == (72, 52)


def test_an_empty_dataset_has_no_state_and_zero_counts(copy):
    copy.write("incidents", [])
    copy.write("sources", [])
    empty = load_dataset(copy.folder)
    assert truces.current_state(empty) == truces.CurrentState(None, None, None)
    assert truces.truce_rates(empty, FilterState())["incidents"].tolist() == [0, 0, 0, 0]


# --- tables and figures ----------------------------------------------------------------------------
def test_rates_table_links_every_count_and_escapes_names(ds):
    text = truce_tables.rates_markdown(truces.truce_rates(ds, FilterState()), FilterState(version="truces-1"))
    assert "[6](/incidents?period=T1&v=truces-1)" in text and "[7](/incidents?from=2024-01-01&to=2024-01-14&v=truces-1)" in text
    assert "[map](/map?period=T3&v=truces-1)" in text and "before the data" in text
    assert "\\<b\\>\\&\\</b\\>" in text and "<b>" not in text
    assert "0.00 (0.00–3.69)" in text  # T2's rate per week


def test_ledger_table_escapes_dataset_text(ds):
    rows = truces.truce_ledgers(ds, FilterState())["T1"]
    text = truce_tables.ledger_markdown(ds, rows, FilterState())
    assert "Camp \\<b\\>\\|\\</b\\> \\[x\\]\\(javascript\\:alert\\(1\\)\\) \\*star\\*" in text
    assert "](javascript" not in text and "[F\\-08](/incidents?incident=F-08)" in text
    assert text.count("\n") == 1 + len(rows)  # header, rule, one line per row: no cell broke the table


def test_long_lists_are_cut_to_the_latest_rows_and_say_so(ds):
    rows = pd.concat([truces.truce_ledgers(ds, FilterState())["T1"]] * 20, ignore_index=True)  # 80 rows
    text = truce_tables.ledger_markdown(ds, rows, FilterState())
    assert text.count("| [F\\-") == truce_tables.MAX_ROWS and text.endswith("*The latest 50 of 80 are listed.*")


def test_per_faction_links_mark_supersets(ds):
    rows = truces.truce_ledgers(ds, FilterState())["T3"]
    text = truce_tables.per_faction_markdown(ds, truces.breaches_per_faction(rows), truces.window_of(ds, "T3"), FilterState())
    iri = next(line for line in text.splitlines() if line.startswith("| Islamic Resistance"))
    kh = next(line for line in text.splitlines() if line.startswith("| Kata"))
    assert truce_tables.SUPERSET in iri and truce_tables.SUPERSET not in kh


def test_rows_url_is_the_canonical_query():
    state = FilterState(factions=("nujaba", "kh"), query="a b)", version="1.0")
    assert truce_tables.rows_url(state, "timeline") == "/timeline?faction=kh,nujaba&q=a+b%29&v=1.0"
    assert truce_tables.rows_url(FilterState()) == "/incidents"


def test_rates_figure_error_bars_and_escaped_labels(ds):
    rates = truces.truce_rates(ds, FilterState())
    fig = truce_figures.build_rates_figure(rates)
    truce = next(t for t in fig.data if t.name == "truce")
    t1 = row(rates, "T1")
    assert list(truce.x) == pytest.approx([3.0, 1.4])
    assert truce.error_x.array[0] == pytest.approx(t1.rate_high - t1.rate) and truce.error_x.arrayminus[0] == pytest.approx(t1.rate - t1.rate_low)
    labels = [y for t in fig.data for y in t.y]
    assert html.escape('E1 · January "escalation" <b>&</b>', quote=False) in labels
    assert not any("<b>" in y for y in labels)
    before = next(t for t in fig.data if t.name == "window before")
    assert len(before.x) == 3  # E1's window before is not covered


def test_cumulative_figure_ends_at_the_view_size_and_draws_every_band(ds):
    view = FilterState().apply(ds)
    fig = truce_figures.build_cumulative_figure(view, truces.period_windows(ds))
    assert fig.data[0].y[-1] == len(view) == 19
    assert len(fig.layout.shapes) == 4


def test_comparison_figure_has_two_panels_and_says_when_one_is_empty(ds):
    base = truces.base_view(ds, FilterState())
    fig = truce_figures.build_comparison_figure(base, truces.window_of(ds, "T2"), truces.window_of(ds, "T3"),
                                                ds.faction_names(), ds.faction_colors())
    assert "no incidents" in [a.text for a in fig.layout.annotations]
    bars = [t for t in fig.data if t.showlegend is not False and t.xaxis == "x2"]
    assert sum(sum(t.y) for t in bars) == 4  # T3's four incidents
    kh = next(t for t in fig.data if t.name == "Kata'ib Hezbollah")
    assert kh.marker.color == "#d95f02"  # the dataset's colour for KH


def test_lag_figure_keeps_the_buckets_in_order():
    back = truces.lag_distribution(pd.Series([0, 3]), cap=5)
    fig = truce_figures.build_lag_figure(back, back)
    assert list(fig.data[0].x) == ["0", "1", "2", "3", "4", "5", ">5"] and list(fig.data[0].y) == [1, 0, 0, 1, 0, 0, 0]


def test_definitions_are_in_the_codebook():
    codebook = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    section = codebook.split("## Truce analytics: definitions")[1]
    for term, _ in truces.DEFINITIONS:
        assert f"- **{term}**" in section, term
    for method in ("Garwood", "Clopper-Pearson", "proportion_ci(method=\"exact\")", "scipy.stats.chi2"):
        assert method in section
