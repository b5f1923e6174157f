"""The interface's words in English and Arabic: one catalogue per language, kept as components/locales/<lang>/*.json.

Each page may keep its words in a file of its own (e.g. truces.json); the files of a language are merged and a key
may appear in only one of them.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from pathlib import Path

import pandas as pd

from hudna.filters import DESCRIBE_WORDS

LOCALES = Path(__file__).resolve().parent / "locales"
LANGS = ("en", "ar")
VALUE_KINDS = ("event_type", "weapon", "outcome", "verification", "attribution", "precision", "kind", "side", "source_kind")


@lru_cache(maxsize=None)
def catalogue(lang: str) -> dict[str, str]:
    merged: dict[str, str] = {}
    for path in sorted((LOCALES / lang).glob("*.json")):
        part = json.loads(path.read_text(encoding="utf-8"))
        clash = set(part) & set(merged)
        if clash:
            raise ValueError(f"{path.name} repeats catalogue keys: {sorted(clash)[:5]}")
        merged.update(part)
    return merged


class Translator:
    """t("overview.title"), t.value("weapon", "drone"), t.date(day): everything a page shows, in one language."""

    def __init__(self, lang: str):
        self.lang = lang if lang in LANGS else "en"
        self.rtl = self.lang == "ar"

    def __call__(self, message_id: str, /, **values) -> str:
        text = catalogue(self.lang).get(message_id)
        if text is None:
            text = catalogue("en")[message_id]  # a missing key is a test failure, not a crash for the reader
        return text.format(**values) if values else text

    def value(self, kind: str, value) -> str:
        """A controlled-vocabulary value in words (e.g. claimed_only -> “claimed only” / “ادعاء فقط”)."""
        if value is None or (not isinstance(value, str) and pd.isna(value)):
            return self("value.unknown")
        return catalogue(self.lang).get(f"value.{kind}.{value}") or str(value).replace("_", " ")

    def date(self, day, short: bool = False) -> str:
        """17 Oct 2024 / 17 تشرين الأول 2024."""
        if day is None or (not isinstance(day, (dt.date, str)) and pd.isna(day)):
            return "—"
        day = pd.Timestamp(day)
        month = self(f"month.{day.month}") if self.rtl else day.strftime("%b" if short else "%B")
        return f"{day.day} {month} {day.year}"

    def names(self, dataset, column: str = "name") -> dict[str, str]:
        return dataset.faction_names(self.lang)

    def describe(self, state, dataset) -> str:
        """The filter in words in this language, with names from the dataset's *_ar columns in Arabic."""
        names = dict(dataset.faction_names(self.lang))
        for kind in ("event_type", "weapon", "outcome", "verification"):
            names.update({k[len(f"value.{kind}."):]: v for k, v in catalogue(self.lang).items() if k.startswith(f"value.{kind}.")})
        column = "name_ar" if self.rtl else "name_en"
        periods = dict(zip(dataset.periods["period_id"], dataset.periods[column]))
        words = {k: self(f"describe.{k}") for k in DESCRIBE_WORDS}
        return state.describe(names, periods, words=words, day=self.date)


def translator(lang: str) -> Translator:
    return Translator(lang)


def notice_text(notice, t: Translator) -> str:
    """A link notice from the domain (hudna.filters.Notice) in the reader's language."""
    code = getattr(notice, "code", None)
    if code is None or f"notice.{code}" not in catalogue("en"):
        return str(notice)
    return t(f"notice.{code}", **getattr(notice, "values", {}))
