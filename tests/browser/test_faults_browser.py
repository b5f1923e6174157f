"""Faults in Chromium: a slow dataset (re)load shows a clear message in the visitor's language, one load serves
every waiting session, and the server keeps answering meanwhile. (Unreachable tiles: test_map_browser.py.)"""

import os
import shutil
import time
import urllib.request

import pytest

from tests.browser.conftest import PageWatch, start_server, stop_server
from tests.conftest import FIXTURES, ROOT

PORT = 8671
SLOW_SECONDS = 6


@pytest.fixture(scope="module")
def slow_server(tmp_path_factory):
    """A server whose every dataset read takes SLOW_SECONDS longer (tests/fixtures/slow_load), on a copy of data."""
    folder = tmp_path_factory.mktemp("slow")
    data, reads = folder / "data", folder / "reads.log"
    shutil.copytree(FIXTURES / "valid", data)
    proc = start_server(PORT, data, extra_env={"PYTHONPATH": os.pathsep.join((str(FIXTURES / "slow_load"), str(ROOT))),
                                               "HUDNA_TEST_SLOW_LOAD": str(SLOW_SECONDS),
                                               "HUDNA_TEST_SLOW_LOAD_LOG": str(reads)})
    yield f"http://127.0.0.1:{PORT}", data, reads
    stop_server(proc)


def test_a_slow_reload_shows_a_message_and_one_load_serves_every_session(slow_server, browser):
    base, data, reads = slow_server
    assert len(reads.read_text().splitlines()) == 1  # the warm-up run loaded the dataset once
    incidents = data / "incidents.csv"
    incidents.write_text(incidents.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # new bytes, new cache key

    contexts = [browser.new_context(viewport={"width": 1200, "height": 800}) for _ in range(2)]
    english, arabic = (PageWatch(c.new_page()) for c in contexts)
    try:
        english.page.goto(base + "/")
        arabic.page.goto(base + "/?lang=ar")
        english.page.get_by_text("Loading the dataset…").wait_for(timeout=SLOW_SECONDS * 1000)
        arabic.page.get_by_text("جارٍ تحميل البيانات…").wait_for(timeout=SLOW_SECONDS * 1000)
        started = time.monotonic()  # while both wait, the server still answers at once
        with urllib.request.urlopen(base + "/_stcore/health", timeout=3) as response:
            assert response.status == 200
        assert time.monotonic() - started < 2
        english.screenshot("fault-slow-load")

        for watch in (english, arabic):
            watch.settle(timeout_ms=(SLOW_SECONDS * 3 + 30) * 1000)
            assert watch.page.get_by_text("Loading the dataset…").count() == 0
            assert watch.page.get_by_text("جارٍ تحميل البيانات…").count() == 0
            watch.assert_clean()
        assert english.page.locator("h1").first.inner_text() == "Hudna — did the truce hold?"
        assert arabic.page.locator("h1").first.inner_text() == "هدنة — هل صمدت الهدنة؟"
        assert len(reads.read_text().splitlines()) == 2  # both sessions waited for the same single reload
    finally:
        for c in contexts:
            c.close()
