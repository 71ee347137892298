"""The fault matrix's clean runs, the longest of the project's tests, start first: two workers then
finish together instead of one running a whole suite alone at the end."""

from __future__ import annotations

import pytest

CLEAN_RUNS = "tests/suite/test_fault_matrix.py::test_a_clean_site_breaks_no_promise"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=lambda item: not item.nodeid.startswith(CLEAN_RUNS))
