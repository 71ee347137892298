"""A scenario retried by pytest-rerunfailures, in a real browser: each attempt keeps its own screenshots, traces
and Allure steps, and the finding points at the evidence of the attempt that found it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.report.conftest import FaultedRun
from tests.suite.running import run_suite


@pytest.fixture(scope="module")
def retried(tmp_path_factory: pytest.TempPathFactory) -> FaultedRun:
    reports = tmp_path_factory.mktemp("retried") / "reports"
    run = run_suite(reports, "--faults=hidden-fee", "-k", "no_fee_appears_only", "--reruns=1")
    assert run.report, f"the run wrote no findings.json:\n{run.output}"
    return FaultedRun(run, reports)


def test_each_attempt_keeps_its_own_screenshots(retried: FaultedRun) -> None:
    run, reports = retried.run, retried.reports
    closing = run.output.strip().splitlines()[-1]
    assert "1 failed" in closing and "1 rerun" in closing, run.output
    folders = sorted(folder.name for folder in (reports / "evidence").iterdir())
    assert len(folders) == 2 and folders[1] == f"{folders[0]}-attempt-2", folders
    for folder in folders:
        assert list((reports / "evidence" / folder).rglob("*.png")), f"no screenshot in {folder}"


def test_the_finding_points_at_the_attempt_that_found_it(retried: FaultedRun) -> None:
    run = retried.run
    (finding,) = retried.findings  # the retry found it again: still one finding
    assert finding["id"] == "hidden-fee"
    assert finding["evidence"] and not any("-attempt-2" in path for path in finding["evidence"]), finding["evidence"]
    assert run.report["run"]["flaky"] == [] and run.report["run"]["scenarios"] == 1
    (trace,) = [path for path in finding["evidence"] if path.endswith("trace.zip")]
    assert Path(trace).parent.name.endswith("about-to-pay"), trace  # attempt 1's, not "...-retry1"


def test_each_attempt_shows_its_own_trace(retried: FaultedRun) -> None:
    attempts = sorted(retried.allure_results(), key=lambda result: result["start"])
    traces = [
        [
            (retried.reports / "allure-results" / attachment["source"]).read_bytes()
            for attachment in result["attachments"]
            if attachment["name"] == "Playwright trace"
        ]
        for result in attempts
    ]
    assert [len(shown) for shown in traces] == [1, 1]
    assert traces[0] != traces[1], "both attempts show the same trace"


def test_every_attempt_shows_each_step_with_its_screenshot(retried: FaultedRun) -> None:
    attempts = retried.allure_results()
    assert len(attempts) == 2
    for result in attempts:
        shown = [
            [attachment["name"] for attachment in step.get("attachments", [])]
            for step in result["steps"]
            if not step["name"].startswith(("Then", "Given I am a customer"))  # that Given opens no page yet
        ]
        assert all(any(name.endswith(": screenshot") for name in names) for names in shown), shown
        assert any(name.startswith("network:") for names in shown for name in names), shown
