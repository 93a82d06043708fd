# Two commands on a fresh machine with Python 3.10+ and make: `make demo`, `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: demo test bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

demo: $(VENV)/.installed
	$(VENV)/bin/minutes-nlp extract corpora --out out/meetings.jsonl --summary
	$(VENV)/bin/minutes-nlp evaluate --gold corpora/gold out/meetings.jsonl

test: $(VENV)/.installed
	$(PY) -m pytest -q

bench: $(VENV)/.installed
	$(PY) benchmarks/readers.py
	$(PY) benchmarks/nlp.py
	$(PY) benchmarks/batch.py --quick

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
