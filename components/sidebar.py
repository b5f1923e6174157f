"""The shared sidebar filters, declared from the entry script so their values persist across pages."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from hudna import vocab
from hudna.dataset import Dataset
from components.url_state import WIDGET_KEYS as K
from components.url_state import widgets_changed


def faction_order(dataset: Dataset) -> list[str]:
    """Umbrellas followed by their members, then the other actors, so the hierarchy reads in the list."""
    f = dataset.factions
    roots = f[f["parent_id"].isna()].sort_values(["side", "name_en"])["faction_id"].tolist()
    order: list[str] = []

    def visit(fid: str) -> None:
        if fid in order:
            return
        order.append(fid)
        for child in sorted(dataset.faction_children.get(fid, []), key=lambda c: dataset.faction_names().get(c, c)):
            visit(child)

    for fid in roots:
        visit(fid)
    return order + [fid for fid in f["faction_id"] if fid not in order]


def _faction_label(dataset: Dataset):
    names = dataset.faction_names()
    parents = dict(zip(dataset.factions["faction_id"], dataset.factions["parent_id"]))

    def label(fid: str) -> str:
        depth, node = 0, parents.get(fid)
        while isinstance(node, str) and depth < 5:
            depth, node = depth + 1, parents.get(node)
        return ("\u2003" * depth + "└ " if depth else "") + names.get(fid, fid)

    return label


def _period_label(dataset: Dataset):
    rows = {r.period_id: r for r in dataset.periods.itertuples()}

    def label(pid: str) -> str:
        r = rows[pid]
        end = "open" if pd.isna(r.end) else f"{r.end:%d %b %Y}"
        return f"{r.name_en} ({r.kind}, {r.start:%d %b %Y} – {end})"

    return label


def _words(value: str) -> str:
    return value.replace("_", " ")


def render_sidebar(dataset: Dataset) -> None:
    """Draw every filter widget; their values live in st.session_state under the keys of WIDGET_KEYS."""
    sb = st.sidebar
    sb.header("Filters")
    first, last = dataset.incidents["date"].min(), dataset.incidents["date"].max()
    bounds = {} if pd.isna(first) else {"min_value": first.date(), "max_value": last.date()}
    cols = sb.columns(2)
    cols[0].date_input("From", key=K["date_from"], on_change=widgets_changed, format="YYYY-MM-DD", **bounds)
    cols[1].date_input("To", key=K["date_to"], on_change=widgets_changed, format="YYYY-MM-DD", **bounds)
    sb.selectbox("Period", [None, *dataset.periods.sort_values("start")["period_id"]], key=K["period"], on_change=widgets_changed,
                 format_func=lambda p: "Any time" if p is None else _period_label(dataset)(p), placeholder="Any time",
                 help="Limit the dates to one truce, pause or escalation phase.")
    sb.multiselect("Factions", faction_order(dataset), key=K["factions"], on_change=widgets_changed, format_func=_faction_label(dataset),
                   help="An umbrella such as the Islamic Resistance in Iraq includes its members.")
    sb.radio("Match factions by", ["actor", "claimed"], key=K["role"], on_change=widgets_changed, horizontal=True,
             format_func={"actor": "Attributed to", "claimed": "Claimed by"}.get)
    sb.multiselect("Event type", list(vocab.EVENT_TYPES), key=K["event_types"], on_change=widgets_changed, format_func=_words)
    sb.multiselect("Weapon", list(vocab.WEAPONS), key=K["weapons"], on_change=widgets_changed, format_func=_words)
    sb.multiselect("Target", faction_order(dataset), key=K["targets"], on_change=widgets_changed, format_func=dataset.faction_names().get)
    sb.multiselect("Country", sorted(dataset.sites["country"].dropna().unique()), key=K["countries"], on_change=widgets_changed)
    with sb.expander("More filters"):
        st.multiselect("Outcome", list(vocab.OUTCOMES), key=K["outcomes"], on_change=widgets_changed, format_func=_words)
        st.multiselect("Verification", list(vocab.VERIFICATIONS), key=K["verifications"], on_change=widgets_changed, format_func=_words)
        st.selectbox("Date precision", [None, "day", "week"], key=K["max_date_precision"], on_change=widgets_changed,
                     format_func=lambda v: "Any" if v is None else f"Known to the {v} or better", placeholder="Any")
        st.selectbox("Place precision", [None, "site", "city"], key=K["max_coord_precision"], on_change=widgets_changed,
                     format_func=lambda v: "Any" if v is None else f"Known to the {v} or better", placeholder="Any")
    sb.text_input("Search (English or Arabic)", key=K["query"], on_change=widgets_changed, max_chars=200,
                  placeholder="e.g. Ain al-Asad, عين الأسد, Tower 22")
