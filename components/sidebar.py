"""The shared sidebar filters, declared from the entry script so their values persist across pages."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from hudna import vocab
from hudna.dataset import Dataset
from components.i18n import LANGS, Translator
from components.url_state import WIDGET_KEYS as K
from components.url_state import widgets_changed


def faction_order(dataset: Dataset) -> list[str]:
    """Umbrellas followed by their members, then the other actors, so the hierarchy reads in the list."""
    return list(dataset.memo("sidebar.faction_order", lambda: _faction_order(dataset)))


def _faction_order(dataset: Dataset) -> list[str]:
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


def _faction_label(dataset: Dataset, lang: str):
    names = dataset.faction_names(lang)
    parents = dict(zip(dataset.factions["faction_id"], dataset.factions["parent_id"]))

    def label(fid: str) -> str:
        depth, node = 0, parents.get(fid)
        while isinstance(node, str) and depth < 5:
            depth, node = depth + 1, parents.get(node)
        return ("\u2003" * depth + "└ " if depth else "") + names.get(fid, fid)

    return label


def _period_label(dataset: Dataset, t: Translator):
    column = "name_ar" if t.rtl else "name_en"
    rows = {r.period_id: r for r in dataset.periods.itertuples()}

    def label(pid: str | None) -> str:
        if pid is None:
            return t("sidebar.any_time")
        r = rows[pid]
        end = t("sidebar.open") if pd.isna(r.end) else t.date(r.end, short=True)
        return f"{getattr(r, column)} ({t.value('kind', r.kind)}, {t.date(r.start, short=True)} – {end})"

    return label


def render_sidebar(dataset: Dataset, t: Translator) -> None:
    """Draw every filter widget; their values live in st.session_state under the keys of WIDGET_KEYS."""
    sb, on = st.sidebar, widgets_changed
    sb.radio(t("sidebar.language"), list(LANGS), key=K["lang"], on_change=on, horizontal=True,
             format_func={"en": "English", "ar": "العربية"}.get)
    sb.header(t("sidebar.filters"))
    first, last = dataset.incidents["date"].min(), dataset.incidents["date"].max()
    bounds = {} if pd.isna(first) else {"min_value": first.date(), "max_value": last.date()}
    cols = sb.columns(2)
    cols[0].date_input(t("sidebar.from"), key=K["date_from"], on_change=on, format="YYYY-MM-DD", **bounds)
    cols[1].date_input(t("sidebar.to"), key=K["date_to"], on_change=on, format="YYYY-MM-DD", **bounds)
    sb.selectbox(t("sidebar.period"), [None, *dataset.periods.sort_values("start")["period_id"]], key=K["period"], on_change=on,
                 format_func=_period_label(dataset, t), placeholder=t("sidebar.any_time"), help=t("sidebar.period_help"))
    sb.multiselect(t("sidebar.factions"), faction_order(dataset), key=K["factions"], on_change=on,
                   format_func=_faction_label(dataset, t.lang), help=t("sidebar.factions_help"),
                   placeholder=t("sidebar.choose"))
    sb.radio(t("sidebar.match_by"), ["actor", "claimed"], key=K["role"], on_change=on, horizontal=True,
             format_func=lambda v: t(f"sidebar.role_{v}"))

    def multiselect(label: str, options: list, key: str, fmt) -> None:
        sb.multiselect(label, options, key=K[key], on_change=on, format_func=fmt, placeholder=t("sidebar.choose"))

    multiselect(t("sidebar.event_type"), list(vocab.EVENT_TYPES), "event_types", lambda v: t.value("event_type", v))
    multiselect(t("sidebar.weapon"), list(vocab.WEAPONS), "weapons", lambda v: t.value("weapon", v))
    multiselect(t("sidebar.target"), faction_order(dataset), "targets", lambda f: dataset.faction_names(t.lang).get(f, f))
    multiselect(t("sidebar.country"), sorted(dataset.sites["country"].dropna().unique()), "countries", lambda c: t.value("country", c))
    with sb.expander(t("sidebar.more")):
        st.multiselect(t("sidebar.outcome"), list(vocab.OUTCOMES), key=K["outcomes"], on_change=on,
                       format_func=lambda v: t.value("outcome", v), placeholder=t("sidebar.choose"))
        st.multiselect(t("sidebar.verification"), list(vocab.VERIFICATIONS), key=K["verifications"], on_change=on,
                       format_func=lambda v: t.value("verification", v), placeholder=t("sidebar.choose"))
        st.selectbox(t("sidebar.date_precision"), [None, "day", "week"], key=K["max_date_precision"], on_change=on,
                     format_func=lambda v: t("sidebar.any") if v is None else t(f"sidebar.dprec_{v}"), placeholder=t("sidebar.any"))
        st.selectbox(t("sidebar.place_precision"), [None, "site", "city"], key=K["max_coord_precision"], on_change=on,
                     format_func=lambda v: t("sidebar.any") if v is None else t(f"sidebar.cprec_{v}"), placeholder=t("sidebar.any"))
    sb.text_input(t("sidebar.search"), key=K["query"], on_change=on, max_chars=200, placeholder=t("sidebar.search_placeholder"))
