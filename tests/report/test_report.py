"""The living report of a faulted run: the HTML report shows a finding with its evidence, the Allure
results carry labels, environment and categories, and findings.json lists evidence files that exist."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from checkout_integrity._report import BuiltReport, build_html_report
from demo_hotel.faults import FAULTS
from tests.report.browsing import chromium_page, open_test
from tests.report.conftest import FaultedRun

NOT_CHECKABLE = "not checkable on this site"  # the words of a scenario skipped before walking


def a_gating_finding(faulted_run: FaultedRun) -> dict[str, object]:
    """A critical finding its scenario failed on: its words are the scenario's error in the report."""
    errors = {
        result["name"]: result["statusDetails"]["message"]
        for result in faulted_run.allure_results()
        if result["status"] == "failed"
    }
    return next(
        finding
        for finding in faulted_run.findings
        if finding["severity"] == "critical" and str(finding["message"]) in errors.get(finding["scenario"], "")
    )


def test_the_html_report_shows_a_finding_with_its_evidence(faulted_run: FaultedRun, built_report: BuiltReport) -> None:
    finding = a_gating_finding(faulted_run)
    assert built_report.index.name == "index.html" and built_report.seconds < 60
    with chromium_page() as page:
        open_test(page, built_report.index, str(finding["scenario"]))
        expect(page.get_by_text(str(finding["message"])).first).to_be_visible()
        for attachment in (f"broken promise [{finding['id']}]", "price timeline chart", "Playwright trace"):
            expect(page.get_by_text(attachment, exact=True).first).to_be_attached()
        expect(page.get_by_text("may breach: ").first).to_be_visible()


def few_screenshots(result: dict[str, Any], shown: list[list[str]], faulted_run: FaultedRun) -> str:
    """Why a scenario shows too few screenshots: how it ended, each step's status and attachments, what
    went to the test itself, and the seed that replays the run."""
    steps = [f"{step['name']} [{step['status']}]: {names}" for step, names in zip(result["steps"], shown, strict=True)]
    return "\n".join(
        [
            f"{result['name']}: {result['status']}, {result.get('statusDetails', {}).get('message', '')}",
            *steps,
            f"on the test: {[attachment['name'] for attachment in result.get('attachments', [])]}",
            f"seed {faulted_run.run.report['run']['seed']}",
        ]
    )


def test_every_step_shows_what_the_customer_saw(faulted_run: FaultedRun) -> None:
    results = faulted_run.allure_results()
    assert results
    for result in results:
        shown = [[attachment["name"] for attachment in step.get("attachments", [])] for step in result["steps"]]
        with_screenshots = [names for names in shown if any(name.endswith(": screenshot") for name in names)]
        if NOT_CHECKABLE in result.get("statusDetails", {}).get("message", ""):
            assert not with_screenshots, "a scenario skipped as not checkable was walked before its skip"
            continue
        assert len(with_screenshots) >= 2, few_screenshots(result, shown, faulted_run)
        opened = next(index for index, names in enumerate(shown) if names in with_screenshots)
        assert not any(shown[:opened]), "a step before the shop was opened showed a page"  # no blank first page
        for names in with_screenshots:
            assert any(": what the customer saw" in name or ": what the rival saw" in name for name in names), names


def test_results_are_labelled_by_feature_story_severity_and_defect(faulted_run: FaultedRun) -> None:
    by_name = {result["name"]: result for result in faulted_run.allure_results()}
    for finding in faulted_run.findings:
        result = by_name[finding["scenario"]]
        labels = {(label["name"], label["value"]) for label in result["labels"]}
        assert ("defect", finding["id"]) in labels
        assert ("story", finding["scenario"]) in labels
        assert ("feature", finding["feature"]) in labels
        assert any(name == "severity" for name, _ in labels)
        if finding.get("may_breach"):
            assert any(link["name"].startswith("may breach: ") for link in result["links"])
    statuses = {result["status"] for result in by_name.values()}
    assert {"failed", "skipped", "passed"} <= statuses  # gating, below the gate (xfail), untouched


def test_the_results_say_which_run_they_come_from_and_group_failures_by_defect(faulted_run: FaultedRun) -> None:
    results = faulted_run.reports / "allure-results"
    environment = dict(
        line.split("=", 1) for line in (results / "environment.properties").read_text(encoding="utf-8").splitlines()
    )
    run = faulted_run.run.report["run"]
    assert environment["site"] == run["site"] == "demo_hotel"
    assert environment["base_url"] == run["base_url"]
    assert environment["seed"] == str(run["seed"])
    results_of = faulted_run.allure_results()
    not_checkable = [result for result in results_of if NOT_CHECKABLE in result.get("statusDetails", {}).get("message", "")]
    assert run["collected"] == len(results_of)
    assert run["scenarios"] == len(results_of) - len(not_checkable)  # passed, failed and below the gate alike
    assert environment["faults"] == ",".join(sorted(run["faults"]))
    assert environment["browser_version"] and environment["browser_version"] in run["browser"]
    assert environment["gate"] == "fail_on critical"
    categories = (results / "categories.json").read_text(encoding="utf-8")
    assert all(f'"name": "{defect}: ' in categories for defect in FAULTS)


def test_findings_json_lists_evidence_that_exists(faulted_run: FaultedRun) -> None:
    results = faulted_run.allure_results()
    failed = {result["name"] for result in results if result["status"] == "failed"}
    not_failed = {result["name"] for result in results if result["status"] != "failed"}
    assert {finding["id"] for finding in faulted_run.findings} >= {"price-drift", "double-charge", "total-mismatch"}
    for finding in faulted_run.findings:
        evidence = [Path(path) for path in finding["evidence"]]
        assert all(path.exists() for path in evidence), evidence
        kinds = {path.name if path.suffix in (".md", ".svg", ".zip") else path.suffix for path in evidence}
        assert {"price-timeline.md", "price-timeline.svg"} <= kinds, (finding["id"], kinds)
        if finding["step"] != "bank statement":  # the one place the customer sees that is not a page
            assert ".png" in kinds, (finding["id"], kinds)
        if finding["scenario"] in failed - not_failed:  # (an outline's examples share a name)
            assert "trace.zip" in kinds, (finding["id"], finding["scenario"], kinds)
        if finding["scenario"] in not_failed - failed:
            assert "trace.zip" not in kinds, (finding["id"], finding["scenario"], kinds)
    drift = next(finding for finding in faulted_run.findings if finding["id"] == "price-drift")
    assert any(path.endswith(".html") for path in drift["evidence"])  # the responses that carried the prices
    assert drift["may_breach"][0].startswith("EU Unfair Commercial Practices Directive 2005/29/EC")


def test_the_terminal_ends_with_a_table_of_findings_and_the_gates_verdict(faulted_run: FaultedRun) -> None:
    output = faulted_run.run.output
    assert re.search(r"^id +severity +gate +scenario$", output, re.MULTILINE), output
    for finding in faulted_run.findings:
        assert finding["id"] in output
    assert "gate fails (fail_on critical)" in output
    assert faulted_run.run.exit_code == 1
    assert f"JUnit XML: {faulted_run.reports / 'junit.xml'}" in output


def test_each_report_adds_its_run_to_the_history_the_next_one_shows(
    faulted_run: FaultedRun, built_report: BuiltReport
) -> None:
    history = faulted_run.reports / "history.jsonl"
    runs = history.read_text(encoding="utf-8").splitlines()

    build_html_report(faulted_run.reports)

    assert len(history.read_text(encoding="utf-8").splitlines()) == len(runs) + 1
    assert all(json.loads(run)["testResults"] for run in runs)  # each run's results, by test, for the next report
