"""Overview figures on the fixture, against hand-counted values."""

import datetime as dt

from hudna import overview
from hudna.loading import load_dataset
from tests.conftest import VALID

DS = load_dataset(VALID)


def test_summary_of_the_whole_fixture():
    s = overview.summarize(DS.incident_view)
    assert (s.incidents, s.first, s.last) == (6, dt.date(2023, 10, 17), dt.date(2024, 7, 16))
    assert s.factions == 3  # iri, kh, us_forces act or claim; nujaba and israel are only targets
    assert s.sites == 4
    assert s.by_type == {"attack": 4, "strike": 1, "statement": 1}


def test_summary_of_an_empty_view():
    assert overview.summarize(DS.incident_view.iloc[0:0]).incidents == 0


def test_periods_open_on_a_day():
    assert list(overview.periods_open_on(DS, dt.date(2024, 3, 1))["period_id"]) == ["P-2"]
    assert list(overview.periods_open_on(DS, dt.date(2025, 1, 1))["period_id"]) == ["P-3"]  # open-ended
    assert overview.periods_open_on(DS, dt.date(2024, 7, 17)).empty


def test_last_attack_on_us_and_days_since():
    last = overview.last_attack_on_us(DS.incident_view)
    assert last["incident_id"] == "T-0006"
    assert overview.days_since(last["date"], dt.date(2024, 7, 26)) == 10


def test_coverage_counts_attacks_on_us_forces_in_each_window():
    cov = overview.coverage(DS)
    assert list(cov["counter"]) == ["Pentagon", "Pentagon", "Monitor X"]
    assert list(cov["in_dataset"]) == [2, 2, 1]  # T-0001 and T-0002 by 31 Oct and by 5 Feb; in Syria only T-0002
    assert round(float(cov["share"].iloc[0]), 4) == round(2 / 27, 4)
