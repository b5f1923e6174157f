#!/usr/bin/env bash
# Make sure the browser tests have a Chromium: Debian's where possible, else Playwright's own download.
set -euo pipefail
if [ -n "${HUDNA_CHROMIUM:-}" ] && [ -x "$HUDNA_CHROMIUM" ]; then exit 0; fi
if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then exit 0; fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  echo "Installing Debian's chromium for the browser tests…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
if command -v apt-get >/dev/null 2>&1 && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "No system Chromium; installing Playwright's own Chromium…"
"${1:-.venv/bin/python}" -m playwright install chromium
