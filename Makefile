# The README's two commands: `make site` and `make test`. Both set up .venv first.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: setup check site publish serve test lint schema clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

check: setup
	$(PY) -m generator check

# Builds beside site/ and swaps it in: a failed or interrupted build leaves site/ as it was.
site: check
	$(PY) -m generator build

# The same build for publishing: refuses a preview address (SITE_URL must be the public one).
publish: check
	$(PY) -m generator build --cong-khai

serve: setup
	$(VENV)/bin/mkdocs serve

schema: setup
	$(PY) -m generator schema

lint: setup
	$(VENV)/bin/ruff check generator tests bench
	$(VENV)/bin/ruff format --check generator tests bench

test: setup
	$(PY) -m pytest

clean:
	rm -rf $(VENV) site .pytest_cache .ruff_cache .hypothesis test-artifacts
