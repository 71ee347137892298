"""A small pytest-bdd project for pytester: journeys that break a promise without a browser or a site.

`gate_project` writes it; each test adds the feature file (with the tags it is about) and, where it
matters, a pyproject.toml with a policy, then runs pytest in a child process and reads what it wrote.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

STEPS = '''
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from pytest_bdd import given, scenarios, then

from checkout_integrity import Journey, Line, Money, Snapshot
from checkout_integrity._verdict import hold_to, judge

ROOM = Line("Classic Double, 2 nights", Money(Decimal("240.00"), "EUR"), "room")
FEE = Line("Service fee", Money(Decimal("19.00"), "EUR"), "fee")


@pytest.fixture
def journey(run_log, scenario_label):
    journey = Journey("Giulia Rossi")
    yield journey
    judge(journey, run_log, scenario_label)


def see(journey, step, *lines):
    total = sum((line.amount for line in lines), Money(Decimal("0.00"), "EUR"))
    journey.observe(Snapshot(step, datetime.now(UTC), lines=lines, amounts={"total": total}))


@given("a fee appears only at payment")
def fee_at_payment(journey):
    see(journey, "cart", ROOM)
    see(journey, "payment", ROOM, FEE)


@given("every fee is shown from the cart on")
def fees_from_the_start(journey):
    see(journey, "cart", ROOM, FEE)
    see(journey, "payment", ROOM, FEE)


def attempt(counter: str) -> int:
    """Which time this step runs in this project: a counter file survives pytest-rerunfailures' retries."""
    path = Path(counter)
    count = int(path.read_text()) + 1 if path.exists() else 1
    path.write_text(str(count))
    return count


@given("the shop adds a fee at payment the first time only")
def fee_the_first_time(journey):
    if attempt("fee-attempts") == 1:
        fee_at_payment(journey)
    else:
        fees_from_the_start(journey)


@given("the shop does not answer the first time")
def silent_the_first_time(journey):
    if attempt("answer-attempts") == 1:
        raise TimeoutError("the shop did not answer within 30 s")
    fees_from_the_start(journey)


@then("no fee appeared only at the last step")
def no_late_fee(journey, run_log, scenario_label):
    hold_to(journey, run_log, scenario_label, "hidden-fee")


@then("the lines add up to the total")
def lines_add_up(journey, run_log, scenario_label):
    hold_to(journey, run_log, scenario_label, "total-mismatch")


scenarios("features")
'''


@dataclass(frozen=True)
class GateRun:
    """What a child pytest run of the small project did and wrote."""

    result: pytest.RunResult
    reports: Path

    @property
    def findings(self) -> list[dict[str, Any]]:
        return list(self._written()["findings"])

    @property
    def run(self) -> dict[str, Any]:
        """findings.json's facts of the run (seed, scenarios walked, flaky ones)."""
        return dict(self._written()["run"])

    def _written(self) -> dict[str, Any]:
        return dict(json.loads((self.reports / "findings.json").read_text(encoding="utf-8")))

    def allure_results(self) -> list[dict[str, Any]]:
        files = (self.reports / "allure-results").glob("*-result.json")
        return [json.loads(path.read_text(encoding="utf-8")) for path in files]


RunGate = Callable[..., GateRun]


@pytest.fixture
def gate_project(pytester: pytest.Pytester) -> RunGate:
    """`gate_project(feature_text, policy="", *options)`: write the project and run it."""
    pytester.makepyfile(test_steps=STEPS)

    def run(feature: str, policy: str = "", *options: str) -> GateRun:
        (pytester.path / "features").mkdir(exist_ok=True)
        (pytester.path / "features" / "fees.feature").write_text(textwrap.dedent(feature), encoding="utf-8")
        if policy:
            pytester.makefile(".toml", pyproject=textwrap.dedent(policy))
        result = pytester.runpytest_subprocess("-p", "no:cacheprovider", *options)
        return GateRun(result, pytester.path / "reports")

    return run
