"""Plotly figures for the Truces page, in the reader's language: rates with intervals, cumulative incidents with
period bands, two periods side by side, and lag distributions. Builders only: they return figures and never call
streamlit."""

from __future__ import annotations

import html

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from components.i18n import Translator, translator
from components.truce_tables import kind_text, ltr, period_name, rtl

KIND_COLORS = {"truce": "#1b9e77", "pause": "#7570b3", "escalation": "#d95f02", "selection": "#444444"}
MAX_FACTIONS = 6  # stacked bars keep the biggest actors; the rest are "Other"


def _esc(text) -> str:
    # Plotly renders a subset of HTML in labels and hovers: dataset text must arrive as text. Quotes stay as they
    # are (no attribute is built from it, and plotly would print &quot; literally); it decodes &amp; &lt; &gt;.
    return html.escape(str(text), quote=False)


def _short(text: str, limit: int = 42) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _t(t: Translator | None) -> Translator:
    return t or translator("en")


def period_label(period_id: str, name: str, t: Translator | None = None) -> str:
    return rtl(_esc(_short(f"{period_id} · {name}" if period_id else name)), _t(t))


def _hover(lines: list[str], t: Translator) -> str:
    # Each line is its own isolate: plotly draws lines as separate pieces of text, so one cannot span a <br>.
    return "<br>".join(rtl(line, t) for line in lines) + "<extra></extra>"


def _reading_order(fig: go.Figure, t: Translator, legend_y: float = 1.02) -> go.Figure:
    """Legend from the reading side (first entry where a reader starts), axes titles and hovers in the language.

    Arabic: the legend is right-aligned with its first entry rightmost, value axes sit on the right and hover text
    is right-aligned; time and number axes keep running left to right, as numbers do in Arabic text."""
    legend = dict(orientation="h", y=legend_y, yanchor="bottom", x=0, xanchor="left")
    if t.rtl:
        legend.update(x=1, xanchor="right", traceorder="reversed")
        fig.update_yaxes(side="right")
        fig.update_layout(hoverlabel=dict(align="right"))
    fig.update_layout(legend=legend)
    return fig


def build_rates_figure(rates: pd.DataFrame, t: Translator | None = None) -> go.Figure:
    """Rate per week of each period (dot, exact 95% interval) and of the window just before it (hollow)."""
    t, fig = _t(t), go.Figure()
    labels = [period_label(r.period_id, period_name(r, t), t) for r in rates.itertuples()]
    ci = ltr("%{customdata[2]:.2f}–%{customdata[3]:.2f}", t)
    for kind, color in KIND_COLORS.items():
        rows = rates[rates["kind"] == kind]
        if rows.empty:
            continue
        y = [labels[i] for i in rows.index]
        fig.add_trace(go.Scatter(
            x=rows["rate"], y=y, mode="markers", name=kind_text(kind, t), marker=dict(color=color, size=10),
            error_x=dict(type="data", symmetric=False, array=rows["rate_high"] - rows["rate"],
                         arrayminus=rows["rate"] - rows["rate_low"], color=color, thickness=1.5),
            customdata=np.stack([rows["incidents"], rows["days"], rows["rate_low"], rows["rate_high"]], axis=1),
            hovertemplate=_hover(["%{y}", t("truces.hover_rate", rate="%{x:.2f}", ci=ci),
                                  t("truces.hover_count", count="%{customdata[0]}", days="%{customdata[1]}")], t)))
    before = rates[rates["before_covered"].astype(bool)]
    fig.add_trace(go.Scatter(
        x=before["before_rate"], y=[labels[i] for i in before.index], mode="markers", name=t("truces.fig.window_before"),
        marker=dict(symbol="diamond-open", color="#777777", size=9),
        hovertemplate=_hover(["%{y}", t("truces.hover_before", rate="%{x:.2f}")], t)))
    fig.update_yaxes(categoryorder="array", categoryarray=labels[::-1], title=None)
    fig.update_xaxes(title=t("truces.fig.per_week"), rangemode="tozero")
    fig.update_layout(height=140 + 26 * len(rates), margin=dict(l=10, r=10, t=30, b=40))
    return _reading_order(fig, t)


def _date_ticks(start: pd.Timestamp, end: pd.Timestamp, t: Translator, most: int = 8) -> dict:
    """Date ticks named in the reader's language (plotly's own date labels are English only): the 1st and 15th of
    each month over a short span, else month starts, at most `most` of them. Each label is a right-to-left isolate:
    in plotly's left-to-right SVG, "15 كانون الثاني 2024" would otherwise show its year next to its day."""
    months = pd.date_range(start.to_period("M").to_timestamp(), end, freq="MS")
    if len(months) * 2 <= most:
        days = sorted({*months, *(months + pd.Timedelta(days=14))})
        shown = [d for d in days if start <= d <= end]
        return dict(tickmode="array", tickvals=shown, ticktext=[rtl(t.date(d), t) for d in shown])
    shown = months[:: max(1, -(-len(months) // most))]
    return dict(tickmode="array", tickvals=list(shown), ticktext=[rtl(f"{t(f'month.{m.month}')} {m.year}", t) for m in shown])


def build_cumulative_figure(view: pd.DataFrame, windows: pd.DataFrame, t: Translator | None = None) -> go.Figure:
    """Cumulative incidents in view (by recorded date) over shaded period bands, one colour per kind."""
    t, fig = _t(t), go.Figure()
    daily = view.groupby(view["date"].dt.floor("D")).size().sort_index()
    days = [t.date(d, short=True) for d in daily.index]  # one label per day with an incident, not per incident
    fig.add_trace(go.Scatter(x=daily.index, y=daily.cumsum(), customdata=days, mode="lines",
                             line=dict(shape="hv", color="#222222"), name=t("truces.fig.cumulative"),
                             hovertemplate=_hover(["%{customdata}: %{y}"], t)))
    # Bands and labels are set in one layout update: add_vrect re-validates every shape each call (quadratic).
    bands = [dict(type="rect", xref="x", yref="paper", x0=pd.Timestamp(w.start), x1=pd.Timestamp(w.end) + pd.Timedelta(days=1),
                  y0=0, y1=1, layer="below", line_width=0, fillcolor=KIND_COLORS.get(w.kind, "#999999"), opacity=0.13)
             for w in windows.itertuples()]
    labels = [dict(x=pd.Timestamp(w.start), y=1.0 + 0.05 * (i % 3), xref="x", yref="paper", text=_esc(w.period_id),
                   showarrow=False, xanchor="left", font=dict(size=10, color=KIND_COLORS.get(w.kind)))
              for i, w in enumerate(windows.itertuples())]
    fig.update_layout(shapes=bands, annotations=labels)
    for kind in windows["kind"].unique():
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=t("truces.fig.band", kind=kind_text(kind, t)),
                                 hoverinfo="skip",
                                 marker=dict(symbol="square", size=12, color=KIND_COLORS.get(kind), opacity=0.4)))
    if daily.empty:
        fig.add_annotation(text=t("truces.fig.no_incidents_view"), showarrow=False, xref="paper", yref="paper", x=0.5, y=0.5)
    elif t.rtl:
        fig.update_xaxes(**_date_ticks(min(daily.index[0], windows["start"].map(pd.Timestamp).min()), daily.index[-1], t))
    # A unified hover would head each box with plotly's English date; the closest point carries its own label.
    fig.update_layout(height=400, margin=dict(l=10, r=10, t=90, b=30), hovermode="closest" if t.rtl else "x unified",
                      yaxis_title=t("truces.fig.incidents"))
    return _reading_order(fig, t, legend_y=1.16)


def _weekly_by_actor(view: pd.DataFrame, window, names: dict, unattributed: str) -> pd.DataFrame:
    start, end = pd.Timestamp(window.start), pd.Timestamp(window.end)
    rows = view[(view["date"] <= end) & (view["date_end"] >= start)]
    week = ((rows["date"].clip(lower=start) - start).dt.days // 7 + 1).rename("week")
    actor = rows["actor"].map(names).fillna(unattributed).rename("actor")
    return pd.concat([week, actor], axis=1).value_counts().rename("n").reset_index()


def build_comparison_figure(view: pd.DataFrame, a, b, names: dict, colors: dict | None = None,
                            t: Translator | None = None) -> go.Figure:
    """Two periods side by side: incidents per week of each period, stacked by actor (in the dataset's faction
    colours), on one y scale. In Arabic the first period is on the right, where the reader starts."""
    t = _t(t)
    other, unattributed = t("truces.fig.other"), t("truces.fig.unattributed")
    panels = (b, a) if t.rtl else (a, b)
    titles = [period_label(w.period_id, period_name(w, t), t) for w in panels]
    fig = make_subplots(rows=1, cols=2, shared_yaxes=True, subplot_titles=titles, horizontal_spacing=0.04)
    counts = [_weekly_by_actor(view, w, names, unattributed) for w in panels]
    both = pd.concat(counts)
    top = both.groupby("actor")["n"].sum().sort_values(ascending=False).index[:MAX_FACTIONS].tolist()
    by_name = {names.get(f, f): c for f, c in (colors or {}).items()}
    shown: set[str] = set()  # one legend entry per actor across both panels
    for col, frame in enumerate(counts, start=1):
        frame = frame.assign(actor=frame["actor"].where(frame["actor"].isin(top), other))
        frame = frame.groupby(["actor", "week"], as_index=False)["n"].sum()
        if frame.empty:  # an invisible bar keeps the empty panel's axes drawn
            fig.add_trace(go.Bar(x=[1], y=[0], showlegend=False, hoverinfo="skip"), row=1, col=col)
            axis = "" if col == 1 else str(col)
            fig.add_annotation(text=t("truces.fig.no_incidents"), showarrow=False, xref=f"x{axis} domain",
                               yref=f"y{axis} domain", x=0.5, y=0.5, xanchor="center")
        for who in top + [other]:
            part = frame[frame["actor"] == who]
            if part.empty:
                continue
            fig.add_trace(go.Bar(x=part["week"], y=part["n"], name=rtl(_esc(who), t), legendgroup=who,
                                 showlegend=who not in shown, marker_color=by_name.get(who, "#cccccc" if who == other else "#999999"),
                                 hovertemplate=_hover([_esc(who), t("truces.hover_week", week="%{x}", count="%{y}")], t)),
                          row=1, col=col)
            shown.add(who)
    # One x scale for both panels, so a week is as wide on each side.
    weeks = max(max(1, -(-((pd.Timestamp(w.end) - pd.Timestamp(w.start)).days + 1) // 7)) for w in (a, b))
    fig.update_xaxes(title=t("truces.fig.week_axis"), range=[0.5, weeks + 0.5], tick0=1, dtick=max(1, weeks // 10))
    # The legend sits above the panel titles, not over them.
    fig.update_layout(barmode="stack", height=390, margin=dict(l=10, r=10, t=80, b=40))
    _reading_order(fig, t, legend_y=1.1)
    if t.rtl:  # the shared scale on the outer side of the right panel
        fig.update_yaxes(showticklabels=False, row=1, col=1)
        fig.update_yaxes(showticklabels=True, title=t("truces.fig.incidents"), row=1, col=2)
    else:
        fig.update_layout(yaxis_title=t("truces.fig.incidents"))
    return fig


def build_lag_figure(back: pd.Series, forward: pd.Series, t: Translator | None = None) -> go.Figure:
    """Lag distributions (already bucketed by day): strike ← latest attack, and attack → next strike."""
    t, fig = _t(t), go.Figure()
    for lags, key, color in ((back, "truces.fig.lag_back", "#d95f02"), (forward, "truces.fig.lag_forward", "#377eb8")):
        fig.add_trace(go.Bar(x=lags.index, y=lags.values, name=rtl(t(key), t), marker_color=color,
                             hovertemplate=_hover([t(key), t("truces.hover_lag", days="%{x}", count="%{y}")], t)))
    fig.update_layout(barmode="group", height=320, margin=dict(l=10, r=10, t=30, b=40),
                      xaxis=dict(title=t("truces.fig.days"), type="category"), yaxis_title=t("truces.fig.count"))
    return _reading_order(fig, t)
