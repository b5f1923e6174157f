"""AppTest helpers: run the real entry script against a chosen dataset folder."""

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT, VALID

APP = str(ROOT / "app.py")
PAGES = ["pages/overview_page.py", "pages/data_page.py"]


@pytest.fixture
def app(monkeypatch):
    """A factory: app(params, folder) -> an AppTest that has run once."""

    def make(params=None, folder=VALID):
        monkeypatch.setenv("HUDNA_DATA_DIR", str(folder))
        at = AppTest.from_file(APP, default_timeout=60)
        for key, value in (params or {}).items():
            at.query_params[key] = value
        return at.run()

    return make


def open_page(app, page: str, params=None, folder=VALID):
    """Run the entry script with `params` on `folder`, switch to `page`, and check it raised nothing."""
    at = app(params, folder)
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at
