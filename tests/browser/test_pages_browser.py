"""Every page in Chromium: renders, no exception box, no page error, no console error; a link reproduces its view."""

import re
import tomllib

import pytest

from tests.conftest import ROOT, VALID

PORT = 8611
DATA_DIR = VALID
PAGES = {"overview": "/", "incidents": "/incidents?incident=T-0005", "data": "/data"}


ARABIC = {"overview-ar": "/?lang=ar", "incidents-ar": "/incidents?lang=ar&incident=T-0002", "data-ar": "/data?lang=ar"}


@pytest.mark.parametrize("name,path", ARABIC.items())
def test_arabic_page_reads_right_to_left(server, watch, name, path):
    watch.open(server + path)
    watch.screenshot(f"page-{name}")
    main = watch.page.locator('[data-testid="stMain"]')
    assert main.evaluate("e => getComputedStyle(e).direction") == "rtl"
    sidebar_x = watch.page.locator('[data-testid="stSidebar"]').bounding_box()["x"]
    assert sidebar_x > main.bounding_box()["x"], "the sidebar should be on the right in Arabic"
    assert watch.page.get_by_text("المرشحات").count() >= 1
    watch.assert_clean()


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


def view_state(watch):
    """What a colleague would compare: the search box, the caption line with the count, the open incident."""
    page = watch.page
    caption = page.locator('[data-testid="stCaptionContainer"]', has_text=re.compile(r"\bincidents? in view")).first.inner_text()
    header = page.locator('[data-testid="stMainBlockContainer"] h2').first.inner_text()
    return page.get_by_label("Search (English or Arabic)").input_value(), caption, header


def test_copied_link_reopens_the_same_view_in_a_new_context(server, browser):
    from tests.browser.conftest import PageWatch

    sender = browser.new_context(viewport={"width": 1400, "height": 1000})
    watch = PageWatch(sender.new_page())
    watch.open(server + "/incidents?incident=T-0002&faction=iri")
    box = watch.page.get_by_label("Search (English or Arabic)")
    box.fill("garrison")
    box.press("Enter")
    watch.settle()
    watch.page.get_by_text("Link to this view").click()
    link = watch.page.locator('[data-testid="stSidebar"] [data-testid="stCode"] code').inner_text().strip()
    assert link.startswith(server + "/incidents?") and "q=garrison" in link and "incident=T-0002" in link
    sent = view_state(watch)
    watch.screenshot("incidents-sender")
    watch.assert_clean()
    sender.close()

    colleague = browser.new_context(viewport={"width": 1400, "height": 1000})
    other = PageWatch(colleague.new_page())
    other.open(link)
    assert view_state(other) == sent
    assert "1 incident in view" in sent[1].replace("**", "") and sent[2].startswith("T-0002")
    other.assert_clean()
    colleague.close()


def test_a_file_over_the_upload_limit_is_refused_and_the_page_keeps_working(server, watch, tmp_path):
    watch.open(server + "/data")
    limit_mb = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())["server"]["maxUploadSize"]
    assert f"{limit_mb}MB per file" in watch.page.locator('[data-testid="stFileUploaderDropzone"]').inner_text()
    huge = tmp_path / "huge.csv"
    with open(huge, "wb") as out:
        out.truncate(limit_mb * 1024 * 1024 + 4096)  # sparse: no 50 MB written to disk
    watch.page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(huge))
    error = watch.page.get_by_text(f"File must be {limit_mb}.0MB or smaller.")
    error.wait_for(timeout=30000)
    watch.screenshot("upload-over-limit")
    watch.page.get_by_role("button", name="Import into this session").click()  # nothing was accepted: say what to do
    watch.page.get_by_text(f"Choose a CSV file first. A file over {limit_mb} MB is refused").wait_for(timeout=30000)
    watch.settle()
    assert watch.page.locator('[data-testid="stException"]').count() == 0
    assert "dataset vfixture-1" in watch.page.locator('[data-testid="stMain"]').inner_text()
    assert watch.page_errors == [] and watch.console_errors == []
