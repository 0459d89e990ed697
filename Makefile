# Two commands do all the set-up on a fresh machine (Python 3.11+ and pip):
#   make play   - create/update .venv, install the game, start it
#   make test   - create/update .venv, install the game and its test tools, run the whole suite
# Anything after ARGS= goes to the game, e.g.  make play ARGS="play incursion-2016 --blue operational"

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
ARGS   ?= play

.PHONY: play test bench clean

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

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q -n 2 --dist loadfile tests

bench: $(VENV)/.installed-test
	for b in benchmarks/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
