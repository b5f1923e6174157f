"""ACLED and UCDP importers: hand-made fixtures in the real layouts, their malformed variants, and the mapping rules."""

import csv
import io

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hudna.errors import format_problems
from hudna.importers import ImportFileError, import_acled, import_ucdp
from hudna.importers.__main__ import main as cli
from hudna.importers.acled import COLUMNS as ACLED_COLUMNS
from hudna.importers.actors import MAPPING_FILE, NEUTRAL_GREYS, ActorMapper, name_key
from hudna.importers.common import NO_ARABIC_SUMMARY, provenance_cells, provenance_frame
from hudna.importers.ucdp import COLUMNS as UCDP_COLUMNS
from hudna.loading import read_dataset
from hudna.schema import ARABIC_LETTER
from tests.conftest import FIXTURES, ROOT

ACLED = FIXTURES / "acled"
UCDP = FIXTURES / "ucdp"


@pytest.fixture(scope="module")
def acled():
    return import_acled(ACLED / "valid.csv")


@pytest.fixture(scope="module")
def ucdp():
    return import_ucdp(UCDP / "valid.csv")


def table(result, name, key):
    return result.frames[name].set_index(key)


def fixture_rows(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_the_fixtures_have_the_real_headers():
    assert list(fixture_rows(ACLED / "valid.csv")[0]) == ACLED_COLUMNS and len(ACLED_COLUMNS) == 31
    assert list(fixture_rows(UCDP / "valid.csv")[0]) == UCDP_COLUMNS and len(UCDP_COLUMNS) == 49
    assert UCDP_COLUMNS[:3] == ["id", "relid", "year"] and UCDP_COLUMNS[-2:] == ["gwnoa", "gwnob"]


# event_id_cnty: date, date_precision, event_type, weapon, actor, target_actor, outcome, killed
ACLED_EXPECTED = {
    "IRQ90001": ("2024-01-20", "day", "attack", "rocket", "iri", "us_forces", "unknown", "0"),
    "SYR90002": ("2024-01-28", "day", "attack", "drone", "kh", "us_forces", "unknown", "0"),
    "IRQ90003": ("2024-02-07", "day", "strike", "airstrike", "us_forces", "kh", "casualties", "2"),
    # Disrupted weapons use with US forces as actor1: their interception of the IRI's drone.
    "JOR90004": ("2024-01-25", "day", "attack", "drone", "iri", "us_forces", "intercepted", "0"),
    # ACLED dates a week by its middle day; Hudna by its first.
    "IRQ90005": ("2024-03-10", "week", "attack", "ied", None, "iraqi_government", "unknown", "0"),
    "IRQ90006": ("2024-02-01", "month", "statement", "none", "kh", None, None, "0"),
    "IRQ90007": ("2024-04-02", "day", "attack", "small_arms", "acled_islamic_state_iraq", "acled_civilians_iraq", "casualties", "1"),
    "ISR90008": ("2024-06-06", "day", "attack", "drone", "iri", None, "unknown", "0"),
}


@pytest.mark.parametrize("event_id", sorted(ACLED_EXPECTED))
def test_each_acled_row_maps_to_one_incident(acled, event_id):
    row = table(acled, "incidents", "incident_id").loc[event_id]
    columns = ["date", "date_precision", "event_type", "weapon", "actor", "target_actor", "outcome", "killed"]
    assert tuple(None if pd.isna(row[c]) else row[c] for c in columns) == ACLED_EXPECTED[event_id]


def test_a_valid_acled_file_is_imported_whole_and_passes_the_dataset_checks(acled):
    assert (acled.rows_read, acled.imported, len(acled.rejected)) == (8, 8, 0)
    dataset = acled.to_dataset("test")
    assert dataset.problems == (), format_problems(list(dataset.problems))
    assert sorted(dataset.incidents["incident_id"]) == sorted(ACLED_EXPECTED)  # ACLED's stable ids are kept
    assert dataset.periods.empty and dataset.reported_counts.empty


def test_sites_are_one_per_distinct_place_with_acled_precision(acled):
    sites = table(acled, "sites", "site_id")
    incidents = table(acled, "incidents", "incident_id")
    assert len(sites) == 7  # IRQ90003 and IRQ90006 share Baghdad - Mashtal
    assert incidents.loc["IRQ90003", "site_id"] == incidents.loc["IRQ90006", "site_id"]
    by_name = sites.set_index("name_en")
    # geo_precision 1 is a town, not a facility: `city`; 2 and 3 are areas: `region`.
    assert by_name.loc["Al Baghdadi", ["lat", "lon", "coord_precision", "kind"]].tolist() == ["33.8741", "42.5397", "city", "city"]
    assert by_name.loc["Al Omar Oil Field", ["coord_precision", "kind"]].tolist() == ["region", "area"]
    assert set(sites["coord_source"]) == {"https://acleddata.com/"}
    assert all(ARABIC_LETTER.search(n) and n.startswith(e) for n, e in zip(sites["name_ar"], sites["name_en"]))


def test_sources_keep_acleds_outlets_and_invent_no_url(acled):
    sources = table(acled, "sources", "incident_id")
    assert sources.loc["IRQ90001", ["url", "outlet", "kind"]].tolist() == ["https://acleddata.com/", "ACLED, citing: Shafaq News; Xinhua", "monitor"]
    assert set(sources["url"]) == {"https://acleddata.com/"} and len(sources) == 8


def test_summaries_are_acleds_notes_and_an_arabic_placeholder_says_there_is_none(acled):
    incidents = table(acled, "incidents", "incident_id")
    original = {r["event_id_cnty"]: r["notes"] for r in fixture_rows(ACLED / "valid.csv")}
    assert incidents["summary_en"].to_dict() == original
    assert set(incidents["summary_ar"]) == {NO_ARABIC_SUMMARY} and ARABIC_LETTER.search(NO_ARABIC_SUMMARY)


def test_known_names_map_to_factions_with_their_umbrella_and_unknown_names_are_reported(acled):
    factions = table(acled, "factions", "faction_id")
    assert {"iri", "kh", "us_forces", "iraqi_government"} <= set(factions.index)
    assert factions.loc["kh", "parent_id"] == "iri"  # the umbrella comes along, so a filter on it rolls up its members
    report = acled.new_factions.set_index("faction_id")
    assert sorted(report.index) == ["acled_civilians_iraq", "acled_islamic_state_iraq"]
    assert report.loc["acled_civilians_iraq", "side"] == "civilian"
    assert "not known" in report.loc["acled_islamic_state_iraq", "side_basis"]
    assert "not known" in factions.loc["acled_islamic_state_iraq", "notes"]
    assert set(factions.loc[report.index, "color"]) <= set(NEUTRAL_GREYS)
    assert factions.loc["acled_islamic_state_iraq", "name_ar"].startswith("Islamic State (Iraq) (")


@pytest.mark.parametrize("name,expected", [
    ("Kata'ib Hezbollah", "kh"),
    ("Kataib Hezbollah (2003-)", "kh"),
    ("KATAIB  HIZBALLAH", "kh"),
    ("Harakat Hezbollah al-Nujaba", "nujaba"),
    ("Islamic Resistance in Iraq", "iri"),
    ("Military Forces of Iraq (2022-) Counter Terrorism Service", "iraqi_government"),
    ("Military Forces of the United States (2021-)", "us_forces"),
    ("Military Forces of Iran (1989-) Islamic Revolutionary Guard Corps", "irgc"),
    ("Military Forces of Iran (1989-) Basij", "iran"),
    ("Government of United States of America", "us_forces"),
    ("Unidentified Armed Group (Iraq)", None),
    ("Hezbollah", "acled_hezbollah"),  # Lebanon's Hezbollah is not Kata'ib Hezbollah
    ("Military Forces of the United Kingdom (2024-)", "acled_military_forces_of_the_united_kingdom"),
])
def test_actor_names_resolve_by_the_mapping_file_the_aliases_or_a_new_faction(name, expected):
    mapper = ActorMapper.load("acled", "ACLED")
    assert mapper.resolve(pd.Series([name], dtype="str")).iloc[0] == expected


def test_an_unknown_actor_coded_as_civilians_gets_the_civilian_side_and_others_do_not():
    mapper = ActorMapper.load("acled", "ACLED")
    mapper.resolve(pd.Series(["Villagers of Somewhere", "Tribal Militia"], dtype="str"), pd.Series(["Civilians", "Identity militia"], dtype="str"))
    report = mapper.report().set_index("name")
    assert report.loc["Villagers of Somewhere", "side"] == "civilian"
    assert "not known" in report.loc["Tribal Militia", "side_basis"]


def test_the_mapping_file_points_to_curated_factions_and_no_name_means_two_things():
    mapping = pd.read_csv(MAPPING_FILE, dtype=str, keep_default_na=False)
    curated = set(read_dataset(ROOT / "data").factions["faction_id"])
    assert set(mapping["faction_id"]) <= curated
    keys = mapping.assign(key=mapping["name"].map(name_key)).groupby("key")["faction_id"].nunique()
    assert (keys == 1).all(), keys[keys > 1]


# row (as a spreadsheet numbers it), record id, words of the reason
MALFORMED = [
    (2, "IRQ91001", "event_date '2024-02-30' is not a date"),
    (3, "SYR91002", "bad coordinates: latitude '135.2', longitude 'east'"),
    (4, "IRQ91003", "unknown time_precision code '4'"),
    (5, "IRQ91004", "'Protests / Peaceful protest' is outside Hudna's scope"),
    (6, "IRQ91005", "7 fields where the header has 31"),
    (8, "IRQ91001", "event_id_cnty 'IRQ91001' appears on an earlier row too"),  # row 7 is blank
]


def test_every_malformed_row_is_reported_with_its_row_number_and_reason_and_the_rest_imported():
    result = import_acled(ACLED / "malformed_rows.csv")
    found = [(r.row, r.record_id, r.reason) for r in result.rejected.itertuples()]
    assert [(row, rid) for row, rid, _ in found] == [(row, rid) for row, rid, _ in MALFORMED]
    assert all(words in reason for (_, _, reason), (_, _, words) in zip(found, MALFORMED))
    assert list(result.frames["incidents"]["incident_id"]) == ["IRQ91006"]
    assert result.rows_read == result.imported + len(result.rejected)  # nothing dropped silently


def test_a_row_with_several_problems_gets_every_reason():
    rows = fixture_rows(ACLED / "valid.csv")[:1]
    rows[0].update(event_date="20/01/2024", geo_precision="9", fatalities="many")
    (reason,) = import_acled(_csv(ACLED_COLUMNS, rows + fixture_rows(ACLED / "valid.csv")[1:2])).rejected["reason"]
    assert "event_date '20/01/2024'" in reason and "geo_precision code '9'" in reason and "fatalities 'many'" in reason


def test_row_numbers_count_records_not_lines_when_a_note_spans_lines():
    rows = fixture_rows(ACLED / "valid.csv")[:3]
    rows[0]["notes"] = "First line of the note.\nSecond line of the note."
    rows[2]["latitude"] = "95"
    data = _csv(ACLED_COLUMNS, rows)[:-2] + b"\r\nIRQ99999,broken\r\n"
    result = import_acled(data)
    assert result.rejected[["row", "record_id"]].values.tolist() == [[4, "IRQ90003"], [5, "IRQ99999"]]
    assert result.frames["incidents"]["summary_en"].iloc[0] == "First line of the note.\nSecond line of the note."


@pytest.mark.parametrize("name,words", [
    ("missing_columns.csv", "lacks the column(s) geo_precision, fatalities"),
    ("wrong_encoding.csv", "not UTF-8 text: byte"),
    ("empty.csv", "The file is empty."),
    ("header_only.csv", "no data rows"),
])
def test_a_file_that_cannot_be_imported_gets_one_clear_message(name, words):
    with pytest.raises(ImportFileError) as caught:
        import_acled(ACLED / name)
    assert words in caught.value.message


def test_the_encoding_message_names_the_line_and_other_encodings_are_named_too():
    with pytest.raises(ImportFileError, match=r"\(line 3\)"):
        import_acled(ACLED / "wrong_encoding.csv")
    with pytest.raises(ImportFileError, match="UTF-16"):
        import_acled((ACLED / "valid.csv").read_text(encoding="utf-8-sig").encode("utf-16"))
    with pytest.raises(ImportFileError, match="binary data"):
        import_acled(b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)))


def test_an_older_layout_with_extra_columns_is_imported_and_the_notes_say_so():
    rows = [dict(r, data_id="1", iso3="IRQ") for r in fixture_rows(ACLED / "valid.csv")[:2]]
    for row in rows:
        del row["tags"]
    result = import_acled(_csv(["data_id", "iso3"] + [c for c in ACLED_COLUMNS if c != "tags"], rows))
    assert result.imported == 2
    assert any("tags" in n for n in result.notes) and any("data_id, iso3" in n for n in result.notes)


UCDP_EXPECTED = {
    "UCDP-900001": ("2024-03-01", "day", "attack", "iraqi_government", "ucdp_is", "site", "4"),
    "UCDP-900002": ("2024-02-05", "week", "strike", "us_forces", "ucdp_is", "city", "2"),
    "UCDP-900003": ("2024-04-01", "month", "attack", "ucdp_is", "ucdp_civilians", None, "3"),  # a country's centroid is no place
    "UCDP-900004": ("2024-05-03", "week", "attack", "kh", "ucdp_is", "region", "1"),
}


@pytest.mark.parametrize("incident_id", sorted(UCDP_EXPECTED))
def test_each_ucdp_row_maps_to_one_incident(ucdp, incident_id):
    view = ucdp.to_dataset("t").incident_view.set_index("incident_id")
    row = view.loc[incident_id]
    got = (row["date"].strftime("%Y-%m-%d"), row["date_precision"], row["event_type"], row["actor"], row["target_actor"],
           None if pd.isna(row["coord_precision"]) else row["coord_precision"], str(row["killed"]))
    assert got == UCDP_EXPECTED[incident_id]


def test_a_valid_ucdp_file_passes_the_dataset_checks_and_cites_the_ged(ucdp):
    dataset = ucdp.to_dataset("t")
    assert dataset.problems == () and len(dataset.incidents) == 4 and ucdp.rejected.empty
    assert set(dataset.sources["url"]) == {"https://ucdp.uu.se/downloads/"}
    assert dataset.sources.set_index("incident_id").loc["UCDP-900001", "outlet"] == "UCDP GED, citing: Reuters;Shafaq News"
    summary = dataset.incidents.set_index("incident_id").loc["UCDP-900001", "summary_en"]
    assert summary == ("UCDP GED event, state-based conflict: Government of Iraq – IS at Tarmiyah town; best estimate 4 deaths "
                       "(low 4, high 5).")


def test_malformed_ucdp_rows_are_reported():
    result = import_ucdp(UCDP / "malformed_rows.csv")
    got = [(r.row, r.record_id, r.reason) for r in result.rejected.itertuples()]
    expected = [(2, "UCDP-910001", "longer than a calendar month"), (3, "UCDP-910002", "date_start '2024-13-01' is not a date"),
                (4, "UCDP-910003", "unknown where_prec code '9'"), (5, "UCDP-910004", "bad coordinates: latitude 'abc'"),
                (6, "UCDP-910001", "appears on an earlier row too")]
    assert [(a, b) for a, b, _ in got] == [(a, b) for a, b, _ in expected]
    assert all(words in reason for (_, _, reason), (_, _, words) in zip(got, expected))
    assert result.imported == 0


def test_a_ucdp_file_without_its_precision_columns_is_refused_by_name():
    with pytest.raises(ImportFileError, match=r"lacks the column\(s\) where_prec, date_prec"):
        import_ucdp(UCDP / "missing_columns.csv")
    with pytest.raises(ImportFileError, match="UCDP GED layout"):
        import_ucdp(ACLED / "valid.csv")


def test_the_rejected_rows_download_is_formula_safe_and_reads_back():
    rows = fixture_rows(ACLED / "valid.csv")[:1]
    rows[0].update(event_id_cnty="=HYPERLINK(1)", event_date="soon")
    result = import_acled(_csv(ACLED_COLUMNS, rows + fixture_rows(ACLED / "valid.csv")[1:2]))
    back = list(csv.DictReader(io.StringIO(result.rejected_csv().decode("utf-8-sig"))))
    assert back[0]["row"] == "2" and back[0]["record_id"] == "'=HYPERLINK(1)"
    assert "event_date 'soon'" in back[0]["reason"] and "not an id" in back[0]["reason"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.none(), st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)), min_size=1, max_size=5))
def test_provenance_notes_give_back_every_field_text(values):
    frame = pd.DataFrame({"field": pd.Series(values, dtype="str")})
    frame["field"] = frame["field"].mask(frame["field"] == "")
    back = provenance_frame(provenance_cells(frame, ["field"], "ACLED"), "ACLED", ["field"])["field"]
    expected = frame["field"].str.replace(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", " ", regex=True)
    assert back.fillna("<NA>").tolist() == expected.fillna("<NA>").tolist()


def test_the_command_writes_a_dataset_folder_that_validates(tmp_path, capsys):
    assert cli(["acled", str(ACLED / "malformed_rows.csv"), "--out", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert "7 row(s) read, 1 imported, 6 rejected" in out and "rejected.csv" in out
    dataset = read_dataset(tmp_path / "out")
    assert dataset.problems == () and dataset.version == "acled-malformed-rows"
    assert len(pd.read_csv(tmp_path / "out" / "rejected.csv")) == 6


def test_the_command_refuses_a_wrong_layout_with_the_missing_columns(tmp_path, capsys):
    assert cli(["acled", str(ACLED / "missing_columns.csv"), "--out", str(tmp_path / "out")]) == 2
    assert "geo_precision, fatalities" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def _csv(header, rows) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")
