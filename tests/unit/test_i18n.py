"""The string catalogues: both languages complete and alike, every key used, no user-facing text outside them."""

import ast
import re
import string

import pytest

from components.i18n import LANGS, Translator, catalogue
from tests.conftest import ROOT

EN, AR = catalogue("en"), catalogue("ar")
ARABIC = re.compile(r"[\u0600-\u06FF]")
SOURCES = sorted((ROOT / "pages").glob("*.py")) + sorted((ROOT / "components").glob("*.py")) + [ROOT / "app.py"]
# Keys looked up with a computed suffix, e.g. t(f"notice.{code}") or t.value("weapon", v).
DYNAMIC_PREFIXES = ("notice.", "value.", "month.", "describe.", "sidebar.role_", "sidebar.dprec_", "sidebar.cprec_")


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_languages_have_the_same_keys():
    assert sorted(EN) == sorted(AR)


@pytest.mark.parametrize("key", sorted(EN))
def test_entry_is_complete_in_both_languages(key):
    assert EN[key].strip() and AR[key].strip()
    assert placeholders(EN[key]) == placeholders(AR[key])
    assert ARABIC.search(AR[key]), f"{key} is not translated: {AR[key]!r}"


def source_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in SOURCES)


def test_every_key_is_used():
    code = source_text()
    unused = [k for k in EN if not k.startswith(DYNAMIC_PREFIXES) and f'"{k}"' not in code and f"'{k}'" not in code]
    assert unused == []


def test_every_literal_key_in_the_code_exists():
    used = set(re.findall(r"\bt\(\"([a-z_]+\.[a-z_0-9]+)\"", source_text()))
    assert sorted(used - set(EN)) == []


# Streamlit calls whose first argument (or these keywords) a reader sees.
SHOWN = {"title", "header", "subheader", "caption", "markdown", "write", "text", "info", "warning", "error", "success",
         "button", "download_button", "metric", "selectbox", "multiselect", "radio", "text_input", "date_input",
         "expander", "toggle", "checkbox", "slider", "select_slider", "file_uploader", "form_submit_button", "page_link", "tabs"}
SHOWN_KEYWORDS = {"label", "help", "placeholder", "title", "caption"}


def literal_text(node) -> str | None:
    """The words in a string literal or f-string, if it holds any letters."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.JoinedStr):
        text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    else:
        return None
    return text if re.search(r"[A-Za-z\u0600-\u06FF]{2,}", text) else None


def hard_coded(path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in SHOWN:
            first = [] if node.func.attr == "page_link" else node.args[:1]  # page_link's first argument is a path
            candidates = first + [k.value for k in node.keywords if k.arg in SHOWN_KEYWORDS]
            if node.func.attr == "tabs" and node.args and isinstance(node.args[0], ast.List):
                candidates = list(node.args[0].elts)
            found += [f"{path.name}:{node.lineno}: {text!r}" for text in map(literal_text, candidates) if text]
    return found


@pytest.mark.parametrize("path", SOURCES, ids=[p.name for p in SOURCES])
def test_no_hard_coded_user_facing_text(path):
    assert hard_coded(path) == []


@pytest.mark.parametrize("lang,expected", [("en", "17 October 2024"), ("ar", "17 تشرين الأول 2024")])
def test_dates_are_written_in_the_language(lang, expected):
    assert Translator(lang).date("2024-10-17") == expected


def test_unknown_language_falls_back_to_english():
    assert Translator("fr").lang == "en" and LANGS == ("en", "ar")


@pytest.mark.parametrize("lang,query", [("ar", "HUD-0003"), ("en", "عين الأسد")])
def test_a_searched_text_is_isolated_so_the_other_script_does_not_reorder_the_line(lang, query):
    from hudna.filters import FilterState
    from hudna.loading import load_dataset
    from tests.conftest import VALID

    described = Translator(lang).describe(FilterState(query=query), load_dataset(VALID))
    assert f"\u2068{query}\u2069" in described  # first-strong isolate ... pop directional isolate
