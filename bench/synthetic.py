"""Synthetic Hudna datasets of N incidents with a realistic shape, for benchmarks only (never shipped as data).

Shape: a few hundred sites (a handful of big bases take most attacks), dozens of factions under three
umbrellas, alternating escalations, truces and pauses with bursts inside escalations and lulls in truces,
1-3 sources per incident, some week/month-precision dates and some sites known only to the city or region.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import pandas as pd

START = pd.Timestamp("2023-10-17")
DAYS = 1100
SYNTHETIC_URL = "https://example.org/synthetic"


def factions(n_members: int = 30) -> pd.DataFrame:
    umbrellas = [("umb_a", "Umbrella A", "المظلة أ"), ("umb_b", "Umbrella B", "المظلة ب"), ("umb_c", "Umbrella C", "المظلة ج")]
    rows = [dict(faction_id=f, name_en=en, name_ar=ar, short=f.upper(), parent_id=None, side="axis") for f, en, ar in umbrellas]
    for i in range(n_members):
        rows.append(dict(faction_id=f"fac_{i:02d}", name_en=f"Faction {i:02d}", name_ar=f"الفصيل {i:02d}",
                         short=f"F{i:02d}", parent_id=umbrellas[i % 3][0], side="axis"))
    for fid, en, ar, side in [("us_forces", "US forces", "القوات الأمريكية", "us_coalition"),
                              ("coalition_forces", "Coalition forces", "قوات التحالف", "us_coalition"),
                              ("israel", "Israel", "إسرائيل", "israel"), ("shipping", "Commercial shipping", "الملاحة التجارية", "civilian")]:
        rows.append(dict(faction_id=fid, name_en=en, name_ar=ar, short=fid[:3].upper(), parent_id=None, side=side))
    frame = pd.DataFrame(rows)
    frame["color"] = [f"#{(i * 2654435761) % 0xFFFFFF:06x}" for i in range(len(frame))]
    frame["aliases"] = frame["short"]
    frame["source_url"] = None
    frame["notes"] = None
    return frame


def sites(rng: np.random.Generator, n: int = 300) -> pd.DataFrame:
    countries = rng.choice(["Iraq", "Syria", "Jordan", "Israel"], size=n, p=[0.5, 0.35, 0.05, 0.1])
    precision = rng.choice(["site", "city", "region"], size=n, p=[0.7, 0.2, 0.1])
    return pd.DataFrame({
        "site_id": [f"site_{i:04d}" for i in range(n)],
        "name_en": [f"Synthetic site {i:04d}" for i in range(n)],
        "name_ar": [f"موقع تجريبي {i:04d}" for i in range(n)],
        "kind": rng.choice(["us_base", "airport", "city", "faction_site", "port"], size=n),
        "country": countries,
        "lat": np.round(rng.uniform(29.5, 37.0, size=n), 4),
        "lon": np.round(rng.uniform(35.0, 48.0, size=n), 4),
        "coord_precision": precision,
        "coord_source": SYNTHETIC_URL,
        "notes": None,
    })


def periods() -> pd.DataFrame:
    rows, day, i = [], 0, 0
    kinds = ["escalation", "truce", "escalation", "pause", "escalation", "truce"]
    lengths = [40, 75, 60, 10, 90, 120]
    while day < DAYS:
        kind, length = kinds[i % len(kinds)], lengths[i % len(lengths)]
        start = START + pd.Timedelta(days=day)
        end = min(start + pd.Timedelta(days=length - 1), START + pd.Timedelta(days=DAYS - 1))
        rows.append(dict(period_id=f"SP{i:03d}", name_en=f"Synthetic {kind} {i}", name_ar=f"فترة تجريبية {i}", kind=kind,
                         start=start.date().isoformat(), end=end.date().isoformat(), parties="umb_a;us_forces",
                         description_en="Synthetic period.", description_ar="فترة تجريبية.", source_url=SYNTHETIC_URL, notes=None))
        day, i = day + length, i + 1
    rows[-1]["end"] = None  # the last one is still open
    return pd.DataFrame(rows)


def daily_weights(rng: np.random.Generator, period_frame: pd.DataFrame) -> np.ndarray:
    """Relative attack rate per day: high in escalations (with bursts), low in truces and pauses."""
    weights = np.ones(DAYS)
    for p in period_frame.itertuples():
        a = (pd.Timestamp(p.start) - START).days
        b = DAYS if pd.isna(p.end) else (pd.Timestamp(p.end) - START).days + 1
        weights[a:b] = {"escalation": 4.0, "truce": 0.3, "pause": 0.15}[p.kind]
    bursts = rng.gamma(shape=0.6, scale=1.0 / 0.6, size=DAYS)  # heavy-tailed day-to-day variation
    return weights * bursts / (weights * bursts).sum()


def incidents(rng: np.random.Generator, n: int, site_frame: pd.DataFrame, faction_frame: pd.DataFrame, weights: np.ndarray) -> pd.DataFrame:
    day = rng.choice(DAYS, size=n, p=weights)
    site_weights = 1.0 / np.arange(1, len(site_frame) + 1) ** 1.1  # a few big bases take most attacks
    site_idx = rng.choice(len(site_frame), size=n, p=site_weights / site_weights.sum())
    members = faction_frame[faction_frame["faction_id"].str.startswith(("fac_", "umb_"))]["faction_id"].to_numpy()
    event = rng.choice(["attack", "strike", "statement"], size=n, p=[0.85, 0.1, 0.05])
    actor = rng.choice(members, size=n)
    actor = np.where(event == "strike", "us_forces", actor)
    target = np.where(event == "strike", rng.choice(members, size=n), rng.choice(["us_forces", "coalition_forces", "israel", "shipping"], size=n, p=[0.7, 0.1, 0.15, 0.05]))
    claimed = np.where(rng.random(n) < 0.6, actor, None)
    precision = rng.choice(["day", "week", "month"], size=n, p=[0.92, 0.06, 0.02])
    dates = START + pd.to_timedelta(day, unit="D")
    dates = np.where(precision == "month", dates.to_period("M").to_timestamp(), dates)
    weapon = np.where(event == "statement", "none", np.where(event == "strike", "airstrike", rng.choice(["drone", "rocket", "missile", "mixed", "unknown"], size=n)))
    outcome = np.where(event == "statement", None, rng.choice(["intercepted", "no_damage", "damage", "casualties", "unknown"], size=n))
    killed = np.where(outcome == "casualties", rng.integers(0, 5, size=n).astype(str), None)
    ids = [f"S{i:07d}" for i in range(n)]
    sid = site_frame["site_id"].to_numpy()[site_idx]
    return pd.DataFrame({
        "incident_id": ids, "date": pd.DatetimeIndex(dates).strftime("%Y-%m-%d"), "date_precision": precision,
        "event_type": event, "weapon": weapon, "actor": actor, "claimed_by": claimed,
        "attribution": np.where(claimed == None, "officials", "claimed"),  # noqa: E711 - elementwise
        "target_actor": target, "site_id": np.where(event == "statement", None, sid), "outcome": outcome,
        "killed": killed, "injured": None,
        "verification": rng.choice(["confirmed", "claimed_only", "disputed"], size=n, p=[0.5, 0.45, 0.05]),
        "summary_en": [f"Synthetic {e} {i} at {s}" for i, e, s in zip(ids, event, sid)],
        "summary_ar": [f"حادثة تجريبية {i}" for i in ids],
        "milestone": None, "milestone_ar": None, "notes": None,
    })


def sources(rng: np.random.Generator, incident_ids: pd.Series) -> pd.DataFrame:
    repeats = rng.choice([1, 2, 3], size=len(incident_ids), p=[0.75, 0.2, 0.05])
    ids = np.repeat(incident_ids.to_numpy(), repeats)
    n = len(ids)
    return pd.DataFrame({
        "incident_id": ids, "url": [f"{SYNTHETIC_URL}/{i}" for i in range(n)],
        "outlet": rng.choice(["Wire A", "Local B", "Monitor C", "Claims D"], size=n), "published": None,
        "language": rng.choice(["en", "ar"], size=n), "kind": rng.choice(["wire", "local", "monitor", "faction_claim"], size=n),
    })


def reported_counts() -> pd.DataFrame:
    return pd.DataFrame([dict(as_of="2024-02-05", counter="Synthetic", metric="attacks_on_us_forces", window_start=START.date().isoformat(),
                              total=170, iraq=None, syria=None, country=None, note="synthetic", source_url=SYNTHETIC_URL)])


def generate(n: int, folder: Path, seed: int = 7) -> Path:
    """Write a complete, valid synthetic dataset of `n` incidents into `folder`."""
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    f, s, p = factions(), sites(rng), periods()
    inc = incidents(rng, n, s, f, daily_weights(rng, p))
    tables = {"incidents": inc, "sources": sources(rng, inc["incident_id"]), "sites": s, "factions": f,
              "periods": p, "reported_counts": reported_counts()}
    for name, frame in tables.items():
        frame.to_csv(folder / f"{name}.csv", index=False)
    (folder / "VERSION").write_text(f"synthetic-{n}\n", encoding="utf-8")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("n", type=int)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    print(generate(args.n, args.out or Path("bench/data") / f"synthetic-{args.n}"))


if __name__ == "__main__":
    main()
