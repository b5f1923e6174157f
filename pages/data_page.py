"""Data: validation status, import of an ACLED or UCDP file into this session, ACLED export, sources by outlet, codebook."""

import re

import streamlit as st

from components.data_access import SESSION_DATASET_KEY, data_folder, use_session_dataset
from components.page_context import page_context
from components.safe import md_escape
from components.tables import problems_table, sources_by_outlet
from hudna.export_acled import to_acled_csv_bytes
from hudna.exporting import export_file_name
from hudna.importers import IMPORTERS, ImportFileError
from hudna.importers.common import NO_ARABIC_SUMMARY

REPORT_KEY = "import_report"  # the last import's counts, rejected rows and new actors (this session only)
SHOWN_ROWS = 1000

ctx = page_context()
dataset, state, view, t = ctx["dataset"], ctx["state"], ctx["view"], ctx["t"]
report = st.session_state.get(REPORT_KEY)
layouts = {"acled": t("data.layout_acled"), "ucdp": t("data.layout_ucdp")}


def run_import() -> None:
    """Button callback: import the uploaded file and show it in this session only, or record why it was refused."""
    upload, layout = st.session_state.get("import_file"), st.session_state.get("import_layout", "acled")
    if upload is None:
        st.session_state[REPORT_KEY] = {"error": t("data.choose_file", mb=st.get_option("server.maxUploadSize"))}
        return
    try:
        result = IMPORTERS[layout](upload.getvalue())
    except ImportFileError as exc:
        st.session_state[REPORT_KEY] = {"error": f"{upload.name}: {exc.message}"}
        return
    # Only the report stays besides the dataset: keeping the six raw tables too would double the session's memory.
    st.session_state[REPORT_KEY] = {
        "name": upload.name, "layout": result.layout, "read": result.rows_read, "imported": result.imported,
        "sites": len(result.frames["sites"]), "notes": result.notes, "rejected": result.rejected,
        "rejected_csv": result.rejected_csv(), "new_factions": result.new_factions}
    if result.imported:
        use_session_dataset(result.to_dataset("upload-" + re.sub(r"[^A-Za-z0-9.]+", "-", upload.name).strip("-")))


def restore_bundled() -> None:
    use_session_dataset(None)
    st.session_state.pop(REPORT_KEY, None)


def show_report(r: dict) -> None:
    counts = dict(read=f"{r['read']:,}", imported=f"{r['imported']:,}", rejected=f"{len(r['rejected']):,}", sites=f"{r['sites']:,}")
    show = st.success if r["imported"] else st.error
    show(t("data.summary", name=md_escape(r["name"]), layout=r["layout"], new=f"{len(r['new_factions']):,}", **counts))
    for note in r["notes"]:
        st.caption(md_escape(note))
    if len(r["rejected"]):
        st.warning(t("data.rejected", n=counts["rejected"]))
        st.download_button(t("data.download_rejected"), data=r["rejected_csv"], on_click="ignore", mime="text/csv",
                           file_name=re.sub(r"\.csv$", "", r["name"], flags=re.I) + "-rejected.csv", key="import_rejected_csv")
        st.dataframe(r["rejected"].head(SHOWN_ROWS), hide_index=True, key="import_rejected_table")
    if len(r["new_factions"]):
        st.info(t("data.new_actors", n=f"{len(r['new_factions']):,}"))
        st.dataframe(r["new_factions"].head(SHOWN_ROWS), hide_index=True, key="import_new_factions")


st.title(t("data.title"))
st.caption(t("data.caption", version=md_escape(dataset.version), incidents=len(dataset.incidents), sources=len(dataset.sources),
             sites=len(dataset.sites), actors=len(dataset.factions), periods=len(dataset.periods)))
if SESSION_DATASET_KEY in st.session_state:
    st.info(t("data.session_note"))
    st.button(t("data.back"), on_click=restore_bundled, key="import_restore")

st.subheader(t("data.validation"))
if dataset.problems:
    st.warning(t("data.problems", n=len(dataset.problems)))
    st.dataframe(problems_table(dataset.problems, t), hide_index=True, key="data_problems")
else:
    st.success(t("data.valid"))

st.subheader(t("data.import_title"))
st.markdown(t("data.import_intro", placeholder="\u2068" + NO_ARABIC_SUMMARY + "\u2069",  # isolated: Arabic inside English
              mb=st.get_option("server.maxUploadSize")))
st.radio(t("data.layout"), list(layouts), format_func=layouts.get, horizontal=True, key="import_layout")
st.file_uploader(t("data.file"), type=["csv"], key="import_file")
st.button(t("data.import"), on_click=run_import, type="primary", key="import_run")
if report and "error" in report:
    st.error(md_escape(report["error"]))
elif report:
    show_report(report)

st.subheader(t("data.export_title"))
st.caption(t("data.export_caption"))
described = state.describe(dataset.faction_names(), dict(zip(dataset.periods["period_id"], dataset.periods["name_en"])))
st.download_button(t("data.export_button", n=f"{len(view):,}"), data=lambda: to_acled_csv_bytes(view, dataset), on_click="ignore",
                   icon=":material/download:", mime="text/csv", key="export_acled",
                   file_name=export_file_name(dataset.version, "acled " + described, "csv"))

st.subheader(t("data.outlets"))
st.dataframe(sources_by_outlet(dataset, t), hide_index=True, key="data_outlets")

st.subheader(t("data.codebook"))
codebook = data_folder() / "README.md"
if codebook.exists():
    with st.expander(t("data.codebook_expander"), expanded=False):
        # The codebook is part of the reviewed repository, not dataset or user text.
        st.markdown(codebook.read_text(encoding="utf-8"))
else:
    st.info(t("data.no_codebook"))
