"""Text search: Arabic spelling variants fold together; English ignores case and apostrophes."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

import numpy as np
import pandas as pd

from hudna.text import build_search_index, build_token_index, normalize, normalize_series, query_terms

# (what an analyst types, what the data says): each pair must match.
SAME = [
    ("عين الاسد", "عين الأسد"),                 # hamza on alef
    ("اربيل", "أربيل"),
    ("الانبار", "الأنبار"),
    ("قاعده", "قاعدة"),                          # ta marbuta / ha
    ("مستشفي", "مستشفى"),                       # alef maqsura / ya
    ("المقاومة", "الـمـقـاومـة"),                 # tatweel
    ("كتائب", "كتائِب"),                          # diacritics
    ("مؤتمر", "موتمر"),                          # hamza on waw
    ("الاسد", "ٱلأَسَد"),                          # wasla and fatha
    ("kataib hezbollah", "Kata'ib Hezbollah"),
    ("kataib", "Kata’ib"),                      # typographic apostrophe
    ("al asad", "al-Asad"),
    ("tower 22", "Tower-22"),
]


@pytest.mark.parametrize("typed,stored", SAME)
def test_variants_fold_together(typed, stored):
    assert normalize(typed) == normalize(stored)


def test_different_words_stay_different():
    assert normalize("عين الأسد") != normalize("عين العرب")
    assert normalize("Harir") != normalize("Hariri")[:-1] + "x"


def test_query_terms_split_on_punctuation_and_drop_empties():
    assert query_terms("  Ain al-Asad,  عين  ") == ["ain", "al", "asad", "عين"]
    assert query_terms("   ") == []


@given(st.text(max_size=200))
def test_normalize_is_idempotent_and_never_fails(text):
    once = normalize(text)
    assert normalize(once) == once


# --- the word index answers exactly like a scan of every row ------------------------------------

_WORDS = st.text(alphabet="ab1أاةه ", min_size=0, max_size=12)


def _scan(texts, term):
    return np.array([term in normalize(t) for t in texts], dtype=bool)


@given(st.lists(_WORDS, min_size=1, max_size=40), st.text(alphabet="ab1أاةه", min_size=1, max_size=3))
def test_word_index_equals_scanning_every_row(texts, typed):
    term = normalize(typed)
    if not term or " " in term:
        return
    index = build_token_index(normalize_series(pd.Series(texts, dtype="str")))
    assert index.rows_containing(term).tolist() == _scan(texts, term).tolist()


def test_word_index_rare_and_common_terms_take_every_path():
    texts = [f"attack at site {i:04d}" for i in range(400)] + ["strike"]
    index = build_token_index(normalize_series(pd.Series(texts, dtype="str")))
    one_word = index.rows_containing("0123")  # a few words: their posting slices one by one
    few_postings = index.rows_containing("03")  # many words, few postings: gathered together
    many_postings = index.rows_containing("0")  # many words, most postings: one pass over all of them
    common = index.rows_containing("at")
    assert np.flatnonzero(one_word).tolist() == [123]
    assert np.flatnonzero(few_postings).tolist() == [i for i in range(400) if "03" in f"{i:04d}"]
    assert many_postings.sum() == 400 and not many_postings[-1]
    assert common.sum() == 400 and not common[-1]
    assert not index.rows_containing("zzz").any()


def test_long_word_lists_are_scanned_in_two_halves_with_the_same_answer():
    words = pd.Series([f"w{i}" for i in range(250_000)], dtype="str")  # over the size where the scan is split
    index = build_token_index(words)
    assert np.flatnonzero(index.rows_containing("w12345")).tolist() == [12345, 123450, 123451, 123452, 123453, 123454,
                                                                        123455, 123456, 123457, 123458, 123459]
    assert index.rows_containing("w2").sum() == sum("w2" in w for w in words)


def _search_index(texts):
    n = len(texts)
    view = pd.DataFrame({
        "summary_en": texts, "summary_ar": [""] * n, "milestone": [None] * n, "milestone_ar": [None] * n,
        "notes": [None] * n, "incident_id": [f"I-{i}" for i in range(n)],
        "site_id": ["s1" if i % 2 else None for i in range(n)], "actor": ["kh"] * n,
        "claimed_by": [None] * n, "target_actor": ["us"] * n,
    })
    factions = pd.DataFrame({"faction_id": ["kh", "us"], "name_en": ["Kata'ib Hezbollah", "United States"],
                             "name_ar": ["كتائب حزب الله", "الولايات المتحدة"], "short": ["KH", "US"], "aliases": ["", ""]})
    sites = pd.DataFrame({"site_id": ["s1"], "name_en": ["Ain al-Asad"], "name_ar": ["عين الأسد"]})
    return build_search_index(view, factions, sites)


SITE_NAMES = normalize("Ain al-Asad عين الأسد s1")
FACTION_NAMES = normalize("Kata'ib Hezbollah كتائب حزب الله KH kh United States الولايات المتحدة US us")


def _naive_match(text, number, query):
    """Every term in the row's own text, its site's names (odd rows have the site) or its factions' names."""
    own = normalize(f"{text} I-{number}")
    return all(t in own or (number % 2 and t in SITE_NAMES) or t in FACTION_NAMES for t in query_terms(query))


@pytest.mark.parametrize("rows", [None, "few", "most"])
def test_search_gives_the_same_rows_whether_it_scans_or_uses_the_word_index(rows):
    texts = [f"drone attack {i}" if i % 3 else f"rocket fire {i}" for i in range(300)]
    index = _search_index(texts)
    subset = {None: None, "few": np.array([1, 2, 3, 4, 5, 9, 10]), "most": np.arange(299, 9, -1)}[rows]
    candidates = np.arange(300) if subset is None else subset
    for query in ("drone", "عين الاسد drone", "kataib 1", "rocket asad", "nothing", "i 7"):
        expected = [int(i) for i in candidates if _naive_match(texts[i], i, query)]
        assert candidates[index.matches(query, subset)].tolist() == expected, query
