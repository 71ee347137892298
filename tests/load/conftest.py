"""The demo site under load: the site as its own process on a database file, and the figures each load
test reports, printed at the end of the run whatever the capture mode."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

from tests.load.site_process import SiteProcess

FIGURES = pytest.StashKey[list[str]]()


@pytest.fixture
def site_process(tmp_path: Path) -> Iterator[Callable[..., SiteProcess]]:
    """`site_process(*faults)` starts `python -m demo_hotel` on `tmp_path/hotel.sqlite3`; all stop after the test."""
    with ExitStack() as stack:

        def start(*faults: str) -> SiteProcess:
            return stack.enter_context(SiteProcess(tmp_path / "hotel.sqlite3", faults))

        yield start


@pytest.fixture
def load_figures(pytestconfig: pytest.Config) -> list[str]:
    """Lines of figures ("clean: 50 customers, 3 bookings, ...") for the terminal summary."""
    return pytestconfig.stash.setdefault(FIGURES, [])


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    figures = config.stash.get(FIGURES, [])
    if figures:
        terminalreporter.section("the demo site under load")
        for line in figures:
            terminalreporter.write_line(line)
