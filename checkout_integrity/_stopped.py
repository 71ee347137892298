"""Scenarios that stopped on an error before their promises were checked: a page that never came, a key of
the profile that found nothing, a crash. They fail the run but leave no finding, so the run names them
apart, in the terminal under the gate's verdict and in findings.json's `run.stopped`: "no broken promises
found" is never read as "all promises kept".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pytest

INDENT = "    "


@dataclass(frozen=True)
class StoppedScenario:
    """A test whose last attempt stopped on `error` in its `when` phase (setup or call)."""

    test: str
    scenario: str
    when: str
    error: str

    def to_dict(self) -> dict[str, Any]:
        return {"test": self.test, "scenario": self.scenario, "when": self.when, "error": self.error}

    @classmethod
    def from_dict(cls, entry: Mapping[str, Any]) -> StoppedScenario:
        return cls(entry["test"], entry["scenario"], entry["when"], entry["error"])


def stopped_on(report: pytest.TestReport) -> str:
    """The error a failed test stopped on, as pytest's short summary names it, first line only."""
    crash = getattr(report.longrepr, "reprcrash", None)
    message = crash.message if crash is not None else report.longreprtext
    return str(message).strip().partition("\n")[0]


def stopped_lines(stopped: Sequence[StoppedScenario]) -> list[str]:
    """The terminal's word on them: how many, then each test and its error."""
    if not stopped:
        return []
    count = f"{len(stopped)} scenario{'' if len(stopped) == 1 else 's'}"
    return [
        f"not checked: {count} stopped on an error before {'its' if len(stopped) == 1 else 'their'} promises were "
        "checked (the failures above say where)",
        *(f"{INDENT}{scenario.test}: {scenario.error}" for scenario in stopped),
    ]


def ended(report: pytest.TestReport, scenario: str) -> StoppedScenario | None:
    """How an attempt's setup or call ended: stopped on an error when it failed, else None."""
    return StoppedScenario(report.nodeid, scenario, report.when, stopped_on(report)) if report.failed else None
