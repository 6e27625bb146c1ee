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

# The bench's conversations (timed against bare Whisper), then every other dialogue set, scores only.
bench: $(STAMP) system-deps
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python bench/run.py --repeat 3 --json bench/out/results.json
	for set in $$($(BIN)/python -c 'from bench.conversations import OTHER_DIALOGUE_SETS as s; print(*s)'); do \
		$(BIN)/python bench/run.py --set $$set --no-baseline --no-real --json bench/out/results-$$set.json || exit 1; \
	done

clean:
	rm -rf $(VENV) .coach-demo bench/out test-artifacts
