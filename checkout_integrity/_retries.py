"""Scenarios retried by pytest-rerunfailures (`--reruns N`): a scenario that passes only on a later
attempt is flaky, and the run says so instead of counting it as passed.

A retry cannot wash a broken promise away: the findings of every attempt stay in the run and face the
gate. Each attempt keeps its own evidence folder, so the failed attempt's screenshots outlive the retry.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pytest


def attempt(item: pytest.Item) -> int:
    """Which attempt at the test this is: 1, then 2 and on while pytest-rerunfailures retries it."""
    return int(getattr(item, "execution_count", 1))


@dataclass(frozen=True)
class FlakyScenario:
    """A scenario that failed, was retried, and passed on attempt `passed_on`."""

    test: str
    scenario: str
    passed_on: int

    def to_dict(self) -> dict[str, Any]:
        return {"test": self.test, "scenario": self.scenario, "passed_on": self.passed_on}

    @classmethod
    def from_dict(cls, entry: Mapping[str, Any]) -> FlakyScenario:
        return cls(entry["test"], entry["scenario"], entry["passed_on"])

    def line(self) -> str:
        return f"{self.scenario} (passed on attempt {self.passed_on}; {self.test})"


def flaky_lines(flaky: list[FlakyScenario]) -> list[str]:
    """The terminal's word on flaky scenarios: which, and that they are not passes."""
    if not flaky:
        return []
    count = f"{len(flaky)} scenario{'' if len(flaky) == 1 else 's'}"
    return [
        f"flaky, not passed: {count} passed only when retried; the failed attempts are in the report",
        *(f"    {scenario.line()}" for scenario in flaky),
        "    find the cause rather than retry; pytest-rerunfailures' --fail-on-flaky fails the run on them",
    ]
