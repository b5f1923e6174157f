"""Load: N concurrent browser sessions change filters and pages on one local server for a while.

Prints errors seen, server memory (RSS) before/after and its growth, and p50/p95 seconds from a
filter change (or page switch) until the app has finished re-rendering.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import subprocess
from collections import Counter
import sys
import time
from pathlib import Path

from tests.browser.conftest import CHROMIUM_ARGS, chromium_path, start_server

ROOT = Path(__file__).resolve().parent.parent
SETTLED = ("() => document.querySelector('[data-testid=\"stApp\"][data-test-script-state=\"notRunning\"]')"
           " && !document.querySelector('[data-testid^=\"stSkeleton\"]')")
# Poll for "settled" every 100 ms, not on every animation frame (Playwright's default): 20 pages asking for frames
# at 60 fps keep headless Chromium's software compositor busy on both cores and the bench measures itself.
POLL_MS = 100
PAGES = ["Overview", "Timeline", "Map", "Truces", "Incidents", "Data"]
QUERIES = ["Asad", "drone", "Tanf", "عين الأسد", "Erbil", "rocket", "Conoco", ""]


def cpu_seconds(pid: int) -> float:
    """User + system CPU time the process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def machine_busy_seconds() -> float:
    """CPU time all cores have spent busy (not idle or waiting) since boot, from /proc/stat."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    return (sum(values[:8]) - values[3] - values[4]) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def session(browser, base: str, seconds: float, seed: int, timings: list, errors: list, by_action: dict) -> None:
    rng = random.Random(seed)
    # Reduced motion: Streamlit's running/fade animations in twenty tabs on two cores would cost the server its CPU.
    context = await browser.new_context(viewport={"width": 1280, "height": 900}, reduced_motion="reduce")
    page = await context.new_page()
    page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
    page.on("console", lambda m: errors.append(f"console: {m.text}") if m.type == "error" and "Failed to load resource" not in m.text else None)
    try:  # twenty first loads at once on two cores take a while: allow as long as any later action
        await page.goto(base + "/", timeout=120_000)
        await page.wait_for_function(SETTLED, polling=POLL_MS, timeout=120_000)
    except Exception as exc:  # noqa: BLE001 - reported, not raised
        errors.append(f"first load: {type(exc).__name__}")
        await context.close()
        return
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        t0 = time.monotonic()
        action = ""
        try:
            if rng.random() < 0.6:
                action = "search on " + (page.url.split("?")[0].rsplit("/", 1)[-1] or "overview")
                box = page.get_by_label("Search (English or Arabic)")
                await box.fill(rng.choice(QUERIES))
                await box.press("Enter")
            else:
                target = rng.choice(PAGES)
                action = "open " + target
                await page.locator('[data-testid="stSidebarNav"]').get_by_text(target, exact=True).click()
            await page.wait_for_timeout(50)  # let the rerun start before waiting for it to finish
            await page.wait_for_function(SETTLED, polling=POLL_MS, timeout=120_000)
            timings.append(time.monotonic() - t0)
            by_action.setdefault(action, []).append(timings[-1])
            if await page.locator('[data-testid="stException"]').count():
                errors.append("exception box shown")
        except Exception as exc:  # noqa: BLE001 - a benchmark reports failures, it does not stop on them
            stuck = await page.evaluate("() => [...document.querySelectorAll('[data-testid^=\"stSkeleton\"]')].length + ' skeletons, state ' + document.querySelector('[data-testid=\"stApp\"]')?.dataset.testScriptState")
            errors.append(f"{action}: {type(exc).__name__} ({stuck})")
    await context.close()


async def run(sessions: int, seconds: float, data_dir: Path, port: int) -> None:
    from playwright.async_api import async_playwright

    server = start_server(port, data_dir)
    base = f"http://127.0.0.1:{port}"
    try:
        rss_start, cpu_start, wall_start = rss_mb(server.pid), cpu_seconds(server.pid), time.monotonic()
        busy_start = machine_busy_seconds()
        timings, errors, by_action = [], [], {}
        async with async_playwright() as p:
            path = chromium_path()
            browser = await (p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS) if path else p.chromium.launch(args=CHROMIUM_ARGS))
            await asyncio.gather(*(session(browser, base, seconds, i, timings, errors, by_action) for i in range(sessions)))
            await browser.close()
        rss_end, cpu_used, wall = rss_mb(server.pid), cpu_seconds(server.pid) - cpu_start, time.monotonic() - wall_start
        busy = machine_busy_seconds() - busy_start
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:  # a server still busy with closed sessions is stopped the hard way
            server.kill()
    q = statistics.quantiles(timings, n=20) if len(timings) >= 20 else [float("nan")] * 19
    print(f"{sessions} sessions x {seconds:.0f} s on {data_dir.name}: {len(timings)} actions, {len(errors)} errors")
    print(f"change -> rendered: p50 {statistics.median(timings):.2f} s, p95 {q[18]:.2f} s, max {max(timings):.2f} s")
    print(f"server RSS: {rss_start:.0f} MB -> {rss_end:.0f} MB (growth {rss_end - rss_start:+.0f} MB)")
    print(f"server CPU: {cpu_used:.0f} s in {wall:.0f} s ({cpu_used / wall:.0%} of one core), "
          f"{cpu_used / max(len(timings), 1) * 1000:.0f} ms per action")
    # The browsers run on the same cores: when the machine is busy and the server is not, the times above are
    # the browsers' rendering, not the server's work.
    print(f"machine CPU: {busy:.0f} s busy of {wall * os.cpu_count():.0f} s on {os.cpu_count()} cores "
          f"({busy / (wall * os.cpu_count()):.0%}); the browsers and Playwright: {busy - cpu_used:.0f} s")
    for action, seconds_taken in sorted(by_action.items()):
        print(f"  {action:<24} x{len(seconds_taken):<4} p50 {statistics.median(seconds_taken):6.2f} s"
              f"  max {max(seconds_taken):6.2f} s")
    for e, n in Counter(errors).most_common(10):
        print(f"  error x{n}:", e)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--port", type=int, default=8690)
    args = parser.parse_args()
    asyncio.run(run(args.sessions, args.seconds, args.data, args.port))
