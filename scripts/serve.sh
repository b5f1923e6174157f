#!/bin/sh
# Serve Hudna and warm it up once, so the first visitor's deep link (e.g. /data) opens without
# Streamlit's legacy "Page not found" note (see the comment in app.py). Extra arguments go to streamlit.
set -eu
PYTHON="${PYTHON:-python}"
PORT="${PORT:-8501}"
"$PYTHON" -m streamlit run app.py --server.port "$PORT" "$@" &
pid=$!
trap 'kill "$pid" 2>/dev/null' INT TERM
"$PYTHON" - "$PORT" <<'PY'
import sys, time, urllib.request
url = f"http://127.0.0.1:{sys.argv[1]}/_stcore/script-health-check"
for _ in range(120):
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            if response.status == 200:
                print(f"Hudna is ready on port {sys.argv[1]}.", flush=True)
                break
    except OSError:
        time.sleep(0.5)
PY
wait "$pid"
