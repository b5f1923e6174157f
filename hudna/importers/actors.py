"""Matching imported actor names to Hudna factions; names nobody mapped become new factions, reported; no streamlit here.

Order of matching, on names compared without case, punctuation, apostrophes or ACLED's era suffix "(2021-)":
the mapping file hudna/importers/actor_names.csv, then the curated factions' names and aliases, then, for
state forces such as "Military Forces of Iraq (2022-) Counter Terrorism Service", the longest mapped prefix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from hudna import vocab
from hudna.tables import read_table

MAPPING_FILE = Path(__file__).with_name("actor_names.csv")
CURATED_DATA = Path(__file__).resolve().parents[2] / "data"  # the folder whose factions.csv known names map to
FACTION_COLUMNS = ["faction_id", "name_en", "name_ar", "short", "parent_id", "side", "color", "aliases", "source_url", "notes"]

NO_ARABIC_NAME = "لا اسم عربي في الملف المستورد"  # "no Arabic name in the imported file"
NEUTRAL_GREYS = ("#7F7F7F", "#A6A6A6", "#595959", "#BFBFBF", "#8C8C8C", "#6E6E6E", "#999999", "#4D4D4D")
# Actors whose side the file does not make plain are marked `unknown` until someone classifies them.
UNKNOWN_SIDE = "unknown"
STATE_PREFIXES = ("military forces of ", "police forces of ", "government of ")
CIVILIAN_INTER = {"6", "7", "protesters", "civilians"}  # ACLED inter codes and their labels

_ERA = re.compile(r"\(\s*\d{4}\s*-\s*(?:\d{4})?\s*\)")
_APOSTROPHES = re.compile("['\u2019\u2018`\u02bc\u02bf]")
_NON_WORD = re.compile(r"[\W_]+")


def name_key(name: str) -> str:
    """How names are compared: 'Kata'ib Hezbollah (2003-)' and 'kataib  hezbollah' have the same key."""
    text = _APOSTROPHES.sub("", _ERA.sub(" ", str(name)).lower())
    return _NON_WORD.sub(" ", text).strip()


def display_name(name: str) -> str:
    """The name without ACLED's era suffix, for a new faction."""
    return " ".join(_ERA.sub(" ", str(name)).split())


def is_unidentified(key: str) -> bool:
    """ACLED's 'Unidentified Armed Group (Iraq)' and the like: in Hudna an unknown actor is an empty actor."""
    return key.startswith("unidentified ")


@dataclass
class NewFaction:
    faction_id: str
    name_en: str
    spellings: set
    inter: set
    rows: int = 0


@dataclass
class ActorMapper:
    """Resolves the actor names of one import to faction ids, collecting the new factions it had to create."""

    curated: pd.DataFrame
    keys: dict
    prefix: str
    source_label: str
    new: dict = field(default_factory=dict)  # key -> NewFaction
    used: set = field(default_factory=set)
    taken: set = field(default_factory=set)  # faction ids in use, curated and new

    @classmethod
    def load(cls, prefix: str, source_label: str, curated_folder: Path = CURATED_DATA, mapping_file: Path = MAPPING_FILE) -> "ActorMapper":
        curated, _ = read_table(Path(curated_folder), "factions", FACTION_COLUMNS)
        curated = curated.reindex(columns=FACTION_COLUMNS).reset_index(drop=True)
        return cls(curated, mapping_keys(curated, pd.read_csv(mapping_file, dtype=str, keep_default_na=False)), prefix, source_label)

    def resolve(self, names: pd.Series, inter: pd.Series | None = None) -> pd.Series:
        """Faction ids for a column of names (NA where the name is empty or an unidentified actor)."""
        codes, uniques = pd.factorize(names)
        counts = np.bincount(codes[codes >= 0], minlength=len(uniques))
        inters = _inter_by_code(codes, inter) if inter is not None else {}
        ids = np.array([self._resolve_one(str(n), int(c), inters.get(i, set())) for i, (n, c) in enumerate(zip(uniques, counts))] + [None],
                       dtype=object)
        return pd.Series(ids[codes], index=names.index, dtype=object)  # code -1 (empty) picks the trailing None

    def _resolve_one(self, name: str, count: int, inter: set) -> str | None:
        key = name_key(name)
        if not key or is_unidentified(key):
            return None
        fid = self.keys.get(key) or _state_prefix_match(key, self.keys)
        if fid:
            self.used.add(fid)
            return fid
        faction = self.new.get(key)
        if faction is None:
            faction = self.new[key] = NewFaction(self._new_id(key), display_name(name), set(), set())
        faction.spellings.add(name)
        faction.inter |= inter
        faction.rows += count
        return faction.faction_id

    def _new_id(self, key: str) -> str:
        """`acled_islamic_state_iraq`: the same id for the same name in every import; a suffix only on a clash."""
        base = f"{self.prefix}_" + (re.sub(r"[^a-z0-9]+", "_", key).strip("_")[:40] or "actor")
        if not self.taken:
            self.taken.update(self.curated["faction_id"])
        candidate, n = base, 2
        while candidate in self.taken:
            candidate, n = f"{base}_{n}", n + 1
        self.taken.add(candidate)
        return candidate

    def factions(self) -> pd.DataFrame:
        """The curated factions used (with their umbrellas) followed by the new ones, as text cells."""
        parents = dict(zip(self.curated["faction_id"], self.curated["parent_id"]))
        needed, stack = set(), list(self.used)
        while stack:
            fid = stack.pop()
            if isinstance(fid, str) and fid not in needed:
                needed.add(fid)
                stack.append(parents.get(fid))
        curated = self.curated[self.curated["faction_id"].isin(needed)]
        return pd.concat([curated, self._new_rows()], ignore_index=True).astype(object).where(lambda f: f.notna(), None)

    def _new_rows(self) -> pd.DataFrame:
        rows = []
        for i, (key, f) in enumerate(sorted(self.new.items(), key=lambda kv: (-kv[1].rows, kv[0]))):
            side, basis = infer_side(key, f.inter)
            others = sorted(s.replace(vocab.LIST_SEPARATOR, ",") for s in f.spellings if s != f.name_en)
            rows.append({
                "faction_id": f.faction_id, "name_en": f.name_en, "name_ar": f"{f.name_en} ({NO_ARABIC_NAME})", "short": None,
                "parent_id": None, "side": side, "color": NEUTRAL_GREYS[i % len(NEUTRAL_GREYS)],
                "aliases": ";".join(others) or None, "source_url": None,
                "notes": f"Imported from {self.source_label}; not in hudna/importers/actor_names.csv. Side: {basis}.",
            })
        return pd.DataFrame(rows, columns=FACTION_COLUMNS)

    def report(self) -> pd.DataFrame:
        """The new factions, most frequent first: what the importer created and on what basis it chose the side."""
        rows = [dict(zip(("faction_id", "name", "rows", "side", "side_basis"), (f.faction_id, f.name_en, f.rows, *infer_side(k, f.inter))))
                for k, f in self.new.items()]
        frame = pd.DataFrame(rows, columns=["faction_id", "name", "rows", "side", "side_basis"])
        return frame.sort_values(["rows", "name"], ascending=[False, True]).reset_index(drop=True)


def mapping_keys(curated: pd.DataFrame, mapping: pd.DataFrame) -> dict[str, str]:
    """Name key -> faction id: curated names and aliases (ambiguous aliases dropped), then the mapping file on top."""
    found: dict[str, set] = {}
    for fid, name, aliases in zip(curated["faction_id"], curated["name_en"], curated["aliases"]):
        for spelling in [name, *(str(aliases).split(vocab.LIST_SEPARATOR) if isinstance(aliases, str) else [])]:
            if isinstance(spelling, str) and name_key(spelling):
                found.setdefault(name_key(spelling), set()).add(fid)
    keys = {k: next(iter(ids)) for k, ids in found.items() if len(ids) == 1}
    known = set(curated["faction_id"])
    keys.update({name_key(n): fid for n, fid in zip(mapping["name"], mapping["faction_id"]) if fid in known and name_key(n)})
    return keys


def infer_side(key: str, inter: set) -> tuple[str, str]:
    """A side only where the record says it plainly; otherwise the placeholder, and the notes say so."""
    if key.startswith(("civilians", "protesters")):
        return "civilian", "civilian (the name says civilians or protesters)"
    if inter and inter <= CIVILIAN_INTER:
        return "civilian", "civilian (ACLED codes this actor as civilians or protesters)"
    if key.startswith(("military forces of iraq", "police forces of iraq", "government of iraq")):
        return "iraq_state", "iraq_state (Iraqi state forces by name)"
    return UNKNOWN_SIDE, (f"not known; stored as '{UNKNOWN_SIDE}' only because the schema requires a side "
                          "(edit factions.csv or add the name to actor_names.csv)")


def _state_prefix_match(key: str, keys: dict) -> str | None:
    """'military forces of iraq counter terrorism service' -> the id of 'military forces of iraq', if mapped."""
    if not key.startswith(STATE_PREFIXES):
        return None
    words = key.split(" ")
    for end in range(len(words) - 1, 3, -1):
        fid = keys.get(" ".join(words[:end]))
        if fid:
            return fid
    return None


def _inter_by_code(codes: np.ndarray, inter: pd.Series) -> dict[int, set]:
    pairs = pd.DataFrame({"code": codes, "inter": inter.fillna("").astype(str).str.strip().str.lower().to_numpy()}).drop_duplicates()
    out: dict[int, set] = {}
    for code, value in zip(pairs["code"], pairs["inter"]):
        if code >= 0 and value:
            out.setdefault(int(code), set()).add(value)
    return out
