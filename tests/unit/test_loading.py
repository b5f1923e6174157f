"""Loading and validating a dataset: the valid fixture loads; every kind of broken row is reported with its place."""

import pytest

from hudna.errors import DatasetError
from hudna.loading import dataset_digest, load_dataset, read_dataset
from tests.conftest import VALID

# (name, edit applied to the fixture copy, expected (table, line, column) among the problems)
BROKEN = [
    ("bad date", lambda d: d.set("incidents", 2, "date", "2023-02-30"), ("incidents", 2, "date")),
    ("latitude 200", lambda d: d.set("sites", 2, "lat", "200"), ("sites", 2, "lat")),
    ("unknown faction", lambda d: d.set("incidents", 3, "actor", "ghost"), ("incidents", 3, "actor")),
    ("duplicate id", lambda d: d.set("incidents", 4, "incident_id", "T-0001"), ("incidents", 4, "incident_id")),
    ("end before start", lambda d: d.set("periods", 2, "end", "2023-10-01"), ("periods", 2, "end")),
    ("incident without source", lambda d: d.drop("sources", 8), ("incidents", 7, "incident_id")),
    ("javascript: URL", lambda d: d.set("sources", 2, "url", "javascript:alert(1)"), ("sources", 2, "url")),
    ("empty required field", lambda d: d.set("incidents", 5, "summary_en", ""), ("incidents", 5, "summary_en")),
    ("wrong enum", lambda d: d.set("incidents", 6, "event_type", "raid"), ("incidents", 6, "event_type")),
    ("summary_ar not Arabic", lambda d: d.set("incidents", 2, "summary_ar", "English only"), ("incidents", 2, "summary_ar")),
    ("unknown site", lambda d: d.set("incidents", 2, "site_id", "atlantis"), ("incidents", 2, "site_id")),
    ("negative count", lambda d: d.set("incidents", 3, "injured", "-4"), ("incidents", 3, "injured")),
    ("unknown period party", lambda d: d.set("periods", 3, "parties", "iri;martians"), ("periods", 3, "parties")),
    ("bad colour", lambda d: d.set("factions", 2, "color", "red"), ("factions", 2, "color")),
    ("lat without lon", lambda d: d.set("sites", 3, "lon", ""), ("sites", 3, "lon")),
    ("data: URL on a period", lambda d: d.set("periods", 2, "source_url", "data:text/html,x"), ("periods", 2, "source_url")),
    ("unknown parent", lambda d: d.set("factions", 3, "parent_id", "nobody"), ("factions", 3, "parent_id")),
    ("attack without outcome", lambda d: d.set("incidents", 2, "outcome", ""), ("incidents", 2, "outcome")),
]


def places(dataset):
    return {(p.table, p.row, p.column) for p in dataset.problems}


def test_valid_fixture_loads_with_typed_columns():
    ds = load_dataset(VALID)
    assert ds.version == "fixture-1"
    assert len(ds.incidents) == 6 and len(ds.sources) == 7 and len(ds.periods) == 3
    assert str(ds.incidents["date"].dtype).startswith("datetime64")
    assert ds.incidents.loc[ds.incidents.incident_id == "T-0002", "injured"].item() == 20
    assert ds.incidents["killed"].isna().sum() == 3  # empty stays unknown, never 0
    assert ds.incidents.loc[ds.incidents.incident_id == "T-0002", "killed"].item() == 0


@pytest.mark.parametrize("name,edit,where", BROKEN, ids=[b[0] for b in BROKEN])
def test_each_broken_row_is_reported_with_its_place(editable, name, edit, where):
    edit(editable)
    dataset = read_dataset(editable.folder)
    assert where in places(dataset), dataset.problems


def test_all_problems_are_reported_together(editable):
    for name, edit, _ in BROKEN:
        if name != "incident without source":  # it removes a source line, shifting the other source edits
            edit(editable)
    with pytest.raises(DatasetError) as info:
        load_dataset(editable.folder)
    found = {(p.table, p.row, p.column) for p in info.value.problems}
    expected = {where for name, _, where in BROKEN if name not in ("incident without source",)}
    assert expected <= found
    assert "line 2, column lat" in str(info.value)


def test_valid_rows_are_kept_when_others_are_bad(editable):
    editable.set("incidents", 3, "date", "not a date")
    editable.set("incidents", 4, "actor", "ghost")  # a dangling reference keeps its row
    dataset = read_dataset(editable.folder)
    ids = set(dataset.incidents["incident_id"])
    assert ids == {"T-0001", "T-0003", "T-0004", "T-0005", "T-0006"}


def test_row_with_wrong_number_of_fields_is_reported_not_dropped_silently(editable):
    with open(editable.folder / "incidents.csv", "a", encoding="utf-8") as fh:
        fh.write("T-0099,2024-01-01,day\n")
    dataset = read_dataset(editable.folder)
    problem = next(p for p in dataset.problems if p.table == "incidents" and p.row == 8)
    assert "3 fields" in problem.value and "19 fields" in problem.expected
    assert len(dataset.incidents) == 6


def test_missing_file_and_missing_column_are_named(editable):
    (editable.folder / "periods.csv").unlink()
    text = (editable.folder / "sites.csv").read_text(encoding="utf-8").replace("name_ar,", "", 1)
    (editable.folder / "sites.csv").write_text(text, encoding="utf-8")
    dataset = read_dataset(editable.folder)
    messages = [p.describe() for p in dataset.problems]
    assert any(m.startswith("periods") and "the file to exist" in m for m in messages)
    assert any(m.startswith("sites, line 1") and "name_ar" in m for m in messages)


def test_non_utf8_and_binary_files_are_problems_not_crashes(editable):
    (editable.folder / "sources.csv").write_bytes("incident_id,url\nT-0001,\xe9\n".encode("latin-1"))
    (editable.folder / "sites.csv").write_bytes(b"\x00\x01\x02binary")
    dataset = read_dataset(editable.folder)
    tables = {p.table: p.expected for p in dataset.problems if p.row is None}
    assert "UTF-8" in tables["sources"]
    assert "binary" in tables["sites"]


def test_digest_changes_when_a_file_changes(editable):
    before = dataset_digest(editable.folder)
    editable.set("incidents", 2, "summary_en", "Edited summary.")
    assert dataset_digest(editable.folder) != before


def test_digest_is_not_recomputed_for_unchanged_files(editable, monkeypatch):
    first = dataset_digest(editable.folder)
    reads = []
    real = type(editable.folder).read_bytes
    monkeypatch.setattr(type(editable.folder), "read_bytes", lambda self: reads.append(self.name) or real(self))
    assert dataset_digest(editable.folder) == first
    assert reads == []  # unchanged size and time: no file is read again
    editable.set("incidents", 2, "summary_en", "Edited again.")
    assert dataset_digest(editable.folder) != first
    assert "incidents.csv" in reads
