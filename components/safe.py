"""Escaping dataset and user text before it reaches Markdown, so it shows as text and never as markup or links."""

import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")


def md_escape(text) -> str:
    """Text safe to embed in st.markdown: every Markdown/HTML special character is backslash-escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text)).replace("\n", " ")
