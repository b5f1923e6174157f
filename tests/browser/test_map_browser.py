"""The map page in Chromium with no internet: the map draws from vendored files, popups show hostile text as text,
a click lists a site's incidents, panning does not rerun the script, and the layer switches work."""

import re

import pytest

from tests.conftest import FIXTURES

PORT = 8631
DATA_DIR = FIXTURES / "map_sites"
IFRAME = 'iframe[title="streamlit_folium.st_folium"]'


@pytest.fixture
def map_page(server, watch):
    """The map page, opened and drawn; yields (watch, the map's frame)."""
    # The first deep link after a server start shows Streamlit's legacy "Page not found" dialog (app.py turns
    # that mode off only once it has run), so the entry page runs first.
    watch.open(server + "/")
    watch.open(server + "/map")
    iframe = watch.page.locator(IFRAME)
    iframe.wait_for(timeout=30000)
    watch.page.wait_for_function(f"() => document.querySelector('{IFRAME}').getBoundingClientRect().height > 0",
                                 timeout=30000)  # streamlit-folium keeps it at 0 until Leaflet has drawn
    frame = watch.page.frame_locator(IFRAME)
    frame.locator(".hudna-site").first.wait_for(timeout=30000)
    frame.locator(".leaflet-hudnaOutline-pane path").first.wait_for(state="attached", timeout=30000)
    return watch, frame


def marker(frame, tooltip: str):
    """The site marker whose tooltip (the site names) starts with `tooltip`."""
    for i in range(frame.locator(".hudna-site").count()):
        candidate = frame.locator(".hudna-site").nth(i)
        candidate.hover()
        if frame.locator(".leaflet-tooltip").last.inner_text().startswith(tooltip):
            return candidate
    raise AssertionError(f"no marker for {tooltip!r}")


def test_map_draws_offline_with_markers_basemap_and_a_safe_popup(map_page):
    watch, frame = map_page
    assert watch.page.locator(IFRAME).bounding_box()["height"] > 400
    assert frame.locator(".hudna-site").count() == 3  # 4 sites in view; Baghdad and Union III share a place
    assert frame.locator(".leaflet-hudnaOutline-pane path").count() >= 2  # Natural Earth land and borders
    assert frame.locator(".hudna-country-label", has_text="Iraq").count() == 1
    assert frame.locator(".leaflet-tile").count() == 0  # no online tiles unless chosen
    controls = frame.locator(".leaflet-control-layers").inner_text()
    for name in ("Targeted sites", "Heatmap", "Time playback", "Kata'ib Hezbollah (3)", "Unattributed (1)"):
        assert name in controls

    marker(frame, 'Ain "al-Asad"').click()
    popup = frame.locator(".leaflet-popup-content")
    popup.wait_for()
    text = popup.inner_text()
    assert "Ain \"al-Asad\" <script>alert('x')</script> `base` {{7*7}}" in text
    assert "قاعدة عين الأسد الجوية" in text
    assert "<a href='javascript:alert(2)'>click</a> `tick` \"News\"" in text  # an outlet's markup, shown as text
    assert "3 incidents in view, 2023-10-17 – 2024-07-20" in text and "2024-07-16 (week)" in text
    assert 'Two drones "shot down" <b>near</b> the base.' in text  # a summary's markup, shown as text
    assert popup.locator("script, img").count() == 0
    assert popup.locator("b").all_inner_texts() == ["3"]  # only the popup's own bold count
    hrefs = [a.get_attribute("href") for a in popup.locator("a").all()]
    assert hrefs and all(h.startswith("https://example.org/") for h in hrefs)
    assert "https://example.org/a1?x=1&y=2" in hrefs
    watch.page.wait_for_timeout(1500)  # the click reruns the page; let it settle before the screenshot
    watch.screenshot("map-popup")
    watch.assert_clean()


def test_a_click_lists_the_sites_incidents_and_panning_does_not_rerun(map_page):
    watch, frame = map_page
    sent = []
    watch.page.on("websocket", lambda ws: ws.on("framesent", lambda payload: sent.append(payload)))
    watch.page.reload()  # reconnect so the websocket is watched from the start
    watch.settle()
    frame = watch.page.frame_locator(IFRAME)
    frame.locator(".hudna-site").first.wait_for(timeout=30000)
    watch.page.wait_for_timeout(1500)
    before = len(sent)
    box = watch.page.locator(IFRAME).bounding_box()
    x, y = box["x"] + box["width"] * 0.25, box["y"] + box["height"] * 0.8
    watch.page.mouse.move(x, y)
    watch.page.mouse.down()
    watch.page.mouse.move(x - 100, y - 40, steps=8)
    watch.page.mouse.up()
    frame.locator(".leaflet-control-zoom-out").click()
    watch.page.wait_for_timeout(2000)
    assert len(sent) == before, "panning or zooming the map sent a message to the server (a rerun)"

    marker(frame, "Baghdad").click()
    heading = watch.page.get_by_text("Incidents at Baghdad / Union III base")
    heading.wait_for(timeout=30000)
    assert len(sent) > before
    watch.settle()
    table = watch.page.locator('[data-testid="stDataFrame"]')
    assert table.count() == 1 and table.bounding_box()["height"] > 60
    watch.screenshot("map-clicked-site")
    watch.assert_clean()


def test_faction_heatmap_and_playback_switches(map_page):
    watch, frame = map_page
    frame.locator(".leaflet-control-layers label", has_text="Kata'ib Hezbollah").click()
    assert frame.locator(".hudna-site").count() == 2  # al-Tanf had only a KH incident
    frame.locator(".leaflet-control-layers label", has_text="Kata'ib Hezbollah").click()
    assert frame.locator(".hudna-site").count() == 3

    frame.locator(".leaflet-control-layers label", has_text="Heatmap").click()
    assert frame.locator("canvas.leaflet-heatmap-layer").count() == 1

    frame.locator(".leaflet-control-layers label", has_text="Time playback").click()
    player = frame.locator(".leaflet-bar-timecontrol")
    player.wait_for()
    assert frame.locator(".hudna-site").count() == 0  # the site markers step aside while the playback is on
    assert "2023-10-17 – 2023-10-23" in player.inner_text()  # weekly frames from the first incident
    points = frame.locator("path.hudna-playback")
    points.first.wait_for(state="attached")
    assert points.count() == 2  # M-0001 at Ain al-Asad and M-0002 at al-Tanf
    watch.screenshot("map-layers")
    frame.locator(".timecontrol-forward").click()
    assert "2023-10-24 – 2023-10-30" in player.inner_text()
    watch.page.wait_for_timeout(800)
    assert points.count() == 0  # nothing happened that week
    frame.locator(".leaflet-control-layers label", has_text="Time playback").click()
    assert frame.locator(".hudna-site").count() == 3 and frame.locator(".leaflet-bar-timecontrol").count() == 0
    watch.assert_clean()


def test_the_map_in_arabic(server, watch):
    watch.open(server + "/")
    watch.open(server + "/map?lang=ar")
    frame = watch.page.frame_locator(IFRAME)
    frame.locator(".hudna-site").first.wait_for(timeout=30000)
    assert "المواقع المستهدفة" in frame.locator(".leaflet-control-layers").inner_text()
    marker(frame, "بغداد").click()
    popup = frame.locator(".leaflet-popup-content .hudna-popup")
    popup.wait_for()
    assert popup.get_attribute("dir") == "rtl"
    text = popup.inner_text()
    assert "بغداد" in text and "الأحدث:" in text and "ضربة" in text and "المكان معروف على مستوى المدينة" in text
    watch.page.wait_for_timeout(1500)
    watch.screenshot("map-arabic")
    watch.assert_clean()


def test_an_unreachable_tile_server_gets_a_notice_and_the_map_keeps_working(map_page):
    watch, frame = map_page
    # Refused the same way on any machine, with or without internet.
    watch.page.context.route(re.compile(r"https://([a-z]\.)?(tile\.openstreetmap\.org|basemaps\.cartocdn\.com)/.*"),
                             lambda route: route.abort("connectionrefused"))
    assert frame.locator(".hudna-tile-notice").count() == 0
    frame.locator(".leaflet-control-layers-base label", has_text="OpenStreetMap (online)").click()
    notice = frame.locator(".hudna-tile-notice")
    notice.wait_for(timeout=15000)
    assert "could not be loaded" in notice.inner_text() and "offline outline" in notice.inner_text()
    assert frame.locator(".hudna-site").count() == 3  # the sites, the outline and the popups still work
    assert frame.locator(".leaflet-hudnaOutline-pane path").count() >= 2
    marker(frame, "Baghdad").click()
    frame.locator(".leaflet-popup-content").wait_for()
    watch.page.wait_for_timeout(1500)
    watch.screenshot("map-tiles-unreachable")
    frame.locator(".leaflet-control-layers-base label", has_text="Offline outline only").click()
    assert frame.locator(".hudna-tile-notice").count() == 0
    assert watch.page_errors == [] and watch.console_errors == []
    assert watch.failed_requests and all(re.search(r"openstreetmap|cartocdn", url) for url in watch.failed_requests)
