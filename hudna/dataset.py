"""The Dataset: the six typed tables plus the joined incident view that filters and pages work on."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import pandas as pd

from hudna import vocab
from hudna.parallel import map_both
from hudna.text import SearchIndex, build_search_index


@dataclass(frozen=True, eq=False)
class Dataset:
    """A validated dataset. Tables are typed; `incident_view` joins what filters and pages need."""

    incidents: pd.DataFrame
    sources: pd.DataFrame
    sites: pd.DataFrame
    factions: pd.DataFrame
    periods: pd.DataFrame
    reported_counts: pd.DataFrame
    version: str = "dev"
    problems: tuple = field(default=())  # problems found while loading leniently (rows left out, bad references)

    @cached_property
    def incident_view(self) -> pd.DataFrame:
        return build_incident_view(self)

    @cached_property
    def filter_index(self) -> "FilterIndex":
        """Category codes and ranks of the view's filterable columns, so a filter is a few numpy passes."""
        return FilterIndex.of(self.incident_view)

    @cached_property
    def search_index(self) -> SearchIndex:
        """Normalized text of each incident-view row and of every site and faction, for the `q` filter."""
        return build_search_index(self.incident_view, self.factions, self.sites)

    def last_date(self):
        """The dataset's last incident date (open periods run to it), or None when empty."""
        return self.memo("last_date", lambda: None if self.incidents.empty else self.incidents["date"].max().date())

    @cached_property
    def _memo(self) -> dict:
        return {}

    def memo(self, name: str, compute):
        """`compute()` once per dataset, for results that depend on the dataset alone (the truce state, period
        windows, the faction list): every session and rerun then shares them instead of recomputing them (a profile
        of 20 busy sessions spent a fifth of the server's time there). Callers get the stored object, so it must
        be immutable or copied before a change. Two threads may both compute it once; either result is the same."""
        try:
            return self._memo[name]
        except KeyError:
            value = self._memo[name] = compute()
            return value

    @cached_property
    def faction_children(self) -> dict[str, list[str]]:
        children: dict[str, list[str]] = {}
        for fid, parent in zip(self.factions["faction_id"], self.factions["parent_id"]):
            if isinstance(parent, str):
                children.setdefault(parent, []).append(fid)
        return children

    def with_descendants(self, faction_ids) -> set[str]:
        """The factions and every member below them (an umbrella rolls up its members)."""
        out, stack = set(), list(faction_ids)
        while stack:
            fid = stack.pop()
            if fid not in out:
                out.add(fid)
                stack.extend(self.faction_children.get(fid, ()))
        return out

    def faction_names(self, lang: str = "en") -> dict[str, str]:
        column = "name_ar" if lang == "ar" else "name_en"
        return dict(self.memo(f"faction_names.{column}", lambda: dict(zip(self.factions["faction_id"], self.factions[column]))))

    def faction_colors(self) -> dict[str, str]:
        return dict(self.memo("faction_colors", lambda: dict(zip(self.factions["faction_id"], self.factions["color"]))))


FILTER_COLUMNS = ("actor", "claimed_by", "target_actor", "event_type", "weapon", "country", "outcome", "verification")


@dataclass(frozen=True)
class FilterIndex:
    """Integer codes per filterable column plus date bounds and precision ranks, aligned with the view's rows."""

    categories: dict
    start_ns: np.ndarray
    end_ns: np.ndarray
    date_rank: np.ndarray
    coord_rank: np.ndarray

    @classmethod
    def of(cls, view: pd.DataFrame) -> "FilterIndex":
        cats = {c: pd.Categorical(view[c]) for c in FILTER_COLUMNS}
        ranks = vocab.PRECISION_RANK
        return cls(
            categories=cats,
            start_ns=view["date"].to_numpy(dtype="datetime64[ns]").view("int64"),
            end_ns=view["date_end"].to_numpy(dtype="datetime64[ns]").view("int64"),
            date_rank=view["date_precision"].map(ranks).fillna(9).to_numpy(dtype="int8"),
            coord_rank=view["coord_precision"].map(ranks).fillna(9).to_numpy(dtype="int8"),  # no coordinates: never precise
        )

    def isin(self, column: str, values) -> np.ndarray:
        cat = self.categories[column]
        # A lookup table over the codes is one gather; np.isin makes a pass per wanted value (4x slower at 1M).
        wanted = np.zeros(len(cat.categories) + 1, dtype=bool)  # last slot: code -1, a missing value
        wanted[[cat.categories.get_loc(v) for v in values if v in cat.categories]] = True
        return wanted[cat.codes]


# Below this many rows, one gather costs less than handing half of it to another thread.
_PARALLEL_TAKE_ROWS = 20_000


def take_rows(frame: pd.DataFrame, rows: np.ndarray) -> pd.DataFrame:
    """`frame.iloc[rows]`, the columns gathered in two halves at once when there are many rows.

    Arrow's gather releases the GIL, so the second core works too: at 1M incidents a 100k-row view
    takes about 40 ms instead of 65 ms.
    """
    if len(rows) < _PARALLEL_TAKE_ROWS or len(frame.columns) < 2:
        return frame.iloc[rows]
    half = len(frame.columns) // 2
    return pd.concat(map_both(lambda cols: frame[cols].iloc[rows], frame.columns[:half], frame.columns[half:]), axis=1)


def build_incident_view(ds: Dataset) -> pd.DataFrame:
    """Incidents joined with their site (name, country, coordinates) and source count, one row per incident."""
    sites = ds.sites.rename(columns={"name_en": "site_name_en", "name_ar": "site_name_ar", "kind": "site_kind"})
    sites = sites[["site_id", "site_name_en", "site_name_ar", "site_kind", "country", "lat", "lon", "coord_precision"]]
    view = ds.incidents.merge(sites, on="site_id", how="left")
    n_sources = ds.sources.groupby("incident_id").size().rename("n_sources")
    view = view.merge(n_sources, left_on="incident_id", right_index=True, how="left")
    view["n_sources"] = view["n_sources"].fillna(0).astype("int64")
    view["date_end"] = view["date"] + pd.to_timedelta(
        view["date_precision"].map(vocab.PRECISION_DAYS).fillna(0).astype("int64"), unit="D"
    )
    month_end = view["date"] + pd.offsets.MonthBegin(1)
    view.loc[view["date_precision"] == "month", "date_end"] = month_end
    view["date_end"] = view["date_end"] - pd.Timedelta(days=1)  # inclusive last possible day
    # Arrow-backed text: selecting rows (FilterState.apply's main cost at 1M incidents) copies packed bytes
    # instead of touching every Python string object, about twice as fast.
    text = view.columns[view.dtypes == object]
    view[text] = view[text].astype("str")
    view.index = pd.RangeIndex(len(view))
    return view
