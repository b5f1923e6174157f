# Two commands do all the set-up: `make run` (the app on the bundled dataset) and `make test` (every test).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: run test validate bench clean

run: $(VENV)/.runtime
	PYTHON=$(PY) PORT=$(PORT) ./scripts/serve.sh

test: $(VENV)/.dev
	./scripts/ensure_chromium.sh $(PY)
	$(PY) -m pip check
	$(PY) -m hudna.validate data/
	$(PY) -m pytest

validate: $(VENV)/.runtime
	$(PY) -m hudna.validate data/

bench: $(VENV)/.dev
	$(PY) -m bench.run_all

$(VENV)/.runtime: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $@

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis test-artifacts bench/out
