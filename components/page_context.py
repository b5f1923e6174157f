"""What every page reads first: the dataset, filter state and filtered view prepared by the entry script this run."""

from __future__ import annotations

import streamlit as st


def page_context() -> dict:
    """The entry script's context for this run; stops the page with a message if the entry script did not run."""
    ctx = st.session_state.get("ctx")
    if not ctx or not ctx.get("fresh"):
        st.warning("This page must be opened through Hudna's navigation.")
        st.page_link("app.py", label="Open Hudna")
        st.stop()
    ctx["fresh"] = False  # the entry script sets it again on its next run
    return ctx
