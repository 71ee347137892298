"""The project's own tests: a shared record of the fault matrix, printed at the end of the run."""

from __future__ import annotations

import pytest

MATRIX = pytest.StashKey[dict[str, tuple[list[str], float]]]()


@pytest.fixture(scope="session")
def fault_matrix(pytestconfig: pytest.Config) -> dict[str, tuple[list[str], float]]:
    """fault (or "clean") -> (finding ids of that run, wall seconds)."""
    return pytestconfig.stash.setdefault(MATRIX, {})


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    matrix = config.stash.get(MATRIX, {})
    if not matrix:
        return
    terminalreporter.section("fault matrix: faults switched on x finding ids reported")
    width = max(len(fault) for fault in matrix)
    for fault, (ids, seconds) in sorted(matrix.items()):
        terminalreporter.write_line(f"{fault:<{width}}  {seconds:6.1f} s  {', '.join(ids) or '(none)'}")
    total = sum(seconds for _, seconds in matrix.values())
    terminalreporter.write_line(f"{len(matrix)} runs, {total:.1f} s of suite wall time in all")
