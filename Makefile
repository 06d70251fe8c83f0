# The README's two commands: `make site` and `make test`. Each sets up .venv with what it needs:
# building installs only the runtime dependencies; testing adds the test tools. Versions are pinned
# in constraints.txt. Messages are in Vietnamese: ward staff read them.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV ?= .venv
PY := $(VENV)/bin/python
SITE_DIR ?= site
PORT ?= 8000
PIP := $(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt
RUNTIME := $(VENV)/.cai-dat-dung-trang
DEV := $(VENV)/.cai-dat-kiem-thu

.PHONY: setup setup-dev check site publish xem serve test lint schema clean

# A staff command that fails has already said why, in Vietnamese: make's own "make: *** … Error 1"
# line would only add English noise. On failure the recipe ends make quietly (exit status 130):
# SIGINT to make while the recipe's shell still runs is the one way GNU make stops without a word.
STOP = trap "" INT; kill -INT $$PPID; sleep 1
QUIET = || { $(STOP); }

# A Python too old, or a Debian without python3-venv, gets a sentence instead of pip's traceback.
$(RUNTIME): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || \
		{ echo "Cần Python 3.11 trở lên ($(PYTHON) là: $$($(PYTHON) --version 2>&1))."; $(STOP); }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || \
		{ echo "Không tạo được $(VENV). Trên Debian/Ubuntu: sudo apt-get install python3-venv"; $(STOP); }
	@echo "Cài các gói để dựng trang vào $(VENV) (lần đầu mất một đến vài phút)…"
	$(PIP) -e .
	@touch $@

$(DEV): $(RUNTIME)
	@echo "Cài thêm các công cụ kiểm thử vào $(VENV)…"
	$(PIP) -e '.[dev]'
	@touch $@

setup: $(RUNTIME)

setup-dev: $(DEV)

# Every problem, one per line.
check: setup
	@$(PY) -m generator check $(QUIET)

# Builds beside site/ and swaps it in: a failed or interrupted build leaves site/ as it was. The
# build checks the catalog itself: errors stop it and are printed in full, warnings are summed up.
site: setup
	@$(PY) -m generator build --site-dir $(SITE_DIR) $(QUIET)

# The same build for publishing: refuses a preview address (SITE_URL must be the public one) and a
# catalog whose review date is older than district.yaml allows (cong_bo.han_ra_soat, 180 days).
publish: setup
	@$(PY) -m generator build --cong-khai --site-dir $(SITE_DIR) $(QUIET)

# Serves the built site/ on this computer only, as a web server would (no rebuild).
xem: setup
	@$(PY) -m generator xem --site-dir $(SITE_DIR) --port $(PORT) $(QUIET)

# The editors' live preview: rebuilds on every save; a catalog error shows as the page itself.
serve: setup
	@$(PY) -m generator serve --port $(PORT) $(QUIET)

schema: setup
	@$(PY) -m generator schema $(QUIET)

lint: setup-dev
	$(VENV)/bin/ruff check generator tests bench
	$(VENV)/bin/ruff format --check generator tests bench

test: setup-dev
	$(PY) -m pytest

clean:
	rm -rf $(VENV) site .pytest_cache .ruff_cache .hypothesis test-artifacts
