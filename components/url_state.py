"""The URL <-> FilterState glue: read the link on a session's first run, rewrite the query string on every run."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlencode, urlsplit, urlunsplit

import streamlit as st

from hudna.dataset import Dataset
from hudna.filters import Catalog, FilterState, Notice

# Widget keys, one per FilterState field shown in the sidebar (tests find widgets by these keys).
WIDGET_KEYS = {
    "date_from": "f_from",
    "date_to": "f_to",
    "period": "f_period",
    "factions": "f_faction",
    "role": "f_by",
    "event_types": "f_type",
    "weapons": "f_weapon",
    "targets": "f_target",
    "countries": "f_country",
    "outcomes": "f_outcome",
    "verifications": "f_verification",
    "max_date_precision": "f_dprec",
    "max_coord_precision": "f_cprec",
    "query": "f_q",
    "lang": "f_lang",
}
NOTICES_KEY = "link_notices"
STATE_KEY = "filter_state"


def read_link_once(dataset: Dataset) -> None:
    """On the first run of a session, make the link's FilterState the session's state and record notices about it."""
    if STATE_KEY in st.session_state:
        return
    state, notices = FilterState.from_query_params(st.query_params.to_dict(), Catalog.of(dataset))
    if state.version and state.version != dataset.version:
        notices.append(Notice("other_version", f"This link was made on dataset version {state.version}; you are viewing "
                              f"version {dataset.version}, so counts may differ from what the sender saw.",
                              link_version=state.version, version=dataset.version))
    st.session_state[STATE_KEY] = replace(state, version=dataset.version)
    st.session_state[NOTICES_KEY] = notices


def current_state() -> FilterState:
    return st.session_state[STATE_KEY]


def current_lang() -> str:
    """The interface language: the session's choice, else the link's `lang`, else English (usable before sign-in)."""
    if STATE_KEY in st.session_state:
        return current_state().lang
    return "ar" if st.query_params.get("lang") == "ar" else "en"


def seed_widgets() -> None:
    """Give every filter widget its value from the FilterState before the widgets are drawn.

    The FilterState is the source of truth: Streamlit drops values that were set through
    session state when the page changes, so widgets are re-seeded on every run and report
    changes back through `widgets_changed`.
    """
    state = current_state()
    for attr, key in WIDGET_KEYS.items():
        value = getattr(state, attr)
        st.session_state[key] = list(value) if isinstance(value, tuple) else value


def widgets_changed() -> None:
    """on_change callback of every filter widget: fold the widgets' values into the FilterState."""
    values = {attr: st.session_state.get(key) for attr, key in WIDGET_KEYS.items()}
    values = {k: (tuple(v) if isinstance(v, list) else v) for k, v in values.items() if v is not None}
    update_state(**values)


def update_state(**changes) -> None:
    """Change the FilterState (from a widget or a page's callback, e.g. a chart zoom setting the dates)."""
    st.session_state[STATE_KEY] = replace(current_state(), **changes)


def write_url(state: FilterState) -> None:
    """Rewrite the query string from the state (canonical, so one view has one URL)."""
    wanted = state.to_query_params()
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)


def select_incident(incident_id: str | None) -> None:
    """Make `incident_id` the selected incident and put it in the URL now (the entry script wrote the URL earlier this run)."""
    update_state(incident=incident_id)
    if incident_id:
        st.query_params["incident"] = incident_id
    elif "incident" in st.query_params:
        del st.query_params["incident"]


def view_link(state: FilterState, url_path: str) -> str:
    """The full address of this view (page path plus the canonical query), for sharing."""
    address = urlsplit(st.context.url or "http://localhost:8501/")
    base = "/".join(p for p in (st.get_option("server.baseUrlPath") or "").strip("/").split("/") if p)
    path = "/".join(p for p in (base, url_path) if p)
    query = urlencode(state.to_query_params())
    return urlunsplit((address.scheme, address.netloc, "/" + path, query, ""))
