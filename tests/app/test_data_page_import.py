"""The Data page's import under AppTest: a file loads into this session only and every page works on it; bad files are explained."""

import json

import plotly.io
import pytest

from tests.conftest import FIXTURES

PAGE = "pages/data_page.py"
ACLED = FIXTURES / "acled"
PAGES = ["pages/overview_page.py", "pages/timeline_page.py", "pages/map_page.py", "pages/truces_page.py", "pages/incidents_page.py", PAGE]


def texts(at) -> str:
    out = []
    for kind in ("markdown", "caption", "error", "warning", "info", "success", "title", "subheader"):
        out += [str(e.value) for e in getattr(at, kind)]
    return "\n".join(out).replace("\\", "")  # drop Markdown escapes


def upload(app, path, layout="acled", params=None):
    at = app(params)
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    at.radio(key="import_layout").set_value(layout)
    at.file_uploader(key="import_file").set_value((path.name, path.read_bytes(), "text/csv"))
    at.button(key="import_run").click().run()
    assert not at.exception, at.exception
    return at


def test_the_page_says_that_nothing_is_stored_on_the_server(app):
    at = app()
    at.switch_page(PAGE).run()
    assert "Nothing is stored on the server" in texts(at).replace("*", "")
    assert at.file_uploader(key="import_file").allowed_type == [".csv"]


def test_an_acled_file_becomes_this_sessions_dataset_and_every_page_runs_on_it(app):
    at = upload(app, ACLED / "valid.csv", params={"faction": "nujaba"})
    shown = texts(at).replace("*", "")
    assert "valid.csv: ACLED: 8 row(s) read, 8 imported, 0 rejected" in shown
    assert "8 incidents in view" in shown and "dataset vupload-valid.csv" in shown  # filters were reset for the new dataset
    assert "held in this browser session only" in shown
    assert "2 actor name(s) are not in hudna/importers/actor_names.csv" in shown
    for page in PAGES:
        at.switch_page(page).run()
        assert not at.exception, (page, at.exception)


def test_filters_timeline_and_map_work_on_the_imported_rows(app):
    at = upload(app, ACLED / "valid.csv")
    at.multiselect(key="f_faction").set_value(["iri"]).run()  # the umbrella rolls up Kata'ib Hezbollah's rows
    assert "5 incidents in view" in texts(at).replace("*", "")
    at.switch_page("pages/timeline_page.py").run()
    fig = plotly.io.from_json(at.get("plotly_chart")[0].proto.spec)
    ids = {c[1] for t in fig.data if t.meta == "lane" for c in t.customdata}
    assert ids == {"IRQ90001", "SYR90002", "JOR90004", "IRQ90006", "ISR90008"}
    at.switch_page("pages/map_page.py").run()
    (map_component,) = [e for e in at.get("component_instance") if e.proto.component_name == "streamlit_folium.st_folium"]
    script = json.loads(map_component.proto.json_args)["script"]
    assert "Al Baghdadi" in script and "Eilat" in script and "Tarmiyah" not in script  # IS's attack is filtered out


def test_rejected_rows_are_listed_and_offered_as_a_download(app):
    at = upload(app, ACLED / "malformed_rows.csv")
    assert "6 row(s) rejected" in texts(at)
    (table,) = [d.value for d in at.dataframe if "reason" in d.value.columns]
    assert table["row"].tolist() == [2, 3, 4, 5, 6, 8]
    assert "is not a date" in table["reason"].iloc[0]
    download = [b for b in at.get("download_button") if "rejected rows" in b.proto.label]
    assert len(download) == 1
    assert "1 incident in view" in texts(at).replace("*", "")


@pytest.mark.parametrize("name,words", [
    ("missing_columns.csv", "lacks the column(s) geo_precision, fatalities"),
    ("wrong_encoding.csv", "not UTF-8 text"),
    ("empty.csv", "The file is empty."),
])
def test_a_file_that_cannot_be_imported_gets_one_message_and_the_dataset_stays(app, name, words):
    at = upload(app, ACLED / name)
    (error,) = at.error
    assert words in str(error.value).replace("\\", "")
    assert "session_dataset" not in at.session_state
    assert "dataset vfixture-1" in texts(at)


def test_a_ucdp_file_imports_with_the_ucdp_layout_chosen(app):
    at = upload(app, FIXTURES / "ucdp" / "valid.csv", layout="ucdp")
    assert "valid.csv: UCDP GED: 4 row(s) read, 4 imported, 0 rejected" in texts(at).replace("*", "")


def test_the_wrong_layout_choice_is_explained(app):
    at = upload(app, FIXTURES / "ucdp" / "valid.csv", layout="acled")
    assert "does not have the ACLED export layout: it lacks the column(s) event_id_cnty" in texts(at)


def test_going_back_restores_the_bundled_dataset(app):
    at = upload(app, ACLED / "valid.csv")
    at.button(key="import_restore").click().run()
    assert not at.exception and "session_dataset" not in at.session_state
    assert "dataset vfixture-1" in texts(at) and "valid.csv: ACLED" not in texts(at)  # the report went with the dataset
    assert "import_restore" not in [b.key for b in at.button]


def test_the_acled_export_button_counts_the_rows_in_view(app):
    at = upload(app, ACLED / "valid.csv")
    (button,) = [b for b in at.get("download_button") if "ACLED layout" in b.proto.label]
    assert button.proto.label.startswith("Download 8 incident(s)")


def test_a_hostile_file_name_and_header_are_shown_as_text(app):
    at = app()
    at.switch_page(PAGE).run()
    hostile = b'<img src=x onerror=alert(1)>,[link](javascript:alert(1))\n1,2\n'
    at.file_uploader(key="import_file").set_value(("[x](javascript:alert(1)).csv", hostile, "text/csv"))
    at.button(key="import_run").click().run()
    (error,) = at.error
    assert "\\<img src=x onerror=alert\\(1\\)\\>" in error.value and "\\[x\\]\\(javascript" in error.value
    assert "lacks the column\\(s\\) event\\_id\\_cnty" in error.value


def test_the_page_runs_in_arabic_after_an_import(app):
    at = upload(app, ACLED / "valid.csv")
    at.radio(key="f_lang").set_value("ar").run()
    assert not at.exception, at.exception
    assert at.title[0].value == "البيانات"


@pytest.mark.parametrize("name,content", [
    ("workbook.csv", b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" + bytes(range(256)) * 8),  # an .xlsx renamed
    ("photo.csv", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(200)),
])
def test_a_binary_file_is_refused_with_one_message_and_the_dataset_stays(app, name, content):
    at = app()
    at.switch_page(PAGE).run()
    at.file_uploader(key="import_file").set_value((name, content, "text/csv"))
    at.button(key="import_run").click().run()
    assert not at.exception, at.exception
    (error,) = at.error
    message = error.value.replace("\\", "")  # Markdown escapes
    assert message.startswith(f"{name}: The file is not a text CSV (it holds binary data")
    assert "session_dataset" not in at.session_state
    assert "dataset vfixture-1" in texts(at)
