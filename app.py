"""Hudna's entry script: page config, cached dataset load, shared sidebar filters, URL sync, navigation."""

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from components.access import access_granted, show_sign_in
from components.data_access import data_folder, fatal_problems, load_active_dataset
from components.sidebar import render_sidebar
from components.url_state import NOTICES_KEY, current_state, read_link_once, seed_widgets, view_link, write_url
from components.safe import md_escape
from hudna.errors import format_problems

# A `pages/` folder makes Streamlit wrap this script in its legacy multipage mode (v1), which
# shows a spurious "Page not found" dialog on deep links such as /data. This app navigates with
# st.navigation only, so switch the legacy mode off (a private flag; checked in tests/browser).
PagesManager.uses_pages_directory = False

st.set_page_config(page_title="Hudna — did the truce hold?", page_icon="🕊️", layout="wide")

if not access_granted():
    st.navigation([st.Page(show_sign_in, title="Sign in")], position="hidden").run()
    st.stop()

dataset = load_active_dataset()
fatal = fatal_problems(dataset)


def show_fatal_problems() -> None:
    st.title("Hudna cannot open its dataset")
    st.error(f"The data folder `{data_folder()}` has {len(fatal)} problem(s) that stop the app:")
    st.code(format_problems(fatal), language=None)
    st.info("Fix the files listed above (see data/README.md), or check them with `python -m hudna.validate data/`.")


if fatal:
    # A navigation of its own, so no other page (and no legacy auto-navigation) can be opened.
    st.navigation([st.Page(show_fatal_problems, title="Dataset error")], position="hidden").run()
    st.stop()

read_link_once(dataset)
seed_widgets()
render_sidebar(dataset)
state = current_state()
write_url(state)
view = state.apply(dataset)

if st.session_state.get(NOTICES_KEY):
    with st.expander(f"⚠️ {len(st.session_state[NOTICES_KEY])} notice(s) about the link you opened", expanded=True):
        for notice in st.session_state[NOTICES_KEY]:
            st.markdown("- " + md_escape(notice))
if dataset.problems:
    with st.expander(f"⚠️ The dataset has {len(dataset.problems)} problem(s); rows with bad cells are left out"):
        st.code(format_problems(list(dataset.problems), limit=200), language=None)

st.session_state["ctx"] = {"dataset": dataset, "state": state, "view": view, "fresh": True}

# Page files are named `<name>_page.py` on purpose: because a `pages/` folder exists, Streamlit also
# wraps this script in its legacy multipage mode, which would run `pages/<url_path>.py` alone
# (skipping this script, its sidebar and URL sync) whenever a URL path equals a file name.
pages = [
    st.Page("pages/overview_page.py", title="Overview", icon=":material/home:", default=True, url_path="overview"),
    st.Page("pages/incidents_page.py", title="Incidents", icon=":material/table_rows:", url_path="incidents"),
    st.Page("pages/data_page.py", title="Data", icon=":material/dataset:", url_path="data"),
]
page = st.navigation(pages)
with st.sidebar.expander("Link to this view", icon=":material/link:"):
    st.caption("Copy it with the button at the right of the box; it reopens these filters, this page and the selected incident.")
    st.code(view_link(state, page.url_path), language=None, wrap_lines=True)
periods = dict(zip(dataset.periods["period_id"], dataset.periods["name_en"]))
st.caption(f"{md_escape(state.describe(dataset.faction_names(), periods))} · **{len(view):,}** incidents in view · "
           f"dataset v{md_escape(dataset.version)}")
page.run()
