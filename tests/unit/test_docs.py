"""The documentation keeps up: every dataset column, allowed value and URL key is documented."""

import re

import pytest

from hudna import vocab
from hudna.filters import KEYS
from hudna.schema import TABLES
from tests.conftest import ROOT

CODEBOOK = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("table,column", [(t, c) for t, s in TABLES.items() for c in s.columns])
def test_every_column_is_in_the_codebook(table, column):
    section = CODEBOOK.split(f"### `{table}.csv`")[1].split("\n### ")[0]
    assert re.search(rf"^\| `{column}` \|", section, re.M), f"{table}.{column} is not documented"


VALUES = [v for name in dir(vocab) if name.isupper() and isinstance(getattr(vocab, name), tuple) for v in getattr(vocab, name)]


@pytest.mark.parametrize("value", sorted(set(VALUES)))
def test_every_allowed_value_is_in_the_codebook(value):
    assert f"`{value}`" in CODEBOOK


@pytest.mark.parametrize("key", list(KEYS))
def test_every_url_key_is_in_the_readme(key):
    assert re.search(rf"^\| `{key}` \|", README, re.M)


def test_codebook_changelog_has_the_current_version():
    version = (ROOT / "data" / "VERSION").read_text(encoding="utf-8").strip()
    assert re.search(rf"^### {re.escape(version)} ", CODEBOOK, re.M)
