"""Every page in Chromium: renders, no exception box, no page error, no console error; a link reproduces its view."""

import pytest

from tests.conftest import ROOT, VALID

PORT = 8611
DATA_DIR = VALID
PAGES = {"overview": "/", "data": "/data"}


@pytest.mark.parametrize("name,path", PAGES.items())
def test_page_renders_cleanly(server, watch, name, path):
    watch.open(server + path)
    watch.screenshot(f"page-{name}")
    assert watch.page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').count() >= 4
    assert watch.page.get_by_text("Page not found").count() == 0
    watch.assert_clean()


def test_link_reproduces_filters_across_a_page_switch(server, watch):
    watch.open(server + "/?faction=kh&type=attack&q=Asad")
    sidebar = watch.page.locator('[data-testid="stSidebar"]')
    assert "Kata'ib Hezbollah" in sidebar.inner_text()
    assert watch.page.get_by_label("Search (English or Arabic)").input_value() == "Asad"
    watch.page.get_by_role("link", name="Data").click()
    watch.settle()
    assert "/data?" in watch.page.url
    for pair in ("faction=kh", "type=attack", "q=Asad"):
        assert pair in watch.page.url
    watch.assert_clean()
