"""Every page runs; the URL seeds the widgets; widgets rewrite the URL; state survives a page switch."""

import pytest

from tests.app.conftest import PAGES
from tests.conftest import ROOT


def texts(at):
    """Every piece of text the run put on the page (markdown, captions, alerts, code)."""
    out = []
    for kind in ("markdown", "caption", "error", "warning", "info", "success", "code", "title", "header", "subheader"):
        out += [str(e.value) for e in getattr(at, kind)]
    return "\n".join(out).replace("\\", "")  # drop Markdown escapes


def metric(at, label):
    return next(m.value for m in at.metric if m.label == label)


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("folder", ["fixture", "shipped"])
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_every_page_runs_without_exception(app, page, folder, lang):
    params = {"lang": lang} if lang != "en" else {}
    at = app(params, folder=ROOT / "data") if folder == "shipped" else app(params)
    at.switch_page(page).run()
    assert not at.exception, at.exception


def test_arabic_interface_uses_arabic_words_names_dates_and_direction(app):
    at = app({"lang": "ar", "faction": "kh"})
    assert at.radio(key="f_lang").value == "ar"
    assert at.multiselect(key="f_faction").label == "الفصائل"
    assert at.title[0].value == "هدنة — هل صمدت الهدنة؟"
    assert any("direction: rtl" in str(m.value) for m in at.markdown)
    assert "كتائب حزب الله" in texts(at)  # the faction's Arabic name from factions.csv, in the filter line
    assert "30 كانون الثاني 2024" in "\n".join(m.value for m in at.metric)  # the last date, with its Arabic month


def test_language_switch_keeps_the_filters_and_goes_into_the_link(app):
    at = app({"faction": "kh"})
    assert not any("direction: rtl" in str(m.value) for m in at.markdown)
    at.radio(key="f_lang").set_value("ar").run()
    assert at.query_params["lang"] == "ar" and at.query_params["faction"] == "kh"
    assert at.title[0].value == "هدنة — هل صمدت الهدنة؟"


def test_url_seeds_the_widgets(app):
    at = app({"faction": "kh", "type": "attack", "q": "garrison"})
    assert at.multiselect(key="f_faction").value == ["kh"]
    assert at.multiselect(key="f_type").value == ["attack"]
    assert at.text_input(key="f_q").value == "garrison"
    assert metric(at, "Incidents in view") == "1"  # T-0002 only


def test_widgets_rewrite_the_url(app):
    at = app()
    at.multiselect(key="f_faction").set_value(["nujaba", "kh"]).run()
    at.radio(key="f_by").set_value("claimed").run()
    assert at.query_params["faction"] == "kh,nujaba"
    assert at.query_params["by"] == "claimed"
    assert at.query_params["v"] == "fixture-1"
    at.multiselect(key="f_faction").set_value([]).run()
    assert "faction" not in at.query_params


def test_state_survives_a_page_switch(app):
    at = app({"country": "Iraq"})
    at.multiselect(key="f_weapon").set_value(["drone"]).run()
    at.switch_page("pages/data_page.py").run()
    assert at.multiselect(key="f_weapon").value == ["drone"]
    assert at.query_params["weapon"] == "drone" and at.query_params["country"] == "Iraq"
    at.switch_page("pages/overview_page.py").run()
    assert metric(at, "Incidents in view") == "2"  # T-0001 and T-0006 (drones in Iraq)


def test_malformed_link_shows_notices_and_still_renders(app):
    at = app({"faction": "ghost", "from": "2024-99-99", "<script>": "1"})
    assert not at.exception
    shown = texts(at)
    assert "“ghost”" in shown and "not a date" in shown and "unknown link parameter" in shown
    raw = "\n".join(str(m.value) for m in at.markdown)
    assert "\\<script\\>" in raw and "<script>" not in raw  # the hostile key reaches Markdown escaped
    assert metric(at, "Incidents in view") == "6"


def test_link_from_another_dataset_version_says_so(app):
    at = app({"v": "0.9"})
    assert "made on dataset version 0.9" in texts(at)
    assert at.query_params["v"] == "fixture-1"


def test_missing_data_file_shows_an_error_page(app, editable):
    (editable.folder / "incidents.csv").unlink()
    at = app(folder=editable.folder)
    assert not at.exception
    assert at.title[0].value == "Hudna cannot open its dataset"
    assert "incidents: found" in texts(at) and "the file to exist" in texts(at)


def test_bad_rows_are_reported_and_valid_rows_kept(app, editable):
    editable.set("incidents", 3, "date", "2024-02-30")
    at = app(folder=editable.folder)
    assert not at.exception
    assert metric(at, "Incidents in view") == "5"
    assert any("problem(s)" in e.label for e in at.expander)
    assert "incidents, line 3, column date" in texts(at)
