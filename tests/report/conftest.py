"""One real run of the scenario suite with faults on, shared by the report tests, and its HTML report.

Faults: two critical (price-drift, double-charge) that fail the gate and keep their trace, two major
(total-mismatch, input-lost) that `--fail-on critical` lets through as expected failures without a
trace; the scenarios no fault touches pass.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from checkout_integrity._report import BuiltReport, build_html_report
from tests.suite.running import SuiteRun, run_suite

FAULTS = ("price-drift", "double-charge", "total-mismatch", "input-lost")
CARD_NUMBERS = ("4242424242424242", "4000000000000002", "5555555555554444")


@dataclass(frozen=True)
class FaultedRun:
    """The child run, the folder it wrote, and readers for what is in it."""

    run: SuiteRun
    reports: Path

    @property
    def findings(self) -> list[dict[str, Any]]:
        return list(self.run.report["findings"])

    def allure_results(self) -> list[dict[str, Any]]:
        files = (self.reports / "allure-results").glob("*-result.json")
        return [json.loads(path.read_text(encoding="utf-8")) for path in files]


@pytest.fixture(scope="session")
def faulted_run(tmp_path_factory: pytest.TempPathFactory) -> FaultedRun:
    # A folder that does not exist yet: an existing one given as `--reports DIR` would be taken by
    # pytest for a test path when it looks for the rootdir.
    reports = tmp_path_factory.mktemp("faulted") / "reports"
    run = run_suite(reports, "--faults", ",".join(FAULTS), "--fail-on", "critical", "-rx")
    assert run.report, f"the run wrote no findings.json:\n{run.output}"
    return FaultedRun(run, reports)


@pytest.fixture(scope="session")
def built_report(faulted_run: FaultedRun) -> BuiltReport:
    return build_html_report(faulted_run.reports)
