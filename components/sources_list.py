"""Markdown for a list of sources: escaped outlet text, links only for http(s) URLs."""

from __future__ import annotations

import re

import pandas as pd

from components.i18n import Translator, translator
from components.safe import md_escape

HTTP = re.compile(r"^https?://[^\s<>\"'`()\[\]]+$", re.IGNORECASE)


def sources_markdown(sources: pd.DataFrame, t: Translator | None = None) -> str:
    """One bullet per source: “Outlet (date, kind)” linking to the URL when it is a plain http(s) address."""
    t = t or translator("en")
    lines = []
    for row in sources.itertuples():
        meta = ", ".join(str(v) for v in (row.published, row.language, t.value("source_kind", row.kind)) if isinstance(v, str) and v)
        # The date/language/kind part is isolated left to right, so digits after an Arabic outlet name keep their order.
        label = md_escape(row.outlet) + (f" (\u2066{md_escape(meta)}\u2069)" if meta else "")
        url = str(row.url)
        lines.append(f"- [{label}]({url})" if HTTP.match(url) else f"- {label}: {md_escape(url)} ({t('sources.not_link')})")
    return "\n".join(lines) if lines else t("sources.none")
