"""Browser test harness: one `streamlit run` per module on a fixed local port, driven by Playwright in Chromium."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT

ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]


def chromium_path() -> str | None:
    """Debian's Chromium where installed (CI, offline machines); None means Playwright's own browser."""
    for candidate in (os.environ.get("HUDNA_CHROMIUM"), shutil.which("chromium"), "/usr/bin/chromium"):
        if candidate and Path(candidate).exists():
            return candidate
    return None


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        path = chromium_path()
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS) if path else p.chromium.launch(args=CHROMIUM_ARGS)
        yield b
        b.close()


def start_server(port: int, data_dir: Path, extra_env: dict | None = None) -> subprocess.Popen:
    """`streamlit run app.py` on `port` over `data_dir`, warmed up; its output goes to test-artifacts/server-<port>.log
    (a file, not a pipe nobody reads: a full pipe would block the server's logging)."""
    env = dict(os.environ, HUDNA_DATA_DIR=str(data_dir), **(extra_env or {}))
    cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port),
           "--server.headless", "true", "--server.fileWatcherType", "none"]
    ARTIFACTS.mkdir(exist_ok=True)
    log = ARTIFACTS / f"server-{port}.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    # Run app.py once, as scripts/serve.sh does, so deep links work from the first page opened.
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/script-health-check", timeout=120).close()
                    return proc
        except OSError:
            time.sleep(0.3)
        if proc.poll() is not None:
            break
    proc.kill()
    raise RuntimeError(f"streamlit did not start on port {port}:\n{log.read_text(errors='replace')}")


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def server(request):
    """Base URL of a server for this module; modules set PORT and DATA_DIR."""
    port = getattr(request.module, "PORT")
    data_dir = getattr(request.module, "DATA_DIR", ROOT / "data")
    proc = start_server(port, data_dir)
    yield f"http://127.0.0.1:{port}"
    stop_server(proc)


class PageWatch:
    """A page plus the console errors and page errors seen while it ran."""

    def __init__(self, page):
        self.page = page
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.bad_responses: list[str] = []
        self.failed_requests: list[str] = []
        page.on("console", self._on_console)
        page.on("pageerror", lambda e: self.page_errors.append(str(e)))
        page.on("response", self._on_response)
        page.on("requestfailed", lambda r: self.failed_requests.append(r.url))

    def _on_console(self, message) -> None:
        # A failed load is reported with its URL by the response/requestfailed handlers instead.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.console_errors.append(message.text)

    def _on_response(self, response) -> None:
        # On a deep link Streamlit's frontend probes <path>/_stcore/... to find its base path; a 404 there is expected.
        if response.status >= 400 and not re.search(r"/[^/]+/_stcore/(health|host-config)$", response.url):
            self.bad_responses.append(f"{response.status} {response.url}")

    def assert_clean(self) -> None:
        assert self.page.locator('[data-testid="stException"]').count() == 0, "an exception box is shown"
        assert self.page_errors == [], self.page_errors
        assert self.console_errors == [], self.console_errors
        assert self.bad_responses == [], self.bad_responses
        assert self.failed_requests == [], f"requests that failed (external assets?): {self.failed_requests}"

    def open(self, url: str) -> None:
        self.page.goto(url)
        self.settle()

    def settle(self, timeout_ms: int = 30000) -> None:
        """Wait until Streamlit has rendered the main block and is no longer running the script."""
        self.page.wait_for_selector('[data-testid="stMainBlockContainer"] h1', timeout=timeout_ms)
        # The same signal Streamlit's own end-to-end tests wait for: the script run has finished
        # (stApp's data-test-script-state) and nothing is still drawn as a loading skeleton.
        self.page.wait_for_function(
            "() => document.querySelector('[data-testid=\"stApp\"][data-test-script-state=\"notRunning\"]')"
            " && !document.querySelector('[data-testid^=\"stSkeleton\"]')",
            timeout=timeout_ms,
        )
        self.page.wait_for_timeout(500)

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path


@pytest.fixture
def watch(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    yield PageWatch(context.new_page())
    context.close()
