# The two commands of the README, and what they stand on. Each target installs what is missing first.
VENV   := .venv
PY     := $(VENV)/bin/python
PYTEST := $(PY) -m pytest

.PHONY: setup test demo report bench clean

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

$(VENV)/.browser: $(VENV)/.installed
	$(PY) -m checkout_integrity._browser --install
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: $(VENV)/.browser node_modules/.installed

test: setup
	$(PYTEST) tests

demo: setup
	$(PY) -m checkout_integrity demo

report: setup
	$(PY) -m checkout_integrity report

bench: setup
	$(PY) bench/dwell.py

clean:
	rm -rf reports/allure-results reports/allure-report reports/evidence reports/findings.json
