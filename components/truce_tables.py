"""Markdown tables for the Truces page, in the reader's language, where every number links to the rows behind it; no streamlit here."""

from __future__ import annotations

import datetime as dt
import math
from urllib.parse import urlencode

import pandas as pd

from components.i18n import Translator, translator
from components.safe import md_escape
from hudna import truces
from hudna.dataset import Dataset
from hudna.filters import FilterState

MAX_ROWS = 50  # longer lists are cut to the latest rows; the charts show all
SUPERSET = "⊇"  # marks a link that opens a wider view containing the counted rows
# Unicode direction marks. Arabic cells start with RLM so each reads right to left whatever its first letter (an
# id such as T1); numbers with ranges sit in a left-to-right isolate so "1.41–7.21" is never shown as "7.21–1.41".
RLM, LRI, RLI, PDI = "\u200f", "\u2066", "\u2067", "\u2069"
NBSP, WJ = "\u00a0", "\u2060"  # a space and a joiner that no line is broken at
COUNTS_AS = {truces.BREACH: "truces.counts.breach", truces.UNATTRIBUTED: "truces.counts.unattributed",
             truces.NON_PARTY: "truces.counts.non_party"}
# Literal keys (the catalogue test looks for each in the code), in the order of hudna.truces.DEFINITIONS.
DEFINITION_KEYS = ("truces.def.window", "truces.def.duration", "truces.def.rate", "truces.def.ratio", "truces.def.breach",
                   "truces.def.unattributed", "truces.def.non_party", "truces.def.first_breach", "truces.def.reaction",
                   "truces.def.adherence", "truces.def.action_reaction", "truces.def.current_state")
DAYS_KEYS = {"zero": "truces.days.zero", "one": "truces.days.one", "two": "truces.days.two", "few": "truces.days.few",
             "many": "truces.days.many", "other": "truces.days.other"}


def _t(t: Translator | None) -> Translator:
    return t or translator("en")


def ltr(text: str, t: Translator) -> str:
    """Digits, ranges and intervals keep their left-to-right order inside Arabic text."""
    return f"{LRI}{text}{PDI}" if t.rtl else text


def rtl_line(text: str, t: Translator) -> str:
    """A line or cell that reads right to left in Arabic even when it starts with an id such as T1."""
    return f"{RLM}{text}" if t.rtl else text


def rtl(text: str, t: Translator) -> str:
    """A label that reads right to left even where the surrounding text does not (plotly's SVG is left to right)."""
    return f"{RLI}{text}{PDI}" if t.rtl else text


def superset(t: Translator) -> str:
    # Isolated, so Arabic text does not mirror it into ⊆ (the codebook and the English page show ⊇).
    return ltr(SUPERSET, t)


def legend(t: Translator | None = None) -> str:
    t = _t(t)
    return t("truces.legend", superset=superset(t))


def definitions_markdown(t: Translator | None = None) -> str:
    t = _t(t)
    return "\n".join(f"- {t(key)}" for key in DEFINITION_KEYS)


def plural(n: int) -> str:
    """CLDR plural category of a count of days (Arabic has six; English uses only "one" and the rest alike)."""
    tail = n % 100
    return {0: "zero", 1: "one", 2: "two"}.get(n) or ("few" if 3 <= tail <= 10 else "many" if 11 <= tail <= 99 else "other")


def days_text(low: int, high: int | None = None, t: Translator | None = None) -> str:
    """“5 days”, “يومين”, or a range “10–19 days” (its noun agrees with the upper end, as in Arabic)."""
    t, high = _t(t), low if high is None else high
    if low == high:
        return t(DAYS_KEYS[plural(int(low))], n=low)
    category = plural(int(high))
    return t(DAYS_KEYS[category if category in ("few", "many") else "other"], n=ltr(f"{low}–{high}", t))


def rows_url(state: FilterState, page: str = "incidents") -> str:
    """A link to a page with this state; the query is the state's own canonical one."""
    query = urlencode(state.to_query_params(), safe=",")
    return f"/{page}?{query}" if query else f"/{page}"


def linked(value, state: FilterState | None, exact: bool = True, t: Translator | None = None) -> str:
    text = str(value)
    if state is None:
        return text
    return f"[{text}]({rows_url(state)})" + ("" if exact else f" {superset(_t(t))}")


def single(incident_id: str, state: FilterState) -> FilterState:
    """One incident's record, whatever the filters (a strike is never filtered out by a faction filter)."""
    return FilterState(incident=incident_id, version=state.version, lang=state.lang)


def views(state: FilterState, t: Translator) -> str:
    pages = (("incidents", "truces.open_incidents"), ("timeline", "truces.open_timeline"), ("map", "truces.open_map"))
    return " · ".join(f"[{t(key)}]({rows_url(state, page)})" for page, key in pages)


def day(value, t: Translator | None = None) -> str:
    return "—" if value is None or pd.isna(value) else _t(t).date(value, short=True)


def span(start, end, is_open: bool = False, t: Translator | None = None) -> str:
    """“1 Jan – 14 Jan 2024”: the first year is left out when both ends share it (Arabic month names are long)."""
    t, first = _t(t), day(start, t)
    if start is not None and end is not None and not pd.isna(start) and not pd.isna(end) and start.year == end.year:
        first = first.removesuffix(f" {start.year}")
    return f"{first} – {day(end, t)}" + (f" ({t('sidebar.open')})" if is_open else "")


def num(x: float, digits: int = 2) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "—"
    return "∞" if math.isinf(x) else f"{x:.{digits}f}"


def interval(estimate: float, low: float, high: float, t: Translator | None = None) -> str:
    if estimate is None or math.isnan(estimate):
        return "—"
    t, text = _t(t), f"{num(estimate)} ({num(low)}–{num(high)})"
    # In Arabic the interval is one unbreakable left-to-right piece: broken over two lines of a right-to-left cell,
    # its halves would be read in the wrong order.
    return ltr(text.replace(" ", NBSP).replace("–", "–" + WJ), t) if t.rtl else text


def table(header: list[str], rows: list[list[str]], total: int | None = None, t: Translator | None = None) -> str:
    """A Markdown table; `total` > len(rows) adds a line saying the list was cut to the latest rows."""
    t = _t(t)
    lines = ["| " + " | ".join(rtl_line(h, t) for h in header) + " |", "|" + "---|" * len(header)]
    text = "\n".join(lines + ["| " + " | ".join(rtl_line(c, t) for c in r) + " |" for r in rows])
    cut = total and total > len(rows)
    return text + (f"\n\n*{t('truces.latest', shown=len(rows), total=total)}*" if cut else "")


def period_name(row, t: Translator) -> str:
    """A period's name in the reader's language (the user's own range has none in the data)."""
    if row.period_id == truces.SELECTION_ID:
        return t("truces.selected_range")
    arabic = getattr(row, "name_ar", None)
    return arabic if t.rtl and isinstance(arabic, str) and arabic else row.name


def kind_text(kind: str, t: Translator) -> str:
    return t("truces.kind_selection") if kind == "selection" else t.value("kind", kind)


def _label(pid: str, name: str) -> str:
    return f"**{md_escape(pid)}** {md_escape(name)}" if pid else f"**{md_escape(name)}**"


def rates_markdown(rates: pd.DataFrame, state: FilterState, t: Translator | None = None) -> str:
    """Each period's count, rate per week and rate ratio against the window before, every count linked."""
    t, rows = _t(t), []
    for r in rates.itertuples():
        own = state if r.period_id == truces.SELECTION_ID else truces.with_period(state, r.period_id)
        before = truces.with_period(state, None, date_from=r.before_start, date_to=r.before_end)
        straddle = f" ({t('truces.straddle', count=r.straddling)})" if r.straddling else ""
        rows.append([_label(r.period_id, period_name(r, t)), md_escape(kind_text(r.kind, t)), span(r.start, r.end, r.is_open, t),
                     str(r.days), linked(r.incidents, own) + straddle, interval(r.rate, r.rate_low, r.rate_high, t),
                     linked(r.before_incidents, before) if r.before_covered else t("truces.before_data"),
                     interval(r.ratio, r.ratio_low, r.ratio_high, t) if r.before_covered else "—", views(own, t)])
    return table([t("col.period"), t("col.kind"), t("truces.col.dates"), t("truces.col.days"), t("col.incidents"),
                  t("truces.col.rate"), t("truces.col.before"), t("truces.col.ratio"), t("truces.col.open_on")], rows, t=t)


def _who(actor, names: dict, t: Translator) -> str:
    return md_escape(names.get(actor, actor)) if isinstance(actor, str) else t("value.unknown")


def _site(row, t: Translator) -> str | None:
    """The site's name in the reader's language, else in the other one (None when the place is unknown)."""
    names = (row.site_name_ar, row.site_name_en) if t.rtl else (row.site_name_en, row.site_name_ar)
    return next((md_escape(n) for n in names if isinstance(n, str)), None)


def _claim(row, names: dict, t: Translator) -> str:
    return t("truces.claimed_by", who=_who(row.claimed_by, names, t)) if isinstance(row.claimed_by, str) else t("truces.unclaimed")


def days_after(row, t: Translator | None = None) -> str:
    """Days after the truce began; a range when the date is known only to the week or month."""
    low, high = row.days_after_min, row.days_after_max
    return f"{low}" if low == high else ltr(f"{low}–{high}", _t(t))


def first_breach_text(b: pd.Series | None, names: dict, t: Translator | None = None) -> str:
    t = _t(t)
    if b is None:
        return t("truces.none")
    return t("truces.first_breach_text", date=day(b.date, t), after=days_text(b.days_after_min, b.days_after_max, t),
             type=md_escape(t.value("event_type", b.event_type)), actor=_who(b.actor, names, t),
             place=_site(b, t) or t("truces.unknown_place"), claim=_claim(b, names, t))


def reaction_text(b: pd.Series | None, t: Translator | None = None) -> str:
    t = _t(t)
    if b is None or b.event_type != "attack":
        return "—"
    if pd.isna(b.next_strike_days):
        return t("truces.no_strike_after")
    strike = md_escape(b.next_strike_id)
    if b.next_strike_days == 0:
        return t("truces.same_day", id=strike)
    return t("truces.days_later", span=days_text(int(b.next_strike_days), t=t), id=strike)


def summary_markdown(ds: Dataset, summary: pd.DataFrame, state: FilterState, t: Translator | None = None) -> str:
    """One row per truce or pause: breaches (linked), the first breach and what followed it."""
    t, rows = _t(t), []
    names = ds.faction_names(t.lang)
    for r in summary.itertuples():
        who, exact = truces.breach_filter(ds, state, r.period_id, r.parties)
        rows.append([_label(r.period_id, period_name(r, t)), span(r.start, r.end, r.is_open, t), str(r.days),
                     linked(r.breaches, who, exact, t), str(r.unattributed), str(r.non_party),
                     first_breach_text(r.first_breach, names, t), reaction_text(r.first_breach, t)])
    return table([t("truces.col.truce"), t("truces.col.dates"), t("truces.col.days"), t("truces.col.breaches"),
                  t("truces.col.unattributed"), t("truces.col.non_party"), t("truces.col.first_breach"),
                  t("truces.col.next_strike_after")], rows, t=t)


def per_faction_markdown(ds: Dataset, per_faction: pd.DataFrame, window, state: FilterState, t: Translator | None = None) -> str:
    t, rows = _t(t), []
    names = ds.faction_names(t.lang)
    for r in per_faction.itertuples():
        who, exact = truces.breach_filter(ds, state, window.period_id, window.parties, actors={r.actor})
        rows.append([_who(r.actor, names, t), linked(r.breaches, who, exact, t), str(r.attacks), str(r.strikes),
                     day(r.first, t), day(r.last, t)])
    return table([t("truces.col.faction"), t("truces.col.breaches"), t("truces.col.attacks"), t("truces.col.strikes"),
                  t("truces.col.first"), t("truces.col.last")], rows, t=t)


def ledger_markdown(ds: Dataset, rows_in: pd.DataFrame, state: FilterState, t: Translator | None = None) -> str:
    """Every row of a truce's ledger (latest MAX_ROWS), each linked to its own record."""
    t, rows = _t(t), []
    names = ds.faction_names(t.lang)
    for r in rows_in.tail(MAX_ROWS).itertuples():
        rows.append([linked(md_escape(r.incident_id), single(r.incident_id, state)), day(r.date, t),
                     md_escape(t.value("precision", r.date_precision)), days_after(r, t), md_escape(t(COUNTS_AS[r.counts_as])),
                     md_escape(t.value("event_type", r.event_type)), _who(r.actor, names, t), _who(r.target_actor, names, t),
                     _site(r, t) or "—", _who(r.claimed_by, names, t) if isinstance(r.claimed_by, str) else t("truces.unclaimed"),
                     reaction_text(r, t)])
    return table([t("truces.col.incident"), t("col.date"), t("truces.col.precision"), t("truces.col.days_after"),
                  t("truces.col.counts_as"), t("col.type"), t("col.actor"), t("col.target"), t("col.site"),
                  t("col.claimed_by"), t("truces.col.next_strike")], rows, len(rows_in), t)


def adherence_markdown(ds: Dataset, table_in: pd.DataFrame, state: FilterState, t: Translator | None = None) -> str:
    """Per actor and target: inside vs outside their shared truces, per week, each truce linked."""
    t, rows = _t(t), []
    names = ds.faction_names(t.lang)
    for r in table_in.itertuples():
        pair = dict(factions=(r.actor,), targets=(r.target,), event_types=tuple(truces.KINETIC), role="actor")
        exact = ds.with_descendants([r.actor]) == {r.actor}
        # Each id its own isolate: in Arabic the list then starts on the right, like the text around it.
        per_truce = " ".join(rtl(linked(md_escape(p), truces.with_period(state, p, **pair), exact, t), t) for p in r.truces)
        everything = truces.with_period(state, None, **pair)
        rows.append([_who(r.actor, names, t), _who(r.target, names, t), per_truce,
                     t("truces.count_in", count=r.inside, span=days_text(r.truce_days, t=t)), num(r.inside_rate),
                     t("truces.count_in", count=r.outside, span=days_text(r.other_days, t=t)), num(r.outside_rate),
                     interval(r.ratio, r.ratio_low, r.ratio_high, t), linked(r.inside + r.outside, everything, exact, t)])
    return table([t("col.actor"), t("col.target"), t("truces.col.shared_truces"), t("truces.col.inside"),
                  t("truces.col.per_week"), t("truces.col.outside"), t("truces.col.per_week"),
                  t("truces.col.ratio_inside"), t("truces.col.all_rows")], rows, t=t)


def _window_state(state: FilterState, ds: Dataset, start: dt.date, end: dt.date, **changes) -> FilterState:
    lo, hi = state.date_range(ds)
    start, end = max(start, lo) if lo else start, min(end, hi) if hi else end
    return truces.with_period(state, None, date_from=start, date_to=end, max_date_precision="day", **changes)


def _lag(value) -> str:
    return "—" if pd.isna(value) else str(value)


def strikes_markdown(ds: Dataset, strikes: pd.DataFrame, state: FilterState, window: int, t: Translator | None = None) -> str:
    """The latest strikes with the attacks (under the filters) in the days before each."""
    t, rows = _t(t), []
    names = ds.faction_names(t.lang)
    attacks_kept = not state.event_types or "attack" in state.event_types
    for r in strikes.tail(MAX_ROWS).iloc[::-1].itertuples():
        d = r.date.date()
        before = _window_state(state, ds, d - dt.timedelta(days=window), d, event_types=("attack",)) if attacks_kept else None
        rows.append([linked(md_escape(r.incident_id), single(r.incident_id, state)), day(r.date, t),
                     _who(r.target_actor, names, t), linked(r.attacks_before, before), _lag(r.days_since_attack)])
    return table([t("truces.col.strike"), t("col.date"), t("col.target"),
                  t("truces.col.attacks_before", span=days_text(window, t=t)), t("truces.col.days_since_attack")],
                 rows, len(strikes), t)


def attacks_markdown(ds: Dataset, attacks: pd.DataFrame, state: FilterState, window: int, t: Translator | None = None) -> str:
    """The latest attacks with the strikes (whole dataset) in the days after each."""
    t, rows = _t(t), []
    names = ds.faction_names(t.lang)
    dates_only = FilterState(date_from=state.date_from, date_to=state.date_to, period=state.period, version=state.version,
                             lang=state.lang)
    for r in attacks.tail(MAX_ROWS).iloc[::-1].itertuples():
        d = r.date.date()
        after = _window_state(dates_only, ds, d, d + dt.timedelta(days=window), event_types=("strike",))
        rows.append([linked(md_escape(r.incident_id), single(r.incident_id, state)), day(r.date, t), _who(r.actor, names, t),
                     _who(r.target_actor, names, t), linked(r.strikes_after, after), _lag(r.days_to_strike)])
    return table([t("truces.col.attack"), t("col.date"), t("col.actor"), t("col.target"),
                  t("truces.col.strikes_after", span=days_text(window, t=t)), t("truces.col.days_to_strike")],
                 rows, len(attacks), t)


def _last_breach(p: truces.OpenPeriod, t: Translator) -> str:
    if p.days_since_breach is None:
        return "—"
    if p.days_since_breach == 0:
        return t("truces.on_last_date", date=day(p.last_breach, t))
    return t("truces.days_ago", span=days_text(p.days_since_breach, t=t), date=day(p.last_breach, t))


def current_markdown(ds: Dataset, current: truces.CurrentState, version: str | None, t: Translator | None = None) -> str:
    """The periods open on the data's last date, with their breaches so far (all incidents, no filters)."""
    t, rows = _t(t), []
    bare = FilterState(version=version, lang=t.lang)
    for p in current.open_periods:
        who, exact = truces.breach_filter(ds, bare, p.period_id, p.parties)
        count = linked(p.breaches, who, exact, t)
        so_far = t("truces.current_among", count=count) if p.kind == "escalation" else t("truces.current_breaches", count=count)
        rows.append([_label(p.period_id, period_name(p, t)), md_escape(kind_text(p.kind, t)), day(p.start, t),
                     str(p.days_running), so_far, _last_breach(p, t), views(truces.with_period(bare, p.period_id), t)])
    return table([t("truces.col.open_period"), t("col.kind"), t("col.since"), t("truces.col.days_so_far"),
                  t("truces.col.so_far"), t("truces.col.last_one"), t("truces.col.open_on")], rows, t=t)
