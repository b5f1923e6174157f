"""Exports hold exactly the rows in view, keep every source, and cannot smuggle spreadsheet formulas."""

import csv
import io
import json

import pytest

from hudna.exporting import export_file_name, neutralize, to_csv_bytes, to_geojson, to_geojson_bytes
from hudna.filters import FilterState
from hudna.loading import load_dataset, read_dataset
from tests.conftest import VALID

DS = load_dataset(VALID)


def read_csv(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


@pytest.mark.parametrize("state", [FilterState(), FilterState(factions=("iri",)), FilterState(countries=("Syria",)),
                                   FilterState(query="nothing matches this")])
def test_csv_rows_equal_the_rows_in_view(state):
    view = state.apply(DS)
    rows = read_csv(to_csv_bytes(view, DS))
    assert [r["incident_id"] for r in rows] == list(view["incident_id"])


def test_csv_keeps_every_source_and_arabic_text():
    rows = {r["incident_id"]: r for r in read_csv(to_csv_bytes(DS.incident_view, DS))}
    assert rows["T-0002"]["source_urls"] == "https://example.org/a2 | https://example.org/a2b"
    assert rows["T-0002"]["source_outlets"] == "Example News | مثال"
    assert rows["T-0001"]["site_name_ar"] == "قاعدة عين الأسد الجوية"
    assert rows["T-0001"]["killed"] == ""  # unknown stays empty, not 0
    assert rows["T-0002"]["killed"] == "0"


@pytest.mark.parametrize("value,expected", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+1 555", "'+1 555"), ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"), ("\t=1", "'\t=1"), ("plain text", "plain text"), ("عين الأسد", "عين الأسد"), (5, 5),
])
def test_neutralize(value, expected):
    assert neutralize(value) == expected


def test_formula_cells_in_the_data_are_neutralised(editable):
    editable.set("incidents", 2, "summary_en", "=cmd|' /C calc'!A0")
    editable.set("incidents", 2, "notes", "@SUM(1+1)")
    editable.set("sources", 2, "outlet", "+Wire")
    ds = read_dataset(editable.folder)
    row = read_csv(to_csv_bytes(ds.incident_view, ds))[0]
    assert row["summary_en"] == "'=cmd|' /C calc'!A0"
    assert row["notes"] == "'@SUM(1+1)"
    assert row["source_outlets"] == "'+Wire"
    for cell in (c for r in read_csv(to_csv_bytes(ds.incident_view, ds)) for c in r.values()):
        assert not cell.startswith(("=", "+", "@")), cell


def test_geojson_has_one_feature_per_row_with_sources_as_lists():
    view = FilterState(factions=("iri",)).apply(DS)
    data = to_geojson(view, DS, "Islamic Resistance in Iraq")
    assert data["type"] == "FeatureCollection"
    assert [f["id"] for f in data["features"]] == list(view["incident_id"])
    assert data["metadata"]["version"] == "fixture-1" and data["metadata"]["filter"] == "Islamic Resistance in Iraq"
    by_id = {f["id"]: f for f in data["features"]}
    assert [s["url"] for s in by_id["T-0002"]["properties"]["sources"]] == ["https://example.org/a2", "https://example.org/a2b"]
    assert by_id["T-0002"]["geometry"] == {"type": "Point", "coordinates": [38.65, 33.5]}
    assert by_id["T-0004"]["geometry"] is None  # a statement with no place is kept, without a position
    json.loads(to_geojson_bytes(view, DS, "x"))  # serialises


def test_file_name_carries_version_and_filter():
    assert export_file_name("1.0.0", "Kata'ib Hezbollah, weapon: drone, 1 Feb 2024 – 30 Apr 2024", "csv") == \
        "hudna-v1.0.0-kataib-hezbollah-weapon-drone-1-feb-2024-30-apr-2024.csv"
    assert export_file_name("1.0.0", "<script>", "geojson") == "hudna-v1.0.0-script.geojson"
