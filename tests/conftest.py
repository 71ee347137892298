"""The project's own tests: the fault matrix's rows, printed as one table at the end of the run.

Each matrix cell writes its row to a file in the session's temporary folder, so the table is whole
under pytest-xdist too (the workers' folders sit inside the controller's).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest


class FaultMatrix:
    """Rows of the fault matrix: which finding ids the tests of a cell reported, and their seconds."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def __setitem__(self, cell: str, row: tuple[list[str], float]) -> None:
        (self.folder / f"{cell.replace(' ', '_')}.json").write_text(json.dumps([cell, *row]), encoding="utf-8")

    def rows(self) -> list[tuple[str, list[str], float]]:
        return sorted(tuple(json.loads(path.read_text(encoding="utf-8"))) for path in self.folder.rglob("*.json"))


def matrix_folder(config: pytest.Config) -> Path:
    """The controller's temporary folder (a worker's is inside it) holds the matrix rows."""
    base: Path = config._tmp_path_factory.getbasetemp()  # type: ignore[attr-defined]
    controller = base.parent if hasattr(config, "workerinput") else base
    return controller / "fault-matrix"


@pytest.fixture(scope="session")
def fault_matrix(pytestconfig: pytest.Config) -> FaultMatrix:
    """cell ("<target> <fault>" or "<target> clean") -> (finding ids its tests reported, their seconds)."""
    return FaultMatrix(matrix_folder(pytestconfig))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    folder = matrix_folder(config)
    rows = FaultMatrix(folder).rows() if folder.exists() else []
    if not rows:
        return
    terminalreporter.section("fault matrix: faults switched on x finding ids reported")
    width = max(len(cell) for cell, _, _ in rows)
    for cell, ids, seconds in rows:
        terminalreporter.write_line(f"{cell:<{width}}  {seconds:6.1f} s  {', '.join(ids) or '(none)'}")
    total = sum(seconds for _, _, seconds in rows)
    terminalreporter.write_line(f"{len(rows)} cells, {total:.1f} s of scenario time in all")
