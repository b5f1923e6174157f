"""Map: the targeted sites in view, sized by incidents and coloured by faction; a click lists a site's incidents."""

import streamlit as st
from streamlit_folium import st_folium

from components.map_builder import MapText, build_site_map
from components.page_context import page_context
from components.safe import md_escape
from components.tables import incidents_table
from hudna import sites_summary

ctx = page_context()
dataset, state, view, t = ctx["dataset"], ctx["state"], ctx["view"], ctx["t"]
claimed = state.role == "claimed"

st.title(t("map.title"))
summary = sites_summary.summarize_sites(view, dataset.sources, role=state.role)
caption = t("map.caption", placed=f"{summary.placed:,}", sites=f"{len(summary.sites):,}",
            by=t("map.by_claimed") if claimed else t("map.by_actor"))
st.caption(caption + (" · " + t("map.unplaced", n=f"{summary.unplaced:,}") if summary.unplaced else ""))

words = MapText(
    sites=t("map.layer_sites"), uncertainty=t("map.layer_uncertainty"), heatmap=t("map.layer_heatmap"),
    playback=t("map.layer_playback"), offline=t("map.layer_offline"), osm=t("map.layer_osm"),
    carto=t("map.layer_carto"), unknown=t("map.unclaimed") if claimed else t("map.unattributed"),
    other_factions=t("map.other_factions"), count=t("map.popup_count"), count_one=t("map.popup_count_one"),
    place=t("map.popup_place"), within=t("map.popup_within"), latest=t("map.popup_latest"), more=t("map.popup_more"),
    no_source=t("map.popup_no_source"), tiles_failed=t("map.tiles_failed"), value=t.value, rtl=t.rtl,
)
start, end = state.date_range(dataset)
playback = sites_summary.playback_frames(view, start, end, role=state.role)
site_map = build_site_map(summary, dataset.faction_names(t.lang), dataset.faction_colors(), playback, words=words)
# Only a click on a site comes back: panning and zooming do not rerun the script.
clicked = st_folium(site_map, key="site_map", height=620, use_container_width=True,
                    returned_objects=["last_object_clicked"])
st.caption(t("map.legend"))

point = (clicked or {}).get("last_object_clicked") or {}
site_ids = sites_summary.sites_at(summary.sites, point.get("lat"), point.get("lng"))
if site_ids:
    chosen = summary.sites[summary.sites["site_id"].isin(site_ids)]
    names = chosen["name_ar" if t.rtl else "name_en"].fillna(chosen["name_en"])
    st.subheader(t("map.incidents_at", names=" / ".join(md_escape(n) for n in names)))
    rows = sites_summary.site_incidents(view, site_ids)
    st.dataframe(incidents_table(rows, dataset, t=t), hide_index=True, key="map_site_incidents")
else:
    st.info(t("map.click_hint"))
