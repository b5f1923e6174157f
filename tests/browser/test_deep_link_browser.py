"""The first request to a fresh server may be a deep link: it opens that page, with its filters, and no dialog."""

from tests.conftest import VALID

PORT = 8661
DATA_DIR = VALID


def test_first_request_is_a_deep_link(server, watch):
    watch.open(server + "/data?faction=kh&lang=ar")
    assert watch.page.get_by_text("Page not found").count() == 0
    assert "/data?" in watch.page.url and "faction=kh" in watch.page.url
    assert watch.page.locator('[data-testid="stSidebar"]').get_by_text("كتائب حزب الله").count() >= 1
    watch.assert_clean()
