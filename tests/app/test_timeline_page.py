"""The Timeline page under AppTest: it runs, and its chart and record follow the sidebar filters, the bin choice and the link."""

import json

import plotly.io
import pytest

from components.i18n import Translator
from components.timeline_figure import PDF, RLE
from hudna import timeline
from tests.conftest import ROOT

PAGE = "pages/timeline_page.py"


def open_page(app, params=None, **kwargs):
    at = app(params, **kwargs)
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


def chart(at):
    charts = at.get("plotly_chart")
    assert len(charts) == 1
    return plotly.io.from_json(charts[0].proto.spec)


def texts(at):
    out = []
    for kind in ("markdown", "caption", "info", "title", "subheader"):
        out += [str(e.value) for e in getattr(at, kind)]
    return "\n".join(out).replace("\\", "")  # drop Markdown escapes


def lane_ids(fig, name):
    return sorted(c[1] for t in fig.data if t.meta == "lane" and plain(t.name) == name for c in t.customdata)


@pytest.mark.parametrize("folder", ["fixture", "shipped"])
def test_the_page_runs_and_draws_one_chart(app, folder):
    at = open_page(app, folder=ROOT / "data") if folder == "shipped" else open_page(app)
    assert at.title[0].value == "Timeline"
    fig = chart(at)
    assert any(t.meta == "period" for t in fig.data)
    assert fig.layout.dragmode == "zoom" and fig.layout.clickmode == "event+select"  # clicks select; see the builder


def test_the_chart_follows_the_sidebar_filters_and_the_filter_is_described(app):
    at = open_page(app, {"faction": "kh"})
    assert "Kata'ib Hezbollah" in texts(at) and "2 incidents in view" in texts(at).replace("*", "")
    fig = chart(at)
    assert lane_ids(fig, "Incidents") == ["T-0002"] and lane_ids(fig, "Statements") == ["T-0004"]
    at.multiselect(key="f_type").set_value(["statement"]).run()
    fig = chart(at)
    assert lane_ids(fig, "Incidents") == [] and lane_ids(fig, "Statements") == ["T-0004"]


def test_a_date_range_sets_the_axis_and_the_bands(app):
    fig = chart(open_page(app, {"from": "2024-01-01", "to": "2024-03-31"}))
    assert [x[:10] for x in fig.layout.xaxis.range] == ["2024-01-01", "2024-04-01"]
    assert sum(len(t.y) for t in fig.data if t.meta == "period") == 1  # P-2 only


def test_the_bin_choice_changes_the_counts(app):
    at = open_page(app)
    assert any("per week" in a.text for a in chart(at).layout.annotations if a.name == "row-title")
    at.radio(key="timeline_bin").set_value("month").run()
    assert any("per month" in a.text for a in chart(at).layout.annotations if a.name == "row-title")


def test_an_incident_in_the_link_opens_its_record_with_sources(app):
    at = open_page(app, {"incident": "T-0002"})
    assert "T-0002 · 18 Oct 2023" in texts(at)
    assert "Drones struck the garrison" in texts(at)
    markdown = "\n".join(str(m.value) for m in at.markdown)
    assert "(https://example.org/a2)" in markdown and "(https://example.org/a2b)" in markdown
    record = at.dataframe[0].value  # the only table on the page
    assert any("18 Oct" in v and "2023" in v and "known to the day" in v for v in record["Value"].astype(str))
    assert [t for t in chart(at).data if t.meta == "selected"]
    at.button(key="timeline_close").click().run()
    assert "incident" not in at.query_params and at.session_state["filter_state"].incident is None
    assert not [t for t in chart(at).data if t.meta == "selected"]


def test_a_record_outside_the_filters_says_so_and_hostile_text_stays_text(app):
    at = open_page(app, {"incident": "T-0005", "faction": "kh"})
    assert "outside the current filters" in texts(at)
    raw = "\n".join(str(m.value) for m in at.markdown)
    assert "\\<script\\>" in raw and "<script>" not in raw


def test_a_large_view_draws_only_the_aggregate_and_says_why(app, monkeypatch):
    monkeypatch.setattr(timeline, "LANE_MAX_INCIDENTS", 3)
    at = open_page(app)
    assert "Individual incidents appear at 3 or fewer" in texts(at)
    assert not [t for t in chart(at).data if t.meta == "lane"]


def test_a_view_with_no_incidents_still_renders(app):
    at = open_page(app, {"q": "no such words anywhere"})
    assert any(a.name == "no-data" for a in chart(at).layout.annotations)


# --- in Arabic ---------------------------------------------------------------------------------
AR = Translator("ar")


def plain(text) -> str:
    return str(text).replace(RLE, "").replace(PDF, "").replace("\u200f", "")


@pytest.mark.parametrize("folder", ["fixture", "shipped"])
def test_the_arabic_page_has_arabic_titles_chart_and_months(app, folder):
    at = open_page(app, {"lang": "ar"}, folder=ROOT / "data") if folder == "shipped" else open_page(app, {"lang": "ar"})
    assert at.title[0].value == "الخط الزمني"
    assert at.radio(key="timeline_bin").options == ["تلقائي", "يوم", "أسبوع", "شهر"]
    assert AR("timeline.how_to") in texts(at)
    fig = chart(at)
    titles = [plain(a.text) for a in fig.layout.annotations if a.name == "row-title"]
    assert f"<b>{AR('timeline.row_periods')}</b>" in titles
    assert any(AR("timeline.row_kinetic", bin=AR("timeline.per_week")) in t or AR("timeline.row_kinetic", bin=AR("timeline.per_month")) in t
               for t in titles)
    hovers = " ".join(plain(h) for t in fig.data if t.meta in ("lane", "period", "milestones", "reported") for h in t.hovertext or [])
    assert any(AR(f"month.{m}") in hovers for m in range(1, 13))  # dates written with Arabic month names
    config = json.loads(at.get("plotly_chart")[0].proto.config)
    assert config["locale"] == "ar" and config["locales"]["ar"]["format"]["months"][0] == AR("month.1")  # axis ticks


def test_the_arabic_chart_names_factions_and_periods_from_the_ar_columns(app):
    fig = chart(open_page(app, {"lang": "ar", "faction": "kh"}))
    assert [plain(t.name) for t in fig.data if t.meta == "legend" and t.legendgroup == "kh"] == ["كتائب حزب الله"]
    assert lane_ids(fig, AR("timeline.incidents")) == ["T-0002"]
    bands = " ".join(plain(x) for t in fig.data if t.meta == "period" for x in t.text)
    assert "الموجة الأولى" in bands
    assert [plain(a.text) for a in fig.layout.annotations if (a.name or "").startswith("milestone:")] == ["الكتائب تعلق عملياتها"]


def test_an_arabic_record_reads_right_to_left_with_arabic_words(app):
    at = open_page(app, {"lang": "ar", "incident": "T-0002"})
    assert f"18 {AR('month.10')} 2023 · T\\-0002" in [s.value for s in at.subheader]  # the date first, then the id
    assert "ضربت طائرات مسيرة الحامية" in texts(at)  # summary_ar
    record = at.dataframe[0].value
    assert list(record.columns) == [AR("col.field"), AR("col.value")]
    assert at.button(key="timeline_close").label == AR("timeline.close")
    assert f"**{AR('col.sources')}**" in "\n".join(str(m.value) for m in at.markdown)


def test_arabic_messages_for_a_large_view(app, monkeypatch):
    monkeypatch.setattr(timeline, "LANE_MAX_INCIDENTS", 3)
    at = open_page(app, {"lang": "ar"})
    assert AR("timeline.aggregate_only", n="6", limit="3") in texts(at)
