"""The soak's judge: which runs of the suite were expected, and what it keeps of those that were not."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bench.soak import first_failing_line, judge, keep
from tests.suite.running import SuiteRun

CLOSING_CLEAN = "=== 23 passed in 50.12s ==="
CLOSING_FAILED = "=== 1 failed, 22 passed in 52.40s ==="


def run(exit_code: int, closing: str, *ids: str) -> SuiteRun:
    report: dict[str, Any] = {"run": {"seed": 4711, "scenarios": 23}, "findings": [{"id": found} for found in ids]}
    return SuiteRun(exit_code, f"{closing}\n", report, 50.0)


def test_a_clean_run_without_findings_is_expected_and_names_its_seed() -> None:
    verdict = judge(None, run(0, CLOSING_CLEAN))
    assert verdict.expected and verdict.seed == 4711
    assert verdict.line() == "clean              expected   exit 0, 23 scenarios walked, no finding, seed 4711"


def test_a_clean_run_with_a_finding_or_a_failure_is_unexpected() -> None:
    assert not judge(None, run(1, CLOSING_FAILED, "price-drift")).expected
    assert not judge(None, run(1, CLOSING_FAILED)).expected


def test_a_run_that_walked_no_scenario_is_unexpected() -> None:
    skipped = run(0, "=== 23 skipped in 3.10s ===")
    skipped.report["run"]["scenarios"] = 0
    assert not judge(None, skipped).expected


def test_a_fault_run_is_expected_when_it_finds_exactly_its_own_id() -> None:
    assert judge("hidden-fee", run(1, CLOSING_FAILED, "hidden-fee", "hidden-fee")).expected
    assert not judge("hidden-fee", run(1, CLOSING_FAILED, "hidden-fee", "total-mismatch")).expected
    assert not judge("hidden-fee", run(0, CLOSING_CLEAN)).expected


def test_a_fault_run_with_an_error_in_setup_is_unexpected() -> None:
    errored = run(1, "=== 1 failed, 21 passed, 1 error in 52.40s ===", "hidden-fee")
    assert not judge("hidden-fee", errored).expected


def test_a_fault_run_with_a_scenario_that_stopped_before_its_promises_is_unexpected_and_names_it() -> None:
    stopped = run(1, CLOSING_FAILED, "hidden-fee")
    stopped.report["run"]["stopped"] = [
        {"test": "t.py::test_x", "scenario": "x", "when": "call", "error": "Error: Unable to capture screenshot"}
    ]
    verdict = judge("hidden-fee", stopped)
    assert not verdict.expected
    assert verdict.first_failing_line == "not checked: t.py::test_x: Error: Unable to capture screenshot"


def test_the_first_failing_line_carries_the_reason() -> None:
    output = "E   TimeoutError: Page.click: Timeout 30000ms exceeded\nFAILED steps/test_scenarios.py::test_x\n"
    assert first_failing_line(output) == "FAILED steps/test_scenarios.py::test_x - TimeoutError: Page.click: Timeout 30000ms exceeded"


def test_an_unexpected_run_keeps_its_reports_and_output(tmp_path: Path) -> None:
    reports = tmp_path / "run"
    (reports / "evidence").mkdir(parents=True)
    (reports / "findings.json").write_text("{}", encoding="utf-8")
    keep(reports, "FAILED steps/test_scenarios.py::test_x\n", tmp_path / "kept" / "007-clean")
    kept = tmp_path / "kept" / "007-clean"
    assert (kept / "findings.json").is_file() and (kept / "evidence").is_dir()
    assert (kept / "pytest-output.txt").read_text(encoding="utf-8").startswith("FAILED")
