"""Data: validation status, dataset version and changelog, sources by outlet, and the codebook."""

import streamlit as st

from components.page_context import page_context
from components.data_access import data_folder
from components.safe import md_escape
from components.tables import problems_table, sources_by_outlet

ctx = page_context()
dataset = ctx["dataset"]

st.title("Data")
st.caption(f"Dataset version **{md_escape(dataset.version)}** · {len(dataset.incidents)} incidents · "
           f"{len(dataset.sources)} sources · {len(dataset.sites)} sites · {len(dataset.factions)} actors · "
           f"{len(dataset.periods)} periods")

st.subheader("Validation")
if dataset.problems:
    st.warning(f"{len(dataset.problems)} problem(s) found. Rows with bad cells are left out of every page; "
               "rows with only a dangling reference are kept.")
    st.dataframe(problems_table(dataset.problems), hide_index=True, key="data_problems")
else:
    st.success("Every table passes the schema and the cross-table checks (`python -m hudna.validate data/`).")

st.subheader("Sources by outlet")
st.dataframe(sources_by_outlet(dataset), hide_index=True, key="data_outlets")

st.subheader("Codebook")
codebook = data_folder() / "README.md"
if codebook.exists():
    with st.expander("Columns, allowed values, curation rules and changelog (data/README.md)", expanded=False):
        # The codebook is part of the reviewed repository, not dataset or user text.
        st.markdown(codebook.read_text(encoding="utf-8"))
else:
    st.info("This dataset folder has no README.md codebook.")
