"""Text search over incidents in English and Arabic, with Arabic spelling variants folded together."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from hudna.parallel import map_both

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
    return list(_query_terms(query))


@lru_cache(maxsize=512)
def _query_terms(query: str) -> tuple[str, ...]:
    # A query stays in the sidebar across reruns and page switches: fold it once, not on every run
    # (the vectorised fold costs a few ms even for one string).
    return tuple(t for t in normalize(query).split(" ") if t)


ENTITY_COLUMNS = ("site_id", "actor", "claimed_by", "target_actor")

# Below this share of all rows, scanning the surviving rows' text beats a pass over the token index.
_SCAN_SHARE = 0.1


@dataclass(frozen=True)
class TokenIndex:
    """Every distinct word of the normalized texts with the rows it occurs in (postings sorted by word).

    Query terms never contain a space and the texts are single-space separated, so a term occurs in a row
    exactly when it occurs inside one of the row's words: matching the distinct words (about a tenth of the
    text at a million rows) and expanding their postings gives the same answer as scanning every row.
    """

    words: pa.Array  # distinct words
    counts: np.ndarray  # postings per word
    offsets: np.ndarray  # start of each word's postings
    postings: np.ndarray  # row numbers, grouped by word
    size: int  # number of rows

    def rows_containing(self, term: str) -> np.ndarray:
        """Boolean array over all rows: the term is a substring of one of the row's words."""
        words = np.flatnonzero(_contains_arrow(self.words, term))
        hit = np.zeros(self.size, dtype=bool)
        total = int(self.counts[words].sum())
        if total == 0:
            return hit
        if len(words) <= 16:  # a few words (the usual query): scatter their posting slices directly
            for word in words:
                hit[self.postings[self.offsets[word]:self.offsets[word] + self.counts[word]]] = True
        elif total * 8 < len(self.postings):  # few postings: gather just those slices
            starts = np.repeat(self.offsets[words] - np.cumsum(self.counts[words]) + self.counts[words], self.counts[words])
            hit[self.postings[starts + np.arange(total)]] = True
        else:  # many: one pass over all postings
            chosen = np.zeros(len(self.words), dtype=bool)
            chosen[words] = True
            hit[self.postings[np.repeat(chosen, self.counts)]] = True
        return hit


def build_token_index(texts: pd.Series) -> TokenIndex:
    """Split single-space separated texts into words and group row numbers by word (Arrow kernels, no Python per row)."""
    array = getattr(texts.array, "_pa_array", None)
    if array is None:
        array = pa.array(texts.to_numpy(dtype=object), type=pa.large_string())
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks()
    lists = pc.split_pattern(array, " ")
    encoded = pc.dictionary_encode(pc.list_flatten(lists))
    codes = encoded.indices.to_numpy(zero_copy_only=False)
    parents = pc.list_parent_indices(lists).to_numpy(zero_copy_only=False)
    counts = np.bincount(codes, minlength=len(encoded.dictionary))
    order = np.argsort(codes, kind="stable")
    return TokenIndex(
        words=encoded.dictionary,
        counts=counts,
        offsets=np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.int64),
        postings=parents[order].astype(np.int32 if len(texts) < 2**31 else np.int64),
        size=len(texts),
    )


@dataclass(frozen=True)
class SearchIndex:
    """Normalized text per incident (its own words) plus per-site and per-faction names, searched once per entity."""

    rows: pd.Series  # summaries, milestones and id of each incident-view row
    tokens: TokenIndex  # the same text by word, for searches over most rows
    entity_ids: dict  # column -> codes per row (pd.Categorical) for site_id/actor/claimed_by/target_actor
    entity_text: dict  # "site" / "faction" -> Series of normalized names indexed by id

    def matches(self, query: str, rows: np.ndarray | None = None) -> np.ndarray:
        """Boolean array over `rows` (all rows when None): every term is in the incident's text or its entities' names."""
        rows = np.arange(len(self.rows)) if rows is None else rows
        keep = np.ones(len(rows), dtype=bool)
        # Longest terms first: they are the most selective, so later scans cover fewer rows.
        for term in sorted(_query_terms(query), key=len, reverse=True):
            live = np.flatnonzero(keep)
            if len(live) < _SCAN_SHARE * len(self.rows):  # few rows left: read their text directly
                chosen = rows[live]
                hit = _contains(self.rows.iloc[chosen], term) | self._names_contain(term, chosen)
            else:  # most rows: whole-array passes over the word index beat gathering the survivors first
                hit = (self.tokens.rows_containing(term) | self._names_contain(term))[rows[live]]
            keep[live[~hit]] = False
            if not keep.any():
                break
        return keep

    def _names_contain(self, term: str, rows: np.ndarray | None = None) -> np.ndarray:
        """Boolean array over `rows` (all when None): the row's site or one of its factions has the term in its names."""
        hit = np.zeros(len(self.rows) if rows is None else len(rows), dtype=bool)
        for column in ENTITY_COLUMNS:
            named = self.entity_text["site" if column == "site_id" else "faction"]
            ids = named.index[named.str.contains(term, regex=False).to_numpy(dtype=bool)]
            cat = self.entity_ids[column]
            found = [cat.categories.get_loc(i) for i in ids if i in cat.categories]
            if found:
                lookup = np.zeros(len(cat.categories) + 1, dtype=bool)  # last slot: code -1, no entity
                lookup[found] = True
                hit |= lookup[cat.codes if rows is None else cat.codes[rows]]
        return hit


def build_search_index(view: pd.DataFrame, factions: pd.DataFrame, sites: pd.DataFrame) -> SearchIndex:
    parts = [view[c].fillna("").astype(str) for c in ("summary_en", "summary_ar", "milestone", "milestone_ar", "notes", "incident_id")]
    rows = normalize_series(parts[0].str.cat(parts[1:], sep=" ").astype("str"))
    faction_text = factions[["name_en", "name_ar", "short", "aliases", "faction_id"]].fillna("").astype(str).agg(" ".join, axis=1)
    site_text = sites[["name_en", "name_ar", "site_id"]].fillna("").astype(str).agg(" ".join, axis=1)
    return SearchIndex(
        rows=rows,
        tokens=build_token_index(rows),
        entity_ids={c: pd.Categorical(view[c]) for c in ENTITY_COLUMNS},
        entity_text={
            "faction": pd.Series(normalize_series(faction_text).to_numpy(), index=factions["faction_id"].to_numpy()),
            "site": pd.Series(normalize_series(site_text).to_numpy(), index=sites["site_id"].to_numpy()),
        },
    )


def _contains(texts: pd.Series, term: str) -> np.ndarray:
    arrow = getattr(texts.array, "_pa_array", None)
    if arrow is not None:  # Arrow's substring kernel, no regex, no Python per row
        return _contains_arrow(arrow, term)
    return texts.str.contains(term, regex=False).to_numpy(dtype=bool, na_value=False)


# Above this many strings, a substring scan is split in two halves that run at once.
_PARALLEL_SCAN = 100_000


def _contains_arrow(array, term: str) -> np.ndarray:
    def scan(part) -> np.ndarray:
        return np.asarray(pc.match_substring(part, term).to_numpy(zero_copy_only=False), dtype=bool)

    if len(array) < _PARALLEL_SCAN:
        return scan(array)
    half = len(array) // 2
    return np.concatenate(map_both(scan, array.slice(0, half), array.slice(half)))
