"""Holding a journey to its promises: findings go to the run log, and a broken promise fails the step."""

from __future__ import annotations

from collections.abc import Iterable

from checkout_integrity._findings import Finding
from checkout_integrity._journey import Journey
from checkout_integrity._run_log import RunLog, ScenarioLabel
from checkout_integrity.promises import PROMISES, check_promises


class BrokenPromise(AssertionError):
    """A scenario's promise was broken; the message is what the customer would say."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        super().__init__("\n".join(f"[{f.id}] {f.message}" for f in findings))


def judge(journey: Journey, log: RunLog, where: ScenarioLabel, ids: Iterable[str] | None = None) -> list[Finding]:
    """Check the journey against the promises named (when None, every one its site lets the harness check)
    and log what broke."""
    chosen = [promise for promise in PROMISES if promise not in journey.unchecked] if ids is None else ids
    findings = check_promises(journey, chosen)
    log.record(findings, where)
    return findings


def hold_to(journey: Journey, log: RunLog, where: ScenarioLabel, *ids: str) -> None:
    """Fail with the customer's words when any of these promises was broken."""
    findings = judge(journey, log, where, ids)
    if findings:
        raise BrokenPromise(findings)
