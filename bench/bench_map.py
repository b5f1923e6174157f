"""Map build + serialisation cost and payload at 10k / 100k incidents over 300 and 5,000 sites, against the naive map.

"Ours" is the whole path the map page takes per rerun: aggregate by site, bin the playback, build the folium map, and
serialise it exactly as streamlit-folium does (render, leaflet script, header, html) into the JSON it sends.
"Naive" is a folium Marker with a Popup per incident inside a MarkerCluster, serialised the same way.
Targets (issue 5): under 0.5 s and 3 MB at 100k incidents over thousands of locations.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import time

import folium
import numpy as np
import pandas as pd
from folium.plugins import MarkerCluster

from bench.common import median_seconds, peak_rss_mb, synthetic_folder
from components.map_builder import build_site_map, text
from hudna import sites_summary
from hudna.dataset import Dataset
from hudna.loading import read_dataset

TARGET_SECONDS, TARGET_MB = 0.5, 3.0


def with_many_sites(ds: Dataset, n_sites: int, seed: int = 11) -> Dataset:
    """The same incidents spread over `n_sites` sites (a heavy-tailed share each), as a new Dataset."""
    rng = np.random.default_rng(seed)
    sites = pd.DataFrame({
        "site_id": [f"many_{i:05d}" for i in range(n_sites)],
        "name_en": [f"Synthetic place {i:05d}" for i in range(n_sites)],
        "name_ar": [f"مكان تجريبي {i:05d}" for i in range(n_sites)],
        "kind": rng.choice(["us_base", "city", "faction_site", "area"], size=n_sites),
        "country": rng.choice(["Iraq", "Syria", "Jordan", "Israel"], size=n_sites),
        "lat": np.round(rng.uniform(29.5, 37.0, size=n_sites), 4),
        "lon": np.round(rng.uniform(35.0, 48.0, size=n_sites), 4),
        "coord_precision": rng.choice(["site", "city", "region"], size=n_sites, p=[0.7, 0.2, 0.1]),
    })
    sites = sites.reindex(columns=ds.sites.columns)
    for column in ("lat", "lon"):
        sites[column] = sites[column].astype(ds.sites[column].dtype)
    weights = 1.0 / np.arange(1, n_sites + 1) ** 0.9
    placed = ds.incidents["site_id"].notna().to_numpy()
    new_ids = rng.choice(sites["site_id"].to_numpy(), size=int(placed.sum()), p=weights / weights.sum())
    incidents = ds.incidents.copy()
    incidents.loc[placed, "site_id"] = new_ids
    return dataclasses.replace(ds, incidents=incidents, sites=sites)


def serialised_bytes(m: folium.Map) -> int:
    """Do what st_folium does to a map before sending it, and return the size of what it sends."""
    from streamlit_folium import _get_header, _get_html, _get_map_string, generate_js_hash  # imports streamlit

    m.get_root().render()
    m.render()
    html, header = _get_html(m), _get_header(m)
    script = _get_map_string(m)
    m.get_bounds()
    generate_js_hash(script, "site_map", False)
    return len(json.dumps({"script": script, "header": header, "html": html}).encode())


def our_map(ds: Dataset, view: pd.DataFrame) -> int:
    summary = sites_summary.summarize_sites(view, ds.sources)
    playback = sites_summary.playback_frames(view, None, None)
    m = build_site_map(summary, ds.faction_names(), ds.faction_colors(), playback)
    return serialised_bytes(m)


def naive_map(view: pd.DataFrame) -> int:
    m = folium.Map(location=[33.0, 44.0], zoom_start=5, tiles=None)
    cluster = MarkerCluster().add_to(m)
    for row in view[view["lat"].notna()].itertuples():
        popup = f"<b>{text(row.site_name_en)}</b><br>{row.date:%Y-%m-%d} {text(row.event_type)}<br>{text(row.summary_en)}"
        folium.Marker([row.lat, row.lon], popup=folium.Popup(popup, max_width=300)).add_to(cluster)
    return serialised_bytes(m)


def cpu_seconds(func, repeat: int = 5) -> float:
    """Median CPU time of this process: steadier than wall time when other jobs share the cores."""
    return median_seconds(func, repeat, clock=time.process_time)


def measure(label: str, ds: Dataset) -> tuple[float, float]:
    view = ds.incident_view
    summary = sites_summary.summarize_sites(view, ds.sources)
    size = our_map(ds, view)  # warm-up, and the payload
    seconds = median_seconds(lambda: our_map(ds, view), repeat=5)
    cpu = cpu_seconds(lambda: our_map(ds, view))
    flag = "ok" if min(seconds, cpu) < TARGET_SECONDS and size / 1e6 < TARGET_MB else "OVER TARGET"
    print(f"{label:<34} {len(view):>9,} {summary.locations:>9,} {seconds:>8.3f} {cpu:>8.3f} {size / 1e6:>10.2f}  {flag}")
    return seconds, size


def run(naive_sizes: list[int]) -> None:
    print(__doc__.splitlines()[0])
    print(f"{'dataset':<34} {'incidents':>9} {'locations':>9} {'wall s':>8} {'CPU s':>8} {'payload MB':>10}")
    results = {}
    for n in (10_000, 100_000):
        ds = read_dataset(synthetic_folder(n))
        results[(n, 300)] = measure(f"synthetic {n:,}, 300 sites", ds)
        results[(n, 5000)] = measure(f"synthetic {n:,}, 5,000 sites", with_many_sites(ds, 5000))
    for n in naive_sizes:
        ds = with_many_sites(read_dataset(synthetic_folder(10_000)), 5000)
        view = ds.incident_view.head(n)
        t0 = time.perf_counter()
        size = naive_map(view)
        naive = time.perf_counter() - t0
        ours = median_seconds(lambda: our_map(ds, view), repeat=3)
        print(f"naive (Marker per incident) at {n:,}: {naive:.2f} s, {size / 1e6:.2f} MB; ours on the same rows "
              f"{ours:.3f} s: {naive / ours:.0f}x faster")
    if naive_sizes and (100_000, 5000) in results:
        print(f"ours at 100k incidents / 5,000 sites is {naive / results[(100_000, 5000)][0]:.0f}x faster than "
              f"the naive map at {naive_sizes[-1]:,} incidents")
    print(f"peak RSS {peak_rss_mb():.0f} MB; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores "
          "(wall times stretch when other jobs share the cores; CPU time less so)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--naive", nargs="*", type=int, default=[10_000],
                        help="incident counts for the naive map (10k takes ~20 s; pass none to skip)")
    run(parser.parse_args().naive)
