"""Fuzzed links: any query string on any page renders without an exception (hypothesis over AppTest)."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from hudna.filters import KEYS
from tests.app.conftest import APP, PAGES
from tests.conftest import VALID

VALUES = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["kh", "iri,kh", "T-0002", "P-3", "2024-02-30", "9999-99-99", "attack,raid", "ar", "en", "-1",
                     "<script>alert(1)</script>", "javascript:alert(1)", "عين الأسد", ",,,", "%00", "\u202e"]),
)
QUERIES = st.dictionaries(st.sampled_from(list(KEYS)) | st.text(min_size=1, max_size=6), VALUES, max_size=6)


@pytest.mark.parametrize("page", PAGES)
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(params=QUERIES)
def test_any_link_renders_every_page(monkeypatch, page, params):
    monkeypatch.setenv("HUDNA_DATA_DIR", str(VALID))
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, (params, at.exception)
    at.switch_page(page).run()
    assert not at.exception, (page, params, at.exception)
