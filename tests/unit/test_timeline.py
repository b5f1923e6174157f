"""Timeline domain (bins, stacks, lanes, periods, milestones, running totals, selections) and its figure, on the fixture."""

import datetime as dt
import json

import numpy as np
import pandas as pd
import plotly.io
import pytest

from components.i18n import Translator
from components.timeline_figure import PDF, RLE, _rtl_line, build_timeline_figure, chart_config, milestone_labels
from hudna import overview, timeline
from hudna.filters import FilterState
from hudna.loading import load_dataset
from tests.conftest import VALID

DS = load_dataset(VALID)
COLORS = DS.faction_colors()


def day(text: str) -> int:
    return int(np.datetime64(text, "D").astype(np.int64))


def data_for(state: FilterState = FilterState(), wanted: str = "auto", selected=None, ds=DS):
    view = state.apply(ds)
    all_dates = state.without("date_from", "date_to", "period").apply(ds)
    return timeline.timeline_data(ds, view, state.date_range(ds), wanted, all_dates, selected), view


def figure_for(state: FilterState = FilterState(), lang: str | None = None, **kwargs):
    """The figure as the page builds it; with no language, the builder's English default."""
    data, view = data_for(state, **kwargs)
    if lang is None:
        return build_timeline_figure(data, DS.faction_names()), view
    t = Translator(lang)
    return build_timeline_figure(data, DS.faction_names(lang), t, milestone_labels(view, t)), view


def traces(fig, meta):
    return [t for t in fig.data if t.meta == meta]


# --- bins --------------------------------------------------------------------------------------
@pytest.mark.parametrize("days,wanted,expected", [
    (1, "auto", "day"), (92, "auto", "day"), (93, "auto", "week"), (1100, "auto", "week"), (1101, "auto", "month"),
    (40, "month", "month"), (400, "day", "day"), (3000, "day", "week"), (20000, "week", "month"), (30, "bogus", "day"),
])
def test_bin_follows_the_span_or_the_choice_coarsened_past_the_bin_limit(days, wanted, expected):
    start = pd.Timestamp("2024-01-01")
    window = timeline.Window(start, start + pd.Timedelta(days=days - 1))
    assert timeline.choose_bin(window, wanted) == expected


@pytest.mark.parametrize("bin,expected", [("day", "2024-01-03"), ("week", "2024-01-01"), ("month", "2024-01-01")])
def test_bins_start_on_mondays_and_first_of_month(bin, expected):
    assert timeline._floor_day(day("2024-01-03"), bin) == day(expected)  # 3 Jan 2024 was a Wednesday


@pytest.mark.parametrize("bin,expected", [("day", ("2024-01-03", "2024-02-11")), ("week", ("2024-01-01", "2024-02-12")),
                                          ("month", ("2024-01-01", "2024-03-01"))])
def test_the_axis_shows_whole_bins(bin, expected):
    window = timeline.Window(pd.Timestamp("2024-01-03"), pd.Timestamp("2024-02-10"))  # Wednesday to Saturday
    assert tuple(str(x.date()) for x in timeline.axis_range(window, bin)) == expected


def test_window_is_the_explicit_range_else_the_view_else_the_fallback():
    view = DS.incident_view
    assert timeline.time_window(view) == timeline.Window(pd.Timestamp("2023-10-17"), pd.Timestamp("2024-07-31"))  # T-0005 runs to 31 Jul
    w = timeline.time_window(view, dt.date(2024, 1, 1), None)
    assert (w.start, w.end) == (pd.Timestamp("2024-01-01"), pd.Timestamp("2024-07-31"))
    empty = view.iloc[0:0]
    assert timeline.time_window(empty) is None
    assert timeline.time_window(empty, fallback=("2024-01-01", "2024-02-01")).days == 32


# --- stacked counts ----------------------------------------------------------------------------
def test_exact_days_count_whole_and_imprecise_dates_spread_over_their_window():
    start = np.array([day("2024-01-01"), day("2024-01-02"), day("2024-01-08"), day("2024-02-01")])
    end = np.array([day("2024-01-01"), day("2024-01-02"), day("2024-01-14"), day("2024-02-29")])  # day, day, week, month
    groups = np.array([0, 1, 0, 1])
    stack = timeline.stacked_counts(start, end, groups, 2, day("2024-01-01"), day("2024-02-29"), "week")
    assert stack.precise[0, 0] == 1 and stack.precise[1, 0] == 1 and stack.precise.sum() == 2
    assert stack.spread[0, 1] == pytest.approx(1.0)  # the week 8-14 Jan is exactly bin 1
    assert stack.spread[1].sum() == pytest.approx(1.0)  # February is spread over five weekly bins
    assert (stack.spread[1] > 0).sum() == 5
    assert stack.total() == pytest.approx(4.0)


def test_monthly_bins_hold_a_month_precision_incident_whole():
    start, end = np.array([day("2024-07-01")]), np.array([day("2024-07-31")])
    stack = timeline.stacked_counts(start, end, np.array([0]), 1, day("2024-06-01"), day("2024-08-31"), "month")
    assert stack.spread[0].tolist() == pytest.approx([0.0, 1.0, 0.0])


def test_groups_are_ordered_by_size_with_other_and_unknown_last():
    actors = pd.Series(["kh", "iri", "iri", None, "nujaba", "ghost"])
    groups, index = timeline.faction_groups(actors, COLORS, max_named=2)
    assert [g.key for g in groups] == ["iri", "ghost", timeline.OTHER, timeline.UNKNOWN]
    assert [g.color for g in groups] == [COLORS["iri"], timeline.OTHER_COLOR, timeline.OTHER_COLOR, timeline.UNKNOWN_COLOR]
    assert index.tolist() == [2, 0, 0, 3, 2, 1]
    groups, _ = timeline.faction_groups(actors, COLORS, max_named=3)  # an "other" of one is never made
    assert timeline.OTHER not in [g.key for g in groups]


# --- lanes, periods, milestones ----------------------------------------------------------------
def test_lane_levels_never_put_two_overlapping_items_on_one_level():
    starts = np.array([0.0, 0.0, 3.0, 10.0, 2.0])
    ends = np.array([7.0, 1.0, 4.0, 11.0, 3.0])
    levels = timeline.lane_levels(starts, ends)
    assert levels.tolist() == [0, 1, 1, 0, 1]  # 2-3 and 3-4 follow 0-1 on level 1; 10-11 follows 0-7 on level 0
    for a in range(5):
        for b in range(a + 1, 5):
            if levels[a] == levels[b]:
                assert ends[a] <= starts[b] or ends[b] <= starts[a]
    assert timeline.lane_levels(np.array([0.0, 2.0]), np.array([1.0, 3.0]), min_width=5).tolist() == [0, 1]


def test_open_periods_run_to_the_last_date_but_never_before_their_start():
    window = timeline.Window(pd.Timestamp("2023-10-01"), pd.Timestamp("2024-12-31"))
    p = timeline.periods_in_window(DS.periods, window, pd.Timestamp("2024-08-30"))
    assert p.set_index("period_id")["drawn_end"]["P-3"] == pd.Timestamp("2024-08-30")
    p = timeline.periods_in_window(DS.periods, window, pd.Timestamp("2024-07-16"))  # the fixture ends before P-3 starts
    row = p.set_index("period_id").loc["P-3"]
    assert row["is_open"] and row["drawn_end"] == pd.Timestamp("2024-07-20")


def test_only_periods_overlapping_the_window_are_kept():
    window = timeline.Window(pd.Timestamp("2024-01-01"), pd.Timestamp("2024-03-31"))
    assert timeline.periods_in_window(DS.periods, window, None)["period_id"].tolist() == ["P-2"]


def test_a_milestone_repeated_on_one_day_counts_once():
    view = DS.incident_view.copy()
    view.loc[view["incident_id"] == "T-0001", ["date", "date_end", "milestone"]] = [
        pd.Timestamp("2024-01-04"), pd.Timestamp("2024-01-04"), "Nujaba commander killed"]
    window = timeline.Window(pd.Timestamp("2023-10-01"), pd.Timestamp("2024-12-31"))
    assert timeline.milestones_in_view(view, window)["incident_id"].tolist() == ["T-0001", "T-0004"]


# --- running totals ----------------------------------------------------------------------------
def test_running_totals_agree_with_the_overview_coverage():
    window = timeline.Window(pd.Timestamp("2023-10-17"), pd.Timestamp("2024-07-31"))
    totals = timeline.running_totals(DS.incident_view, DS.reported_counts, window)
    cov = overview.coverage(DS).sort_values(["as_of", "counter"])
    assert totals.reported["in_view"].tolist() == cov["in_dataset"].tolist() == [2, 1, 2]
    assert list(totals.cumulative) == ["all", "Syria"]
    assert totals.cumulative["all"][-1] == 3  # T-0001, T-0002, T-0006 are attacks on US forces
    assert totals.cumulative["Syria"][-1] == 1  # T-0002 at al-Tanf
    assert totals.cumulative["all"][0] == 1 and len(totals.cumulative["all"]) == window.days


def test_running_totals_count_from_the_start_even_when_the_window_starts_later():
    window = timeline.Window(pd.Timestamp("2024-01-01"), pd.Timestamp("2024-07-31"))
    totals = timeline.running_totals(DS.incident_view, DS.reported_counts, window)
    assert totals.cumulative["all"][0] == 2  # the two October attacks are already counted
    assert totals.reported["as_of"].dt.strftime("%Y-%m-%d").tolist() == ["2024-02-05", "2024-02-05"]


def test_no_reported_total_in_the_window_means_no_running_totals_row():
    window = timeline.Window(pd.Timestamp("2024-03-01"), pd.Timestamp("2024-07-31"))
    assert timeline.running_totals(DS.incident_view, DS.reported_counts, window) is None


# --- selections --------------------------------------------------------------------------------
BOUNDS = (dt.date(2023, 10, 17), dt.date(2024, 7, 16))


@pytest.mark.parametrize("selection,expected", [
    ({"box": [{"x": ["2024-02-10 13:00:00.5", "2024-01-05"]}], "points": []}, ("range", dt.date(2024, 1, 5), dt.date(2024, 2, 10))),
    ({"box": [{"x": ["2023-01-01", "2025-01-01"]}]}, ("range", *BOUNDS)),
    ({"box": [{"x": [1704067200000, 1704931200000]}]}, ("range", dt.date(2024, 1, 1), dt.date(2024, 1, 11))),
    ({"points": [{"x": "2024-01-01", "customdata": ["incident", "T-0003"]}]}, ("incident", "T-0003")),
    ({"points": [{"curve_number": 3, "y": 2}, {"customdata": ["period", "P-2"]}]}, ("period", "P-2")),
    ({"points": [{"customdata": ["incident", None]}, {"customdata": ["other", "x"]}]}, None),
    ({"box": [{"x": ["not a date", "2024-01-01"]}]}, None),
    ({"box": [{"x": ["2025-02-01", "2025-03-01"]}]}, None),  # wholly after the data
    ({}, None), (None, None),
])
def test_a_selection_becomes_a_range_an_incident_a_period_or_nothing(selection, expected):
    assert timeline.selection_action(selection, BOUNDS) == expected


# --- the figure -------------------------------------------------------------------------------
@pytest.mark.parametrize("state,bands,milestones", [
    (FilterState(), 3, 2),
    (FilterState(date_from=dt.date(2024, 1, 10), date_to=dt.date(2024, 3, 31)), 1, 1),
    (FilterState(period="P-1"), 1, 0),
    (FilterState(factions=("kh",)), 1, 1),  # T-0002 and T-0004: 18 Oct 2023 - 30 Jan 2024
])
def test_one_band_per_period_and_one_annotation_per_milestone_in_range(state, bands, milestones):
    fig, _ = figure_for(state)
    assert sum(len(t.y) for t in traces(fig, "period")) == bands
    assert len([a for a in fig.layout.annotations if (a.name or "").startswith("milestone:")]) == milestones


def test_count_bars_hold_no_nan_because_one_nan_breaks_plotlys_stacking():
    fig, _ = figure_for()
    bars = traces(fig, "count") + traces(fig, "spread")
    assert bars and not any(np.isnan(np.asarray(t.y, dtype=float)).any() for t in bars)


def _kinetic_total(fig, data):
    axis = next(t.yaxis for t in fig.data if t.meta == "legend")
    return sum(np.nansum(np.asarray(t.y, dtype=float)) for t in fig.data if t.meta in ("count", "spread") and t.yaxis == axis)


@pytest.mark.parametrize("state", [FilterState(), FilterState(factions=("iri",)), FilterState(event_types=("attack",)),
                                   FilterState(date_from=dt.date(2024, 7, 10)), FilterState(countries=("Iraq",))])
def test_trace_totals_equal_the_filtered_counts(state):
    fig, view = figure_for(state)
    data, _ = data_for(state)
    kinetic = view[view["event_type"] != "statement"]
    assert _kinetic_total(fig, data) == pytest.approx(len(kinetic))
    lane = [t for t in traces(fig, "lane") if t.name == "Incidents"]
    statements = [t for t in traces(fig, "lane") if t.name == "Statements"]
    assert sum(len(t.x) for t in lane) == len(kinetic)
    assert sum(len(t.x) for t in statements) == len(view) - len(kinetic)
    assert sorted(c[1] for t in lane for c in t.customdata) == sorted(kinetic["incident_id"])


def test_above_the_lane_limit_only_the_aggregate_is_drawn(monkeypatch):
    monkeypatch.setattr(timeline, "LANE_MAX_INCIDENTS", 3)
    fig, view = figure_for()
    assert traces(fig, "lane") == [] and traces(fig, "date-window") == []
    statement_axis = {t.yaxis for t in fig.data if t.meta in ("count", "spread")} - {fig.data[0].yaxis}
    assert len(statement_axis) == 1
    statements = [t for t in fig.data if t.meta in ("count", "spread") and t.yaxis in statement_axis]
    assert sum(np.nansum(np.asarray(t.y, dtype=float)) for t in statements) == pytest.approx(1)  # T-0004


def test_colours_come_from_the_faction_table_and_unknown_is_grey():
    fig, _ = figure_for()
    legend = {t.legendgroup: t.marker.color for t in traces(fig, "legend") if t.legendgroup}
    assert legend == {"iri": COLORS["iri"], "kh": COLORS["kh"], "us_forces": COLORS["us_forces"], timeline.UNKNOWN: timeline.UNKNOWN_COLOR}
    for t in traces(fig, "count") + traces(fig, "spread"):
        assert t.marker.color == legend[t.legendgroup]
    lane = next(t for t in traces(fig, "lane") if t.name == "Incidents")
    assert list(lane.marker.color) == [COLORS["iri"], COLORS["kh"], COLORS["us_forces"], COLORS["iri"], timeline.UNKNOWN_COLOR]


def test_imprecise_dates_are_hollow_with_their_window_drawn():
    fig, _ = figure_for()
    lane = next(t for t in traces(fig, "lane") if t.name == "Incidents")
    symbols = dict(zip([c[1] for c in lane.customdata], lane.marker.symbol))
    assert symbols == {"T-0001": "circle", "T-0002": "circle", "T-0003": "triangle-up", "T-0005": "circle-open", "T-0006": "circle-open"}
    window = traces(fig, "date-window")[0]
    assert [x[:10] if x else x for x in window.x] == ["2024-07-01", "2024-08-01", None, "2024-07-16", "2024-07-23", None]
    spread = traces(fig, "spread")
    assert spread and all(t.marker.pattern.shape == "/" for t in spread)


def test_open_periods_say_so_and_the_band_styles_differ():
    fig, _ = figure_for(FilterState(date_from=dt.date(2024, 7, 1), date_to=dt.date(2024, 7, 31)))
    period = traces(fig, "period")
    texts = [x for t in period for x in t.text]
    assert any("open" in x for x in texts) or any("still open" in h for t in period for h in t.hovertext)
    open_hover = [h for t in period for h in t.hovertext if "Open truce" in h][0]
    assert "still open" in open_hover and "16 Jul 2024" in open_hover
    fig, _ = figure_for()
    styles = {t.name: (t.marker.color, t.marker.pattern.shape) for t in traces(fig, "period")}
    assert len(set(styles.values())) == len(styles) == 2  # the fixture has an escalation and truces


def test_dataset_text_is_escaped_everywhere_in_the_figure(editable):
    editable.set("factions", 3, "name_en", "<b>KH</b> & co")
    editable.set("incidents", 4, "milestone", "<img src=x onerror=alert(1)>")
    editable.set("periods", 2, "name_en", "First <i>wave</i>")
    ds = load_dataset(editable.folder)
    data = timeline.timeline_data(ds, ds.incident_view)
    # The decoded strings, not the JSON text: plotly's JSON writes every "<" as \u003c, which would hide a raw tag.
    text = "\n".join(strings(json.loads(build_timeline_figure(data, ds.faction_names()).to_json())))
    for raw in ("<script>", "<img", "<b>KH", "<i>wave", "<b>bold</b>"):
        assert raw not in text, raw
    for escaped in ("&lt;script&gt;", "&lt;img src=x", "&lt;b&gt;KH&lt;/b&gt; &amp; co", "&lt;i&gt;wave", "&lt;b&gt;bold"):
        assert escaped in text, escaped


def strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from strings(value)


def test_the_selected_incident_is_ringed():
    fig, _ = figure_for(selected="T-0002")
    ring = traces(fig, "selected")
    assert len(ring) == 1 and ring[0].x[0][:10] == "2023-10-18"
    assert traces(figure_for(selected="T-0004")[0], "selected")[0].marker.symbol == "circle-open"  # a statement too
    assert traces(figure_for(selected=None)[0], "selected") == []


def test_the_axis_shows_the_filtered_range_and_the_bin_names_the_rows():
    fig, _ = figure_for(FilterState(date_from=dt.date(2024, 1, 1), date_to=dt.date(2024, 2, 29)))
    assert [x[:10] for x in fig.layout.xaxis.range] == ["2024-01-01", "2024-03-01"]  # 60 days: daily bins
    titles = [a.text for a in fig.layout.annotations if a.name == "row-title"]
    assert any("per day" in t for t in titles)
    fig, _ = figure_for(wanted="month")
    assert any("per month" in a.text for a in fig.layout.annotations if a.name == "row-title")


def test_the_running_totals_row_shows_each_reported_total_and_the_gap():
    fig, _ = figure_for()
    reported = traces(fig, "reported")
    assert sorted(y for t in reported for y in t.y) == [27, 100, 169]
    gap = traces(fig, "gap")
    assert [v for t in gap for v in t.y if v is not None] == [27, 2, 169, 2, 100, 1]
    assert "2 (7%)" in next(h for t in reported for h in t.hovertext if "as of 31 Oct 2023" in h)


def test_an_empty_view_still_draws_the_frame_and_says_so():
    fig, view = figure_for(FilterState(query="no such words anywhere"))
    assert view.empty
    assert any(a.name == "no-data" for a in fig.layout.annotations)
    assert _kinetic_total(fig, None) == 0


def test_the_figure_stays_small_at_scale(tmp_path):
    from bench.synthetic import generate

    ds = load_dataset(generate(20_000, tmp_path / "synthetic"))
    data = timeline.timeline_data(ds, ds.incident_view, wanted_bin="day")
    spec = plotly.io.to_json(build_timeline_figure(data, ds.faction_names()), validate=False)
    assert data.lane is None and len(spec) < 1_000_000
    kinetic = (ds.incident_view["event_type"] != "statement").sum()
    assert data.kinetic.total() == pytest.approx(kinetic)
    assert len(data.groups) == timeline.MAX_NAMED_GROUPS + 1  # 15 named factions and the rest together


# --- the figure in Arabic ------------------------------------------------------------------------
AR = Translator("ar")
OCTOBER, JANUARY = AR("month.10"), AR("month.1")  # تشرين الأول, كانون الثاني


def plain(text: str) -> str:
    """Text without the right-to-left embedding marks the Arabic figure wraps each line in."""
    return text.replace(RLE, "").replace(PDF, "").replace("\u200f", "")


def test_the_english_figure_is_the_default_and_the_same_when_asked_for():
    default, _ = figure_for()
    english, _ = figure_for(lang="en")
    assert default.to_json() == english.to_json()
    assert not any(RLE in (a.text or "") for a in default.layout.annotations)


def test_arabic_row_titles_legend_and_period_kinds():
    fig, _ = figure_for(lang="ar")
    titles = [plain(a.text) for a in fig.layout.annotations if a.name == "row-title"]
    assert AR("timeline.row_kinetic", bin=AR("timeline.per_week")) in " ".join(titles)
    assert all(a.xanchor == "right" and a.x == 1 for a in fig.layout.annotations if a.name == "row-title")
    legend = {t.legendgroup: plain(t.name) for t in traces(fig, "legend") if t.legendgroup}
    assert legend == {"iri": "المقاومة الإسلامية في العراق", "kh": "كتائب حزب الله", "us_forces": "القوات الأمريكية",
                      timeline.UNKNOWN: AR("timeline.unknown_actor")}
    assert fig.layout.legend.xanchor == "right" and fig.layout.legend.traceorder == "reversed"
    assert sorted(plain(t.name) for t in traces(fig, "period")) == sorted([AR("timeline.kind_truce"), AR("timeline.kind_escalation")])
    bands = " ".join(plain(x) for t in traces(fig, "period") for x in t.text)
    assert "الهدنة غير المعلنة" in bands and "الموجة الأولى" in bands


def test_arabic_names_months_and_milestones_come_from_the_ar_columns():
    fig, _ = figure_for(lang="ar")
    milestones = sorted(plain(a.text) for a in fig.layout.annotations if (a.name or "").startswith("milestone:"))
    assert milestones == ["الكتائب تعلق عملياتها", "مقتل قيادي في النجباء"]
    hover = {c[1]: plain(h) for t in traces(fig, "lane") for c, h in zip(t.customdata, t.hovertext)}
    assert hover["T-0002"].startswith(f"<b>T-0002</b> · 18 {OCTOBER} 2023 (الدقة: اليوم)")
    assert "قاعدة التنف" in hover["T-0002"] and "ضربت طائرات مسيرة الحامية" in hover["T-0002"]  # site_name_ar, summary_ar
    assert "كتائب حزب الله" in hover["T-0002"] and "طائرة مسيّرة" in hover["T-0002"]  # faction name, weapon in Arabic
    milestone_hover = [plain(h) for t in traces(fig, "milestones") for h in t.hovertext]
    assert milestone_hover[0] == f"4 {JANUARY} 2024 — مقتل قيادي في النجباء (T-0003)"
    period_hover = " ".join(plain(h) for t in traces(fig, "period") for h in t.hovertext)
    assert f"17 {OCTOBER} 2023" in period_hover and "بدأت الهجمات على القوات الأمريكية." in period_hover  # description_ar


def test_arabic_hover_dates_use_the_charts_locale_and_the_counts_keep_their_numbers():
    fig, view = figure_for(lang="ar")
    templates = {t.hovertemplate for t in traces(fig, "count") + traces(fig, "spread")}
    assert all(AR("timeline.week_of", date="%{x|%-d %b %Y}") in plain(h) for h in templates)
    assert _kinetic_total(fig, None) == pytest.approx((view["event_type"] != "statement").sum())
    reported = [plain(h) for t in traces(fig, "reported") for h in t.hovertext]
    assert any(f"حتى 31 {OCTOBER} 2023" in h and "2 (7%)" in h for h in reported)
    assert any("في سوريا فقط" in h for h in reported)  # the country in Arabic


def test_each_arabic_line_is_embedded_right_to_left_and_ids_keep_the_date_with_its_month():
    fig, _ = figure_for(lang="ar")
    lane_hover = next(t for t in traces(fig, "lane") if plain(t.name) == AR("timeline.incidents")).hovertext[1]
    lines = lane_hover.split("<br>")
    assert len(lines) == 7 and all(line.startswith(RLE) and line.endswith(PDF) for line in lines)
    assert "T-0002</b>\u200f · 18" in lines[0]  # a right-to-left mark after the Latin id (see Words.after_latin)
    assert _rtl_line("أ<br>ب: %{y}<extra></extra>") == f"{RLE}أ{PDF}<br>{RLE}ب: %{{y}}{PDF}<extra></extra>"
    assert _rtl_line("بيان<br>Singh briefing (notes).") == f"{RLE}بيان{PDF}<br>Singh briefing (notes)."  # English stays LTR


def test_a_long_arabic_legend_keeps_its_order_and_a_short_one_starts_at_the_right():
    from tests.conftest import ROOT

    shipped = load_dataset(ROOT / "data")
    data = timeline.timeline_data(shipped, shipped.incident_view)
    fig = build_timeline_figure(data, shipped.faction_names("ar"), AR)
    assert len(traces(fig, "legend")) > 10 and fig.layout.legend.traceorder == "normal"  # lines fill left to right anyway
    assert figure_for(lang="ar")[0].layout.legend.traceorder == "reversed"
    assert figure_for(lang="en")[0].layout.legend.traceorder == "normal"


def test_the_arabic_chart_config_carries_arabic_months_and_toolbar_words():
    config = chart_config(AR)
    assert config["locale"] == "ar" and config["displaylogo"] is False
    format_ = config["locales"]["ar"]["format"]
    assert format_["months"][9] == OCTOBER and len(format_["shortMonths"]) == 12
    assert config["locales"]["ar"]["dictionary"]["Box Select"] == AR("timeline.tool_box")
    assert "locale" not in chart_config(Translator("en")) and "locale" not in chart_config()
    json.dumps(config)  # it travels to the browser as JSON


def test_english_milestones_need_no_labels_and_arabic_ones_fall_back_to_english():
    assert milestone_labels(DS.incident_view, Translator("en")) is None
    view = DS.incident_view.copy()
    view.loc[view["incident_id"] == "T-0003", "milestone_ar"] = None
    data, _ = data_for()
    fig = build_timeline_figure(data, DS.faction_names("ar"), AR, milestone_labels(view, AR))
    assert "Nujaba commander killed" in [plain(a.text) for a in fig.layout.annotations if (a.name or "").startswith("milestone:")]


def test_arabic_dataset_text_is_escaped_too(editable):
    editable.set("factions", 3, "name_ar", "<b>كتائب</b> & co")
    editable.set("incidents", 4, "milestone_ar", "<img src=x onerror=alert(1)> مقتل")
    editable.set("periods", 2, "name_ar", "الموجة <i>الأولى</i>")
    editable.set("sites", 3, "name_ar", "<script>بغداد</script>")
    ds = load_dataset(editable.folder)
    data = timeline.timeline_data(ds, ds.incident_view)
    fig = build_timeline_figure(data, ds.faction_names("ar"), AR, milestone_labels(ds.incident_view, AR))
    text = "\n".join(strings(json.loads(fig.to_json())))
    for raw in ("<script>", "<img", "<b>كتائب", "<i>الأولى"):
        assert raw not in text, raw
    for escaped in ("&lt;script&gt;بغداد", "&lt;img src=x", "&lt;b&gt;كتائب&lt;/b&gt; &amp; co", "&lt;i&gt;الأولى"):
        assert escaped in text, escaped
