"""The map page in AppTest: the map component's script and links, the sidebar filter, and a click on a site."""

import json

import pytest

from tests.app.conftest import open_page as run_page
from tests.conftest import FIXTURES, ROOT

PAGE = "pages/map_page.py"
MAP = FIXTURES / "map_sites"


def open_map(app, params=None, folder=MAP):
    return run_page(app, PAGE, params, folder)


def component(at) -> dict:
    found = [e for e in at.get("component_instance") if e.proto.component_name == "streamlit_folium.st_folium"]
    assert len(found) == 1
    return json.loads(found[0].proto.json_args)


def site_data(args) -> dict:
    """The JSON the site layer draws from, as it sits in the map script."""
    script = args["script"]
    start = script.index("HudnaMap.sites(map_div, ") + len("HudnaMap.sites(map_div, ")
    return json.JSONDecoder().raw_decode(script[start:])[0]


def click(at, lat, lng):
    """What streamlit-folium returns when a marker is clicked (AppTest runs no JavaScript)."""
    at.session_state[component(at)["key"]] = {"last_object_clicked": {"lat": lat, "lng": lng}}
    at.run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("folder", [MAP, FIXTURES / "valid", ROOT / "data"])
def test_the_page_runs_and_sends_only_vendored_links(app, folder):
    args = component(open_map(app, folder=folder))
    links = args["js_links"] + args["css_links"]
    assert links and all(link.startswith("../../app/static/vendor/") for link in links)
    assert not [link for link in links if "://" in link]
    assert args["returned_objects"] == ["last_object_clicked"]  # panning and zooming do not rerun the script
    assert args["height"] > 0


def test_markers_and_counts_match_the_view(app):
    at = open_map(app)
    data = site_data(component(at))
    assert len(data["loc"]["lat"]) == 3 and len(data["site"]["en"]) == 4
    caption = " ".join(c.value for c in at.caption)
    assert "**6** incidents at **4** sites" in caption and "1 incident(s) in view have no known place" in caption


def test_faction_switches_follow_the_sidebar_filter(app):
    data = site_data(component(open_map(app)))
    assert data["factions"] == ["Kata&#x27;ib Hezbollah", "Islamic Resistance in Iraq", "Unattributed", "US forces"]
    filtered = site_data(component(open_map(app, {"faction": "kh"})))
    assert filtered["factions"] == ["Kata&#x27;ib Hezbollah"]
    assert len(filtered["loc"]["lat"]) == 3  # Ain al-Asad, Baghdad/Union III and al-Tanf all had a KH incident
    claimed = site_data(component(open_map(app, {"by": "claimed"})))
    assert claimed["factions"][0] == "Unclaimed"


def test_a_click_on_a_shared_marker_lists_both_sites_incidents(app):
    at = click(open_map(app), 33.31, 44.37)
    assert at.subheader[0].value.replace("\\", "") == "Incidents at Baghdad / Union III base"
    table = at.dataframe[0].value
    assert sorted(table["ID"]) == ["M-0003", "M-0004"]


def test_a_click_on_the_hostile_site_shows_its_name_escaped(app):
    at = click(open_map(app), 33.80, 42.44)
    raw = at.subheader[0].value
    assert "<script>" not in raw and "\\<script\\>" in raw
    assert sorted(at.dataframe[0].value["ID"]) == ["M-0001", "M-0006", "M-0007"]


def test_a_click_off_any_site_asks_for_one(app):
    at = click(open_map(app), 35.0, 40.0)
    assert not at.subheader and "Click a site on the map" in at.info[0].value


def test_an_empty_view_still_draws_the_map(app):
    at = open_map(app, {"faction": "nujaba"})  # no incident by Nujaba in this fixture
    data = site_data(component(at))
    assert data["loc"]["lat"] == [] and data["factions"] == []


def test_the_map_speaks_the_page_language(app):
    at = open_map(app, {"lang": "ar"})
    assert at.title[0].value == "خريطة المواقع المستهدفة"
    data = site_data(component(at))
    assert data["ui"]["rtl"] is True and data["ui"]["latest"] == "الأحدث:"
    script = component(at)["script"]
    assert json.dumps("المواقع المستهدفة")[1:-1] in script  # the layer list's name, as the script spells it
    assert json.dumps("Targeted sites")[1:-1] not in script
