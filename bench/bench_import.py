"""ACLED import at 10k / 100k / 1M synthetic rows: seconds and peak memory of the import, the dataset checks, the export.

Each measurement runs in a fresh Python process, so its peak resident memory is its own. Target (issue 9):
a 1M-row ACLED-layout file imports in under 30 s with peak memory under 2 GB.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

from bench.common import DATA, ROOT_DIR, SIZES
from hudna.importers.acled import COLUMNS

ACTORS = ["Islamic Resistance in Iraq", "Kataib Hezbollah", "Military Forces of the United States (2021-)", "Military Forces of Iraq (2022-)",
          "Unidentified Armed Group (Iraq)", "Islamic State (Iraq)", "Civilians (Iraq)", "Military Forces of Israel (2022-)"]
ACTORS += [f"Synthetic Militia {i:03d} (Iraq)" for i in range(200)]
KINETIC = [("Political violence", "Explosions/Remote violence", "Air/drone strike"),
           ("Political violence", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
           ("Political violence", "Explosions/Remote violence", "Remote explosive/landmine/IED"),
           ("Political violence", "Battles", "Armed clash"),
           ("Political violence", "Violence against civilians", "Attack"),
           ("Strategic developments", "Strategic developments", "Disrupted weapons use"),
           ("Strategic developments", "Strategic developments", "Change to group/activity"),
           ("Demonstrations", "Protests", "Peaceful protest")]
NOTES = ["Rockets were fired at a base hosting foreign forces near {p}; no casualties were reported.",
         "A drone struck a vehicle near {p}, killing its occupants, according to local sources.",
         "A roadside bomb hit a patrol near {p}. Two soldiers were wounded.",
         "Gunmen clashed with security forces in {p}; the fighting lasted several hours and left damage to houses.",
         "Residents of {p} demonstrated against unemployment and the lack of services."]


def acled_file(n: int) -> Path:
    """A synthetic ACLED-layout CSV with n rows (made once): 8 event kinds, ~200 actors, ~3,000 places, 0.1% bad dates."""
    path = DATA / f"acled-{n}.csv"
    if path.exists():
        return path
    rng = np.random.default_rng(9)
    kind = rng.choice(len(KINETIC), size=n, p=[0.3, 0.2, 0.1, 0.1, 0.05, 0.05, 0.02, 0.18])
    place = rng.integers(0, 3000, size=n)
    day = np.datetime64("2018-01-01") + rng.integers(0, 2900, size=n).astype("timedelta64[D]")
    dates = np.datetime_as_string(day, unit="D").astype(object)
    dates[rng.random(n) < 0.001] = "2024-02-30"
    places = np.array([f"Synthetic Place {i:04d}" for i in range(3000)], dtype=object)
    columns = {c: np.full(n, "", dtype=object) for c in COLUMNS}
    columns.update({
        "event_id_cnty": np.char.add("IRQ", np.arange(1, n + 1).astype(str)).astype(object), "event_date": dates,
        "year": np.array([d[:4] for d in dates], dtype=object), "time_precision": rng.choice(["1", "1", "1", "2", "3"], size=n).astype(object),
        "disorder_type": np.array([KINETIC[k][0] for k in range(len(KINETIC))], dtype=object)[kind],
        "event_type": np.array([KINETIC[k][1] for k in range(len(KINETIC))], dtype=object)[kind],
        "sub_event_type": np.array([KINETIC[k][2] for k in range(len(KINETIC))], dtype=object)[kind],
        "actor1": rng.choice(ACTORS, size=n).astype(object), "inter1": rng.choice(["State forces", "Political militia", "External/Other forces"], size=n).astype(object),
        "actor2": rng.choice(ACTORS + [""], size=n).astype(object), "iso": "368", "region": "Middle East", "country": "Iraq",
        "admin1": np.char.add("Province ", (place % 18).astype(str)).astype(object), "location": places[place],
        "latitude": np.round(29.5 + (place % 97) * 0.07, 4).astype(str).astype(object),
        "longitude": np.round(39.0 + (place % 89) * 0.09, 4).astype(str).astype(object),
        "geo_precision": rng.choice(["1", "2", "3"], size=n, p=[0.8, 0.15, 0.05]).astype(object),
        "source": rng.choice(["Shafaq News", "Xinhua; Shafaq News", "Rudaw", "Al Sumaria; Baghdad Today", "Reuters"], size=n).astype(object),
        "source_scale": rng.choice(["National", "International", "National-International"], size=n).astype(object),
        "notes": np.array([t.format(p="{p}") for t in NOTES], dtype=object)[np.minimum(kind, 4)],
        "fatalities": rng.choice(["0", "0", "1", "2", "5"], size=n).astype(object),
        "timestamp": rng.integers(1_600_000_000, 1_750_000_000, size=n).astype(str).astype(object),
    })
    columns = {c: (v if isinstance(v, np.ndarray) else np.full(n, v, dtype=object)) for c, v in columns.items()}
    columns["notes"] = np.char.replace(columns["notes"].astype(str), "{p}", places[place].astype(str)).astype(object)
    DATA.mkdir(parents=True, exist_ok=True)
    pacsv.write_csv(pa.table({c: pa.array(columns[c], pa.string()) for c in COLUMNS}), str(path),
                    pacsv.WriteOptions(quoting_style="needed"))
    return path


CHILD = """
import json, resource, sys, time
from hudna.importers import import_acled
from hudna.export_acled import to_acled_csv_bytes
stage = sys.argv[2]
t0 = time.perf_counter(); result = import_acled(sys.argv[1]); out = {"import_s": time.perf_counter() - t0,
       "rows": result.rows_read, "imported": result.imported, "rejected": len(result.rejected)}
if stage in ("checked", "export"):
    t0 = time.perf_counter(); ds = result.to_dataset("bench"); ds.incident_view; out["check_s"] = time.perf_counter() - t0
    out["problems"] = len(ds.problems)
    del result
if stage == "export":
    t0 = time.perf_counter(); data = to_acled_csv_bytes(ds.incident_view, ds); out["export_s"] = time.perf_counter() - t0
out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
"""


def measure(path: Path, stage: str) -> dict:
    done = subprocess.run([sys.executable, "-c", CHILD, str(path), stage], cwd=ROOT_DIR, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def run(size_names: list[str], stages: list[str]) -> None:
    print(f"{'size':>6} {'stage':>8} {'file MB':>8} {'rows':>9} {'imported':>9} {'rejected':>9} {'import s':>9} {'check s':>8} "
          f"{'export s':>9} {'peak MB':>8} {'problems':>9}")
    for name in size_names:
        path = acled_file(SIZES[name])
        for stage in stages:
            m = measure(path, stage)
            print(f"{name:>6} {stage:>8} {path.stat().st_size / 2**20:>8.0f} {m['rows']:>9,} {m['imported']:>9,} {m['rejected']:>9,} "
                  f"{m['import_s']:>9.1f} {m.get('check_s', float('nan')):>8.1f} {m.get('export_s', float('nan')):>9.1f} {m['peak_mb']:>8.0f} "
                  f"{m.get('problems', '-'):>9}")
    print("Target (issue 9): 1M rows imported in under 30 s with peak memory under 2 GB (stage 'import').")
    print("'checked' adds the dataset checks the Data page runs (dataset_from_frames; 'problems' is what they found); "
          "'export' adds the ACLED-layout export of every imported row.")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", nargs="+", default=list(SIZES), choices=list(SIZES))
    parser.add_argument("--stages", nargs="+", default=["import", "checked", "export"], choices=["import", "checked", "export"])
    args = parser.parse_args()
    run(args.sizes, args.stages)
