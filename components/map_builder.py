"""The map of targeted sites: a folium Map built from a SiteSummary, with only vendored JS/CSS (no st.* calls here).

Markers are drawn in the browser from one compact array (static/vendor/hudna/hudna-map.js), so the map's size grows
with the number of locations, not incidents. Every dataset string is HTML-escaped here before it reaches the page.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import asdict, dataclass
from typing import Callable

import folium
import numpy as np
import pandas as pd
from branca.element import CssLink, Element, JavascriptLink
from folium.elements import ElementAddToElement, JSCSSMixin
from folium.map import Layer
from folium.plugins import HeatMap
from folium.template import Template

from hudna.sites_summary import MANY_SITES, UNKNOWN, Playback, SiteSummary, precision_rank

# streamlit-folium's iframe lives at /component/<name>/index.html, so this reaches Streamlit's static
# serving (/app/static/...) under any server.baseUrlPath.
VENDOR = "../../app/static/vendor"
MAX_ZOOM = 12
CLUSTER_ABOVE = 150  # locations; fewer are drawn one by one
MAX_FACTION_TOGGLES = 12  # the rest share one "Other factions" switch
REGION = [[12.0, 30.0], [40.0, 60.0]]  # the view when nothing is placed
FALLBACK_COLOR = "#888888"
DATE_PRECISION_CODE = {"day": 0, "week": 1, "month": 2}  # the browser's DATE_PRECISION names them
_COLOR = re.compile(r"#[0-9a-fA-F]{6}")
_WEB_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f]+", re.IGNORECASE)
_SPECIAL = re.compile(r"[&<>\"'`{}]")
OSM = ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "&copy; OpenStreetMap contributors")
CARTO = ("https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}{r}.png",
         "&copy; OpenStreetMap contributors &copy; CARTO")


def _plain(kind: str, value) -> str:
    return "" if value is None or (isinstance(value, float) and value != value) else str(value).replace("_", " ")


@dataclass(frozen=True)
class MapText:
    """The map's own words, English by default; the page passes its language's (from the catalogue, so trusted,
    but escaped all the same). `value(kind, value)` names a vocabulary value, e.g. ("site_kind", "us_base")."""

    sites: str = "Targeted sites"
    uncertainty: str = "Position uncertainty (city / region)"
    heatmap: str = "Heatmap"
    playback: str = "Time playback"
    offline: str = "Offline outline only"
    osm: str = "OpenStreetMap (online)"
    carto: str = "Carto light (online)"
    unknown: str = "Unattributed"
    other_factions: str = "Other factions: {n} ({count})"
    count: str = "{n} incidents in view"
    count_one: str = "1 incident in view"
    place: str = "position known to the {precision}"
    within: str = "within ~{km} km"
    latest: str = "Latest:"
    more: str = "{n} more factions"
    no_source: str = "no source"
    tiles_failed: str = "The online map tiles could not be loaded (no connection to the tile server); the offline outline is shown instead."
    value: Callable[[str, object], str] = _plain
    rtl: bool = False

    def popup_words(self) -> dict:
        """The phrases the browser puts in popups ({n}, {km}, {precision} are filled there)."""
        words = {k: html.escape(v) for k, v in asdict(self).items()
                 if k in ("count", "count_one", "place", "within", "latest", "more", "no_source")}
        words["precisions"] = [text(self.value("precision", p)) for p in ("site", "city", "region")]
        words["datePrecisions"] = ["", *(text(self.value("precision", p)) for p in ("week", "month"))]
        return {**words, "rtl": self.rtl}


# --- escaping -----------------------------------------------------------------------------------------

def text(value) -> str:
    """Dataset text as inert HTML: quotes, <, >, &, backticks and braces become entities ('' when missing).
    Braces too, because branca compiles rendered scripts as Jinja templates, where '{{' would be evaluated."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    value = str(value)
    if not _SPECIAL.search(value):  # most dataset strings: skip the five replacements
        return value
    return html.escape(value, quote=True).replace("`", "&#96;").replace("{", "&#123;").replace("}", "&#125;")


def safe_color(value) -> str:
    return value if isinstance(value, str) and _COLOR.fullmatch(value) else FALLBACK_COLOR


def _script_json(data) -> str:
    """JSON to embed in a <script>: no '<' can close the script element or open a comment."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


# --- folium elements ----------------------------------------------------------------------------------

def vendored(assets: str, *paths: str) -> list[tuple[str, str]]:
    return [(path, f"{assets}/{path}") for path in paths]


class IconPath(folium.MacroElement):
    """Default marker images from the vendored Leaflet (its CSS-based path detection runs too early in the iframe)."""

    _template = Template("""{% macro script(this, kwargs) %}
        L.Icon.Default.imagePath = {{ this.path|tojson }};
    {% endmacro %}""")

    def __init__(self, assets: str):
        super().__init__()
        self.path = f"{assets}/leaflet/images/"


class RegionOutline(JSCSSMixin, folium.MacroElement):
    """The offline basemap: a Natural Earth outline of the region, always drawn (under the tiles, when chosen), and a
    notice on the map when chosen online tiles fail to load."""

    _template = Template("""{% macro script(this, kwargs) %}
        var {{ this.get_name() }} = HudnaMap.outline({{ this._parent.get_name() }}, {{ this.url|tojson }}, {{ this.tiles_failed|tojson }});
    {% endmacro %}""")

    def __init__(self, assets: str, tiles_failed: str = MapText.tiles_failed):
        super().__init__()
        self._name = "RegionOutline"
        self.url = f"{assets}/natural-earth/region.geojson"
        self.tiles_failed = text(tiles_failed)  # shown with textContent; braces escaped for branca's Jinja pass
        self.default_js = vendored(assets, "hudna/hudna-map.js")
        self.default_css = vendored(assets, "hudna/hudna-map.css")


class _Literal(Element):
    """Script text already rendered, added to the figure as it is."""

    def __init__(self, code: str):
        super().__init__()
        self.code = code

    def render(self, **kwargs) -> str:
        return self.code


class _DataLayer(JSCSSMixin, Layer):
    """A script-only layer carrying a large JSON payload. branca's MacroElement.render wraps a rendered script in
    Element(...), which compiles it as a Jinja template: about a second for MBs of data. This adds the same pieces
    (links, the add-to-map call, the script) with the script kept literal."""

    def render(self, **kwargs):
        figure = self.get_root()
        for name, url in self.default_js:
            figure.header.add_child(JavascriptLink(url), name=name)
        for name, url in self.default_css:
            figure.header.add_child(CssLink(url), name=name)
        if self.show:
            self.add_child(ElementAddToElement(element_name=self.get_name(), element_parent_name=self._parent.get_name()),
                           name=self.get_name() + "_add")
        figure.script.add_child(_Literal(self._template.module.script(self, kwargs)), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)


class SiteMarkers(_DataLayer):
    """One marker per location, built in the browser from `payload`; rebuilt when a faction switch changes."""

    _template = Template("""{% macro script(this, kwargs) %}
        var {{ this.get_name() }} = HudnaMap.sites({{ this._parent.get_name() }}, {{ this.payload }}, {
            toggles: [{% for t in this.toggles %}{{ t.get_name() }}{{ "," if not loop.last }}{% endfor %}],
            uncertainty: {{ this.uncertainty.get_name() }},
            heat: {{ this.heat.get_name() }}
        });
    {% endmacro %}""")

    def __init__(self, payload: dict, toggles, uncertainty, heat, name: str, assets: str):
        super().__init__(name=name, overlay=True, show=True)
        self._name = "SiteMarkers"
        self.data = payload
        self.payload = _script_json(payload)
        self.toggles, self.uncertainty, self.heat = toggles, uncertainty, heat
        self.default_js = vendored(assets, "leaflet.markercluster/leaflet.markercluster.js", "hudna/hudna-map.js")
        self.default_css = vendored(assets, "leaflet.markercluster/MarkerCluster.css",
                                    "leaflet.markercluster/MarkerCluster.Default.css", "hudna/hudna-map.css")

    def _get_self_bounds(self):
        lats, lons = self.data["loc"]["lat"], self.data["loc"]["lon"]
        if not lats:
            return [[None, None], [None, None]]
        return [[min(lats), min(lons)], [max(lats), max(lons)]]


class PlaybackLayer(_DataLayer):
    """Time playback with Leaflet.TimeDimension (as folium's TimestampedGeoJson, but switchable in the layer
    control, built from compact points, and with no moment.js)."""

    _template = Template("""{% macro script(this, kwargs) %}
        var {{ this.get_name() }} = HudnaMap.playback({{ this._parent.get_name() }}, {{ this.payload }},
            [{{ this.hide.get_name() }}]);
    {% endmacro %}""")

    def __init__(self, payload: dict, hide: Layer, name: str, assets: str):
        super().__init__(name=name, overlay=True, show=False)
        self._name = "PlaybackLayer"
        self.hide = hide  # switched off while the playback is on
        self.data = payload
        self.payload = _script_json(payload)
        self.default_js = vendored(assets, "iso8601-js-period/iso8601.js",
                                   "leaflet-timedimension/leaflet.timedimension.min.js", "hudna/hudna-map.js")
        self.default_css = vendored(assets, "leaflet-timedimension/leaflet.timedimension.control.css")


class OrderedLayerControl(folium.LayerControl):
    """folium's LayerControl listing `first` before the other overlays: the faction switches must be defined
    earlier in the script than the site layer that reads them, but read best at the end of the list."""

    def __init__(self, first: list, **kwargs):
        super().__init__(**kwargs)
        self.first = first

    def render(self, **kwargs):
        self.reset()
        layers = [c for c in self._parent._children.values() if isinstance(c, Layer) and c.control]
        rank = {id(layer): i for i, layer in enumerate(self.first)}
        for item in sorted(layers, key=lambda layer: rank.get(id(layer), len(rank))):
            (self.overlays if item.overlay else self.base_layers)[item.layer_name] = item.get_name()
        folium.MacroElement.render(self, **kwargs)  # the parent's render would refill in child order


# --- the map ------------------------------------------------------------------------------------------

def build_site_map(summary: SiteSummary, names: dict, colors: dict, playback: Playback | None = None, *,
                   words: MapText = MapText(), assets: str = VENDOR, cluster: bool | None = None) -> folium.Map:
    """The site map: offline outline, optional online tiles, sites, uncertainty circles, heatmap, playback,
    and a switch per faction in view (the layer control doubles as the colour legend)."""
    m = _base_map(summary, words, assets)
    labels = {f: names.get(f) or (words.unknown if f == UNKNOWN else f) for f in summary.factions}
    palette = [safe_color(colors.get(f)) for f in summary.factions]
    toggles, toggle_of = _faction_toggles(summary, labels, palette, words)
    uncertainty = folium.FeatureGroup(name=text(words.uncertainty), overlay=True, show=True)
    heat = HeatMap([], name=text(words.heatmap), show=False, radius=22, blur=18, min_opacity=0.25, max_zoom=MAX_ZOOM)
    heat.default_js = vendored(assets, "leaflet.heat/leaflet-heat.js")
    payload = map_payload(summary, labels, palette, compact=len(summary.sites) > MANY_SITES, words=words)
    payload["toggleOf"] = toggle_of
    payload["cluster"] = summary.locations > CLUSTER_ABOVE if cluster is None else cluster
    for layer in (uncertainty, heat, *toggles):
        layer.add_to(m)
    sites = SiteMarkers(payload, toggles, uncertainty, heat, text(words.sites), assets).add_to(m)
    overlays = [sites, uncertainty, heat]
    if playback is not None and len(playback.points):
        overlays.append(PlaybackLayer(playback_payload(playback, summary.factions, palette), sites,
                                      text(words.playback), assets).add_to(m))
    OrderedLayerControl(overlays, collapsed=False, position="topright").add_to(m)
    return m


def _base_map(summary: SiteSummary, words: MapText, assets: str) -> folium.Map:
    m = folium.Map(location=[33.0, 44.0], zoom_start=5, tiles=None, control_scale=True, min_zoom=3,
                   font_size="0.8125rem")
    m.options["max_zoom"] = MAX_ZOOM  # the map's own option: the constructor's only reaches a tile layer
    m.default_js = vendored(assets, "leaflet/leaflet.js", "jquery/jquery.min.js")
    m.default_css = vendored(assets, "leaflet/leaflet.css")
    IconPath(assets).add_to(m)
    RegionOutline(assets, words.tiles_failed).add_to(m)
    folium.FeatureGroup(name=text(words.offline), overlay=False, show=True).add_to(m)
    for name, (url, attribution) in {words.osm: OSM, words.carto: CARTO}.items():
        folium.TileLayer(url, attr=attribution, name=text(name), overlay=False, show=False, max_zoom=MAX_ZOOM).add_to(m)
    if len(summary.sites):
        lat, lon = summary.sites["lat"], summary.sites["lon"]
        # keep the sites clear of the expanded layer control in the top-right corner
        m.fit_bounds([[lat.min(), lon.min()], [lat.max(), lon.max()]], padding_top_left=(40, 40),
                     padding_bottom_right=(300, 30), max_zoom=8)
    else:
        m.fit_bounds(REGION)
    return m


def _faction_toggles(summary: SiteSummary, labels: dict, palette: list, words: MapText) -> tuple[list, list[int]]:
    """One empty overlay per faction in view (the busiest first), its name a colour swatch and a count; the
    site layer reads which are switched on. Factions past the cap share one switch."""
    totals = summary.by_faction.groupby("faction")["n"].sum()
    toggles, toggle_of = [], []
    for i, faction in enumerate(summary.factions):
        if i < MAX_FACTION_TOGGLES:
            name = (f'<span class="hudna-swatch" style="background:{palette[i]}"></span>'
                    f"{text(_short(labels[faction], 60))} ({int(totals.get(faction, 0))})")
            toggles.append(folium.FeatureGroup(name=name, overlay=True, show=True))
        toggle_of.append(min(i, MAX_FACTION_TOGGLES))
    rest = summary.factions[MAX_FACTION_TOGGLES:]
    if rest:
        n = int(totals.reindex(list(rest)).sum())
        toggles.append(folium.FeatureGroup(name=text(words.other_factions.format(n=len(rest), count=n)), overlay=True,
                                           show=True))
    return toggles, toggle_of


# --- the data the browser draws -----------------------------------------------------------------------
# Column arrays, not a list per marker: json.dumps and the browser both handle flat lists fastest, and the
# payload stays about a third smaller. Ragged parts (a site's factions, its latest incidents, their sources)
# are CSR-style: `xStart[i]:xStart[i + 1]` indexes the rows of item i.

def map_payload(summary: SiteSummary, labels: dict, palette: list, compact: bool = False,
                words: MapText = MapText()) -> dict:
    """What the browser draws, every dataset string escaped: `loc` per marker, `site` per site (sites sharing a
    coordinate share a marker), `inc` per latest incident shown in popups, and the `words` they index."""
    sites = summary.sites
    faction_index = {f: i for i, f in enumerate(summary.factions)}
    position = pd.Series(np.arange(len(sites)), index=sites["site_id"])
    location = sites["location"].to_numpy()
    first_site = np.flatnonzero(np.r_[True, location[1:] != location[:-1]]) if len(sites) else np.array([], int)
    rank = np.array([precision_rank(p) for p in sites["coord_precision"]], dtype=int)
    uncertainty_m = (sites["uncertainty_km"].to_numpy() * 1000).astype(int)
    by_faction = summary.by_faction.assign(pos=summary.by_faction["site_id"].map(position).to_numpy(),
                                           f=summary.by_faction["faction"].map(faction_index).to_numpy())
    by_faction["loc"] = location[by_faction["pos"].to_numpy()] if len(by_faction) else []
    kinds, kind_words = pd.factorize(sites["kind"].fillna(""))
    countries, country_words = pd.factorize(sites["country"].fillna(""))
    by_type = summary.by_type.assign(pos=summary.by_type["site_id"].map(position).to_numpy())
    types, type_words = pd.factorize(pd.concat([by_type["event_type"], summary.latest["event_type"]]))
    incidents, outlet_words = _incident_columns(summary, position, faction_index, types[len(by_type):],
                                                None if compact else ("summary_ar" if words.rtl else "summary_en"))
    location_factions = by_faction.groupby(["loc", "f"], sort=False)["n"].sum().reset_index()
    shared = np.bincount(location, minlength=len(first_site))[location] > 1 if len(sites) else np.array([], bool)
    return {
        "loc": {
            "lat": sites["lat"].to_numpy()[first_site].tolist(), "lon": sites["lon"].to_numpy()[first_site].tolist(),
            "unc": _reduce(np.maximum, uncertainty_m, first_site), "prec": _reduce(np.maximum, rank, first_site),
            "sStart": np.r_[first_site, len(sites)].tolist(),
            **_ragged(location_factions, "loc", len(first_site), {"f": "f", "fn": "n"}, "fStart"),
        },
        "site": {
            "en": [text(v) for v in sites["name_en"]], "ar": [text(v) for v in sites["name_ar"]],
            "kind": kinds.tolist(), "country": countries.tolist(), "prec": rank.tolist(),
            "km": sites["uncertainty_km"].round().astype(int).tolist(), "n": sites["n"].astype(int).tolist(),
            "first": _epoch_days(sites["first"]), "last": _epoch_days(sites["last"]),
            # a site alone at its location (most) uses the location's counts: no need to send them twice
            **_ragged(by_faction[shared[by_faction["pos"].to_numpy()]] if len(by_faction) else by_faction, "pos",
                      len(sites), {"f": "f", "fn": "n"}, "fStart"),
            **_ragged(by_type.assign(t=types[: len(by_type)]), "pos", len(sites), {"t": "t", "tn": "n"}, "tStart"),
            "iStart": incidents.pop("start"),
        },
        "inc": incidents,
        "words": {"kinds": [text(words.value("site_kind", w)) for w in kind_words],
                  "countries": [text(words.value("country", w)) if w else "" for w in country_words],
                  "types": [text(words.value("event_type", w)) for w in type_words], "outlets": outlet_words},
        "ui": words.popup_words(),
        "factions": [text(labels[f]) for f in summary.factions], "colors": palette, "detail": not compact,
        "maxCount": int(location_factions.groupby("loc")["n"].sum().max()) if len(location_factions) else 1,
    }


def _reduce(ufunc, values: np.ndarray, starts: np.ndarray) -> list:
    return ufunc.reduceat(values, starts).tolist() if len(starts) else []


def _ragged(frame: pd.DataFrame, owner: str, owners: int, columns: dict, start_key: str) -> dict:
    """Rows grouped by their owner (0..owners-1), most counted first, as column lists plus the start offsets."""
    frame = frame.sort_values([owner, "n"], ascending=[True, False], kind="stable")
    starts = np.searchsorted(frame[owner].to_numpy(), np.arange(owners + 1))
    return {start_key: starts.tolist(), **{key: frame[col].astype(int).tolist() for key, col in columns.items()}}


def _incident_columns(summary: SiteSummary, position: pd.Series, faction_index: dict, types: np.ndarray,
                      about: str | None) -> tuple[dict, list[str]]:
    """The summary's newest incidents per site with their sources (a URL only when it is http(s)), and the
    `about` column (a shortened summary; None leaves it out)."""
    latest = summary.latest.assign(pos=summary.latest["site_id"].map(position).to_numpy(), t=types)
    latest = latest.sort_values("pos", kind="stable")  # each site's rows stay newest first
    index = pd.Series(np.arange(len(latest)), index=latest["incident_id"].to_numpy())
    sources = summary.sources[summary.sources["incident_id"].isin(index.index)]
    sources = sources.assign(i=sources["incident_id"].map(index).to_numpy()).sort_values("i", kind="stable")
    outlets, outlet_words = pd.factorize(sources["outlet"].fillna("source"))
    columns = {
        "start": np.searchsorted(latest["pos"].to_numpy(), np.arange(len(position) + 1)).tolist(),
        "day": _epoch_days(latest["date"]),
        "prec": latest["date_precision"].map(DATE_PRECISION_CODE).fillna(0).astype(int).tolist(),
        "type": latest["t"].astype(int).tolist(),
        "faction": latest["faction"].map(faction_index).astype(int).tolist(),
        "id": [text(v) for v in latest["incident_id"]],
        **({} if about is None else {"about": [text(_short(v)) for v in latest[about]]}),
        "nSources": latest["n_sources"].astype(int).tolist(),
        "sStart": np.searchsorted(sources["i"].to_numpy(), np.arange(len(latest) + 1)).tolist(),
        "url": [web_url(u) for u in sources["url"]], "outlet": outlets.tolist(),
    }
    return columns, [text(w) for w in outlet_words]


def web_url(url) -> str:
    """The escaped URL when it is http(s), else '' (the outlet is then shown without a link)."""
    url = url.strip() if isinstance(url, str) else ""
    return text(url) if _WEB_URL.fullmatch(url) else ""


def _epoch_days(dates) -> list[int]:
    """Days since 1970-01-01 (the browser formats them): shorter than ISO strings."""
    return dates.to_numpy().astype("datetime64[D]").astype("int64").tolist()


def _short(value, limit: int = 110) -> str:
    value = "" if not isinstance(value, str) else " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def playback_payload(playback: Playback, factions: tuple, palette: list) -> dict:
    index = {f: i for i, f in enumerate(factions)}
    points = playback.points
    colors = [index.get(f, 0) for f in points["faction"]]
    return {
        "frames": [d.isoformat() for d in playback.frame_dates()], "binDays": playback.bin_days,
        "duration": f"PT{playback.bin_days * 24 - 1}H",  # each frame shows its own bin only
        "colors": palette or [FALLBACK_COLOR], "maxN": int(points["n"].max()) if len(points) else 1,
        "points": [[float(a), float(b), int(f), int(n), c] for a, b, f, n, c in
                   zip(points["lat"], points["lon"], points["frame"], points["n"], colors)],
    }
