"""Hudna's pure domain package: dataset schema, loading, filters and statistics (no streamlit here)."""
