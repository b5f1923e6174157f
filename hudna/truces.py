"""Truce statistics: rates with exact Poisson intervals, rate ratios, violation ledgers, adherence, action and reaction (no streamlit here)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
from scipy import stats

from hudna import overview
from hudna.dataset import Dataset
from hudna.filters import FilterState

CONFIDENCE = 0.95
TRUCE_KINDS = ("truce", "pause")  # periods whose ledger counts breaches
KINETIC = ("attack", "strike")  # statements never breach a truce
UNSPECIFIED = "iran_backed_unspecified"  # an attribution that names no faction
SELECTION_ID = ""  # period_id of the row for the user's own date range
DATE_FILTERS = ("date_from", "date_to", "period", "incident")


# --- intervals (scipy's distributions, no hand-written ones) -------------------------------------
def poisson_interval(k: int, confidence: float = CONFIDENCE) -> tuple[float, float]:
    """Exact (Garwood) interval for a Poisson count: chi-square quantiles; the lower end is 0 when k = 0."""
    alpha = 1.0 - confidence
    low = 0.0 if k == 0 else stats.chi2.ppf(alpha / 2, 2 * k) / 2
    return float(low), float(stats.chi2.ppf(1 - alpha / 2, 2 * k + 2) / 2)


def rate_ratio(k1: int, t1: float, k2: int, t2: float, confidence: float = CONFIDENCE) -> tuple[float, float, float]:
    """(k1/t1)/(k2/t2) with the exact conditional interval: Clopper-Pearson on k1 of k1+k2, mapped to a ratio.

    Given k1 + k2 = n, k1 is binomial with p = t1 R / (t1 R + t2), so R = p / (1 - p) * t2 / t1. NaN when n = 0.
    """
    n = k1 + k2
    if n == 0 or t1 <= 0 or t2 <= 0:
        return (np.nan, np.nan, np.nan)
    ci = stats.binomtest(k1, n).proportion_ci(confidence_level=confidence, method="exact")
    scale = t2 / t1
    estimate = np.inf if k2 == 0 else (k1 / t1) / (k2 / t2)
    return float(estimate), _odds(ci.low) * scale, _odds(ci.high) * scale


def _odds(p: float) -> float:
    return np.inf if p >= 1 else float(p / (1 - p))


# --- windows and counts --------------------------------------------------------------------------
def days(start: dt.date, end: dt.date) -> int:
    """Days in a window, counting both ends (0 when it is empty)."""
    return max(0, (end - start).days + 1)


def base_view(ds: Dataset, state: FilterState) -> pd.DataFrame:
    """The incident view under every filter except the dates: each window on the page applies its own dates."""
    return state.without(*DATE_FILTERS).apply(ds)


def first_date(ds: Dataset) -> dt.date | None:
    """The first day the data covers: its earliest incident or period start (a window before it is not covered)."""
    if ds.incidents.empty:
        return None
    first = ds.incidents["date"].min()
    return (min(first, ds.periods["start"].min()) if len(ds.periods) else first).date()


def _day_numbers(series: pd.Series) -> np.ndarray:
    return series.to_numpy(dtype="datetime64[ns]").astype("datetime64[D]").astype(np.int64)


def _day_number(day: dt.date) -> int:
    return int(np.datetime64(day, "D").astype(np.int64))


class WindowCounter:
    """Counts the rows of a view whose date window overlaps [a, b] (the app's rule), in O(log n) per window."""

    def __init__(self, view: pd.DataFrame):
        self.starts = np.sort(_day_numbers(view["date"]))
        self.ends = np.sort(_day_numbers(view["date_end"]))
        imprecise = view[view["date_precision"] != "day"]
        self.imprecise = (_day_numbers(imprecise["date"]), _day_numbers(imprecise["date_end"]))

    def count(self, a: dt.date, b: dt.date) -> int:
        # date <= b and date_end >= a; the two excluded sets are disjoint because date <= date_end.
        lo, hi = _day_number(a), _day_number(b)
        return int(np.searchsorted(self.starts, hi, "right") - np.searchsorted(self.ends, lo, "left"))

    def straddling(self, a: dt.date, b: dt.date) -> int:
        """Counted rows whose window also reaches outside [a, b] (only week/month-precise rows can)."""
        lo, hi = _day_number(a), _day_number(b)
        s, e = self.imprecise
        return int(((s <= hi) & (e >= lo) & ((s < lo) | (e > hi))).sum())


def period_windows(ds: Dataset) -> pd.DataFrame:
    """Each period's window: its dates (an open period ends at the data's last date), clipped to the data's end."""
    return ds.memo("truces.period_windows", lambda: _period_windows(ds)).copy()


def _period_windows(ds: Dataset) -> pd.DataFrame:
    last = ds.last_date()
    rows = []
    for p in ds.periods.sort_values(["start", "period_id"]).itertuples():
        start, end = FilterState(period=p.period_id).date_range(ds)
        rows.append(dict(period_id=p.period_id, name=p.name_en, name_ar=p.name_ar, kind=p.kind, start=start,
                         end=min(end, last) if last else end, is_open=pd.isna(p.end),
                         parties=tuple(x.strip() for x in str(p.parties).split(";") if x.strip())))
    return pd.DataFrame(rows, columns=["period_id", "name", "name_ar", "kind", "start", "end", "is_open", "parties"])


def window_of(ds: Dataset, period_id: str):
    """One period's window: a row of period_windows as a named tuple (.period_id, .name, .name_ar, .start, .end, .parties)."""
    windows = period_windows(ds)
    return next(windows[windows["period_id"] == period_id].itertuples(index=False))


def selection_window(ds: Dataset, state: FilterState) -> tuple[dt.date, dt.date] | None:
    """The user's own date range (dates and/or period), within the days the data covers; None when not set."""
    if not (state.date_from or state.date_to or state.period) or ds.incidents.empty:
        return None
    start, end = state.date_range(ds)
    first, last = first_date(ds), ds.last_date()
    return max(start or first, first), min(end or last, last)


# --- rates ---------------------------------------------------------------------------------------
RATE_COLUMNS = ["period_id", "name", "name_ar", "kind", "start", "end", "is_open", "days", "incidents", "straddling",
                "rate", "rate_low", "rate_high", "before_start", "before_end", "before_incidents", "before_rate",
                "ratio", "ratio_low", "ratio_high", "before_covered"]


def truce_rates(ds: Dataset, state: FilterState, confidence: float = CONFIDENCE, base: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per period (and one for the user's range): incidents, rate per week with its exact interval,
    and the rate ratio against the window of equal length just before it. `base`: base_view(ds, state), if made."""
    counter = WindowCounter(base_view(ds, state) if base is None else base)
    windows = period_windows(ds)
    chosen = selection_window(ds, state)
    if chosen:
        # No name: the interface names the user's own range in its language.
        mine = dict(period_id=SELECTION_ID, name="", name_ar="", kind="selection", start=chosen[0], end=chosen[1],
                    is_open=False, parties=())
        windows = pd.concat([pd.DataFrame([mine]), windows], ignore_index=True)
    first = first_date(ds)
    rows = [_rate_row(w, counter, first, confidence) for w in windows.itertuples()]
    out = pd.DataFrame(rows, columns=RATE_COLUMNS)
    out["before_incidents"] = out["before_incidents"].astype("Int64")  # empty where the data do not cover it
    return out


def _rate_row(w, counter: WindowCounter, first: dt.date | None, confidence: float) -> dict:
    n_days = days(w.start, w.end)
    k = counter.count(w.start, w.end) if n_days else 0
    weeks = n_days / 7
    low, high = poisson_interval(k, confidence)
    before_start, before_end = w.start - dt.timedelta(days=n_days), w.start - dt.timedelta(days=1)
    covered = bool(n_days) and first is not None and before_start >= first
    k0 = counter.count(before_start, before_end) if covered else None
    ratio = rate_ratio(k, n_days, k0, n_days, confidence) if covered else (np.nan,) * 3
    return dict(period_id=w.period_id, name=w.name, name_ar=w.name_ar, kind=w.kind, start=w.start, end=w.end, is_open=w.is_open,
                days=n_days, incidents=k, straddling=counter.straddling(w.start, w.end) if n_days else 0,
                rate=k / weeks if weeks else np.nan, rate_low=low / weeks if weeks else np.nan,
                rate_high=high / weeks if weeks else np.nan, before_start=before_start, before_end=before_end,
                before_incidents=k0, before_rate=(k0 / weeks) if covered else np.nan,
                ratio=ratio[0], ratio_low=ratio[1], ratio_high=ratio[2], before_covered=covered)


# --- violation ledger ----------------------------------------------------------------------------
BREACH, UNATTRIBUTED, NON_PARTY = "breach", "unattributed", "non_party"
LEDGER_COLUMNS = ["incident_id", "date", "date_end", "date_precision", "event_type", "actor", "claimed_by",
                  "target_actor", "site_id", "site_name_en", "site_name_ar"]


def _unknown(series: pd.Series, parties: set) -> pd.Series:
    return series.isna() | ((series == UNSPECIFIED) & (UNSPECIFIED not in parties))


def ledger(ds: Dataset, view: pd.DataFrame, window, strikes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Attacks and strikes in a truce's window that involve its parties, each classed as a breach (by a party
    on a party), unattributed (one side not identified) or non-party (someone else attacked a party)."""
    parties = ds.with_descendants(window.parties)
    lo, hi = pd.Timestamp(window.start), pd.Timestamp(window.end)
    rows = view[(view["date"] <= hi) & (view["date_end"] >= lo)]  # dates first: cheap, and they cut the most
    rows = rows[rows["event_type"].isin(KINETIC)]
    actor_in, target_in = rows["actor"].isin(parties), rows["target_actor"].isin(parties)
    actor_unknown, target_unknown = _unknown(rows["actor"], parties), _unknown(rows["target_actor"], parties)
    kind = np.select(
        [actor_in & target_in, (actor_unknown & target_in) | (actor_in & target_unknown), ~actor_unknown & ~actor_in & target_in],
        [BREACH, UNATTRIBUTED, NON_PARTY], default="")
    out = rows.assign(counts_as=kind)
    out = out[out["counts_as"] != ""].sort_values(["date", "date_end", "incident_id"]).copy()
    # Days after the truce began, over the part of the incident's date window that lies inside the truce.
    out["days_after_min"] = (out["date"].clip(lower=lo) - lo).dt.days
    out["days_after_max"] = (out["date_end"].clip(upper=hi) - lo).dt.days
    return _with_next_strike(out, all_strikes(ds) if strikes is None else strikes)


def all_strikes(ds: Dataset) -> pd.DataFrame:
    """Every strike in the dataset (id, date, target), whatever the filters: the filters choose the attacks, not the
    reactions."""
    view = ds.incident_view
    return view.loc[view["event_type"] == "strike", ["incident_id", "date", "target_actor"]].sort_values(["date", "incident_id"])


def _with_next_strike(rows: pd.DataFrame, strikes: pd.DataFrame) -> pd.DataFrame:
    """For each attack: the first strike on its (first) day or later, and how many days later (same day = 0)."""
    attack = rows["event_type"] == "attack"
    idx = np.searchsorted(_day_numbers(strikes["date"]), _day_numbers(rows["date"]), "left")
    found = attack.to_numpy() & (idx < len(strikes))
    safe = np.minimum(idx, max(len(strikes) - 1, 0))
    ids = strikes["incident_id"].to_numpy()[safe] if len(strikes) else np.full(len(rows), None)
    dates = strikes["date"].to_numpy()[safe] if len(strikes) else np.full(len(rows), np.datetime64("NaT"))
    rows["next_strike_id"] = np.where(found, ids, None)
    rows["next_strike_date"] = pd.to_datetime(np.where(found, dates, np.datetime64("NaT")))
    rows["next_strike_days"] = (rows["next_strike_date"] - rows["date"]).dt.days.astype("Int64")
    return rows


def truce_ledgers(ds: Dataset, state: FilterState, base: pd.DataFrame | None = None) -> dict[str, pd.DataFrame]:
    """The ledger of every truce and pause, under the current filters (dates aside)."""
    view, strikes = base_view(ds, state) if base is None else base, all_strikes(ds)
    view = view[LEDGER_COLUMNS]  # copying every column of each long truce dominates at a million rows
    windows = period_windows(ds)
    return {w.period_id: ledger(ds, view, w, strikes) for w in windows[windows["kind"].isin(TRUCE_KINDS)].itertuples()}


def truce_summary(ds: Dataset, ledgers: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per truce: how long, how many breaches, and the first breach (date, day, who, where, claimed, reaction)."""
    windows = period_windows(ds).set_index("period_id")
    rows = []
    for pid, rows_in in ledgers.items():
        w = windows.loc[pid]
        breaches = rows_in[rows_in["counts_as"] == BREACH]
        row = dict(period_id=pid, name=w["name"], name_ar=w["name_ar"], kind=w["kind"], start=w["start"], end=w["end"], is_open=w["is_open"],
                   days=days(w["start"], w["end"]), parties=w["parties"], breaches=len(breaches),
                   unattributed=int((rows_in["counts_as"] == UNATTRIBUTED).sum()),
                   non_party=int((rows_in["counts_as"] == NON_PARTY).sum()), first_breach=None)
        if len(breaches):
            row["first_breach"] = breaches.iloc[0]
        rows.append(row)
    return pd.DataFrame(rows)


def breaches_per_faction(rows: pd.DataFrame) -> pd.DataFrame:
    """Breaches by actor: attacks, strikes, first and last date."""
    b = rows[rows["counts_as"] == BREACH]
    if b.empty:
        return pd.DataFrame(columns=["actor", "attacks", "strikes", "breaches", "first", "last"])
    out = b.groupby("actor").agg(attacks=("event_type", lambda s: int((s == "attack").sum())),
                                 strikes=("event_type", lambda s: int((s == "strike").sum())),
                                 breaches=("incident_id", "size"), first=("date", "min"), last=("date", "max"))
    return out.reset_index().sort_values(["breaches", "actor"], ascending=[False, True]).reset_index(drop=True)


# --- adherence -----------------------------------------------------------------------------------
ADHERENCE_COLUMNS = ["actor", "target", "truces", "truce_days", "other_days", "inside", "outside",
                     "inside_rate", "outside_rate", "ratio", "ratio_low", "ratio_high"]


def adherence(ds: Dataset, state: FilterState, confidence: float = CONFIDENCE, base: pd.DataFrame | None = None,
              view: pd.DataFrame | None = None) -> pd.DataFrame:
    """For each (actor, target) pair that share a truce: incidents inside vs outside their truces, per week.

    Inside = the incident's date window overlaps a truce or pause naming both; outside = all the others, over the
    remaining days of the span (the selected range, or the data's first to last date)."""
    chosen = selection_window(ds, state)
    span = chosen or (first_date(ds), ds.last_date())
    if span[0] is None:
        return pd.DataFrame(columns=ADHERENCE_COLUMNS)
    if chosen:
        view = state.apply(ds) if view is None else view
    else:
        view = base_view(ds, state) if base is None else base
    known = view["event_type"].isin(KINETIC) & view["actor"].notna() & view["target_actor"].notna()
    kinetic = view.loc[known, ["actor", "target_actor", "date", "date_end"]]
    windows = period_windows(ds)
    windows = windows[windows["kind"].isin(TRUCE_KINDS)].assign(members=lambda w: w["parties"].map(ds.with_descendants))
    span_days = np.arange(_day_number(span[0]), _day_number(span[1]) + 1)
    rows = []
    for (actor, target), pair in kinetic.groupby(["actor", "target_actor"]):
        shared = windows[windows["members"].map(lambda m: actor in m and target in m)]
        if shared.empty:
            continue
        covered = _covered_days(shared, span_days)
        inside = _overlaps_any(pair, shared)
        k1, k2 = int(inside.sum()), int((~inside).sum())
        t1, t2 = int(covered.sum()), int(len(span_days) - covered.sum())
        est, low, high = rate_ratio(k1, t1, k2, t2, confidence)
        rows.append(dict(actor=actor, target=target, truces=tuple(shared["period_id"]), truce_days=t1, other_days=t2,
                         inside=k1, outside=k2, inside_rate=k1 / t1 * 7 if t1 else np.nan,
                         outside_rate=k2 / t2 * 7 if t2 else np.nan, ratio=est, ratio_low=low, ratio_high=high))
    out = pd.DataFrame(rows, columns=ADHERENCE_COLUMNS)
    return out.sort_values(["inside", "outside", "actor"], ascending=[False, False, True]).reset_index(drop=True)


def _covered_days(windows: pd.DataFrame, span_days: np.ndarray) -> np.ndarray:
    covered = np.zeros(len(span_days), dtype=bool)
    for w in windows.itertuples():
        covered |= (span_days >= _day_number(w.start)) & (span_days <= _day_number(w.end))
    return covered


def _overlaps_any(rows: pd.DataFrame, windows: pd.DataFrame) -> np.ndarray:
    s, e = _day_numbers(rows["date"]), _day_numbers(rows["date_end"])
    inside = np.zeros(len(rows), dtype=bool)
    for w in windows.itertuples():
        inside |= (s <= _day_number(w.end)) & (e >= _day_number(w.start))
    return inside


# --- action and reaction -------------------------------------------------------------------------
def day_precise(view: pd.DataFrame, event_type: str) -> pd.DataFrame:
    """Rows of one type dated to the day: a lag in days cannot be measured from a date known only to the week."""
    rows = view[(view["event_type"] == event_type) & (view["date_precision"] == "day")]
    return rows.sort_values(["date", "incident_id"])


def reaction_inputs(ds: Dataset, state: FilterState, view: pd.DataFrame | None = None) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """(attacks, strikes, rows left out): attacks under the current filters (`view` = state.apply(ds), if made),
    strikes from the whole dataset in the same date range, both dated to the day, and how many week- or
    month-dated attacks and strikes were left out."""
    view = state.apply(ds) if view is None else view
    strikes_all = ds.incident_view[ds.incident_view["event_type"] == "strike"]
    start, end = state.date_range(ds)
    if start is not None:
        strikes_all = strikes_all[strikes_all["date_end"] >= pd.Timestamp(start)]
    if end is not None:
        strikes_all = strikes_all[strikes_all["date"] <= pd.Timestamp(end)]
    attacks, strikes = day_precise(view, "attack"), day_precise(strikes_all, "strike")
    left_out = int((view["event_type"] == "attack").sum() - len(attacks) + len(strikes_all) - len(strikes))
    return attacks, strikes, left_out


def strikes_after_attacks(attacks: pd.DataFrame, strikes: pd.DataFrame, window: int) -> pd.DataFrame:
    """For each strike: the attacks on its day or in the `window` days before, and the days since the last attack."""
    a, s = _day_numbers(attacks["date"]), _day_numbers(strikes["date"])
    before = np.searchsorted(a, s, "right") - np.searchsorted(a, s - window, "left")
    last = np.searchsorted(a, s, "right") - 1
    lag = np.where(last >= 0, s - a[np.maximum(last, 0)] if len(a) else 0, -1)
    return strikes.assign(attacks_before=before.astype(int),
                          days_since_attack=pd.array(np.where(lag >= 0, lag, None), dtype="Int64")).reset_index(drop=True)


def attacks_before_strikes(attacks: pd.DataFrame, strikes: pd.DataFrame, window: int) -> pd.DataFrame:
    """For each attack: the strikes on its day or in the `window` days after, and the days until the next strike."""
    a, s = _day_numbers(attacks["date"]), _day_numbers(strikes["date"])
    after = np.searchsorted(s, a + window, "right") - np.searchsorted(s, a, "left")
    nxt = np.searchsorted(s, a, "left")
    lag = np.where(nxt < len(s), (s[np.minimum(nxt, len(s) - 1)] if len(s) else 0) - a, -1)
    return attacks.assign(strikes_after=after.astype(int),
                          days_to_strike=pd.array(np.where(lag >= 0, lag, None), dtype="Int64")).reset_index(drop=True)


def lag_distribution(lags: pd.Series, cap: int = 30) -> pd.Series:
    """How many lags of 0, 1, … days, with everything above `cap` in one bucket labelled f">{cap}"."""
    lags = lags.dropna().astype(int)
    counts = lags[lags <= cap].value_counts().reindex(range(cap + 1), fill_value=0)
    counts.index = [str(i) for i in counts.index]
    return pd.concat([counts, pd.Series({f">{cap}": int((lags > cap).sum())})])


# --- the state as of the data's last date (also shown on the Overview) ---------------------------
@dataclass(frozen=True)
class OpenPeriod:
    period_id: str
    name: str
    kind: str
    start: dt.date
    parties: tuple[str, ...]
    days_running: int
    breaches: int  # for an escalation: attacks and strikes among its parties
    last_breach: dt.date | None
    days_since_breach: int | None
    name_ar: str = ""


@dataclass(frozen=True)
class CurrentState:
    as_of: dt.date | None
    last_attack_on_us: dict | None  # incident_id, date, site, actor of the latest attack on US or coalition forces
    days_since_attack_on_us: int | None
    open_periods: tuple[OpenPeriod, ...] = ()


def current_state(ds: Dataset) -> CurrentState:
    """Days since the last attack on US or coalition forces, and every period open on the data's last date,
    with its breaches so far. Uses all incidents, whatever the filters (so it is computed once per dataset)."""
    return ds.memo("truces.current_state", lambda: _current_state(ds))


def _current_state(ds: Dataset) -> CurrentState:
    as_of = ds.last_date()
    if as_of is None:
        return CurrentState(None, None, None)
    last = _last_attack_on_us(ds.incident_view, as_of)
    attack = None if last is None else dict(incident_id=last["incident_id"], date=last["date"].date(),
                                            site=last["site_name_en"] if isinstance(last["site_name_en"], str) else None,
                                            actor=last["actor"] if isinstance(last["actor"], str) else None)
    strikes, view = all_strikes(ds), ds.incident_view[LEDGER_COLUMNS]
    open_now = []
    for w in period_windows(ds).itertuples():
        if w.start <= as_of and (w.is_open or w.end >= as_of):
            rows = ledger(ds, view, w, strikes)
            b = rows[rows["counts_as"] == BREACH]
            last_b = b["date"].max().date() if len(b) else None
            open_now.append(OpenPeriod(w.period_id, w.name, w.kind, w.start, w.parties, days(w.start, as_of), len(b), last_b,
                                       (as_of - last_b).days if last_b else None, w.name_ar))
    return CurrentState(as_of, attack, None if attack is None else (as_of - attack["date"]).days, tuple(open_now))


def _last_attack_on_us(view: pd.DataFrame, as_of: dt.date) -> pd.Series | None:
    """overview.last_attack_on_us, tried first on the last 30 days: it sorts what it is given, which takes seconds
    at a million rows, and the latest attack is almost always recent (the full view is the fallback)."""
    recent = view[view["date"] >= pd.Timestamp(as_of) - pd.Timedelta(days=30)]
    last = overview.last_attack_on_us(recent)
    return overview.last_attack_on_us(view) if last is None else last


def with_period(state: FilterState, period_id: str | None = None, **changes) -> FilterState:
    """The state whose rows a number on the Truces page counts: its own dates replace the user's."""
    return replace(state.without(*DATE_FILTERS), period=period_id, **changes)


def breach_filter(ds: Dataset, state: FilterState, period_id: str, parties, actors=None) -> tuple[FilterState | None, bool]:
    """The FilterState whose rows are a truce's breaches (optionally by some actors), and whether it is exact.

    None when no row can match (the user's filters exclude every party or type). Not exact when factions are
    matched as claimant (the link format has one role for both sides) or an actor has members (an umbrella
    in a link includes them)."""
    members = ds.with_descendants(parties)
    claimed = bool(state.factions) and state.role == "claimed"
    who = members & (members if actors is None else set(actors))  # a new set: `members` is still needed below
    if state.factions and not claimed:
        who = who & ds.with_descendants(state.factions)
    targets = members & set(state.targets) if state.targets else members
    types = set(KINETIC) & set(state.event_types) if state.event_types else set(KINETIC)
    if not who or not targets or not types:
        return None, True
    exact = not claimed and (actors is None or ds.with_descendants(who) == who)
    changes = dict(targets=tuple(targets), event_types=tuple(types))
    if not claimed:
        changes.update(factions=tuple(who), role="actor")
    return with_period(state, period_id, **changes), exact


# The terms the Truces page defines, as data/README.md heads them (tests keep the two in step), with the key of
# their definition in the interface's catalogues (components/locales/<lang>/truces.json, "truces.def.<key>"): the
# words, in each language, live there and in the codebook, not here.
DEFINITIONS = (
    ("Counting window", "window"), ("Duration", "duration"), ("Rate", "rate"), ("Rate ratio", "ratio"),
    ("Breach", "breach"), ("Unattributed", "unattributed"), ("Non-party", "non_party"), ("First breach", "first_breach"),
    ("Reaction", "reaction"), ("Adherence", "adherence"), ("Action and reaction", "action_reaction"),
    ("Current state", "current_state"),
)
