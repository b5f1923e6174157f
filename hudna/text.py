"""Text search over incidents in English and Arabic, with Arabic spelling variants folded together."""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_TATWEEL = "\u0640"
# Folds that Arabic writers use interchangeably: hamza/madda forms of alef, final ta marbuta
# written as ha, alef maqsura written as ya, hamza carriers.
_ARABIC_FOLDS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي"})
_APOSTROPHES = re.compile("['\u2019\u2018`\u02bc\u02bf]")
_SEPARATORS = re.compile(r"[\s\-_.,;:!?()\[\]{}\"/\\|،؛؟]+")


def normalize(text: str) -> str:
    """Lower-case, fold Arabic variants and drop diacritics/tatweel; Kata'ib == Kataib, الأسد == الاسد."""
    text = unicodedata.normalize("NFKC", str(text)).casefold()
    text = _DIACRITICS.sub("", text).replace(_TATWEEL, "").translate(_ARABIC_FOLDS)
    text = _APOSTROPHES.sub("", text)
    return _SEPARATORS.sub(" ", text).strip()


def query_terms(query: str) -> list[str]:
    """The normalized words of a query; every one must match (AND)."""
    return [t for t in normalize(query).split(" ") if t]


def build_search_text(view: pd.DataFrame, factions: pd.DataFrame) -> pd.Series:
    """One normalized string per incident: summaries, milestone, site names, and actor names with aliases."""
    names = {
        fid: " ".join(str(v) for v in (en, ar, short, aliases) if isinstance(v, str))
        for fid, en, ar, short, aliases in factions[["faction_id", "name_en", "name_ar", "short", "aliases"]].itertuples(index=False)
    }
    parts = [view[c].fillna("").astype(str) for c in ("summary_en", "summary_ar", "milestone", "milestone_ar", "site_name_en", "site_name_ar", "incident_id")]
    for column in ("actor", "claimed_by", "target_actor"):
        parts.append(view[column].map(names).fillna("").astype(str))
    joined = parts[0].str.cat(parts[1:], sep=" ")
    # Normalizing each distinct string once matters when many incidents share text (synthetic data, sites).
    unique = pd.unique(joined)
    folded = dict(zip(unique, (normalize(t) for t in unique)))
    return joined.map(folded)


def matches(search_text: pd.Series, query: str) -> pd.Series:
    """Boolean mask: rows whose search text holds every query term."""
    mask = pd.Series(True, index=search_text.index)
    for term in query_terms(query):
        mask &= search_text.str.contains(term, regex=False)
    return mask
