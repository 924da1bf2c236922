# Two commands do everything on a fresh machine:  make demo   and   make test
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

EXTRAS := $(VENV)/.installed-extras

.PHONY: install extras demo test test-fast browser eval bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The optional backends (PostgreSQL driver, Ray) so their tests run in CI; not needed for the default.
extras: $(EXTRAS)

$(EXTRAS): $(STAMP) pyproject.toml
	$(PY) -m pip install --quiet -e '.[test,postgres,ray]'
	touch $(EXTRAS)

# Browser tests drive Debian's Chromium through Playwright; never a browser download.
# Without root or sudo this step only warns: tests/test_browser.py skips without chromium.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  elif command -v sudo >/dev/null 2>&1; then sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else false; fi; } || echo "chromium not installed: browser tests will be skipped"

demo: install
	$(VENV)/bin/storyledger demo

# .ci/with-postgres starts a private PostgreSQL server for the ledger tests and stops it after.
test: install extras browser
	.ci/with-postgres $(PY) -m pytest -q

test-fast: install
	$(PY) -m pytest -q -m "not browser and not slow"

eval: install
	$(PY) eval/run_all.py

clean:
	rm -rf $(VENV) build .pytest_cache
