"""The timeline figure: period bands, milestones, counts by faction, statement and incident lanes, running totals; no streamlit here."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from components.i18n import Translator, translator
from hudna import timeline
from hudna.timeline import TimelineData

# Keys of the words this figure shows (components/locales/<lang>/timeline.json), written out so a test can find each one.
BIN_WORD = {"day": "timeline.per_day", "week": "timeline.per_week", "month": "timeline.per_month"}
KIND_WORD = {"truce": "timeline.kind_truce", "pause": "timeline.kind_pause", "escalation": "timeline.kind_escalation"}
# Plotly's own d3 date formats: the month names come from the chart's locale (chart_config), so they follow the language.
DATE_FORMAT = "%{x|%-d %b %Y}"
MONTH_FORMAT = "%{x|%B %Y}"
# Plotly's toolbar and zoom hint, in the reader's language.
TOOL_WORDS = {"Zoom": "timeline.tool_zoom", "Pan": "timeline.tool_pan", "Box Select": "timeline.tool_box",
              "Zoom in": "timeline.tool_zoom_in", "Zoom out": "timeline.tool_zoom_out", "Reset axes": "timeline.tool_reset",
              "Download plot as a png": "timeline.tool_png", "Double-click to zoom back out": "timeline.tool_dblclick"}
CHART_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "autoScale2d"]}

PERIOD_STYLE = {  # each kind its own fill, border and pattern, so they differ in print and for colour-blind readers too
    "truce": dict(color="rgba(44,162,95,0.30)", line="#2ca25f", pattern=""),
    "pause": dict(color="rgba(158,202,225,0.45)", line="#3182bd", pattern="."),
    "escalation": dict(color="rgba(222,45,38,0.22)", line="#de2d26", pattern="/"),
}
PX = dict(lane=20, milestone=16, kinetic=280, statements=70, dot=9, totals=190, gap=30, top=32, ticks=46, legend_row=21)
ASSUMED_PLOT_PX = 950  # the drawing width the label layout assumes (a wide page beside the sidebar); zooming in spreads labels apart
LABEL_CHARS, CHAR_PX, BAND_CHAR_PX, LEGEND_CHAR_PX = 28, 5.9, 6.2, 6.4
ARABIC_LEGEND_CHAR_PX = 5.0  # joined Arabic letters are narrower than Latin ones (about 4.7 px at the legend's size)
MAX_MILESTONE_LEVELS = 8
SYMBOLS = {"attack": "circle", "strike": "triangle-up", "statement": "diamond"}
DAY_MS = 86_400_000


def esc(value) -> str:
    """Dataset text made inert for plotly's pseudo-HTML (hover, legend, labels); quotes are left, plotly shows them as text."""
    return html.escape(str(value), quote=False)


@dataclass(frozen=True)
class Words:
    """What the figure's text is made from: the reader's language, and faction names and milestone labels in it."""

    t: Translator
    names: Mapping[str, str]
    milestones: Mapping[str, str] | None = None  # incident id -> label; None: the dataset's own (English) label

    @property
    def after_latin(self) -> str:
        """In Arabic a right-to-left mark after an id such as T-0002, so that a number after it stays with the Arabic text.

        Without it the bidi algorithm joins "T-0002 · 18" into one left-to-right run, and the day is read apart from its month.
        """
        return "\u200f" if self.t.rtl else ""

    def day(self, stamp) -> str:
        return self.t.date(stamp, short=True)

    def milestone(self, row) -> str:
        label = self.milestones.get(row.incident_id) if self.milestones is not None else None
        return label if isinstance(label, str) else row.milestone

    def pick(self, row, column: str):
        """The row's Arabic column (e.g. name_ar for name_en) when the reader reads Arabic and it is filled."""
        if self.t.rtl:
            arabic = getattr(row, column[:-3] + "_ar" if column.endswith("_en") else column + "_ar", None)
            if isinstance(arabic, str) and arabic:
                return arabic
        return getattr(row, column)


def milestone_labels(view: pd.DataFrame, t: Translator | None = None) -> dict[str, str] | None:
    """Incident id -> milestone label in the reader's language (milestone_ar in Arabic); None for English, the data's own."""
    if t is None or not t.rtl or "milestone_ar" not in view:
        return None
    rows = view.loc[view["milestone"].notna(), ["incident_id", "milestone_ar"]]
    return dict(zip(rows["incident_id"], rows["milestone_ar"]))


def chart_config(t: Translator | None = None) -> dict:
    """st.plotly_chart's config: Arabic month names on the date axis and in hover dates, and a translated toolbar.

    Plotly formats dates in the browser with the chart's locale; the locale travels with the chart (no locale script to fetch).
    """
    t = t or translator("en")
    if not t.rtl:
        return dict(CHART_CONFIG)
    months = [t(f"month.{m}") for m in range(1, 13)]
    locale = {"dictionary": {english: t(key) for english, key in TOOL_WORDS.items()},
              # Arabic month names are long: a month tick puts its year on a second line, or neighbours run together.
              "format": {"months": months, "shortMonths": months, "month": "%b<br>%Y", "dayMonth": "%-d %b", "dayMonthYear": "%-d %b %Y"}}
    return dict(CHART_CONFIG, locale=t.lang, locales={t.lang: locale})


def build_timeline_figure(data: TimelineData, names: Mapping[str, str] | None = None, t: Translator | None = None,
                          milestones: Mapping[str, str] | None = None) -> go.Figure:
    """The whole timeline: one shared date axis, rows stacked top to bottom; words in t's language (English by default)."""
    w = Words(t or translator("en"), names or {}, milestones)
    rows = _rows(data)
    domains, plot_px = _domains(rows)
    traces = _legend_entries(data, w, rows["kinetic"][0]) + _period_traces(data, rows["periods"][0], w)
    traces += _milestone_traces(data, rows["milestones"][0], w) + _stack_traces(data, data.kinetic, rows["kinetic"][0], w)
    if data.statement_lane is None:
        traces += _stack_traces(data, data.statements, rows["statements"][0], w)
    else:
        traces += _lane_traces(data.statement_lane, rows["statements"][0], w, data.selected, w.t("timeline.statements"))
    if data.lane is not None:
        traces += _lane_traces(data.lane, rows["lane"][0], w, data.selected, w.t("timeline.incidents"))
    if data.totals is not None:
        traces += _total_traces(data, rows["totals"][0], w)
    labels = [trace["name"] for trace in traces if trace.get("meta") == "legend"]
    legend_px = _legend_rows(labels, ARABIC_LEGEND_CHAR_PX if w.t.rtl else LEGEND_CHAR_PX) * PX["legend_row"]
    layout = _layout(data, rows, domains, plot_px, legend_px, w.t.rtl)
    layout["annotations"] = _milestone_annotations(data, rows["milestones"][0], w) + _row_titles(data, domains, w)
    layout["shapes"] = _milestone_lines(data, domains, rows)
    if data.n_incidents == 0:
        layout["annotations"].append(dict(text=w.t("timeline.no_data"), xref="paper", yref="paper", x=0.5, y=0.5,
                                          showarrow=False, font=dict(size=16), name="no-data"))
    if w.t.rtl:
        _right_to_left(traces, layout)
    # One constructor call validates everything once; adding annotations one by one re-validates the list each time.
    return go.Figure(data=traces, layout=layout)


# --- right-to-left text -------------------------------------------------------------------------
RLE, PDF = "\u202b", "\u202c"  # right-to-left embedding, and its end
ARABIC_LETTER = re.compile("[\u0600-\u06ff]")
TEXT_KEYS = {"trace": ("name", "text", "hovertext", "hovertemplate"), "annotation": ("text", "hovertext")}  # an annotation's name is an id


def _rtl_line(text):
    """Each line of a label that holds Arabic set right to left.

    Plotly's SVG text is always laid out left to right; Arabic alone reorders itself, but a line with brackets at its ends
    or a Latin run (T-0002, MQ-9) comes out scrambled. An embedding per line makes it read as a right-to-left paragraph,
    while plotly keeps placing and measuring the text as before. A line with no Arabic (an English note from the dataset)
    stays left to right, or its full stop would move to its start.
    """
    if not isinstance(text, str) or not text:
        return text
    body, extra, rest = text.partition("<extra>")  # plotly's side box stays as it is
    lines = (f"{RLE}{line}{PDF}" if ARABIC_LETTER.search(line) else line for line in body.split("<br>"))
    return "<br>".join(lines) + extra + rest


def _right_to_left(traces: list[dict], layout: dict) -> None:
    for item, kind in [(trace, "trace") for trace in traces] + [(note, "annotation") for note in layout["annotations"]]:
        for key in TEXT_KEYS[kind]:
            value = item.get(key)
            if isinstance(value, list):
                item[key] = [_rtl_line(v) for v in value]
            elif value is not None:
                item[key] = _rtl_line(value)


# --- rows and layout ----------------------------------------------------------------------------
def _lane_px(lane: pd.DataFrame | None) -> int:
    levels = int(lane["level"].max()) + 1 if lane is not None and len(lane) else 1
    return int(min(240, max(50, 16 + levels * PX["dot"])))


def _rows(data: TimelineData) -> dict:
    """Row name -> (y axis id, height in px), top to bottom; rows with nothing to show are left out."""
    heights = {"periods": (int(data.periods["lane"].max()) + 1 if len(data.periods) else 1) * PX["lane"] + 6,
               "milestones": _milestone_levels(data)[1] * PX["milestone"] + 6,
               "kinetic": PX["kinetic"],
               "statements": PX["statements"] if data.statement_lane is None else _lane_px(data.statement_lane)}
    if data.lane is not None:
        heights["lane"] = _lane_px(data.lane)
    if data.totals is not None:
        heights["totals"] = PX["totals"]
    if not len(data.milestones):
        heights.pop("milestones")
    if not len(data.periods):
        heights.pop("periods")
    rows = {name: (f"y{i + 1 if i else ''}", height) for i, (name, height) in enumerate(heights.items())}
    return {name: rows.get(name, (None, 0)) for name in ("periods", "milestones", "kinetic", "statements", "lane", "totals")}


def _domains(rows: dict) -> tuple[dict, int]:
    """Each row's vertical domain; the gap above a row holds its title."""
    shown = [(name, px) for name, (axis, px) in rows.items() if axis]
    plot = sum(px + PX["gap"] for _, px in shown)
    domains, top = {}, plot
    for name, px in shown:
        top -= PX["gap"]
        domains[name] = (max(0.0, (top - px) / plot), top / plot)
        top -= px
    return domains, plot


def _legend_rows(labels: list[str], char_px: float = LEGEND_CHAR_PX) -> int:
    """How many lines a horizontal legend of these labels takes at the assumed width."""
    rows, used = 1, 0.0
    for label in labels:
        width = 40 + len(label) * char_px
        if used and used + width > ASSUMED_PLOT_PX:
            rows, used = rows + 1, 0.0
        used += width
    return rows


def _layout(data: TimelineData, rows: dict, domains: dict, plot_px: int, legend_px: int, rtl: bool = False) -> dict:
    """In Arabic the titles and the faction legend start at the right; time still runs left to right, as on the other pages."""
    start, end = (1, 0) if rtl else (0, 1)
    bottom_axis = rows[list(domains)[-1]][0]
    x_range = [x.isoformat() for x in timeline.axis_range(data.window, data.bin)]
    bottom = PX["ticks"] + legend_px
    layout = dict(
        height=plot_px + PX["top"] + bottom, margin=dict(l=45, r=15, t=PX["top"], b=bottom), barmode="stack", bargap=0,
        # Drag zooms and a click selects (Streamlit turns click-selection off while the drag mode is "select");
        # the toolbar's box select, dragged across, sets the date filter.
        hovermode="closest", dragmode="zoom", selectdirection="h",
        hoverlabel=dict(align="right" if rtl else "left", font=dict(size=12)), clickmode="event+select",
        xaxis=dict(type="date", range=x_range, anchor=bottom_axis, domain=[0, 1], showgrid=True, title=None),
        # Factions under the axis; the period kinds and the running-total marks on their rows' title lines.
        # In Arabic the first (largest) faction stands at the right, where the reader starts, when the legend is one line;
        # plotly fills a longer legend's lines left to right whatever the order, so there the order is left as it is.
        legend=dict(_LEGEND, orientation="h", x=start, xanchor=_ANCHOR[start], y=-PX["ticks"] / plot_px, yanchor="top",
                    traceorder="reversed" if rtl and legend_px <= PX["legend_row"] else "normal"),
    )
    for name, (axis, _) in rows.items():
        if axis:
            layout["yaxis" + axis[1:]] = dict(domain=list(domains[name]), anchor="x", fixedrange=True, zeroline=False,
                                              **_y_axis_style(name, data))
    if "periods" in domains:
        layout["legend2"] = dict(_LEGEND, orientation="h", x=end, xanchor=_ANCHOR[end], y=domains["periods"][1],
                                 yanchor="bottom")
    if "totals" in domains:  # inside the row, bottom right, where the running totals are highest and so leave room
        layout["legend3"] = dict(_LEGEND, x=0.995, xanchor="right", y=domains["totals"][0] + 0.005, yanchor="bottom",
                                 bgcolor="rgba(255,255,255,0.8)")
    return layout


_LEGEND = dict(font=dict(size=11), itemclick=False, itemdoubleclick=False, bgcolor="rgba(255,255,255,0)")
_ANCHOR = {0: "left", 1: "right"}


def _y_axis_style(name: str, data: TimelineData) -> dict:
    if name == "periods":
        lanes = int(data.periods["lane"].max()) + 1
        return dict(range=[lanes - 0.5, -0.5], showticklabels=False, showgrid=False)
    if name == "milestones":
        return dict(range=[_milestone_levels(data)[1] - 0.4, -0.6], showticklabels=False, showgrid=False)
    if name in ("lane", "statements") and (data.lane if name == "lane" else data.statement_lane) is not None:
        lane = data.lane if name == "lane" else data.statement_lane
        levels = int(lane["level"].max()) + 1 if len(lane) else 1
        return dict(range=[-0.8, levels - 0.2], showticklabels=False, showgrid=False)
    return dict(rangemode="tozero", nticks=4)


def _row_titles(data: TimelineData, domains: dict, w: Words) -> list[dict]:
    t = w.t
    bin_word = t(BIN_WORD[data.bin])
    titles = {"periods": t("timeline.row_periods"), "milestones": t("timeline.row_milestones"),
              "kinetic": t("timeline.row_kinetic", bin=bin_word), "lane": t("timeline.row_lane"), "totals": t("timeline.row_totals"),
              "statements": t("timeline.row_statements", bin=bin_word) if data.statement_lane is None
              else t("timeline.row_statement_lane")}
    x = 1 if t.rtl else 0
    return [dict(text=f"<b>{titles[name]}</b>", xref="paper", yref="paper", x=x, y=domain[1], xanchor=_ANCHOR[x],
                 yanchor="bottom", showarrow=False, font=dict(size=12), name="row-title")
            for name, domain in domains.items()]


# --- legend -----------------------------------------------------------------------------------
def group_name(key: str, w: Words) -> str:
    if key == timeline.UNKNOWN:
        return w.t("timeline.unknown_actor")
    if key == timeline.OTHER:
        return w.t("timeline.other_factions")
    return w.names.get(key, key)


def _legend_entries(data: TimelineData, w: Words, axis: str) -> list:
    """One legend item per faction colour, and one for the hatching; the data traces themselves stay out of the legend."""
    entries = [dict(type="bar", x=[None], y=[None], name=esc(group_name(g.key, w)), marker=dict(color=g.color), yaxis=axis,
                    legendgroup=g.key, showlegend=True, hoverinfo="skip", meta="legend")
               for g in data.groups]
    if data.lane is not None:
        entries.append(dict(type="scatter", x=[None], y=[None], name=w.t("timeline.imprecise_lane"), yaxis=axis, mode="lines+markers",
                            marker=dict(symbol="circle-open", size=9, color="#666666"), line=dict(color="#888888", width=2),
                            showlegend=True, hoverinfo="skip", meta="legend"))
    else:
        # A hatch stroke as the legend mark: in Streamlit's page plotly leaves a patterned legend swatch blank.
        entries.append(dict(type="scatter", x=[None], y=[None], name=w.t("timeline.imprecise"), yaxis=axis, mode="markers",
                            marker=dict(symbol="line-ne", size=12, line=dict(width=2, color="#666666")),
                            showlegend=True, hoverinfo="skip", meta="legend"))
    return entries


# --- periods and milestones -------------------------------------------------------------------
def _period_traces(data: TimelineData, axis: str | None, w: Words) -> list:
    if axis is None:
        return []
    traces, p, t = [], data.periods, w.t
    last = w.day(data.last_date) if data.last_date is not None else ""
    # Bands are cut to the window so that a label anchored at a band's start is never off the axis.
    start = p["start"].clip(lower=data.window.start)
    stop = (p["drawn_end"] + timeline.DAY).clip(upper=data.window.end + timeline.DAY)
    for kind, style in PERIOD_STYLE.items():
        rows = p[p["kind"] == kind]
        if rows.empty:
            continue
        hover = ["<br>".join((f"<b>{esc(w.pick(r, 'name_en'))}</b>",
                              t("timeline.period_open", kind=t(KIND_WORD[kind]), start=w.day(r.start), date=last) if r.is_open
                              else t("timeline.period_span", kind=t(KIND_WORD[kind]), start=w.day(r.start), end=w.day(r.end)),
                              esc(_clip(w.pick(r, "description_en"), 220))))
                 for r in rows.itertuples()]
        traces.append(dict(
            # Each band gets its own position (lane + a hair) so that the stacking of the count bars never stacks two bands.
            type="bar", orientation="h", base=[s.isoformat() for s in start[rows.index]], y=(rows["lane"] + rows.index * 1e-3).tolist(),
            x=((stop[rows.index] - start[rows.index]) / pd.Timedelta(milliseconds=1)).tolist(),
            yaxis=axis, name=t(KIND_WORD[kind]), legend="legend2", showlegend=True, width=0.8,
            text=[_band_label(w.pick(r, "name_en"), t("timeline.open_mark") if r.is_open else "", (b - a) / timeline.DAY / data.window.days)
                  for r, a, b in zip(rows.itertuples(), start[rows.index], stop[rows.index])],
            textposition="inside", insidetextanchor="start", textangle=0, textfont=dict(size=11, color="#222222"),
            marker=dict(color=style["color"], line=dict(color=style["line"], width=[3 if o else 1 for o in rows["is_open"]]),
                        pattern=dict(shape=style["pattern"], fgcolor=style["line"], size=6, solidity=0.15)),
            hovertext=hover, hoverinfo="text", customdata=[["period", pid] for pid in rows["period_id"]], meta="period",
        ))
    return traces


def _band_label(name: str, mark: str, share: float) -> str:
    """The band's name (and its open mark) cut to what fits at the assumed width (plotly would shrink it unreadably)."""
    suffix = " " + mark if mark else ""
    room = int((share * ASSUMED_PLOT_PX - 10) / BAND_CHAR_PX) - len(suffix)
    if room >= len(name):
        return esc(name) + suffix
    return esc(name[: room - 1].rstrip()) + "…" + suffix if room >= 8 else ""


def _milestone_levels(data: TimelineData) -> tuple[list[int], int, list[bool]]:
    """A level and a side for each milestone label, so that at the assumed width labels do not overlap while room remains."""
    m = data.milestones
    if m.empty:
        return [], 1, []
    days = data.window.days
    taken: list[list[tuple[float, float]]] = [[] for _ in range(MAX_MILESTONE_LEVELS)]
    options = [(level, left) for level in range(MAX_MILESTONE_LEVELS) for left in (False, True)]
    levels, sides = [], []
    for date, text in zip(m["date"], m["milestone"]):  # the English label's length stands for the Arabic one's
        at = (date - data.window.start) / timeline.DAY + 0.5
        width = (min(len(text), LABEL_CHARS) + 2) * CHAR_PX / ASSUMED_PLOT_PX * days
        spans = {False: (at, at + width), True: (at - width, at)}  # label to the right of its mark, or to the left

        def overlaps(option):
            a, b = spans[option[1]]
            return sum(x < b and a < y for x, y in taken[option[0]])

        inside = [o for o in options if spans[o[1]][0] >= 0 and spans[o[1]][1] <= days and not overlaps(o)]
        # With no free place, the label goes where it overlaps least; zooming in separates it.
        level, left = inside[0] if inside else min(options, key=overlaps)
        taken[level].append(spans[left])
        levels.append(level)
        sides.append(left)
    return levels, max(levels) + 1, sides


def _milestone_annotations(data: TimelineData, axis: str | None, w: Words) -> list[dict]:
    if axis is None:
        return []
    levels, _, left = _milestone_levels(data)
    return [dict(x=(row.date + timeline.DAY / 2).isoformat(), y=level, xref="x", yref=axis, showarrow=False,
                 text=esc(_clip(w.milestone(row), LABEL_CHARS)), xanchor="right" if hang_left else "left",
                 xshift=-6 if hang_left else 6, font=dict(size=10), bgcolor="rgba(255,255,255,0.75)",
                 hovertext=_milestone_hover(row, w), name=f"milestone:{row.incident_id}")
            for row, level, hang_left in zip(data.milestones.itertuples(), levels, left)]


def _milestone_hover(row, w: Words) -> str:
    return esc(f"{w.day(row.date)} — {w.milestone(row)} ({row.incident_id})")


def _milestone_traces(data: TimelineData, axis: str | None, w: Words) -> list:
    if axis is None:
        return []
    levels, _, _ = _milestone_levels(data)
    m = data.milestones
    return [dict(
        type="scatter", x=[(d + timeline.DAY / 2).isoformat() for d in m["date"]], y=levels, yaxis=axis, mode="markers",
        marker=dict(symbol="triangle-down", size=9, color="#444444"), showlegend=False, name=w.t("timeline.row_milestones"),
        hovertext=[_milestone_hover(row, w) for row in m.itertuples()],
        hoverinfo="text", customdata=[["incident", i] for i in m["incident_id"]], meta="milestones",
    )]


def _milestone_lines(data: TimelineData, domains: dict, rows: dict) -> list[dict]:
    """A faint line from each milestone down through the counts, so an event can be read against what followed."""
    if "milestones" not in domains:
        return []
    bottom = domains.get("lane", domains["statements"])[0]
    top = domains["milestones"][1]
    return [dict(type="line", xref="x", yref="paper", x0=(d + timeline.DAY / 2).isoformat(), x1=(d + timeline.DAY / 2).isoformat(),
                 y0=bottom, y1=top, line=dict(color="rgba(60,60,60,0.22)", width=1, dash="dot"), layer="below",
                 name="milestone-line")
            for d in data.milestones["date"]]


# --- counts -------------------------------------------------------------------------------------
def _bar_position(data: TimelineData) -> dict:
    """x positions of the bins: a start and a step for days and weeks (small JSON), explicit starts for months."""
    starts = data.bin_starts
    if data.bin == "month":
        ends = starts + pd.offsets.MonthBegin(1)
        widths = ((ends - starts) / pd.Timedelta(milliseconds=1)).to_numpy() * 0.9
        return dict(x=[s.isoformat() for s in starts], width=widths, offset=0)
    step = DAY_MS * (7 if data.bin == "week" else 1)
    return dict(x0=starts[0].isoformat() if len(starts) else None, dx=step, width=step * 0.9, offset=0)


def _stack_traces(data: TimelineData, stack: timeline.Stack, axis: str, w: Words) -> list:
    """Stacked bars, one pair per group: exact dates solid, week/month dates spread over their window and hatched."""
    position = _bar_position(data)
    when = {"day": DATE_FORMAT, "week": w.t("timeline.week_of", date=DATE_FORMAT), "month": MONTH_FORMAT}[data.bin]
    # Plotly fills in %{...}; the words around it come from the catalogue, and the trace name is escaped dataset text.
    templates = {False: f"<b>%{{fullData.name}}</b><br>{when}: %{{y:.0f}}<extra></extra>",
                 True: f"<b>%{{fullData.name}}</b><br>{when}: %{{y:.2f}} ({w.t('timeline.spread_note')})<extra></extra>"}
    traces = []
    for g, group in enumerate(data.groups):
        for values, spread in ((stack.precise[g], False), (stack.spread[g], True)):
            if not values.any():
                continue
            # Zero heights stay zeros, not NaN: plotly's stacking adds every height, and one NaN resets the whole column.
            marker = dict(color=group.color, line=dict(width=0))
            if spread:
                marker["pattern"] = dict(shape="/", fgcolor="#ffffff", size=5, solidity=0.35)
            traces.append(dict(
                type="bar", y=values.astype(np.float32), yaxis=axis, name=esc(group_name(group.key, w)),
                legendgroup=group.key, showlegend=False, marker=marker, meta="spread" if spread else "count",
                unselected=dict(marker=dict(opacity=1)),  # a click on a bar selects nothing worth dimming the rest for
                hovertemplate=templates[spread], **position,
            ))
    return traces


# --- incident lanes -----------------------------------------------------------------------------
def _lane_traces(lane: pd.DataFrame, axis: str, w: Words, selected: str | None, title: str) -> list:
    if lane.empty:
        return []
    exact = (lane["date_precision"] == "day").to_numpy()
    mid = lane["date"] + (lane["window_end"] - lane["date"]) / 2
    segments_x, segments_y = [], []
    for s, e, y in zip(lane["date"][~exact], lane["window_end"][~exact], lane["level"][~exact]):
        segments_x += [s.isoformat(), e.isoformat(), None]
        segments_y += [int(y), int(y), None]
    symbols = [SYMBOLS.get(t, "circle") + ("" if x else "-open") for t, x in zip(lane["event_type"], exact)]
    traces = [dict(type="scatter", x=segments_x, y=segments_y, yaxis=axis, mode="lines", line=dict(color="#888888", width=2),
                   hoverinfo="skip", showlegend=False, meta="date-window")] if segments_x else []
    traces.append(dict(
        type="scatter", x=[m.isoformat() for m in mid], y=lane["level"].tolist(), yaxis=axis, mode="markers", name=title,
        showlegend=False,
        marker=dict(color=lane["color"].tolist(), symbol=symbols, size=9, line=dict(width=1.5, color=lane["color"].tolist())),
        hovertext=[_incident_hover(r, w) for r in lane.itertuples()], hoverinfo="text",
        customdata=[["incident", i] for i in lane["incident_id"]], meta="lane",
    ))
    chosen = lane[lane["incident_id"] == selected] if selected else lane.iloc[0:0]
    if len(chosen):
        traces.append(dict(type="scatter", x=[m.isoformat() for m in mid[chosen.index]], y=chosen["level"].tolist(), yaxis=axis,
                           mode="markers", marker=dict(symbol="circle-open", size=19, color="#000000", line=dict(width=2.5)),
                           hoverinfo="skip", showlegend=False, name=w.t("timeline.selected"), meta="selected"))
    return traces


def _incident_hover(row, w: Words) -> str:
    t = w.t

    def name(value) -> str:
        return esc(w.names.get(value, value)) if isinstance(value, str) else t("value.unknown")

    def number(value) -> str:
        return t("value.unknown") if value is None or pd.isna(value) else esc(value)

    site = w.pick(row, "site_name_en")
    lines = (
        f"<b>{esc(row.incident_id)}</b>{w.after_latin} · " + t("record.date", date=w.day(row.date), precision=esc(t.value("precision", row.date_precision))),
        t("timeline.hover_by", type=esc(t.value("event_type", row.event_type)), actor=name(row.actor), claimed=name(row.claimed_by)),
        t("timeline.hover_site", site=esc(site) if isinstance(site, str) else t("value.unknown")),
        t("timeline.hover_weapon", weapon=esc(t.value("weapon", row.weapon)), outcome=esc(t.value("outcome", row.outcome))),
        t("timeline.hover_casualties", killed=number(row.killed), injured=number(row.injured)),
        t("timeline.hover_sources", count=int(row.n_sources), verification=esc(t.value("verification", row.verification))),
        esc(_clip(w.pick(row, "summary_en"), 160)),
    )
    return "<br>".join(lines)


def _clip(text, limit: int) -> str:
    text = "" if text is None or (not isinstance(text, str) and pd.isna(text)) else str(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --- running totals -----------------------------------------------------------------------------
def _total_traces(data: TimelineData, axis: str, w: Words) -> list:
    totals, traces, t = data.totals, [], w.t
    hover = t("timeline.cumulative_hover", date=DATE_FORMAT, count="%{y}") + "<extra></extra>"
    for scope, values in totals.cumulative.items():
        country = scope != "all"
        traces.append(dict(
            type="scatter", x0=totals.days[0].isoformat(), dx=DAY_MS, y=values, yaxis=axis, mode="lines", line_shape="hv",
            legend="legend3",
            line=dict(color="#555555" if country else "#222222", width=1.5, dash="dash" if country else "solid"),
            name=t("timeline.cumulative_country", country=esc(t.value("country", scope))) if country else t("timeline.cumulative"),
            hovertemplate=hover, meta="cumulative",
        ))
        scopes = totals.reported["country"]
        reported = totals.reported[(scopes == scope) if country else scopes.isna()]
        if reported.empty:
            continue
        x = [d.isoformat() for d in reported["as_of"]]
        traces.append(dict(
            type="scatter", x=[v for d in x for v in (d, d, None)], legend="legend3", yaxis=axis, mode="lines", hoverinfo="skip",
            y=[v for t, n in zip(reported["total"], reported["in_view"]) for v in (int(t), int(n), None)],
            line=dict(color="rgba(214,39,40,0.45)", width=3), name=t("timeline.gap"), showlegend=not country, meta="gap",
        ))
        traces.append(dict(
            type="scatter", x=x, y=[int(t) for t in reported["total"]], yaxis=axis, mode="markers", legend="legend3", meta="reported",
            marker=dict(symbol="square-open" if country else "diamond", size=9, color="#d62728", line=dict(width=2)),
            name=t("timeline.reported_country", country=esc(t.value("country", scope))) if country else t("timeline.reported"),
            hovertext=[_reported_hover(r, w) for r in reported.itertuples()], hoverinfo="text",
        ))
    return traces


def _reported_hover(row, w: Words) -> str:
    t = w.t
    share = f" ({row.share:.0%})" if isinstance(row.share, float) and not np.isnan(row.share) else ""
    since = dict(total=int(row.total), date=w.day(row.window_start))
    lines = [t("timeline.reported_as_of", counter=f"<b>{esc(row.counter)}</b>", date=w.day(row.as_of)),
             t("timeline.reported_scope", country=esc(t.value("country", row.country)), **since) if isinstance(row.country, str)
             else t("timeline.reported_since", **since),
             t("timeline.reported_in_view", count=f"{row.in_view}{share}")]
    if isinstance(row.note, str) and row.note:
        lines.append(esc(_clip(row.note, 160)))
    return "<br>".join(lines)
