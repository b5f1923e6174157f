"""The bundled dataset in Chromium: every page renders cleanly, and a shared link opens the same view."""

import pytest

from tests.conftest import ROOT

PORT = 8612
DATA_DIR = ROOT / "data"
PAGES = {"overview": "/", "data": "/data"}


@pytest.mark.parametrize("name,path", PAGES.items())
def test_shipped_page_renders_cleanly(server, watch, name, path):
    watch.open(server + path)
    watch.screenshot(f"shipped-{name}")
    assert watch.page.get_by_text("Page not found").count() == 0
    watch.assert_clean()


def test_shared_link_shows_the_same_count_in_a_new_context(server, browser):
    from tests.browser.conftest import PageWatch

    link = server + "/?faction=kh&type=attack"
    counts = []
    for _ in range(2):  # the sender's browser, then a colleague's fresh one
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        watch = PageWatch(context.new_page())
        watch.open(link)
        metric = watch.page.locator('[data-testid="stMetric"]', has_text="Incidents in view")
        counts.append(metric.inner_text())
        watch.assert_clean()
        context.close()
    assert counts[0] == counts[1]
    assert "Incidents in view" in counts[0]
