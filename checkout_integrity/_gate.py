"""The release gate: the run's exit code follows the policy over every finding of the run.

A scenario whose broken promises the policy lets through (all quarantined, or below `fail_on`) is an
expected failure: pytest shows it as xfailed with the reason, Allure as skipped with the reason and
the finding's evidence. A finding of a promise the scenario did not ask about (found when the
journey is judged at its end) leaves the scenario passed, and still fails the gate when it gates.

Exit codes (pytest's own, with the gate's meaning):

    0  nothing fails the gate: no finding, or only quarantined ones and ones below `fail_on`
    1  a finding fails the gate, or a scenario failed for another reason (the summary says which)
    2  interrupted (Ctrl-C, or collection errors)
    3  internal error of pytest or a plugin
    4  usage error: a bad option, policy or tag; the site cannot be reached; no browser
    5  no scenario was collected, or none was judged: every one was skipped as not checkable on this site
       (or sold out there), so nothing was checked and nothing passed the gate
"""

from __future__ import annotations

import pytest

from checkout_integrity._findings import Finding
from checkout_integrity._policy import Policy
from checkout_integrity._run_log import RunLog
from checkout_integrity._verdict import BrokenPromise

KNOWN_DEFECT = "known defect"  # the words of an xfail reason that categories.json matches
BELOW_THE_GATE = "below the gate"


def excuse(report: pytest.TestReport, call: pytest.CallInfo[None], logged: list[Finding], policy: Policy) -> None:
    """Turn a scenario failed by a BrokenPromise into an expected failure when none of it gates."""
    if report.when != "call" or not report.failed or call.excinfo is None:
        return
    broken = call.excinfo.value
    if not isinstance(broken, BrokenPromise):
        return
    raised = {finding.id for finding in broken.findings}
    findings = [finding for finding in logged if finding.id in raised]
    if not findings or any(policy.gates(finding) for finding in findings):
        return
    report.outcome = "skipped"
    report.wasxfail = reason(findings, policy)  # how pytest's skipping plugin marks an xfail


def reason(findings: list[Finding], policy: Policy) -> str:
    """Why these findings do not fail the gate: 'known defect TICKET-12: [hidden-fee]'."""
    return "; ".join(
        f"{KNOWN_DEFECT} {finding.ticket}: [{finding.id}]"
        if finding.quarantined
        else f"[{finding.id}] is {finding.severity}, {BELOW_THE_GATE} ({policy.describe()})"
        for finding in findings
    )


def exit_status(status: int, log: RunLog) -> int:
    """pytest's exit status, made 1 when a finding fails the gate though every scenario passed, and 5 when
    scenarios were collected but none was judged."""
    if status == pytest.ExitCode.OK and log.gating():
        return pytest.ExitCode.TESTS_FAILED
    if status == pytest.ExitCode.OK and log.scenarios and not log.walked:
        return pytest.ExitCode.NO_TESTS_COLLECTED
    return status
