# Two commands on a fresh machine with Python 3.11+:  make demo  and  make test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SAMPLE := coach/samples/practice-two-mic.flac
DEMO_HOME ?= $(CURDIR)/.coach-demo

.PHONY: demo test bench install system-deps clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

## Analyse the bundled practice conversation, print the feedback, then show it on the local page
## (Ctrl-C stops the page; DEMO_SERVE=0 skips it).
DEMO_SERVE ?= 1
demo: $(STAMP)
	rm -rf $(DEMO_HOME)
	COACH_HOME=$(DEMO_HOME) $(BIN)/coach analyze $(SAMPLE) --listener second
	@if [ "$(DEMO_SERVE)" = 1 ]; then COACH_HOME=$(DEMO_HOME) $(BIN)/coach serve; fi

## Everything the tests need (system packages for the recording and browser tests where we may
## install them), then the whole suite.
test: $(STAMP) system-deps
	$(BIN)/python -m pytest -rs

system-deps:
	@sh scripts/system-deps.sh

bench: $(STAMP) system-deps
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python bench/run.py --repeat 3 --json bench/out/results.json
	$(BIN)/python bench/run.py --set fresh --no-baseline --no-real --json bench/out/results-fresh.json
	$(BIN)/python bench/run.py --set fresh2 --no-baseline --no-real --json bench/out/results-fresh2.json
	$(BIN)/python bench/run.py --set fresh3 --no-baseline --no-real --json bench/out/results-fresh3.json
	$(BIN)/python bench/run.py --set fresh4 --no-baseline --no-real --json bench/out/results-fresh4.json
	$(BIN)/python bench/run.py --set fresh5 --no-baseline --no-real --json bench/out/results-fresh5.json
	$(BIN)/python bench/run.py --set heldout --no-baseline --no-real --json bench/out/results-heldout.json

clean:
	rm -rf $(VENV) .coach-demo bench/out test-artifacts
