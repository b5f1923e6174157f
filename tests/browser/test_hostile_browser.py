"""Hostile dataset on every page in Chromium: no script runs (no dialog, no page error) and the text shows escaped."""

import pytest

from tests.conftest import FIXTURES

PORT = 8651
DATA_DIR = FIXTURES / "hostile"
PAGES = {
    "overview": "/",
    "timeline": "/timeline",
    "map": "/map",
    "truces": "/truces",
    "incidents": "/incidents?incident=T-0001",
    "incidents-long": "/incidents?incident=T-0003",
    "data": "/data",
}


@pytest.mark.parametrize("name,path", PAGES.items())
def test_no_script_runs_and_text_is_escaped(server, watch, name, path):
    dialogs = []
    watch.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    watch.open(server + path)
    watch.page.wait_for_timeout(1500)  # give any injected handler (onerror, timers) time to fire
    watch.screenshot(f"hostile-{name}")
    assert dialogs == [], f"a script ran: {dialogs}"
    assert watch.page.locator("img[src='x']").count() == 0, "markup from the data was rendered"
    assert watch.page.locator("a[href^='javascript:'], a[href^='data:']").count() == 0
    watch.assert_clean()


def test_incident_record_shows_the_payload_as_text(server, watch):
    watch.open(server + "/incidents?incident=T-0001")
    body = watch.page.locator('[data-testid="stMainBlockContainer"]').inner_text()
    assert "<script>alert('xss')</script>" in body
    assert watch.page.locator('[data-testid="stMainBlockContainer"] script').count() == 0
