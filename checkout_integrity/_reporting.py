"""What a scenario leaves in the reports: after each step, what the customer saw; at its end, each
finding with its evidence, in Allure, in findings.json and in the JUnit properties.
"""

from __future__ import annotations

import pytest

from checkout_integrity import _allure, _evidence
from checkout_integrity._experience import attach_experience
from checkout_integrity._journey import CUSTOMER, Journey
from checkout_integrity._run_log import RunLog, ScenarioLabel


def show_step(item: pytest.Item, journey: Journey) -> None:
    """Show on the running Allure step the snapshots it recorded and the responses it received."""
    fresh = _evidence.new_snapshots(item, journey)
    for snapshot in fresh:
        _allure.show_snapshot(snapshot)
    pages = [snapshot for snapshot in fresh if snapshot.screenshot and snapshot.actor == CUSTOMER]
    for saved in _evidence.save_responses(item, pages[-1]) if pages else []:
        _allure.show_response(saved)


def close_scenario(
    item: pytest.Item, report: pytest.TestReport, log: RunLog, label: ScenarioLabel | None, journey: Journey | None
) -> None:
    """Once the scenario is over (trace kept or not): timeline, experience, trace and findings, everywhere
    they go."""
    trace = _evidence.kept_trace(report, item.config.invocation_params.dir)
    table, markdown, chart = (
        _evidence.write_timeline(item, journey, f"Price timeline: {label.name if label else item.name}")
        if journey is not None
        else ("", None, None)
    )
    log.add_evidence(
        item.nodeid,
        label.attempt if label else 1,
        lambda finding: [
            *_evidence.responses_for(item, finding),
            *(str(path) for path in (markdown, chart, trace) if path is not None),
        ],
    )
    findings = log.findings_of(item.nodeid)
    for finding in findings:
        _allure.show_finding(finding, log.policy)
        report.user_properties.append(("finding", f"[{finding.id}] {finding.severity}: {finding.message}"))
    if table:
        _allure.show_timeline(table, chart)
    if journey is not None:
        attach_experience(journey, findings)
    if trace is not None:
        _allure.show_trace(trace)
    if label is not None:
        _allure.label_scenario(label.name, label.severity, label.ticket, findings, log.policy)
