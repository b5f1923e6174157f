"""The URL <-> FilterState glue: read the link on a session's first run, rewrite the query string on every run."""

from __future__ import annotations

import streamlit as st

from hudna.dataset import Dataset
from hudna.filters import Catalog, FilterState

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
}
NOTICES_KEY = "link_notices"


def read_link_once(dataset: Dataset) -> None:
    """On the first run of a session, seed the widgets from the URL and record notices about it."""
    if st.session_state.get("_link_read"):
        return
    st.session_state["_link_read"] = True
    state, notices = FilterState.from_query_params(st.query_params.to_dict(), Catalog.of(dataset))
    if state.version and state.version != dataset.version:
        notices.append(
            f"This link was made on dataset version {state.version}; you are viewing version {dataset.version}, "
            "so counts may differ from what the sender saw."
        )
    for attr, key in WIDGET_KEYS.items():
        value = getattr(state, attr)
        st.session_state[key] = list(value) if isinstance(value, tuple) else value
    st.session_state["incident"] = state.incident
    st.session_state["lang"] = state.lang
    st.session_state[NOTICES_KEY] = notices


def state_from_widgets(dataset: Dataset) -> FilterState:
    values = {attr: st.session_state.get(key) for attr, key in WIDGET_KEYS.items()}
    values = {k: v for k, v in values.items() if v is not None}
    return FilterState(
        **values,
        incident=st.session_state.get("incident"),
        lang=st.session_state.get("lang") or "en",
        version=dataset.version,
    )


def write_url(state: FilterState) -> None:
    """Rewrite the query string from the state (canonical, so one view has one URL)."""
    wanted = state.to_query_params()
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)
