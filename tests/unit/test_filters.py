"""FilterState: literal URL round trips, property tests, and what apply() keeps."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hudna import vocab
from hudna.filters import KEYS, Catalog, FilterState
from hudna.loading import load_dataset
from tests.conftest import VALID

DS = load_dataset(VALID)
CATALOG = Catalog.of(DS)

# (query mapping as a link carries it, the state it means, the canonical mapping written back)
ROUND_TRIPS = [
    ({}, FilterState(), {}),
    ({"faction": "kh"}, FilterState(factions=("kh",)), {"faction": "kh"}),
    ({"faction": "nujaba,kh,kh"}, FilterState(factions=("kh", "nujaba")), {"faction": "kh,nujaba"}),
    ({"from": "2024-02-01", "to": "2024-04-30"}, FilterState(date_from=dt.date(2024, 2, 1), date_to=dt.date(2024, 4, 30)),
     {"from": "2024-02-01", "to": "2024-04-30"}),
    ({"type": "attack,strike", "weapon": "drone"}, FilterState(event_types=("attack", "strike"), weapons=("drone",)),
     {"type": "attack,strike", "weapon": "drone"}),
    ({"by": "claimed", "faction": "iri"}, FilterState(role="claimed", factions=("iri",)), {"by": "claimed", "faction": "iri"}),
    ({"by": "actor"}, FilterState(), {}),  # a default is left out of the URL
    ({"lang": "ar", "q": "  عين   الأسد "}, FilterState(lang="ar", query="عين الأسد"), {"lang": "ar", "q": "عين الأسد"}),
    ({"period": "P-2", "incident": "T-0003", "v": "fixture-1"}, FilterState(period="P-2", incident="T-0003", version="fixture-1"),
     {"incident": "T-0003", "period": "P-2", "v": "fixture-1"}),
    ({"country": "Iraq,Syria", "target": "us_forces"}, FilterState(countries=("Iraq", "Syria"), targets=("us_forces",)),
     {"country": "Iraq,Syria", "target": "us_forces"}),
    ({"dprec": "day", "cprec": "city", "verification": "confirmed", "outcome": "casualties"},
     FilterState(max_date_precision="day", max_coord_precision="city", verifications=("confirmed",), outcomes=("casualties",)),
     {"cprec": "city", "dprec": "day", "outcome": "casualties", "verification": "confirmed"}),
]


@pytest.mark.parametrize("params,state,canonical", ROUND_TRIPS)
def test_literal_round_trips(params, state, canonical):
    parsed, notices = FilterState.from_query_params(params, CATALOG)
    assert notices == []
    assert parsed == state
    assert parsed.to_query_params() == canonical
    assert list(parsed.to_query_params()) == sorted(canonical)


# (malformed link, the state kept, words expected in a notice)
MALFORMED = [
    ({"from": "2024-13-01"}, FilterState(), "not a date"),
    ({"faction": "kh,ghost"}, FilterState(factions=("kh",)), "“ghost”"),
    ({"type": "raid"}, FilterState(), "“raid”"),
    ({"zoom": "4"}, FilterState(), "unknown link parameter “zoom”"),
    ({"lang": "fr"}, FilterState(), "“fr”"),
    ({"period": "P-99"}, FilterState(), "“P-99”"),
    ({"from": "2024-05-01", "to": "2024-01-01"}, FilterState(date_from=dt.date(2024, 1, 1), date_to=dt.date(2024, 5, 1)), "swapped"),
    ({"q": "x" * 500}, FilterState(query="x" * 200), "cut to 200"),
]


@pytest.mark.parametrize("params,state,words", MALFORMED)
def test_malformed_values_are_dropped_with_a_notice(params, state, words):
    parsed, notices = FilterState.from_query_params(params, CATALOG)
    assert parsed == state
    assert any(words in n for n in notices), notices


def states():
    ids = sorted(CATALOG.factions)
    tup = lambda values: st.lists(st.sampled_from(values), max_size=3).map(tuple)  # noqa: E731
    dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 1, 1))
    return st.builds(
        lambda d1, d2, **kw: FilterState(date_from=min(d1, d2) if d1 and d2 else d1, date_to=max(d1, d2) if d1 and d2 else d2, **kw),
        st.none() | dates, st.none() | dates,
        factions=tup(ids), role=st.sampled_from(["actor", "claimed"]),
        event_types=tup(vocab.EVENT_TYPES), weapons=tup(vocab.WEAPONS), targets=tup(ids),
        countries=tup(sorted(CATALOG.countries)), outcomes=tup(vocab.OUTCOMES), verifications=tup(vocab.VERIFICATIONS),
        max_date_precision=st.sampled_from([None, "day", "week"]), max_coord_precision=st.sampled_from([None, "site", "city"]),
        query=st.text(max_size=60), period=st.none() | st.sampled_from(sorted(CATALOG.periods)),
        incident=st.none() | st.sampled_from(sorted(CATALOG.incidents)), lang=st.sampled_from(["en", "ar"]),
        version=st.none() | st.from_regex(r"[A-Za-z0-9.\-]{1,12}", fullmatch=True),
    )


@settings(max_examples=300, deadline=None)
@given(states())
def test_any_state_survives_the_url(state):
    parsed, notices = FilterState.from_query_params(state.to_query_params(), CATALOG)
    assert notices == []
    assert parsed == state


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(list(KEYS)) | st.text(max_size=8), st.text(max_size=40) | st.lists(st.text(max_size=10), max_size=3), max_size=8))
def test_any_query_mapping_parses_without_exception(params):
    state, notices = FilterState.from_query_params(params, CATALOG)
    assert isinstance(notices, list)
    # Whatever came in, what goes back out is canonical and stable.
    again, _ = FilterState.from_query_params(state.to_query_params(), CATALOG)
    assert again == state
    state.apply(DS)


def ids(frame):
    return sorted(frame["incident_id"])


# (state, incident ids kept from the fixture)
APPLIED = [
    (FilterState(), ["T-0001", "T-0002", "T-0003", "T-0004", "T-0005", "T-0006"]),
    (FilterState(factions=("iri",)), ["T-0001", "T-0002", "T-0004", "T-0005"]),  # umbrella rolls up kh
    (FilterState(factions=("kh",)), ["T-0002", "T-0004"]),
    (FilterState(factions=("kh",), role="claimed"), ["T-0004"]),  # T-0002 is attributed to kh, claimed by nobody
    (FilterState(factions=("iri",), role="claimed"), ["T-0001", "T-0004", "T-0005"]),
    (FilterState(event_types=("strike",)), ["T-0003"]),
    (FilterState(countries=("Syria",)), ["T-0002"]),
    (FilterState(query="عين الاسد"), ["T-0001", "T-0006"]),  # folded alef finds الأسد in the site name
    (FilterState(query="KATAIB"), ["T-0002", "T-0004"]),  # Kata'ib without the apostrophe, any case
    (FilterState(query="script"), ["T-0005"]),
    (FilterState(date_from=dt.date(2024, 7, 10), date_to=dt.date(2024, 7, 20)), ["T-0005", "T-0006"]),  # month row overlaps
    (FilterState(date_from=dt.date(2024, 7, 10), date_to=dt.date(2024, 7, 20), max_date_precision="week"), ["T-0006"]),
    (FilterState(max_date_precision="day"), ["T-0001", "T-0002", "T-0003", "T-0004"]),
    (FilterState(max_coord_precision="site"), ["T-0001", "T-0002", "T-0006"]),
    (FilterState(period="P-2"), ["T-0005"]),  # only a July-2024 (month-precision) row may fall in the truce
    (FilterState(period="P-2", max_date_precision="week"), []),
    (FilterState(period="P-1"), ["T-0001", "T-0002"]),
    (FilterState(targets=("nujaba",), outcomes=("casualties",)), ["T-0003"]),
]


@pytest.mark.parametrize("state,expected", APPLIED)
def test_apply_keeps_the_expected_rows(state, expected):
    assert ids(state.apply(DS)) == expected


DESCRIBED = [
    (FilterState(), "All incidents"),
    (FilterState(factions=("kh",), weapons=("drone",), date_from=dt.date(2024, 2, 1), date_to=dt.date(2024, 4, 30)),
     "Kata'ib Hezbollah, weapon: drone, 1 Feb 2024 – 30 Apr 2024"),
    (FilterState(factions=("iri",), role="claimed", query="Ain"), "Islamic Resistance in Iraq (as claimant), matching “Ain”"),
    (FilterState(date_from=dt.date(2024, 1, 5)), "5 Jan 2024 – latest"),
]


@pytest.mark.parametrize("state,words", DESCRIBED)
def test_describe(state, words):
    assert state.describe(DS.faction_names()) == words


def test_open_period_runs_to_the_data_end():
    start, end = FilterState(period="P-3").date_range(DS)
    assert start == dt.date(2024, 7, 20) and end == dt.date(2024, 7, 20)  # data ends before: never before its start


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=120) | st.from_regex(r"(?:[a-z]{1,8}=[^&]{0,20}&?){0,6}", fullmatch=True))
def test_any_raw_query_string_parses_without_exception(raw):
    # What a browser hands over: any text after '?', decoded the way Streamlit does (repeated keys kept).
    from urllib.parse import parse_qs

    params = parse_qs(raw, keep_blank_values=True)
    state, notices = FilterState.from_query_params(params, CATALOG)
    assert all(isinstance(n, str) for n in notices)
    assert FilterState.from_query_params(state.to_query_params(), CATALOG)[0] == state
