"""Sites summary and playback frames: hand-counted values on the map fixture, and invariants on random views."""

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hudna import sites_summary as ss
from hudna.loading import load_dataset
from tests.conftest import FIXTURES, ROOT

MAP = load_dataset(FIXTURES / "map_sites")
SHIPPED = load_dataset(ROOT / "data")


def summary(view=None, **kwargs):
    return ss.summarize_sites(MAP.incident_view if view is None else view, MAP.sources, **kwargs)


def test_sites_are_counted_and_numbered_by_location():
    s = summary()
    rows = s.sites.set_index("site_id")
    assert rows["n"].to_dict() == {"ain_al_asad": 3, "baghdad": 1, "union_iii": 1, "al_tanf": 1}
    assert rows.loc["baghdad", "location"] == rows.loc["union_iii", "location"]  # one coordinate, one marker
    assert rows.loc["ain_al_asad", "location"] == 0  # the busiest location first
    assert s.locations == 3 and (s.placed, s.unplaced) == (6, 1)  # M-0005 is at ship_x, which has no coordinates
    assert rows["uncertainty_km"].to_dict() == {"ain_al_asad": 0.0, "baghdad": 15.0, "union_iii": 15.0, "al_tanf": 100.0}
    assert (rows.loc["ain_al_asad", "first"], rows.loc["ain_al_asad", "last"]) == (pd.Timestamp("2023-10-17"),
                                                                                   pd.Timestamp("2024-07-20"))


def test_counts_by_faction_and_type_follow_the_role():
    by_actor = summary().by_faction
    assert by_actor[by_actor["site_id"] == "ain_al_asad"][["faction", "n"]].values.tolist() == [
        ["iri", 1], ["kh", 1], [ss.UNKNOWN, 1]]
    by_claim = summary(role="claimed").by_faction
    assert by_claim[by_claim["site_id"] == "al_tanf"]["faction"].tolist() == [ss.UNKNOWN]  # M-0002 was not claimed
    assert summary().factions == ("kh", "iri", ss.UNKNOWN, "us_forces")  # most incidents first, then by key
    types = summary().by_type
    assert types[types["site_id"] == "baghdad"][["event_type", "n"]].values.tolist() == [["strike", 1]]


def test_latest_incidents_are_the_newest_per_site_with_at_most_two_sources_each():
    s = summary(latest=2)
    assert s.latest[s.latest["site_id"] == "ain_al_asad"]["incident_id"].tolist() == ["M-0007", "M-0006"]
    assert s.latest.groupby("site_id").size().max() == 2
    everything = summary()
    assert everything.latest[everything.latest["site_id"] == "ain_al_asad"]["incident_id"].tolist() == [
        "M-0007", "M-0006", "M-0001"]
    m1 = everything.sources[everything.sources["incident_id"] == "M-0001"]
    assert m1["url"].tolist() == ["https://example.org/a1?x=1&y=2", "https://example.org/a1b"]  # 3 exist, 2 kept


def test_same_day_incidents_put_the_later_row_first():
    view = MAP.incident_view.copy()
    view.loc[view["incident_id"] == "M-0006", "date"] = pd.Timestamp("2024-07-20")
    latest = summary(view, latest=1).latest
    assert latest[latest["site_id"] == "ain_al_asad"]["incident_id"].tolist() == ["M-0007"]


def test_many_sites_keep_fewer_latest_incidents_by_default():
    view = _spread(MAP.incident_view, ss.MANY_SITES + 1)
    counts = summary(view).latest.groupby("site_id").size()
    assert counts.max() == ss.LATEST_MANY
    assert summary(MAP.incident_view).latest.groupby("site_id").size().max() == 3  # few sites: up to LATEST (5)


def test_a_click_maps_back_to_every_site_at_that_marker():
    sites = summary().sites
    assert sorted(ss.sites_at(sites, 33.31, 44.37)) == ["baghdad", "union_iii"]
    assert ss.sites_at(sites, 33.8000001, 42.44) == ["ain_al_asad"]
    assert ss.sites_at(sites, 33.9, 42.44) == [] and ss.sites_at(sites, None, None) == []
    assert ss.site_incidents(MAP.incident_view, ["baghdad", "union_iii"])["incident_id"].tolist() == ["M-0003", "M-0004"]


def test_an_empty_view_gives_an_empty_summary_and_no_playback():
    s = summary(MAP.incident_view.iloc[0:0])
    assert (len(s.sites), s.locations, s.placed, s.unplaced, s.factions) == (0, 0, 0, 0, ())
    assert ss.playback_frames(MAP.incident_view.iloc[0:0], None, None) is None


def test_playback_bins_the_filtered_period():
    p = ss.playback_frames(MAP.incident_view, dt.date(2024, 7, 14), dt.date(2024, 7, 31))
    assert (p.start, p.bin_days, p.frames, p.grid_degrees) == (dt.date(2024, 7, 14), 1, 18, 0.0)
    assert p.frame_dates()[-1] == dt.date(2024, 7, 31)
    # M-0006 (a week from 16 Jul) and M-0007 (20 Jul) at Ain al-Asad; the view is not filtered here, so the
    # earlier incidents fall in the first frame
    assert p.points["n"].sum() == 6
    assert p.points[p.points["frame"] == 6][["n", "faction"]].values.tolist() == [[1, "kh"]]
    whole = ss.playback_frames(MAP.incident_view, None, None)
    assert (whole.start, whole.bin_days, whole.frames) == (dt.date(2023, 10, 17), 7, 40)


def test_playback_coarsens_to_stay_under_the_point_budget():
    view = _spread(SHIPPED.incident_view, 300)
    p = ss.playback_frames(view, None, None, max_points=50)
    assert len(p.points) <= 50 and p.points["n"].sum() == view["lat"].notna().sum()
    assert p.grid_degrees > 0 or p.bin_days > 30
    fine = ss.playback_frames(view, None, None)
    assert (fine.grid_degrees, fine.bin_days) == (0.0, 7)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.booleans(), min_size=len(SHIPPED.incident_view), max_size=len(SHIPPED.incident_view)),
       st.sampled_from(["actor", "claimed"]))
def test_counts_add_up_on_any_subset(keep, role):
    view = SHIPPED.incident_view[np.array(keep)]
    s = ss.summarize_sites(view, SHIPPED.sources, role=role)
    assert s.placed + s.unplaced == len(view)
    assert s.sites["n"].sum() == s.placed == s.by_faction["n"].sum() == s.by_type["n"].sum()
    assert s.by_faction.groupby("site_id")["n"].sum().to_dict() == s.sites.set_index("site_id")["n"].to_dict()
    assert set(s.factions) == set(s.by_faction["faction"])
    newest = s.latest.groupby("site_id")["date"]
    assert (newest.max() == s.sites.set_index("site_id")["last"].reindex(newest.max().index)).all()
    p = ss.playback_frames(view, None, None, role=role)
    assert (p is None and s.placed == 0) or p.points["n"].sum() == s.placed


def _spread(view: pd.DataFrame, n_sites: int) -> pd.DataFrame:
    """The placed incidents repeated over `n_sites` distinct sites on a grid (for size-dependent behaviour)."""
    placed = view[view["lat"].notna()]
    rows = placed.sample(n=3 * n_sites, replace=True, random_state=3).reset_index(drop=True)  # 3 per site
    i = np.arange(len(rows)) % n_sites
    rows["site_id"] = [f"s{k:05d}" for k in i]
    rows["incident_id"] = [f"X{k:06d}" for k in range(len(rows))]
    rows["lat"], rows["lon"] = 30 + (i // 100) * 0.05, 40 + (i % 100) * 0.05
    return rows


@pytest.mark.parametrize("precision,rank", [("site", 0), ("city", 1), ("region", 2), (None, 2), (float("nan"), 2)])
def test_precision_rank(precision, rank):
    assert ss.precision_rank(precision) == rank
