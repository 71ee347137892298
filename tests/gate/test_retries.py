"""Retries by pytest-rerunfailures: a scenario that passes only when retried is reported flaky (terminal,
findings.json, Allure's flaky flag), and a retry never washes away the broken promise of a failed attempt."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree

import pytest

from checkout_integrity._report import build_html_report
from tests.gate.conftest import GateRun, RunGate
from tests.gate.test_gate import HIDDEN_FEE

SILENT_FIRST = """\
    Feature: The shop answers
      Scenario: the shop is slow to wake
        Given the shop does not answer the first time
        Then no fee appeared only at the last step
"""

FEE_FIRST = """\
    Feature: Fees are shown up front
      Scenario: a fee appears now and then
        Given the shop adds a fee at payment the first time only
        Then no fee appeared only at the last step
"""

FAIR = """\
    Feature: Fees are shown up front
      Scenario: every fee is shown
        Given every fee is shown from the cart on
        Then no fee appeared only at the last step
"""


def outcomes(run: GateRun) -> dict[str, int]:
    """pytest's closing counts (pytester's assert_outcomes knows no reruns), warnings left out."""
    return {outcome: count for outcome, count in run.result.parseoutcomes().items() if not outcome.startswith("warning")}


@pytest.mark.parametrize("workers", [[], ["-n", "2"]], ids=["one process", "two workers"])
def test_a_scenario_that_passes_only_when_retried_is_flaky_not_passed(gate_project: RunGate, workers: list[str]) -> None:
    run = gate_project(SILENT_FIRST, "", "--reruns=1", *workers)
    assert run.result.ret == pytest.ExitCode.OK  # no broken promise: the gate passes, and says the scenario is flaky
    assert outcomes(run) == {"passed": 1, "rerun": 1}
    run.result.stdout.fnmatch_lines(
        [
            "no broken promises found in 1 scenario; gate passes*",
            "flaky, not passed: 1 scenario passed only when retried; the failed attempts are in the report",
            "    the shop is slow to wake (passed on attempt 2; test_steps.py::test_the_shop_is_slow_to_wake)",
        ]
    )
    assert run.run["scenarios"] == 1
    (flaky,) = run.run["flaky"]
    assert (flaky["scenario"], flaky["passed_on"]) == ("the shop is slow to wake", 2)
    attempts = sorted(run.allure_results(), key=lambda result: result["start"])
    assert [result["status"] for result in attempts] == ["broken", "passed"]
    assert "did not answer" in attempts[0]["statusDetails"]["message"]
    assert attempts[1]["statusDetails"]["flaky"] is True
    assert {"name": "tag", "value": "flaky"} in attempts[1]["labels"]
    junit = ElementTree.parse(run.reports / "junit.xml").getroot()
    assert [(prop.get("name"), prop.get("value")) for prop in junit.iter("property")] == [
        ("flaky", "passed only on attempt 2")
    ]


def test_a_retry_does_not_wash_away_a_broken_promise(gate_project: RunGate) -> None:
    run = gate_project(FEE_FIRST, "", "--reruns=1")
    assert run.result.ret == pytest.ExitCode.TESTS_FAILED
    assert outcomes(run) == {"passed": 1, "rerun": 1}
    run.result.stdout.fnmatch_lines(
        [
            "hidden-fee*critical*fails the gate*a fee appears now and then",
            "gate fails (fail_on critical, major): 1 of 1 finding(s) fail it",
            "flaky, not passed: 1 scenario passed only when retried*",
        ]
    )
    assert [finding["id"] for finding in run.findings] == ["hidden-fee"]
    assert [flaky["scenario"] for flaky in run.run["flaky"]] == ["a fee appears now and then"]


def test_a_scenario_that_fails_every_attempt_is_failed_not_flaky(gate_project: RunGate) -> None:
    run = gate_project(HIDDEN_FEE, "", "--reruns=1")
    assert run.result.ret == pytest.ExitCode.TESTS_FAILED
    assert outcomes(run) == {"failed": 1, "rerun": 1}
    assert "flaky, not passed" not in run.result.stdout.str()
    assert run.run["flaky"] == [] and run.run["scenarios"] == 1
    assert [finding["id"] for finding in run.findings] == ["hidden-fee"]  # once, though both attempts found it


def test_a_scenario_that_passes_at_once_is_not_flaky(gate_project: RunGate) -> None:
    run = gate_project(FAIR, "", "--reruns=1")
    assert run.result.ret == pytest.ExitCode.OK
    run.result.assert_outcomes(passed=1)
    assert "flaky, not passed" not in run.result.stdout.str()
    assert run.run["flaky"] == []
    (result,) = run.allure_results()
    assert not (result.get("statusDetails") or {}).get("flaky")


def test_fail_on_flaky_fails_the_run_on_a_flaky_scenario(gate_project: RunGate) -> None:
    run = gate_project(SILENT_FIRST, "", "--reruns=1", "--fail-on-flaky")
    assert run.result.ret == 7  # pytest-rerunfailures' exit code for a flaky run
    run.result.stdout.fnmatch_lines(["flaky, not passed: 1 scenario passed only when retried*"])


def test_the_html_report_counts_the_flaky_scenario(gate_project: RunGate) -> None:
    run = gate_project(SILENT_FIRST, "", "--reruns=1")
    built = build_html_report(run.reports)
    summary = json.loads((built.index.parent / "summary.json").read_text(encoding="utf-8"))
    assert (summary["stats"]["flaky"], summary["stats"]["retries"]) == (1, 1), summary
