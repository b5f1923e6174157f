"""FilterState: every filter in one frozen object, with its query-string codec, its mask and its description."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, fields, replace
from typing import Mapping

import numpy as np
import pandas as pd

from hudna import vocab
from hudna.dataset import Dataset, take_rows

LANGS = ("en", "ar")
ROLES = ("actor", "claimed")  # filter factions by who did it (as attributed) or who claimed it
MAX_QUERY = 200
_TOKEN = re.compile(r"^[A-Za-z0-9_\-. ']{1,80}$")


class Notice(str):
    """A message about a link, in English, that also carries a code and values so an interface can translate it."""

    code: str
    values: dict

    def __new__(cls, code: str, text: str, **values):
        notice = super().__new__(cls, text)
        notice.code, notice.values = code, values
        return notice


def _unknown_key(key) -> Notice:
    return Notice("unknown_key", f"Ignored unknown link parameter “{_short(key)}”.", key=_short(key))


@dataclass(frozen=True)
class Catalog:
    """The ids a dataset knows, so a URL naming an unknown faction or site gets a notice, not a silent miss."""

    factions: frozenset = frozenset()
    countries: frozenset = frozenset()
    periods: frozenset = frozenset()
    incidents: frozenset = frozenset()

    @classmethod
    def of(cls, ds: Dataset) -> "Catalog":
        return cls(
            factions=frozenset(ds.factions["faction_id"]),
            countries=frozenset(ds.sites["country"].dropna()),
            periods=frozenset(ds.periods["period_id"]),
            incidents=frozenset(ds.incidents["incident_id"]),
        )


@dataclass(frozen=True)
class FilterState:
    """One view of the data. Multi-valued fields are sorted tuples; empty means no restriction."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    factions: tuple[str, ...] = ()
    role: str = "actor"
    event_types: tuple[str, ...] = ()
    weapons: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    outcomes: tuple[str, ...] = ()
    verifications: tuple[str, ...] = ()
    max_date_precision: str | None = None
    max_coord_precision: str | None = None
    query: str = ""
    period: str | None = None
    incident: str | None = None
    lang: str = "en"
    version: str | None = None

    def __post_init__(self):
        # Canonical form: one view has one state, so one URL.
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, (tuple, list, set, frozenset)):
                object.__setattr__(self, f.name, tuple(sorted(set(value))))
        object.__setattr__(self, "query", " ".join(str(self.query).split())[:MAX_QUERY])

    # --- the query-string codec -------------------------------------------------------------
    @classmethod
    def from_query_params(cls, params: Mapping, catalog: Catalog | None = None) -> tuple["FilterState", list["Notice"]]:
        """Lenient parse: unknown keys and malformed values are dropped and described in `notices`."""
        notices: list[Notice] = []
        values: dict = {}
        for key, raw in params.items():
            spec = KEYS.get(str(key))
            if spec is None:
                notices.append(_unknown_key(key))
                continue
            value, notice = spec.parse(_as_text(raw), catalog)
            if notice:
                notices.append(Notice(notice.code, f"Link parameter “{key}”: {notice}", key=str(key), **notice.values))
            if value is not None:
                values[spec.attr] = value
        state = cls(**values)
        if state.date_from and state.date_to and state.date_from > state.date_to:
            notices.append(Notice("swapped_dates", "Link parameters “from” and “to” were in the wrong order; they were swapped."))
            state = replace(state, date_from=state.date_to, date_to=state.date_from)
        return state, notices

    def to_query_params(self) -> dict[str, str]:
        """Canonical query mapping: sorted keys, defaults left out."""
        out = {}
        for key, spec in KEYS.items():
            value = getattr(self, spec.attr)
            if value != spec.default:
                out[key] = spec.format(value)
        return dict(sorted(out.items()))

    # --- applying ---------------------------------------------------------------------------
    def apply(self, ds: Dataset) -> pd.DataFrame:
        """The incident view rows this state keeps (an incident is kept if its date window overlaps the range)."""
        mask = self.mask(ds)
        if mask.all():  # a new frame over the same data: copy-on-write keeps the shared view safe from callers
            return ds.incident_view.copy(deep=False)
        return take_rows(ds.incident_view, np.flatnonzero(mask))

    def mask(self, ds: Dataset) -> np.ndarray:
        """Boolean array over the incident view: numpy passes over precomputed codes (fast at a million rows)."""
        index = ds.filter_index
        mask = np.ones(len(ds.incident_view), dtype=bool)
        start, end = self.date_range(ds)
        if start is not None:
            mask &= index.end_ns >= pd.Timestamp(start).value
        if end is not None:
            mask &= index.start_ns <= pd.Timestamp(end).value
        if self.factions:
            mask &= index.isin("claimed_by" if self.role == "claimed" else "actor", ds.with_descendants(self.factions))
        for attr, column in _ISIN_COLUMNS:
            wanted = getattr(self, attr)
            if wanted:
                mask &= index.isin(column, wanted)
        if self.max_date_precision:
            mask &= index.date_rank <= vocab.PRECISION_RANK[self.max_date_precision]
        if self.max_coord_precision:
            mask &= index.coord_rank <= vocab.PRECISION_RANK[self.max_coord_precision]
        if self.query and mask.any():
            # Search only the rows still in: the string scan shrinks with every other filter.
            rows = None if mask.all() else np.flatnonzero(mask)
            hits = ds.search_index.matches(self.query, rows)
            if rows is None:
                mask &= hits
            else:
                mask[rows[~hits]] = False
        return mask

    def date_range(self, ds: Dataset) -> tuple[dt.date | None, dt.date | None]:
        """The effective date range: the explicit dates, narrowed by the chosen period (open periods run to the data's end)."""
        start, end = self.date_from, self.date_to
        if self.period:
            rows = ds.periods[ds.periods["period_id"] == self.period]
            if len(rows):
                p_start = rows["start"].iloc[0].date()
                p_end = rows["end"].iloc[0]
                # An open period runs to the data's last date (never before its own start).
                p_end = max(p_start, ds.last_date() or p_start) if pd.isna(p_end) else p_end.date()
                start = max(start, p_start) if start else p_start
                end = min(end, p_end) if end and p_end else (end or p_end)
        return start, end

    def is_default(self) -> bool:
        return self.without("lang", "version", "incident") == FilterState()

    def without(self, *attrs: str) -> "FilterState":
        return replace(self, **{a: FilterState.__dataclass_fields__[a].default for a in attrs})

    # --- words ------------------------------------------------------------------------------
    def describe(self, names: Mapping[str, str] | None = None, periods: Mapping[str, str] | None = None,
                 words: Mapping[str, str] | None = None, day=None) -> str:
        """The filter in words, e.g. “Kata'ib Hezbollah, weapon: drone, 1 Feb 2024 – 30 Apr 2024”.

        `words` and `day` let an interface say it in another language (see DESCRIBE_WORDS for the keys).
        """
        names, w, day = names or {}, {**DESCRIBE_WORDS, **(words or {})}, day or _day
        parts = []
        if self.factions:
            who = w["or"].join(names.get(f, f) for f in self.factions)
            parts.append(who + (w["as_claimant"] if self.role == "claimed" else ""))
        for attr, label in _DESCRIBED:
            values = getattr(self, attr)
            if values:
                parts.append(w[label] + w["or"].join(names.get(v, v).replace("_", " ") for v in values))
        if self.max_date_precision:
            parts.append(w["dprec_" + self.max_date_precision])
        if self.max_coord_precision:
            parts.append(w["cprec_" + self.max_coord_precision])
        if self.query:
            parts.append(w["matching"].format(query=self.query))
        if self.period:
            parts.append(w["during"].format(period=(periods or {}).get(self.period, self.period)))
        if self.date_from or self.date_to:
            parts.append(f"{day(self.date_from) if self.date_from else w['start']} – {day(self.date_to) if self.date_to else w['latest']}")
        return w["sep"].join(parts) if parts else w["all"]


# The English words of describe(); an interface passes its own for another language.
DESCRIBE_WORDS = {
    "all": "All incidents", "sep": ", ", "or": " or ", "as_claimant": " (as claimant)",
    "type": "type: ", "weapon": "weapon: ", "target": "target: ", "country": "country: ", "outcome": "outcome: ",
    "verification": "verification: ",
    "dprec_day": "dates known to the day or better", "dprec_week": "dates known to the week or better",
    "cprec_site": "places known to the site or better", "cprec_city": "places known to the city or better",
    "matching": "matching “{query}”", "during": "during {period}", "start": "start", "latest": "latest",
}


def _day(value: dt.date | None) -> str:
    return f"{value.day} {value:%b %Y}" if value else ""


_ISIN_COLUMNS = (
    ("event_types", "event_type"), ("weapons", "weapon"), ("targets", "target_actor"),
    ("countries", "country"), ("outcomes", "outcome"), ("verifications", "verification"),
)
_DESCRIBED = (
    ("event_types", "type"), ("weapons", "weapon"), ("targets", "target"), ("countries", "country"),
    ("outcomes", "outcome"), ("verifications", "verification"),
)


# --- one declarative table drives parsing, formatting and the codebook ------------------------
@dataclass(frozen=True)
class _Key:
    attr: str
    kind: str  # date / enum / enums / ids / text / id
    allowed: tuple = ()
    catalog_field: str | None = None
    default: object = None
    doc: str = ""

    def parse(self, text: str, catalog: Catalog | None):
        text = text.strip()
        if self.kind == "date":
            try:
                return dt.date.fromisoformat(text), None
            except ValueError:
                return None, Notice("bad_date", f"“{_short(text)}” is not a date (YYYY-MM-DD); ignored.", value=_short(text))
        if self.kind == "text":
            cut = Notice("cut_query", f"cut to {MAX_QUERY} characters.", limit=MAX_QUERY)
            return text, (cut if len(text) > MAX_QUERY else None)
        known = self._known(catalog)
        items = [t.strip() for t in text.split(",") if t.strip()] if self.kind in ("enums", "ids") else [text]
        good = [t for t in items if (t in known if known is not None else _TOKEN.match(t))]
        bad = [t for t in items if t not in good]
        shown = ", ".join(f"“{_short(b)}”" for b in bad)
        notice = Notice("unknown_values", f"unknown value(s) {shown} ignored.", values_list=shown) if bad else None
        if self.kind in ("enums", "ids"):
            return (tuple(good) if good else None), notice
        return (good[0] if good else None), notice

    def _known(self, catalog: Catalog | None):
        if self.allowed:
            return set(self.allowed)
        if catalog is not None and self.catalog_field:
            return set(getattr(catalog, self.catalog_field))
        return None

    def format(self, value) -> str:
        if self.kind == "date":
            return value.isoformat()
        if isinstance(value, tuple):
            return ",".join(value)
        return str(value)


KEYS: dict[str, _Key] = {
    "from": _Key("date_from", "date", doc="first day of the date range (YYYY-MM-DD)"),
    "to": _Key("date_to", "date", doc="last day of the date range (YYYY-MM-DD)"),
    "faction": _Key("factions", "ids", catalog_field="factions", default=(), doc="faction ids, comma-separated; an umbrella includes its members"),
    "by": _Key("role", "enum", allowed=ROLES, default="actor", doc="match factions as `actor` (attributed, default) or `claimed` (claimant)"),
    "type": _Key("event_types", "enums", allowed=vocab.EVENT_TYPES, default=(), doc="event types, comma-separated"),
    "weapon": _Key("weapons", "enums", allowed=vocab.WEAPONS, default=(), doc="weapons, comma-separated"),
    "target": _Key("targets", "ids", catalog_field="factions", default=(), doc="target actor ids, comma-separated"),
    "country": _Key("countries", "ids", catalog_field="countries", default=(), doc="countries of the site, comma-separated"),
    "outcome": _Key("outcomes", "enums", allowed=vocab.OUTCOMES, default=(), doc="outcomes, comma-separated"),
    "verification": _Key("verifications", "enums", allowed=vocab.VERIFICATIONS, default=(), doc="verification states, comma-separated"),
    "dprec": _Key("max_date_precision", "enum", allowed=("day", "week"), doc="keep only dates known to this precision or better (`day`, `week`)"),
    "cprec": _Key("max_coord_precision", "enum", allowed=("site", "city"), doc="keep only places known to this precision or better (`site`, `city`)"),
    "q": _Key("query", "text", default="", doc="text search over summaries, sites and factions (English or Arabic)"),
    "period": _Key("period", "id", catalog_field="periods", doc="a period id: restricts dates to that truce, pause or escalation"),
    "incident": _Key("incident", "id", catalog_field="incidents", doc="the selected incident id"),
    "lang": _Key("lang", "enum", allowed=LANGS, default="en", doc="interface language, `en` (default) or `ar`"),
    "v": _Key("version", "id", doc="the dataset version the link was made on"),
}


def _as_text(raw) -> str:
    if isinstance(raw, (list, tuple)):
        return ",".join(str(r) for r in raw)
    return str(raw)


def _short(text, limit: int = 40) -> str:
    text = str(text)
    return text if len(text) <= limit else text[:limit] + "…"

