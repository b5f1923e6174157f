"""The site map builder: vendored assets only, one marker per location, escaped popups, layers, and Jinja safety."""

import json
import re

import folium
import pytest

from components import map_builder as mb
from hudna import sites_summary as ss
from hudna.loading import load_dataset
from tests.conftest import FIXTURES, ROOT, VALID

MAP = load_dataset(FIXTURES / "map_sites")
VENDOR_DIR = ROOT / "static" / "vendor"


def build(ds=MAP, view=None, role="actor", **kwargs):
    view = ds.incident_view if view is None else view
    summary = ss.summarize_sites(view, ds.sources, role=role)
    playback = ss.playback_frames(view, None, None, role=role)
    return summary, mb.build_site_map(summary, ds.faction_names(), ds.faction_colors(), playback, **kwargs)


def element(m, kind):
    return next(c for c in m._children.values() if isinstance(c, kind))


def links(m):
    """The JS and CSS links streamlit-folium sends (it walks every element's default_js / default_css)."""
    def walk(e):
        yield e
        for child in e._children.values():
            yield from walk(child)
    found = [url for e in walk(m) for attr in ("default_js", "default_css") for _, url in getattr(e, attr, [])]
    return list(dict.fromkeys(found))


def test_every_js_and_css_link_is_a_vendored_file():
    _, m = build()
    urls = links(m)
    assert urls and not [u for u in urls if "://" in u or u.startswith("//")]
    assert all(u.startswith(mb.VENDOR + "/") for u in urls)
    for url in urls:
        assert (VENDOR_DIR / url.removeprefix(mb.VENDOR + "/")).is_file(), url
    rendered = m.get_root().render()
    tags = re.findall(r'<(?:script|link)\b[^>]*?(?:src|href)="([^"]+)"', rendered)
    assert tags and not [t for t in tags if t.startswith(("https://", "http://", "//"))]
    names = " ".join(urls)
    for needed in ("leaflet.js", "leaflet.css", "jquery.min.js", "leaflet.markercluster.js", "leaflet-heat.js",
                   "leaflet.timedimension.min.js", "iso8601.js", "hudna-map.js"):
        assert needed in names


def test_vendored_assets_are_small_documented_and_offline():
    files = [p for p in VENDOR_DIR.rglob("*") if p.is_file()]
    assert sum(p.stat().st_size for p in files) < 600_000
    readme = (VENDOR_DIR / "README.md").read_text(encoding="utf-8")
    for package, version, licence in [("leaflet", "1.9.4", "BSD-2-Clause"), ("leaflet.markercluster", "1.5.3", "MIT"),
                                      ("jquery", "3.7.1", "MIT"), ("leaflet.heat", "0.2.0", "BSD-2-Clause"),
                                      ("leaflet-timedimension", "1.1.1", "MIT"), ("iso8601-js-period", "0.2.1", "Apache-2.0"),
                                      ("world-atlas", "2.0.2", "ISC")]:
        assert re.search(rf"`{re.escape(package)}`\s*\|\s*{re.escape(version)}\s*\|\s*{re.escape(licence)}", readme), package
    for css in VENDOR_DIR.rglob("*.css"):
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", css.read_text(encoding="utf-8")), css  # e.g. a font CDN
    region = json.loads((VENDOR_DIR / "natural-earth" / "region.geojson").read_text(encoding="utf-8"))
    kinds = [f["properties"]["kind"] for f in region["features"]]
    assert kinds[:2] == ["land", "border"] and "Iraq" in [f["properties"].get("name") for f in region["features"]]


def test_the_map_works_without_tiles_and_sets_its_own_max_zoom():
    _, m = build()
    assert m.options["max_zoom"] == mb.MAX_ZOOM
    tiles = [c for c in m._children.values() if isinstance(c, folium.TileLayer)]
    assert len(tiles) == 2 and not any(t.show for t in tiles)  # online tiles are there, but off until chosen
    assert isinstance(element(m, mb.RegionOutline), mb.RegionOutline)
    assert "L.Icon.Default.imagePath" in m.get_root().render()


def test_one_marker_per_location_with_every_site_there():
    summary, m = build()
    data = element(m, mb.SiteMarkers).data
    assert len(data["loc"]["lat"]) == summary.locations == 3  # Baghdad and Union III share a coordinate
    assert len(data["site"]["en"]) == len(summary.sites) == 4
    for j, (lat, lon) in enumerate(zip(data["loc"]["lat"], data["loc"]["lon"])):
        start, end = data["loc"]["sStart"][j], data["loc"]["sStart"][j + 1]
        at = summary.sites.set_index("site_id").loc[ss.sites_at(summary.sites, lat, lon)]
        assert sorted(data["site"]["en"][start:end]) == sorted(mb.text(n) for n in at["name_en"])
        assert sum(data["loc"]["fn"][data["loc"]["fStart"][j]:data["loc"]["fStart"][j + 1]]) == at["n"].sum()


def test_markers_equal_sites_in_view_on_the_shared_fixture():
    ds = load_dataset(VALID)
    summary, m = build(ds)
    assert len(element(m, mb.SiteMarkers).data["loc"]["lat"]) == len(summary.sites) == 3  # ship_x has no place
    kh_only = ds.incident_view[ds.incident_view["actor"] == "kh"]
    summary, m = build(ds, kh_only)
    assert len(element(m, mb.SiteMarkers).data["loc"]["lat"]) == 1


HOSTILE = [
    ('Ain "al-Asad"', "Ain &quot;al-Asad&quot;"),
    ("it's", "it&#x27;s"),
    ("`base`", "&#96;base&#96;"),
    ("<script>alert('x')</script>", "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;"),
    ("{{7*7}} {% if 1 %}", "&#123;&#123;7*7&#125;&#125; &#123;% if 1 %&#125;"),
    ("<a href='javascript:alert(1)'>a</a>", "&lt;a href=&#x27;javascript:alert(1)&#x27;&gt;a&lt;/a&gt;"),
    ("قاعدة عين الأسد", "قاعدة عين الأسد"),  # Arabic passes through unchanged
    ("A & B", "A &amp; B"),
]


@pytest.mark.parametrize("raw,escaped", HOSTILE)
def test_text_escapes_quotes_backticks_markup_and_braces(raw, escaped):
    assert mb.text(raw) == escaped


@pytest.mark.parametrize("url,shown", [
    ("https://example.org/a?x=1&y=2", "https://example.org/a?x=1&amp;y=2"),
    ("HTTP://EXAMPLE.ORG/", "HTTP://EXAMPLE.ORG/"),
    ("javascript:alert(1)", ""), (" JavaScript:alert(1)", ""), ("data:text/html,<script>x</script>", ""),
    ("//example.org/x", ""), ("/relative", ""), ("https://example.org/a b", ""), ('https://x.org/"onmouseover=1', "https://x.org/&quot;onmouseover=1"),
    (None, ""), (float("nan"), ""),
])
def test_only_http_urls_become_links(url, shown):
    assert mb.web_url(url) == shown


def test_popup_data_reaches_the_page_escaped():
    _, m = build()
    data = element(m, mb.SiteMarkers).data
    hostile = data["site"]["en"][0]
    assert hostile == ("Ain &quot;al-Asad&quot; &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &#96;base&#96; "
                       "&#123;&#123;7*7&#125;&#125;")
    assert data["site"]["ar"][0] == "قاعدة عين الأسد الجوية"
    assert "&lt;a href=&#x27;javascript:alert(2)&#x27;&gt;click&lt;/a&gt; &#96;tick&#96; &quot;News&quot;" in data["words"]["outlets"]
    assert "https://example.org/a1?x=1&amp;y=2" in data["inc"]["url"]
    strings = json.dumps(data, ensure_ascii=False)
    assert "<script" not in strings and "javascript:alert(2)'" not in strings and "{{" not in strings
    rendered = m.get_root().render()
    assert "<script>alert" not in rendered and "</script> `base`" not in rendered


def test_a_javascript_url_is_never_a_link():
    summary = ss.summarize_sites(MAP.incident_view, MAP.sources)
    bad = summary.sources.copy()
    bad.loc[0, "url"] = "javascript:alert(document.cookie)"
    summary = ss.SiteSummary(**{**summary.__dict__, "sources": bad})
    data = mb.map_payload(summary, {f: f for f in summary.factions}, ["#000000"] * len(summary.factions))
    assert data["inc"]["url"].count("") == 1 and not any("javascript" in u for u in data["inc"]["url"])
    assert len(data["inc"]["outlet"]) == len(data["inc"]["url"])  # the outlet is still shown, as text


def test_dataset_text_is_never_evaluated_as_a_jinja_template():
    ds = load_dataset(FIXTURES / "map_sites")
    names = {**ds.faction_names(), "kh": "{{ 'jinja' ~ 'ran' }}"}
    view = ds.incident_view.assign(site_name_en="{{ 'jinja' ~ 'ran' }} {% raw %}")
    summary = ss.summarize_sites(view, ds.sources)
    m = mb.build_site_map(summary, names, ds.faction_colors(), ss.playback_frames(view, None, None))
    rendered = m.get_root().render()
    assert "jinjaran" not in rendered and "&#123;&#123; &#x27;jinja&#x27;" in rendered


def test_layers_list_sites_then_switches_for_the_factions_in_view_only():
    ds = load_dataset(VALID)
    summary, m = build(ds, ds.incident_view[ds.incident_view["actor"].isin(["kh", "iri"])])
    control = element(m, mb.OrderedLayerControl)
    m.get_root().render()
    overlays = list(control.overlays)
    assert overlays[:4] == ["Targeted sites", "Position uncertainty (city / region)", "Heatmap", "Time playback"]
    factions = [re.sub(r"<[^>]+>", "", name) for name in overlays[4:]]
    assert factions == ["Islamic Resistance in Iraq (1)", "Kata&#x27;ib Hezbollah (1)"]
    assert list(control.base_layers) == ["Offline outline only", "OpenStreetMap (online)", "Carto light (online)"]
    shown = {c.layer_name: c.show for c in m._children.values() if hasattr(c, "layer_name")}
    assert shown["Heatmap"] is False and shown["Time playback"] is False and shown["Targeted sites"] is True


def test_faction_colours_are_checked_and_the_unknown_label_follows_the_role():
    colors = {**MAP.faction_colors(), "iri": "red;background:url(x)"}
    summary = ss.summarize_sites(MAP.incident_view, MAP.sources, role="claimed")
    m = mb.build_site_map(summary, MAP.faction_names(), colors, words=mb.MapText(unknown="Unclaimed"))
    data = element(m, mb.SiteMarkers).data
    assert data["colors"][summary.factions.index("iri")] == mb.FALLBACK_COLOR
    assert data["colors"][summary.factions.index("kh")] == "#d95f02"
    assert data["factions"] == ["Unclaimed", "Kata&#x27;ib Hezbollah", "Islamic Resistance in Iraq"]  # 3, 2, 1 incidents


def test_the_page_language_reaches_layer_names_values_and_popup_phrases():
    from components.i18n import Translator

    t = Translator("ar")
    words = mb.MapText(sites="المواقع", heatmap="كثافة", unknown="غير منسوب", count="{n} حادثة", value=t.value, rtl=True)
    summary = ss.summarize_sites(MAP.incident_view, MAP.sources)
    m = mb.build_site_map(summary, MAP.faction_names("ar"), MAP.faction_colors(), words=words)
    data = element(m, mb.SiteMarkers).data
    assert element(m, mb.SiteMarkers).layer_name == "المواقع"
    assert data["words"]["types"] == ["هجوم", "ضربة"] and "العراق" in data["words"]["countries"]
    assert data["ui"]["rtl"] is True and data["ui"]["count"] == "{n} حادثة"
    assert data["ui"]["precisions"] == ["الموقع", "المدينة", "المنطقة"]
    assert "غير منسوب" in data["factions"] and "كتائب حزب الله" in data["factions"]


def test_many_factions_share_one_other_switch():
    view = MAP.incident_view.loc[MAP.incident_view.index.repeat(3)].reset_index(drop=True)
    view["actor"] = [f"f{i:02d}" for i in range(len(view))]
    view["incident_id"] = [f"X{i:02d}" for i in range(len(view))]
    summary = ss.summarize_sites(view, MAP.sources)
    assert len(summary.factions) > mb.MAX_FACTION_TOGGLES
    m = mb.build_site_map(summary, {}, {})
    data = element(m, mb.SiteMarkers).data
    assert max(data["toggleOf"]) == mb.MAX_FACTION_TOGGLES
    assert len(element(m, mb.SiteMarkers).toggles) == mb.MAX_FACTION_TOGGLES + 1


def test_clustering_and_compact_popups_depend_on_the_number_of_places():
    summary, m = build()
    assert element(m, mb.SiteMarkers).data["cluster"] is False and element(m, mb.SiteMarkers).data["detail"] is True
    _, clustered = build(cluster=True)
    assert element(clustered, mb.SiteMarkers).data["cluster"] is True


def test_the_script_is_the_same_for_the_same_view():
    """A click reruns the page; an identical script keeps the same map component, so the map does not reload."""
    from streamlit_folium import _get_map_string

    scripts = []
    for _ in range(2):
        _, m = build()
        m.get_root().render()
        scripts.append(_get_map_string(m))
    assert scripts[0] == scripts[1] and "HudnaMap.sites(map_div" in scripts[0]
