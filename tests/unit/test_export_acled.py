"""Export of the rows in view to ACLED's layout: the round trip ACLED -> Hudna -> ACLED, and curated rows in ACLED's terms."""

import csv
import datetime as dt
import io

import pandas as pd
import pytest

from hudna.export_acled import acled_frame, to_acled_csv_bytes
from hudna.filters import FilterState
from hudna.importers import import_acled, import_ucdp
from hudna.importers.acled import COLUMNS
from hudna.loading import dataset_from_frames, read_dataset
from tests.conftest import FIXTURES, VALID

ACLED_FILE = FIXTURES / "acled" / "valid.csv"


def original_rows() -> pd.DataFrame:
    with open(ACLED_FILE, encoding="utf-8-sig", newline="") as fh:
        return by_id(pd.DataFrame(list(csv.DictReader(fh))))


def by_id(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows keyed and ordered by event id, every cell plain text, so frames from any source compare cell by cell."""
    frame = frame.astype(object)
    return frame.set_index(frame["event_id_cnty"].astype(object).rename(None)).sort_index()


@pytest.fixture(scope="module")
def imported():
    return import_acled(ACLED_FILE).to_dataset("acled-test")


def test_the_round_trip_gives_back_every_cell_of_the_acled_file(imported):
    exported = by_id(acled_frame(imported.incident_view, imported))
    assert list(exported.columns) == COLUMNS
    original = original_rows()
    for column in COLUMNS:
        assert exported[column].tolist() == original[column].tolist(), column


def test_the_round_trip_holds_through_the_csv_bytes(imported):
    data = to_acled_csv_bytes(imported.incident_view, imported)
    assert data.startswith("\ufeff".encode())
    back = pd.DataFrame(list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")))))
    pd.testing.assert_frame_equal(by_id(back), original_rows())


def test_the_round_trip_holds_through_a_dataset_folder_on_disk(tmp_path):
    import_acled(ACLED_FILE).write(tmp_path / "acled", "v1")
    dataset = read_dataset(tmp_path / "acled")
    assert dataset.problems == ()
    pd.testing.assert_frame_equal(by_id(acled_frame(dataset.incident_view, dataset)), original_rows())


def test_only_the_rows_in_view_are_exported(imported):
    view = FilterState(factions=("kh",)).apply(imported)
    assert sorted(acled_frame(view, imported)["event_id_cnty"]) == ["IRQ90006", "SYR90002"]
    assert list(acled_frame(view.iloc[0:0], imported).columns) == COLUMNS


@pytest.fixture(scope="module")
def curated():
    dataset = read_dataset(VALID)
    return dataset, by_id(acled_frame(dataset.incident_view, dataset))


def test_curated_rows_get_acleds_terms_for_type_precision_and_place(curated):
    dataset, exported = curated
    view = dataset.incident_view.set_index("incident_id")
    for incident_id, row in exported.iterrows():
        source = view.loc[incident_id]
        code = {"day": "1", "week": "2", "month": "3"}[source["date_precision"]]
        shift = {"day": 0, "week": 3, "month": 14}[source["date_precision"]]  # ACLED's mid-week and mid-month
        assert row["time_precision"] == code
        assert row["event_date"] == (source["date"] + dt.timedelta(days=shift)).strftime("%Y-%m-%d")
        assert row["year"] == row["event_date"][:4]
        assert row["country"] == (source["country"] if isinstance(source["country"], str) else "")
        if source["event_type"] == "statement":
            assert (row["event_type"], row["sub_event_type"]) == ("Strategic developments", "Change to group/activity")
        elif source["outcome"] == "intercepted":
            assert (row["event_type"], row["sub_event_type"]) == ("Strategic developments", "Disrupted weapons use")
        elif source["weapon"] in ("drone", "airstrike"):
            assert (row["event_type"], row["sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")


def test_curated_actors_sources_and_numbers(curated):
    dataset, exported = curated
    view = dataset.incident_view.set_index("incident_id")
    names = dataset.faction_names()
    outlets = dataset.sources.groupby("incident_id")["outlet"].agg(lambda s: "; ".join(dict.fromkeys(s)))
    for incident_id, row in exported.iterrows():
        source = view.loc[incident_id]
        if isinstance(source["actor"], str):
            assert row["actor1"] == names[source["actor"]]
        else:  # ACLED's name for an actor nobody identified
            assert row["actor1"] == f"Unidentified Armed Group ({source['country']})" if isinstance(source["country"], str) else "Unidentified Armed Group"
        assert row["source"] == outlets.get(incident_id, "")
        assert row["fatalities"] == ("" if pd.isna(source["killed"]) else str(source["killed"]))
        assert row["notes"] == source["summary_en"]
        assert row["inter1"] == row["admin1"] == row["tags"] == ""  # Hudna has no equivalent: left empty, not guessed


def test_text_cells_are_formula_safe_and_numbers_stay_numbers():
    frames = dict(import_acled(ACLED_FILE).frames)
    incidents, sites = frames["incidents"].copy(), frames["sites"].copy()
    incidents.loc[0, "summary_en"] = '=HYPERLINK("http://x")'
    incidents.loc[0, "notes"] = None  # now a row of Hudna's own: its summary goes out as ACLED's notes
    sites["lon"] = "-" + sites["lon"]
    dataset = dataset_from_frames({**frames, "incidents": incidents, "sites": sites}, "t")
    back = list(csv.DictReader(io.StringIO(to_acled_csv_bytes(dataset.incident_view, dataset).decode("utf-8-sig"))))
    first = next(r for r in back if r["event_id_cnty"] == incidents.loc[0, "incident_id"])
    assert first["notes"] == '\'=HYPERLINK("http://x")'
    assert all(r["longitude"].startswith("-") and float(r["longitude"]) < 0 for r in back)


def test_rows_imported_from_ucdp_export_with_their_ids_and_deaths():
    dataset = import_ucdp(FIXTURES / "ucdp" / "valid.csv").to_dataset("u")
    exported = by_id(acled_frame(dataset.incident_view, dataset))
    assert exported.loc["UCDP-900002", ["event_date", "time_precision", "actor1", "actor2", "fatalities"]].tolist() == [
        "2024-02-08", "2", "US forces", "IS", "2"]
    assert exported.loc["UCDP-900003", ["latitude", "location", "geo_precision"]].tolist() == ["", "Iraq", ""]
