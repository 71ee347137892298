# The two commands of the README, and what they stand on. Each target installs what is missing first.
VENV   := .venv
PY     := $(VENV)/bin/python
PYTEST := $(PY) -m pytest

.PHONY: setup types test matrix demo report bench soak lock clean

# Every dependency from the lock, each file checked against its hash; then the project itself, editable,
# built by the locked setuptools (no build isolation, so nothing unpinned is fetched).
$(VENV)/.installed: pyproject.toml requirements.lock
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(PY) -m pip check || { echo "requirements.lock is behind pyproject.toml: run 'make lock'"; exit 1; }
	touch $@

$(VENV)/.browser: $(VENV)/.installed
	$(PY) -m checkout_integrity._browser --install
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: $(VENV)/.browser node_modules/.installed

# The project's tests, two at a time. The fault matrix runs, per target and in one run, every scenario clean
# and each fault on its own scenarios; `make matrix` runs every scenario with every fault.
# The project's own runs write their reports to reports/tests/, so they leave `make demo`'s report alone.
test: types
	$(PYTEST) tests -n 2 --reports=reports/tests

# strict mypy over every file of the project (pyproject.toml lists them), before the tests.
types: setup
	$(PY) -m mypy

matrix: setup
	FAULT_MATRIX=full $(PYTEST) tests/suite/test_fault_matrix.py -n 2 --reports=reports/tests

demo: setup
	$(PY) -m checkout_integrity demo

report: setup
	$(PY) -m checkout_integrity report

bench: setup
	$(PY) bench/dwell.py
	$(PY) bench/load.py
	$(PY) bench/overhead.py
	$(PY) bench/suite_speed.py --matrix

soak: setup
	$(PY) bench/soak.py

# Re-pin after changing pyproject.toml's dependencies: every package at one version, with its hashes.
lock: $(VENV)/.installed
	$(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --extra dev --strip-extras \
		--no-emit-index-url --no-emit-find-links --no-emit-trusted-host --build-deps-for editable \
		--output-file requirements.lock pyproject.toml

clean:
	rm -rf reports/allure-results reports/allure-report reports/evidence reports/findings.json
