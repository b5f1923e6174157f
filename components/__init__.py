"""Builders (figures, maps, tables; no st.* calls) and the thin Streamlit glue (sidebar, URL state, caching)."""
