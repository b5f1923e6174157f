"""Hudna's entry script: page config, cached dataset load, shared sidebar filters, URL sync, navigation."""

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from components.access import access_granted, show_sign_in
from components.data_access import data_folder, fatal_problems, load_active_dataset
from components.sidebar import render_sidebar
from components.i18n import notice_text, translator
from components.rtl import RTL_CSS
from components.url_state import NOTICES_KEY, current_lang, current_state, read_link_once, seed_widgets, view_link, write_url
from components.safe import md_escape
from hudna.errors import format_problems

# A `pages/` folder makes Streamlit wrap this script in its legacy multipage mode (v1), which
# shows a spurious "Page not found" dialog on deep links such as /data. This app navigates with
# st.navigation only, so switch the legacy mode off (a private flag; checked in tests/browser). It takes effect
# from the next run on: scripts/serve.sh makes that first run happen before any visitor arrives.
PagesManager.uses_pages_directory = False

t = translator(current_lang())
st.set_page_config(page_title=t("app.page_title"), page_icon="🕊️", layout="wide")
if t.rtl:
    st.markdown(RTL_CSS, unsafe_allow_html=True)  # our own static stylesheet, no data in it

if not access_granted():
    st.navigation([st.Page(show_sign_in, title=t("access.page"))], position="hidden").run()
    st.stop()

dataset = load_active_dataset(t("app.loading"))
fatal = fatal_problems(dataset)


def show_fatal_problems() -> None:
    st.title(t("fatal.title"))
    st.error(t("fatal.problems", folder=data_folder(), count=len(fatal)))
    st.code(format_problems(fatal), language=None)
    st.info(t("fatal.fix"))


if fatal:
    # A navigation of its own, so no other page (and no legacy auto-navigation) can be opened.
    st.navigation([st.Page(show_fatal_problems, title=t("fatal.page"))], position="hidden").run()
    st.stop()

read_link_once(dataset)
seed_widgets()
t = translator(current_lang())  # the language widget may have just changed it
render_sidebar(dataset, t)
state = current_state()
write_url(state)
view = state.apply(dataset)

if st.session_state.get(NOTICES_KEY):
    with st.expander(t("app.link_notices", count=len(st.session_state[NOTICES_KEY])), expanded=True, icon=":material/warning:"):
        for notice in st.session_state[NOTICES_KEY]:
            st.markdown("- " + md_escape(notice_text(notice, t)))
if dataset.problems:
    with st.expander(t("app.data_problems", count=len(dataset.problems)), icon=":material/warning:"):
        st.code(format_problems(list(dataset.problems), limit=200), language=None)

st.session_state["ctx"] = {"dataset": dataset, "state": state, "view": view, "t": t, "fresh": True}

# Page files are named `<name>_page.py` on purpose: because a `pages/` folder exists, Streamlit also
# wraps this script in its legacy multipage mode, which would run `pages/<url_path>.py` alone
# (skipping this script, its sidebar and URL sync) whenever a URL path equals a file name.
pages = [
    st.Page("pages/overview_page.py", title=t("nav.overview"), icon=":material/home:", default=True, url_path="overview"),
    st.Page("pages/timeline_page.py", title=t("nav.timeline"), icon=":material/timeline:", url_path="timeline"),
    st.Page("pages/map_page.py", title=t("nav.map"), icon=":material/map:", url_path="map"),
    st.Page("pages/truces_page.py", title=t("nav.truces"), icon=":material/handshake:", url_path="truces"),
    st.Page("pages/incidents_page.py", title=t("nav.incidents"), icon=":material/table_rows:", url_path="incidents"),
    st.Page("pages/data_page.py", title=t("nav.data"), icon=":material/dataset:", url_path="data"),
]
page = st.navigation(pages)
with st.sidebar.expander(t("app.link"), icon=":material/link:"):
    st.caption(t("app.link_help"))
    st.code(view_link(state, page.url_path), language=None, wrap_lines=True)
st.caption(t("app.in_view_one" if len(view) == 1 else "app.in_view", description=md_escape(t.describe(state, dataset)),
             count=f"{len(view):,}", version=md_escape(dataset.version)))
page.run()
