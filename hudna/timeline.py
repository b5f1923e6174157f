"""Timeline data: incidents per day/week/month by faction, period bands, milestones, lanes and running totals; no streamlit here."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from hudna.dataset import Dataset
from hudna.overview import US_SIDE_TARGETS

BINS = ("day", "week", "month")
AUTO_DAY_MAX_DAYS = 92  # up to a quarter, days are readable as bars
AUTO_WEEK_MAX_DAYS = 1100  # up to about three years, weeks; beyond, months
MAX_BINS = 1500  # a finer choice is coarsened so the figure does not grow with the span
MAX_NAMED_GROUPS = 15  # more colours than this cannot be told apart; the rest become "other factions"
LANE_MAX_INCIDENTS = 500  # above this only the aggregate is drawn
DOT_SHARE = 1 / 110  # a lane dot is about a hundredth of the plot's width: dots closer than that stack
MAX_LANE_LEVELS = 40
UNKNOWN, OTHER = "?", "*"  # group keys; faction ids are lower-case words, so they never collide
UNKNOWN_COLOR, OTHER_COLOR = "#707070", "#D4C8B0"  # a mid grey apart from the light greys factions use
DAY = pd.Timedelta(days=1)


@dataclass(frozen=True)
class Window:
    """The days in view, both ends inclusive."""

    start: pd.Timestamp
    end: pd.Timestamp

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True)
class Group:
    """One colour in the stack: a faction (`key` is its id), the unknown actor, or the other factions together."""

    key: str
    color: str


@dataclass(frozen=True)
class Stack:
    """Counts per group (rows) and bin (columns): exact-day incidents, and week/month incidents spread over their window."""

    precise: np.ndarray
    spread: np.ndarray

    def total(self) -> float:
        return float(self.precise.sum() + self.spread.sum())


@dataclass(frozen=True)
class RunningTotals:
    """The dataset's cumulative count of attacks on US-side forces per day, per scope ("all" or a country), and the reported totals."""

    days: pd.DatetimeIndex
    cumulative: dict
    reported: pd.DataFrame


@dataclass(frozen=True)
class TimelineData:
    """Everything the timeline figure draws, already reduced to the size of the figure."""

    window: Window
    bin: str
    bin_starts: pd.DatetimeIndex
    groups: tuple
    kinetic: Stack
    statements: Stack
    lane: pd.DataFrame | None  # kinetic incidents, one row each, when the view is small enough
    statement_lane: pd.DataFrame | None
    periods: pd.DataFrame
    milestones: pd.DataFrame
    totals: RunningTotals | None
    last_date: pd.Timestamp | None
    n_incidents: int
    selected: str | None = None


# --- window and bins ---------------------------------------------------------------------------
def time_window(view: pd.DataFrame, date_from=None, date_to=None, fallback: tuple | None = None) -> Window | None:
    """The explicit range where given, else the span of the view (else `fallback`); None when there is nothing to show."""
    start = pd.Timestamp(date_from) if date_from else (view["date"].min() if len(view) else None)
    end = pd.Timestamp(date_to) if date_to else (view["date_end"].max() if len(view) else None)
    if fallback:
        start = start if start is not None else pd.Timestamp(fallback[0])
        end = end if end is not None else pd.Timestamp(fallback[1])
    if start is None or end is None:
        return None
    start, end = start.normalize(), end.normalize()
    return Window(min(start, end), max(start, end))


def choose_bin(window: Window, wanted: str = "auto") -> str:
    """The bin the user asked for (coarsened if it would make more than MAX_BINS bars), or one that suits the span."""
    if wanted not in BINS:
        wanted = "day" if window.days <= AUTO_DAY_MAX_DAYS else "week" if window.days <= AUTO_WEEK_MAX_DAYS else "month"
    per_bin = {"day": 1, "week": 7, "month": 30}
    for name in BINS[BINS.index(wanted):]:
        if window.days / per_bin[name] <= MAX_BINS:
            return name
    return "month"


def _floor_day(day: int, bin: str) -> int:
    """The first day (days since 1970-01-01) of the bin holding `day`; weeks start on Monday."""
    if bin == "week":
        return day - (day + 3) % 7  # 1970-01-01 was a Thursday
    if bin == "month":
        return int(np.datetime64(day, "D").astype("datetime64[M]").astype("datetime64[D]").astype(np.int64))
    return day


def axis_range(window: Window, bin: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The window widened to whole bins (end exclusive), so the first and last bars are not cut in half."""
    first = pd.Timestamp(np.datetime64(_floor_day(_day_number(window.start), bin), "D"))
    last = pd.Timestamp(np.datetime64(_floor_day(_day_number(window.end), bin), "D"))
    step = pd.offsets.MonthBegin(1) if bin == "month" else pd.Timedelta(days=7 if bin == "week" else 1)
    return first, last + step


def _bin_layout(first_day: int, last_day: int, bin: str) -> tuple[np.ndarray, np.ndarray]:
    """For the days first..last: each day's bin index, and the position of each bin's first day."""
    days = np.arange(first_day, last_day + 1)
    if bin == "day":
        key = days
    elif bin == "week":
        key = (days + 3) // 7
    else:
        key = days.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
    index = key - key[0]
    return index, np.flatnonzero(np.r_[True, np.diff(index) > 0])


def _day_numbers(series: pd.Series) -> np.ndarray:
    return series.to_numpy(dtype="datetime64[D]").astype(np.int64)


def _day_number(stamp: pd.Timestamp) -> int:
    return int(np.datetime64(stamp.date(), "D").astype(np.int64))


def _span(view: pd.DataFrame, window: Window, bin: str) -> tuple[int, int]:
    """First and last day the bins must cover: the window and every row in view (imprecise rows may reach outside it)."""
    first, last = _day_number(window.start), _day_number(window.end)
    if len(view):
        first = min(first, int(_day_numbers(view["date"]).min()))
        last = max(last, int(_day_numbers(view["date_end"]).max()))
    return _floor_day(first, bin), last


# --- faction groups and stacked counts -----------------------------------------------------------
def faction_groups(actors: pd.Series, colors: dict, max_named: int = MAX_NAMED_GROUPS) -> tuple[tuple, np.ndarray]:
    """Groups ordered by size (unknown, then other, last) and each row's group index."""
    codes, uniques = pd.factorize(actors)
    counts = np.bincount(codes[codes >= 0], minlength=len(uniques))
    order = sorted(range(len(uniques)), key=lambda i: (-counts[i], str(uniques[i])))
    named = order if len(order) <= max_named + 1 else order[:max_named]  # never an "other" of one
    groups = [Group(str(uniques[i]), colors.get(uniques[i]) or OTHER_COLOR) for i in named]
    mapping = np.full(len(uniques) + 1, -1)  # the last slot is for code -1 (no actor)
    mapping[named] = np.arange(len(named))
    if len(named) < len(order):
        mapping[order[len(named):]] = len(groups)
        groups.append(Group(OTHER, OTHER_COLOR))
    if (codes == -1).any():
        mapping[-1] = len(groups)
        groups.append(Group(UNKNOWN, UNKNOWN_COLOR))
    return tuple(groups), mapping[codes]


def stacked_counts(start: np.ndarray, end: np.ndarray, group_index: np.ndarray, n_groups: int, first_day: int, last_day: int,
                   bin: str) -> Stack:
    """Counts per group and bin from day numbers; a week/month incident adds 1/len to each day of its window, so its imprecision shows."""
    day_bin, bin_first = _bin_layout(first_day, last_day, bin)
    n_days, n_bins = len(day_bin), len(bin_first)
    start, end = start - first_day, end - first_day
    exact = start == end  # a day-precision row ends where it starts
    precise = np.bincount(group_index[exact] * n_bins + day_bin[start[exact]], minlength=n_groups * n_bins)
    g, s, e = group_index[~exact], start[~exact], end[~exact]
    weight = 1.0 / (e - s + 1)
    width = n_days + 1
    diff = np.bincount(g * width + s, weights=weight, minlength=n_groups * width)
    diff -= np.bincount(g * width + e + 1, weights=weight, minlength=n_groups * width)
    daily = np.cumsum(diff.reshape(n_groups, width), axis=1)[:, :n_days]
    spread = np.add.reduceat(daily, bin_first, axis=1)
    return Stack(precise.reshape(n_groups, n_bins).astype(np.float64), np.clip(np.round(spread, 9), 0, None))


# --- lanes, periods, milestones ----------------------------------------------------------------
def lane_levels(starts: np.ndarray, ends: np.ndarray, min_width: float = 1.0, max_levels: int = MAX_LANE_LEVELS) -> np.ndarray:
    """Greedy interval packing: each item gets the lowest level whose previous item has ended (items sorted by start)."""
    order = np.argsort(starts, kind="stable")
    level_end: list[float] = []
    levels = np.zeros(len(starts), dtype=np.int64)
    for i in order:
        stop = max(ends[i], starts[i] + min_width)
        free = next((k for k, last in enumerate(level_end) if last <= starts[i]), None)
        if free is None:
            free = len(level_end) if len(level_end) < max_levels else int(np.argmin(level_end))
            if free == len(level_end):
                level_end.append(stop)
        level_end[free] = max(level_end[free], stop)
        levels[i] = free
    return levels


def lane_rows(rows: pd.DataFrame, group_index: np.ndarray, groups: tuple, window: Window) -> pd.DataFrame:
    """One row per incident with its group, its date window (end exclusive) and a stacking level."""
    out = rows.copy()
    out["group"] = [groups[i].key for i in group_index]
    out["color"] = [groups[i].color for i in group_index]
    out["window_end"] = out["date_end"] + DAY
    start = _day_numbers(out["date"]).astype(float)
    out["level"] = lane_levels(start, _day_numbers(out["date_end"]) + 1.0, max(1.0, window.days * DOT_SHARE))
    return out.sort_values(["date", "incident_id"]).reset_index(drop=True)


def periods_in_window(periods: pd.DataFrame, window: Window, last_date: pd.Timestamp | None) -> pd.DataFrame:
    """Periods overlapping the window; open ones are drawn to the data's last date (never before their start)."""
    p = periods.copy()
    p["is_open"] = p["end"].isna()
    data_end = pd.Timestamp(last_date) if last_date is not None else window.end
    p["drawn_end"] = p["end"].where(~p["is_open"], p["start"].where(p["start"] > data_end, data_end))
    p = p[(p["start"] <= window.end) & (p["drawn_end"] >= window.start)].sort_values(["start", "period_id"])
    starts = _day_numbers(p["start"]).astype(float)
    p["lane"] = lane_levels(starts, _day_numbers(p["drawn_end"]) + 1.0, max_levels=len(p) or 1)
    return p.reset_index(drop=True)


def milestones_in_view(view: pd.DataFrame, window: Window) -> pd.DataFrame:
    """One row per milestone (same text on the same day counts once), in date order."""
    rows = view.loc[view["milestone"].notna(), ["date", "date_end", "milestone", "incident_id", "event_type"]]
    rows = rows[(rows["date_end"] >= window.start) & (rows["date"] <= window.end)]
    rows = rows.sort_values(["date", "incident_id"]).drop_duplicates(["date", "milestone"])
    return rows[["date", "milestone", "incident_id", "event_type"]].reset_index(drop=True)


# --- running totals against reported counts ------------------------------------------------------
def running_totals(incidents: pd.DataFrame, reported_counts: pd.DataFrame, window: Window,
                   metric: str = "attacks_on_us_forces") -> RunningTotals | None:
    """Cumulative attacks on US-side forces in `incidents` (all dates) per day in the window, and the reported totals in it.

    Same rule as the Overview's coverage: `attack` rows targeting US or coalition forces, dated within each count's window
    (and in its country, when the count has one).
    """
    counts = reported_counts[(reported_counts["metric"] == metric) & (reported_counts["as_of"] >= window.start)
                             & (reported_counts["as_of"] <= window.end)].sort_values(["as_of", "counter"])
    if counts.empty:
        return None
    mask = (incidents["event_type"].to_numpy() == "attack") & incidents["target_actor"].isin(US_SIDE_TARGETS).to_numpy()
    day = _day_numbers(incidents["date"])[mask]
    country = incidents["country"].to_numpy()[mask]
    scopes = ["all"] + sorted(counts["country"].dropna().unique().tolist())
    cumulative = {s: _cumulative(day if s == "all" else day[country == s], window) for s in scopes}
    reported = counts[["as_of", "counter", "window_start", "country", "total", "note", "source_url"]].copy()
    reported["in_view"] = [
        int(((day >= _day_number(a)) & (day <= _day_number(b)) & ((country == c) if isinstance(c, str) else True)).sum())
        for a, b, c in zip(counts["window_start"], counts["as_of"], counts["country"])
    ]
    reported["share"] = (reported["in_view"] / reported["total"].astype("float64")).where(reported["total"] > 0)
    return RunningTotals(pd.date_range(window.start, window.end, freq="D"), cumulative, reported.reset_index(drop=True))


def _cumulative(day: np.ndarray, window: Window) -> np.ndarray:
    day = day - _day_number(window.start)
    daily = np.bincount(day[(day >= 0) & (day < window.days)], minlength=window.days)
    return (int((day < 0).sum()) + np.cumsum(daily)).astype(np.int32)


# --- the whole figure's data ----------------------------------------------------------------------
def timeline_data(dataset: Dataset, view: pd.DataFrame, date_range: tuple = (None, None), wanted_bin: str = "auto",
                  all_dates: pd.DataFrame | None = None, selected: str | None = None) -> TimelineData | None:
    """Reduce the filtered view to what the timeline draws. `all_dates` is the view without its date limits (for running totals)."""
    last = dataset.last_date()
    fallback = (dataset.incidents["date"].min(), last) if last else None
    window = time_window(view, *date_range, fallback=fallback)
    if window is None:
        return None
    bin = choose_bin(window, wanted_bin)
    groups, group_index = faction_groups(view["actor"], dataset.faction_colors())
    first, last_day = _span(view, window, bin)
    kinetic = view["event_type"].to_numpy() != "statement"
    start, end = _day_numbers(view["date"]), _day_numbers(view["date_end"])
    stacks = [stacked_counts(start[m], end[m], group_index[m], len(groups), first, last_day, bin) for m in (kinetic, ~kinetic)]
    _, bin_first = _bin_layout(first, last_day, bin)
    few = len(view) <= LANE_MAX_INCIDENTS
    return TimelineData(
        window=window, bin=bin, bin_starts=pd.DatetimeIndex((first + bin_first).astype("datetime64[D]")), groups=groups,
        kinetic=stacks[0], statements=stacks[1],
        lane=lane_rows(view[kinetic], group_index[kinetic], groups, window) if few else None,
        statement_lane=lane_rows(view[~kinetic], group_index[~kinetic], groups, window) if few else None,
        periods=periods_in_window(dataset.periods, window, pd.Timestamp(last) if last else None),
        milestones=milestones_in_view(view, window),
        totals=running_totals(view if all_dates is None else all_dates, dataset.reported_counts, window),
        last_date=pd.Timestamp(last) if last else None, n_incidents=len(view), selected=selected,
    )


# --- reading a chart selection --------------------------------------------------------------------
def selection_action(selection, bounds: tuple | None = None) -> tuple | None:
    """What a chart selection asks for: ("range", from, to) for a dragged box, ("incident", id) or ("period", id) for a click."""
    selection = selection or {}
    for box in selection.get("box") or []:
        xs = [x for x in box.get("x") or [] if x is not None]
        if len(xs) >= 2:
            return _range_action(xs, bounds)
    for point in selection.get("points") or []:
        data = point.get("customdata")
        if isinstance(data, (list, tuple)) and len(data) >= 2 and data[0] in ("incident", "period") and isinstance(data[1], str):
            return (data[0], data[1])
    return None


def _range_action(xs: list, bounds: tuple | None) -> tuple | None:
    try:
        stamps = sorted(_as_timestamp(x) for x in xs)
    except (ValueError, TypeError, OverflowError):
        return None
    start, end = stamps[0].date(), stamps[-1].date()
    if bounds:
        start, end = max(start, bounds[0]), min(end, bounds[1])
    return ("range", start, end) if start <= end else None


def _as_timestamp(x) -> pd.Timestamp:
    """Plotly reports date-axis positions as date strings, or as milliseconds since 1970 for some selections."""
    if isinstance(x, (int, float)) and not isinstance(x, bool):
        return pd.Timestamp(int(x), unit="ms")
    stamp = pd.Timestamp(str(x))
    if pd.isna(stamp):
        raise ValueError(x)
    return stamp
