"""Cached dataset loading for the app: the cache key is the files' content, so an edited CSV shows up."""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from hudna.dataset import Dataset
from hudna.loading import dataset_digest, read_dataset

ROOT = Path(__file__).resolve().parent.parent


def data_folder() -> Path:
    """The dataset folder: $HUDNA_DATA_DIR if set (tests, other datasets), else the bundled data/."""
    return Path(os.environ.get("HUDNA_DATA_DIR") or ROOT / "data")


@st.cache_resource(show_spinner=False, max_entries=4)
def _load(folder: str, digest: str) -> Dataset:
    # cache_resource, not cache_data: the Dataset is read-only and copying it on every rerun would cost seconds at scale.
    dataset = read_dataset(folder)
    dataset.incident_view  # noqa: B018 - build the joined view once, inside the cache
    dataset.search_index  # noqa: B018
    dataset.filter_index  # noqa: B018
    return dataset


_CACHED: set[tuple[str, str]] = set()  # (folder, digest) loaded by this process: their reruns skip the spinner


def load_current_dataset(loading_message: str) -> Dataset:
    """The bundled (or $HUDNA_DATA_DIR) dataset from the cache; a (re)load shows `loading_message`.

    Other sessions asking for the same dataset meanwhile wait for this one load instead of starting their own.
    A cached rerun does not open a spinner at all (each one starts a timer thread and sends two messages).
    """
    folder = data_folder()
    key = (str(folder), dataset_digest(folder))
    if key in _CACHED:
        return _load(*key)
    with st.spinner(loading_message, show_time=True):
        dataset = _load(*key)
    _CACHED.add(key)
    return dataset


def fatal_problems(dataset: Dataset) -> list:
    """Problems that make a table unusable (a missing, unreadable or headerless file): the app cannot go on."""
    return [p for p in dataset.problems if p.row in (None, 1)]


SESSION_DATASET_KEY = "session_dataset"


def load_active_dataset(loading_message: str) -> Dataset:
    """The dataset this session looks at: an uploaded one (kept in this session only) or the bundled one."""
    return st.session_state.get(SESSION_DATASET_KEY) or load_current_dataset(loading_message)


def use_session_dataset(dataset: Dataset | None) -> None:
    """Show `dataset` in this session only (None: back to the bundled dataset); filters start afresh."""
    if dataset is None:
        st.session_state.pop(SESSION_DATASET_KEY, None)
    else:
        dataset.incident_view, dataset.search_index, dataset.filter_index  # noqa: B018 - build once
        st.session_state[SESSION_DATASET_KEY] = dataset
    st.session_state.pop("filter_state", None)  # ids of one dataset mean nothing in another
    st.query_params.clear()
