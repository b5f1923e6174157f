"""Text search over incidents in English and Arabic, with Arabic spelling variants folded together."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow.compute as pc

# Folds that Arabic writers use interchangeably: hamza/madda forms of alef, final ta marbuta
# written as ha, alef maqsura written as ya, hamza carriers. Applied as vectorised regex passes.
_FOLDS = (
    ("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]", ""),  # diacritics and tatweel
    ("[أإآٱ]", "ا"),
    ("ة", "ه"),
    ("ى", "ي"),
    ("ؤ", "و"),
    ("ئ", "ي"),
    ("['\u2019\u2018`\u02bc\u02bf]", ""),  # Kata'ib == Kataib
    ("[\\s\\-_.,;:!?()\\[\\]{}\"/\\\\|،؛؟]+", " "),
)


def normalize_series(texts: pd.Series) -> pd.Series:
    """Vectorised `normalize` for many strings (a million summaries fold in about a second)."""
    out = texts.fillna("").astype("str").str.normalize("NFKC").str.lower()
    for pattern, replacement in _FOLDS:
        out = out.str.replace(pattern, replacement, regex=True)
    return out.str.strip()


def normalize(text: str) -> str:
    """Lower-case, fold Arabic variants and drop diacritics/tatweel; Kata'ib == Kataib, الأسد == الاسد."""
    return normalize_series(pd.Series([str(text)], dtype="str")).iloc[0]


def query_terms(query: str) -> list[str]:
    """The normalized words of a query; every one must match (AND)."""
    return [t for t in normalize(query).split(" ") if t]


ENTITY_COLUMNS = ("site_id", "actor", "claimed_by", "target_actor")


@dataclass(frozen=True)
class SearchIndex:
    """Normalized text per incident (its own words) plus per-site and per-faction names, searched once per entity."""

    rows: pd.Series  # summaries, milestones and id of each incident-view row
    entity_ids: dict  # column -> codes per row (pd.Categorical) for site_id/actor/claimed_by/target_actor
    entity_text: dict  # "site" / "faction" -> Series of normalized names indexed by id

    def matches(self, query: str, rows: np.ndarray | None = None) -> np.ndarray:
        """Boolean array over `rows` (all rows when None): every term is in the incident's text or its entities' names."""
        rows = np.arange(len(self.rows)) if rows is None else rows
        keep = np.ones(len(rows), dtype=bool)
        # Longest terms first: they are the most selective, so later scans cover fewer rows.
        for term in sorted(query_terms(query), key=len, reverse=True):
            live = rows[keep]
            hit = _contains(self.rows.iloc[live] if len(live) < len(self.rows) else self.rows, term)
            for column in ENTITY_COLUMNS:
                named = self.entity_text["site" if column == "site_id" else "faction"]
                ids = named.index[named.str.contains(term, regex=False).to_numpy(dtype=bool)]
                if len(ids):
                    cat = self.entity_ids[column]
                    codes = [cat.categories.get_loc(i) for i in ids if i in cat.categories]
                    hit |= np.isin(cat.codes[live], codes)
            keep[np.flatnonzero(keep)[~hit]] = False
            if not keep.any():
                break
        return keep


def build_search_index(view: pd.DataFrame, factions: pd.DataFrame, sites: pd.DataFrame) -> SearchIndex:
    parts = [view[c].fillna("").astype(str) for c in ("summary_en", "summary_ar", "milestone", "milestone_ar", "notes", "incident_id")]
    rows = normalize_series(parts[0].str.cat(parts[1:], sep=" ").astype("str"))
    faction_text = factions[["name_en", "name_ar", "short", "aliases", "faction_id"]].fillna("").astype(str).agg(" ".join, axis=1)
    site_text = sites[["name_en", "name_ar", "site_id"]].fillna("").astype(str).agg(" ".join, axis=1)
    return SearchIndex(
        rows=rows,
        entity_ids={c: pd.Categorical(view[c]) for c in ENTITY_COLUMNS},
        entity_text={
            "faction": pd.Series(normalize_series(faction_text).to_numpy(), index=factions["faction_id"].to_numpy()),
            "site": pd.Series(normalize_series(site_text).to_numpy(), index=sites["site_id"].to_numpy()),
        },
    )


def _contains(texts: pd.Series, term: str) -> np.ndarray:
    arrow = getattr(texts.array, "_pa_array", None)
    if arrow is not None:  # Arrow's substring kernel, no regex, no Python per row
        return np.asarray(pc.match_substring(arrow, term).to_numpy(zero_copy_only=False), dtype=bool)
    return texts.str.contains(term, regex=False).to_numpy(dtype=bool, na_value=False)
