"""What every page reads first: the dataset, filter state and filtered view prepared by the entry script this run."""

from __future__ import annotations

import streamlit as st

from components.i18n import translator
from components.url_state import current_lang


def page_context() -> dict:
    """The entry script's context for this run; stops the page with a message if the entry script did not run."""
    ctx = st.session_state.get("ctx")
    if not ctx or not ctx.get("fresh"):
        t = translator(current_lang())
        st.warning(t("page.direct"))
        st.page_link("app.py", label=t("page.open_app"))
        st.stop()
    ctx["fresh"] = False  # the entry script sets it again on its next run
    return ctx
