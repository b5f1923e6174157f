"""The shipped dataset: checks from the curation rules, and the seed article's events are all present."""

import datetime as dt
import itertools

import pandas as pd
import pytest

from hudna.loading import load_dataset
from tests.conftest import ROOT

DS = load_dataset(ROOT / "data")
INC = DS.incident_view
SCOPE_START = pd.Timestamp("2023-10-17")
RELEASED = pd.Timestamp("2026-11-25")
# Iraq, Syria, Jordan, Israel and the eastern Mediterranean coast.
LAT, LON = (29.0, 38.5), (34.0, 49.0)


def test_every_incident_has_an_http_source():
    urls = DS.sources.groupby("incident_id")["url"].apply(lambda u: u.str.match(r"^https?://").any())
    assert set(DS.incidents["incident_id"]) == set(urls[urls].index)


def test_dates_are_inside_the_scope():
    assert INC["date"].min() >= SCOPE_START
    assert INC["date"].max() <= RELEASED
    assert (DS.periods["start"] >= SCOPE_START).all()


def test_coordinates_are_inside_the_region():
    with_coords = DS.sites.dropna(subset=["lat"])
    assert with_coords["lat"].between(*LAT).all() and with_coords["lon"].between(*LON).all()
    assert (with_coords["coord_source"].str.match(r"^https?://")).all()


def test_same_date_site_and_type_always_has_a_distinguishing_note():
    placed = INC.dropna(subset=["site_id"])
    groups = placed.groupby(["date", "site_id", "event_type"])["notes"]
    undistinguished = [key for key, notes in groups if len(notes) > 1 and notes.isna().any()]
    assert undistinguished == []


def test_every_incident_has_an_arabic_summary_and_paired_milestones():
    assert INC["summary_ar"].str.contains(r"[\u0600-\u06FF]").all()
    assert (INC["milestone"].isna() == INC["milestone_ar"].isna()).all()


def test_overlapping_periods_of_one_kind_sharing_parties_say_so():
    p = DS.periods.assign(stop=DS.periods["end"].fillna(pd.Timestamp.max))
    silent = []
    for a, b in itertools.combinations(p.itertuples(), 2):
        shared = set(a.parties.split(";")) & set(b.parties.split(";")) - {"us_forces", "israel", "shipping", "iraqi_government"}
        if a.kind == b.kind and shared and a.start <= b.stop and b.start <= a.stop:
            if b.period_id not in str(a.notes) and a.period_id not in str(b.notes):
                silent.append((a.period_id, b.period_id))
    assert silent == []


def test_attack_count_target_before_the_de_facto_truce():
    window = INC[(INC["event_type"] == "attack") & INC["target_actor"].isin(["us_forces", "coalition_forces"])
                 & INC["date"].between("2023-10-17", "2024-02-04")]
    assert len(window) >= 130


def row(**conditions):
    mask = pd.Series(True, index=INC.index)
    for column, value in conditions.items():
        mask &= INC[column] == value
    return INC[mask]


# The events of the seed article (shared/seed/): each must be in the dataset.
SEED_EVENTS = [
    ("two armed drones at Ain al-Asad, Tue 16 Jul 2024", dict(date=pd.Timestamp("2024-07-16"), site_id="ain_al_asad", event_type="attack")),
    ("claimed operation against the ship Olvia, 15 Jul 2024", dict(date=pd.Timestamp("2024-07-15"), site_id="ship_olvia")),
    ("KH suspension of operations", dict(event_type="statement", actor="kh", date=pd.Timestamp("2024-01-30"))),
    ("killing of Abu Baqir al-Saadi in eastern Baghdad", dict(date=pd.Timestamp("2024-02-07"), event_type="strike", site_id="baghdad")),
    ("Tower 22 attack", dict(site_id="tower_22", event_type="attack", killed=3)),
    ("US strike in Babil (Hilla)", dict(site_id="hilla_pmf_hq", event_type="strike")),
    ("US strikes in Anbar (al-Qaim)", dict(site_id="al_qaim", event_type="strike", date=pd.Timestamp("2024-02-03"))),
    ("US strike in Baghdad killing a Nujaba commander", dict(site_id="baghdad", event_type="strike", date=pd.Timestamp("2024-01-04"))),
]


@pytest.mark.parametrize("name,conditions", SEED_EVENTS, ids=[e[0] for e in SEED_EVENTS])
def test_seed_event_is_present(name, conditions):
    assert len(row(**conditions)) >= 1, name


def test_kh_suspension_records_the_date_disagreement():
    notes = row(event_type="statement", actor="kh", date=pd.Timestamp("2024-01-30"))["notes"].iloc[0]
    assert "1 Feb" in notes


def test_drones_near_ain_al_asad_in_april_2024():
    april = INC[(INC["site_id"] == "ain_al_asad") & (INC["date"].dt.strftime("%Y-%m") == "2024-04")]
    assert len(april) >= 1


def test_the_truce_was_in_its_fifth_month_on_16_july_2024():
    truce = DS.periods[(DS.periods["kind"] == "truce") & (DS.periods["start"] <= "2024-02-28") & (DS.periods["start"] >= "2024-02-01")]
    assert len(truce) == 1
    months = (dt.date(2024, 7, 16) - truce["start"].iloc[0].date()).days / 30.44
    assert 4 < months < 6


def test_dataset_only_results_are_computed_once_and_handed_out_as_copies():
    from hudna import overview, truces
    from tests.conftest import VALID

    ds = load_dataset(VALID)
    calls = []
    assert ds.memo("probe", lambda: calls.append(1) or "value") == "value"
    assert ds.memo("probe", lambda: calls.append(1) or "other") == "value" and calls == [1]
    assert truces.current_state(ds) is truces.current_state(ds)
    windows = truces.period_windows(ds)
    windows.loc[:, "name"] = "changed by a caller"
    assert "changed by a caller" not in truces.period_windows(ds)["name"].tolist()
    table = overview.coverage(ds)
    table["in_dataset"] = -1
    assert (overview.coverage(ds)["in_dataset"] >= 0).all()
    names = ds.faction_names()
    names.clear()
    assert ds.faction_names()
    assert load_dataset(VALID).memo("probe", lambda: "fresh") == "fresh"  # per dataset, not per process
