"""The Truces page in AppTest: it runs on every dataset, follows the sidebar and the link, links its numbers, and
reads in Arabic right to left with Arabic names, dates, charts and definitions."""

import re

import plotly.io
import pytest

from components import truce_tables as tables
from components.i18n import Translator
from hudna import truces
from tests.app.conftest import open_page as run_page
from tests.conftest import FIXTURES, ROOT, VALID

PAGE = "pages/truces_page.py"
TRUCES = FIXTURES / "truces"


def open_page(app, params=None, folder=TRUCES):
    return run_page(app, PAGE, params, folder)


def markdown(at) -> str:
    return "\n".join(str(m.value) for m in at.markdown)


@pytest.mark.parametrize("folder", [VALID, ROOT / "data", TRUCES], ids=["valid", "shipped", "truces"])
def test_page_runs_on_every_dataset(app, folder):
    at = open_page(app, folder=folder)
    assert at.title[0].value == "Truces — did the truce hold?"
    assert len(at.get("plotly_chart")) == 4


def test_page_runs_in_arabic(app):
    at = open_page(app, {"lang": "ar"})
    assert "lang=ar" in markdown(at)  # links keep the reader's language


def test_counts_link_to_their_rows(app):
    at = open_page(app)
    text = markdown(at)
    for link in ("[7](/incidents?period=E1&v=truces-1)", "[6](/incidents?period=T1&v=truces-1)",
                 "[0](/incidents?period=T2&v=truces-1)", "[4](/incidents?period=T3&v=truces-1)",
                 "[7](/incidents?from=2024-01-01&to=2024-01-14&v=truces-1)",  # the window before T1
                 "[timeline](/timeline?period=T3&v=truces-1)", "[map](/map?period=T3&v=truces-1)"):
        assert link in text, link
    assert "3.00 (1.10–6.53)" in text and "0.00 (0.00–3.69)" in text  # T1's and T2's rate per week
    assert next(m.value for m in at.metric if m.label.startswith("Days since")) == "0"


def test_the_sidebar_filters_every_count(app):
    at = open_page(app)
    at.multiselect(key="f_type").set_value(["attack"]).run()
    assert not at.exception
    assert "[4](/incidents?period=T1&type=attack&v=truces-1)" in markdown(at)


def test_a_date_range_from_the_link_gets_its_own_row(app):
    at = open_page(app, {"from": "2024-01-15", "to": "2024-01-28"})
    text = markdown(at)
    assert "**Selected range**" in text
    assert "[6](/incidents?from=2024-01-15&to=2024-01-28&v=truces-1)" in text
    assert "[6](/incidents?period=T1&v=truces-1)" in text  # period rows keep their own dates


def test_ledger_of_a_chosen_truce(app):
    at = open_page(app)
    at.selectbox(key="truce_ledger").set_value("T1").run()
    text = markdown(at)
    assert "[F\\-08](/incidents?incident=F-08&v=truces-1)" in text
    assert "Camp \\<b\\>\\|\\</b\\> \\[x\\]\\(javascript\\:alert\\(1\\)\\)" in text and "<b>" not in text
    assert "2 days later (F\\-09)" in text  # the first breach was followed by a strike two days later


def test_the_sidebar_period_opens_its_ledger(app):
    at = open_page(app, {"period": "T1"})
    assert at.selectbox(key="truce_ledger").value == "T1"
    assert "[6](/incidents?period=T1&v=truces-1)" in markdown(at)  # the period's own row and the selection agree


def test_the_lag_window_changes_the_action_reaction_counts(app):
    at = open_page(app)
    assert "[2](/incidents?dprec=day&from=2024-01-03&to=2024-01-10&type=attack&v=truces-1)" in markdown(at)
    at.slider(key="truce_lag_days").set_value(10).run()
    assert "[3](/incidents?dprec=day&from=2023-12-31&to=2024-01-10&type=attack&v=truces-1)" in markdown(at)


def test_definitions_are_on_the_page(app):
    at = open_page(app)
    shown = markdown(at)
    for term, _ in truces.DEFINITIONS:
        assert f"- **{term}**:" in shown


def test_a_dataset_without_incidents_says_so(app, editable):
    editable.write("incidents", [])
    editable.write("sources", [])
    at = open_page(app, folder=editable.folder)
    assert any("holds no incidents" in str(i.value) for i in at.info)


# --- Arabic ---------------------------------------------------------------------------------------
AR = Translator("ar")
ARABIC = re.compile(r"[\u0600-\u06FF]")
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


def arabic_page(app, params=None):
    return open_page(app, {"lang": "ar", **(params or {})})


def shown_text(at) -> str:
    """Every text a reader sees on the page, outside the charts."""
    parts = [e.value for kind in ("title", "subheader", "caption", "markdown", "info") for e in getattr(at, kind)]
    parts += [m.label for m in at.metric] + [e.label for e in at.expander] + [s.label for s in at.selectbox]
    parts += [s.label for s in at.slider] + [tab.label for tab in at.tabs]
    return "\n".join(str(p) for p in parts if not str(p).lstrip().startswith("<style>"))  # not the RTL stylesheet


def charts(at) -> dict:
    return {key: plotly.io.from_json(c.proto.spec) for key, c in zip(CHART_KEYS, at.get("plotly_chart"))}


CHART_KEYS = ("rates", "lag", "cumulative", "compare")  # in page order


def chart_words(fig) -> list[str]:
    """What a reader reads on a chart: legend entries, axis and panel titles, tick labels, notes."""
    words = [tr.name for tr in fig.data if tr.name and tr.showlegend is not False]
    layout = fig.layout
    for axis in [layout[k] for k in layout if k.startswith(("xaxis", "yaxis"))]:
        words += [axis.title.text] if axis.title.text else []
        words += list(axis.ticktext or ())
    words += [a.text for a in layout.annotations]
    return [w for w in words if w]


def test_the_arabic_page_is_in_arabic(app):
    at = arabic_page(app)
    assert at.title[0].value == AR("truces.title") == "الهدن — هل صمدت الهدنة؟"
    assert at.subheader[0].value == AR("overview.state_as_of", date="10 آذار 2024")
    assert next(m for m in at.metric).label == AR("overview.days_since")
    # What links say, not where they go; and not the dataset version in the app's own caption.
    text = re.sub(r"\]\([^)]*\)|truces\\?-1", "]", shown_text(at))
    # Names come from the *_ar columns, dates have Arabic month names, vocabulary is translated.
    for arabic in ("هدنة منتصف كانون الثاني", "كتائب حزب الله", "القوات الأمريكية", "معسكر", "10 شباط 2024",
                   "15 كانون الثاني – 28 كانون الثاني 2024", "هجوم", "خرق", "غير منسوب"):
        assert arabic in text, arabic
    for english in ("Mid-January truce", "Kata'ib Hezbollah", "US forces", "Camp", "Jan", "attack", "breach", "truce"):
        assert english not in text, english
    # No English word is left: only ids, links, code and the two method names remain in Latin letters.
    latin = re.sub(r"`[^`]*`|\b[A-Z]\\?-?\d+\b|data/README\.md|Garwood|Clopper\\?-Pearson", "", text)
    assert LATIN_WORD.findall(latin) == []


def test_arabic_links_keep_the_language(app):
    text = markdown(arabic_page(app))
    links = re.findall(r"\]\((/[a-z]+[^)]*)\)", text)
    assert len(links) > 40 and all("lang=ar" in link for link in links), [x for x in links if "lang=ar" not in x]
    assert "[F\\-08](/incidents?incident=F-08&lang=ar&v=truces-1)" in markdown(arabic_page(app, {"period": "T1"}))


def test_arabic_tables_read_right_to_left_with_numbers_left_to_right(app):
    text = markdown(arabic_page(app))
    rows = [line for line in text.splitlines() if line.startswith("|") and not line.startswith("|---")]
    cells = [c.strip() for line in rows for c in re.split(r"(?<!\\)\|", line)[1:-1]]
    assert len(cells) > 200 and all(c.startswith(tables.RLM) for c in cells)  # each cell reads right to left
    # Intervals and day ranges are left-to-right isolates, so "1.10–6.53" is never shown as "6.53–1.10".
    assert f"{tables.LRI}3.00{tables.NBSP}(1.10–{tables.WJ}6.53){tables.PDI}" in text  # and never broken
    assert f"{tables.LRI}10–19{tables.PDI}" in text  # F-17's days after T3 began (dated to the month)
    assert f"{tables.LRI}{tables.SUPERSET}{tables.PDI}" in text  # not mirrored into ⊆ by the Arabic around it
    assert "بعد يومين (F\\-09)" in markdown(arabic_page(app, {"period": "T1"}))  # Arabic dual, not "2 أيام"


def test_arabic_definitions_are_arabic_prose(app):
    at = arabic_page(app)
    shown = markdown(at)
    en = Translator("en")
    for key in tables.DEFINITION_KEYS:
        text = AR(key)
        assert f"- {text}" in shown
        assert text.startswith("**") and ARABIC.search(text.split("**")[1])  # an Arabic term in bold
        latin = re.sub(r"`[^`]*`|Garwood|Clopper-Pearson", "", text)
        assert not LATIN_WORD.search(latin), key
        assert len(ARABIC.findall(text)) > 0.5 * len(en(key))  # a definition, not a stub
    assert AR("truces.definitions") in [e.label for e in at.expander]


def test_definition_keys_follow_the_domain_terms():
    assert [k.split(".")[-1] for k in tables.DEFINITION_KEYS] == [key for _, key in truces.DEFINITIONS]
    en = Translator("en")
    assert [en(k).split("**")[1] for k in tables.DEFINITION_KEYS] == [term for term, _ in truces.DEFINITIONS]


def test_arabic_charts_are_translated_and_laid_out_right_to_left(app):
    figs = charts(arabic_page(app))
    for name, fig in figs.items():
        words = chart_words(fig)
        assert words, name
        for word in words:
            assert ARABIC.search(word) or re.fullmatch(r"[A-Z]\d", word), (name, word)
        assert fig.layout.legend.xanchor == "right" and fig.layout.legend.x == 1, name
        hovers = " ".join(tr.hovertemplate or "" for tr in fig.data)
        assert not LATIN_WORD.findall(re.sub(r"%\{[^}]*\}|<extra></extra>|<br>", "", hovers)), name
    rates = figs["rates"]
    assert {tr.name for tr in rates.data} == {"هدنة", "توقف", "تصعيد", "الفترة السابقة"}
    assert rates.layout.xaxis.title.text == "حوادث في الأسبوع" and rates.layout.yaxis.side == "right"
    assert f"{tables.RLI}T1 · هدنة منتصف كانون الثاني{tables.PDI}" in rates.data[0].y
    cumulative = figs["cumulative"]
    assert f"{tables.RLI}15 كانون الثاني 2024{tables.PDI}" in cumulative.layout.xaxis.ticktext
    assert cumulative.data[0].customdata[-1] == "10 آذار 2024"  # hover dates in Arabic, not plotly's English
    # The first period of the comparison is on the right, as its selectbox is, with the scale on the outer side.
    compare = figs["compare"]
    titles = [a.text for a in compare.layout.annotations if "·" in a.text]
    assert titles == [f"{tables.RLI}T3 · هدنة مفتوحة{tables.PDI}", f"{tables.RLI}T2 · توقف قصير للكتائب{tables.PDI}"]
    assert compare.layout.yaxis2.showticklabels and compare.layout.yaxis2.side == "right"


def test_english_charts_read_left_to_right(app):
    figs = charts(open_page(app))
    assert all(fig.layout.legend.xanchor == "left" and fig.layout.legend.x == 0 for fig in figs.values())
    assert figs["rates"].layout.xaxis.title.text == "incidents per week"
    assert [a.text for a in figs["compare"].layout.annotations if "·" in a.text] == ["T2 · Short KH pause", "T3 · Open truce"]
    assert not any(tables.RLI in w or tables.LRI in w for fig in figs.values() for w in chart_words(fig))


@pytest.mark.parametrize("days,en,ar", [
    (0, "0 days", "0 يوم"), (1, "1 day", "يوم واحد"), (2, "2 days", "يومين"), (7, "7 days", "7 أيام"),
    (11, "11 days", "11 يوماً"), (100, "100 days", "100 يوم"), (103, "103 days", "103 أيام"),
])
def test_counts_of_days_agree_with_their_number(days, en, ar):
    assert tables.days_text(days, t=Translator("en")) == en and tables.days_text(days, t=AR) == ar


def test_a_range_of_days_keeps_its_order_in_arabic():
    assert tables.days_text(10, 19, Translator("en")) == "10–19 days"
    assert tables.days_text(10, 19, AR) == f"{tables.LRI}10–19{tables.PDI} يوماً"
