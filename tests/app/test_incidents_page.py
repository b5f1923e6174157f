"""Incidents page: the table holds the rows in view; incident=<id> opens its record; exports are offered."""

from tests.app.conftest import open_page
from tests.app.test_pages import texts

PAGE = "pages/incidents_page.py"


def open_incidents(app, params=None):
    return open_page(app, PAGE, params)


def table_ids(at):
    frame = at.dataframe(key="incidents_table").value
    return sorted(frame["ID"])


def test_table_holds_exactly_the_filtered_rows(app):
    assert table_ids(open_incidents(app)) == ["T-0001", "T-0002", "T-0003", "T-0004", "T-0005", "T-0006"]
    assert table_ids(open_incidents(app, {"faction": "kh"})) == ["T-0002", "T-0004"]
    assert table_ids(open_incidents(app, {"q": "عين الاسد"})) == ["T-0001", "T-0006"]


def test_first_source_is_a_link_column(app):
    frame = open_incidents(app).dataframe(key="incidents_table").value
    assert frame.set_index("ID").loc["T-0002", "First source"] == "https://example.org/a2"


def test_incident_in_the_link_opens_its_record_sources_and_related(app):
    at = open_incidents(app, {"incident": "T-0002"})
    shown = texts(at)
    assert "T-0002 · 18 October 2023" in shown
    assert "[Example News (\u20662023-10-25, en, local\u2069)](https://example.org/a2)" in shown
    record = next(d.value for d in at.dataframe if list(d.value.columns) == ["Field", "Value"]).set_index("Field")["Value"]
    assert record["Killed"] == "0" and record["Injured"] == "20" and record["Actor"] == "Kata'ib Hezbollah"
    assert record["Claimed by"] == "unknown"
    assert at.query_params["incident"] == "T-0002"


def test_hostile_text_in_a_record_is_escaped(app):
    at = open_incidents(app, {"incident": "T-0005"})
    raw = "\n".join(str(m.value) for m in at.markdown)
    assert "<script>" not in raw and "\\<script\\>" in raw


def test_without_a_selection_the_page_invites_one(app):
    at = open_incidents(app)
    assert any("Select a row" in i.value for i in at.info)
    assert len(at.get("download_button")) == 3  # CSV, GeoJSON, ACLED layout


def test_unknown_incident_in_the_link_gets_a_notice(app):
    at = open_incidents(app, {"incident": "HUD-9999"})
    assert "“HUD-9999”" in texts(at)
    assert any("Select a row" in i.value for i in at.info)
