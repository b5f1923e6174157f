"""Per-table column schemas (pandera) for the six dataset tables; cells are checked as text, before typing."""

from __future__ import annotations

import re

import pandas as pd
import pandera.pandas as pa

from hudna import vocab

ID_PATTERN = re.compile(r"^[A-Za-z0-9_\-]+$")
URL_PATTERN = re.compile(r"^https?://[^\s<>\"'`]+$", re.IGNORECASE)
HEX_COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")
ARABIC_LETTER = re.compile(r"[\u0600-\u06FF]")
LANGUAGE = re.compile(r"^[a-z]{2,3}$")
PARTIAL_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def _text(series: pd.Series) -> pd.Series:
    return series.astype(str)


def _matches(pattern: re.Pattern):
    return lambda s: _text(s).str.match(pattern.pattern, flags=pattern.flags)


def _is_date(s: pd.Series) -> pd.Series:
    text = _text(s)
    parsed = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
    return parsed.notna() & (text.str.len() == 10)


def _is_count(s: pd.Series) -> pd.Series:
    return _text(s).str.fullmatch(r"\d{1,9}")


def _in_range(lo: float, hi: float):
    return lambda s: pd.to_numeric(_text(s), errors="coerce").between(lo, hi)


def _urls_ok(s: pd.Series) -> pd.Series:
    parts = _text(s).str.split(vocab.URL_SEPARATOR.strip(), regex=False).explode().str.strip()
    return parts.str.match(URL_PATTERN.pattern, flags=URL_PATTERN.flags).groupby(level=0).all()


def _ids_ok(s: pd.Series) -> pd.Series:
    parts = _text(s).str.split(vocab.LIST_SEPARATOR, regex=False).explode().str.strip()
    return parts.str.match(ID_PATTERN.pattern).groupby(level=0).all()


def _vector(func, error: str) -> pa.Check:
    # Vectorised checks: a per-cell Python call would dominate loading at a million rows.
    return pa.Check(func, error=error)


def _col(*checks: pa.Check, required: bool = True) -> pa.Column:
    return pa.Column(None, nullable=not required, checks=list(checks), required=True)


def ident(required: bool = True) -> pa.Column:
    return _col(_vector(_matches(ID_PATTERN), "an id of letters, digits, _ or -"), required=required)


def enum(values: tuple[str, ...], required: bool = True) -> pa.Column:
    return _col(pa.Check.isin(list(values), error="one of: " + ", ".join(values)), required=required)


def text(required: bool = True) -> pa.Column:
    return _col(required=required)


def arabic_text(required: bool = True) -> pa.Column:
    return _col(_vector(lambda s: _text(s).str.contains(ARABIC_LETTER.pattern), "Arabic text"), required=required)


def date(required: bool = True) -> pa.Column:
    return _col(_vector(_is_date, "a date as YYYY-MM-DD"), required=required)


def count(required: bool = False) -> pa.Column:
    return _col(_vector(_is_count, "a whole number ≥ 0 (empty when unknown)"), required=required)


def coordinate(lo: float, hi: float) -> pa.Column:
    return _col(_vector(_in_range(lo, hi), f"a number from {lo:g} to {hi:g}"), required=False)


def url(required: bool = True, several: bool = False) -> pa.Column:
    if several:
        return _col(_vector(_urls_ok, "http(s) URLs separated by ' | '"), required=required)
    return _col(_vector(_matches(URL_PATTERN), "an http(s) URL"), required=required)


def id_list(required: bool = True) -> pa.Column:
    return _col(_vector(_ids_ok, "ids separated by ';'"), required=required)


INCIDENTS = pa.DataFrameSchema(
    {
        "incident_id": ident(),
        "date": date(),
        "date_precision": enum(vocab.DATE_PRECISIONS),
        "event_type": enum(vocab.EVENT_TYPES),
        "weapon": enum(vocab.WEAPONS),
        "actor": ident(required=False),
        "claimed_by": ident(required=False),
        "attribution": enum(vocab.ATTRIBUTIONS),
        "target_actor": ident(required=False),
        "site_id": ident(required=False),
        "outcome": enum(vocab.OUTCOMES, required=False),
        "killed": count(),
        "injured": count(),
        "verification": enum(vocab.VERIFICATIONS),
        "summary_en": text(),
        "summary_ar": arabic_text(),
        "milestone": text(required=False),
        "milestone_ar": arabic_text(required=False),
        "notes": text(required=False),
    },
    unique=["incident_id"],
)

SOURCES = pa.DataFrameSchema(
    {
        "incident_id": ident(),
        "url": url(),
        "outlet": text(),
        "published": _col(_vector(_matches(PARTIAL_DATE), "a date as YYYY-MM-DD, YYYY-MM or YYYY"), required=False),
        "language": _col(_vector(_matches(LANGUAGE), "a language code such as en or ar"), required=False),
        "kind": enum(vocab.SOURCE_KINDS),
    },
    unique=["incident_id", "url"],
)

SITES = pa.DataFrameSchema(
    {
        "site_id": ident(),
        "name_en": text(),
        "name_ar": arabic_text(),
        "kind": enum(vocab.SITE_KINDS),
        "country": text(required=False),
        "lat": coordinate(-90, 90),
        "lon": coordinate(-180, 180),
        "coord_precision": enum(vocab.COORD_PRECISIONS, required=False),
        "coord_source": url(required=False),
        "notes": text(required=False),
    },
    unique=["site_id"],
)

FACTIONS = pa.DataFrameSchema(
    {
        "faction_id": ident(),
        "name_en": text(),
        "name_ar": arabic_text(),
        "short": text(required=False),
        "parent_id": ident(required=False),
        "side": enum(vocab.SIDES),
        "color": _col(_vector(_matches(HEX_COLOR), "a colour as #RRGGBB")),
        "aliases": text(required=False),
        "source_url": url(required=False),
        "notes": text(required=False),
    },
    unique=["faction_id"],
)

PERIODS = pa.DataFrameSchema(
    {
        "period_id": ident(),
        "name_en": text(),
        "name_ar": arabic_text(),
        "kind": enum(vocab.PERIOD_KINDS),
        "start": date(),
        "end": date(required=False),
        "parties": id_list(),
        "description_en": text(),
        "description_ar": arabic_text(),
        "source_url": url(several=True),
        "notes": text(required=False),
    },
    unique=["period_id"],
)

REPORTED_COUNTS = pa.DataFrameSchema(
    {
        "as_of": date(),
        "counter": text(),
        "metric": enum(vocab.COUNT_METRICS),
        "window_start": date(),
        "total": count(required=True),
        "iraq": count(),
        "syria": count(),
        "country": text(required=False),
        "note": text(required=False),
        "source_url": url(),
    },
)

# File name -> schema, in the order tables are loaded and reported.
TABLES: dict[str, pa.DataFrameSchema] = {
    "incidents": INCIDENTS,
    "sources": SOURCES,
    "sites": SITES,
    "factions": FACTIONS,
    "periods": PERIODS,
    "reported_counts": REPORTED_COUNTS,
}
