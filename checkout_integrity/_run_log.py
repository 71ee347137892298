"""What one pytest run found: its facts, its findings, and where they are written at the end.

Findings are labelled as they are recorded: the scenario and feature they come from, the severity the
policy gives them, the known-defect ticket that quarantines them, and the rules they may breach.
Under pytest-xdist each worker writes its findings beside findings.json and the controller merges them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from checkout_integrity._changes import Changes, compared
from checkout_integrity._findings import Finding, RunInfo, read_findings, write_findings
from checkout_integrity._policy import Policy
from checkout_integrity._retries import FlakyScenario
from checkout_integrity._rules import may_breach
from checkout_integrity._stopped import StoppedScenario, ended


@dataclass(frozen=True)
class ScenarioLabel:
    """Which scenario of which feature a finding comes from, its language, and what its tags decide."""

    name: str
    feature: str
    language: str
    nodeid: str = ""
    severity: str = ""  # @severity:minor: the severity of this scenario's findings
    ticket: str = ""  # @known:TICKET-12: this scenario's findings are quarantined under the ticket
    attempt: int = 1  # 2 and on when pytest-rerunfailures retries the scenario


@dataclass(frozen=True)
class Recorded:
    """A finding as the run log keeps it: the test and the attempt at it that found it."""

    node: str
    attempt: int
    finding: Finding


@dataclass
class RunLog:
    """Collects findings over a session and writes `findings.json` at its end, empty or not."""

    path: Path
    site: str
    faults: tuple[str, ...]
    seed: int
    policy: Policy = field(default_factory=Policy)
    base_url: str = ""
    browser: str = ""
    browser_version: str = ""
    started: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    scenarios: int = 0  # customer scenarios run, walked or not (none in the project's own tests; workers' added up)
    walked: int = 0  # scenarios walked in this process (under xdist the controller adds the workers' up)
    flaky: list[FlakyScenario] = field(default_factory=list)  # passed only when retried (--reruns)
    earlier: tuple[str, RunInfo, list[Finding]] | None = None  # --compare-with: that findings.json, its run, findings
    _recorded: list[Recorded] = field(default_factory=list)
    _attempts: dict[str, StoppedScenario | None] = field(default_factory=dict)  # test -> how its last attempt ended

    @property
    def findings(self) -> list[Finding]:
        """Every finding of the run, in the order found."""
        return [recorded.finding for recorded in self._recorded]

    def record(self, findings: Iterable[Finding], where: ScenarioLabel) -> None:
        """Keep each finding once per scenario (a retry finds nothing new by finding it again), labelled with
        where it was found and what the policy says."""
        for finding in findings:
            labelled = replace(
                finding,
                scenario=where.name,
                feature=where.feature,
                severity=self.policy.severity_of(finding.id, finding.severity, where.severity),
                ticket=where.ticket,
                may_breach=may_breach(finding.id),
                test=where.nodeid,
            )
            if not any(
                (seen.node, seen.finding.id, seen.finding.scenario, seen.finding.feature)
                == (where.nodeid, labelled.id, where.name, where.feature)
                for seen in self._recorded
            ):
                self._recorded.append(Recorded(where.nodeid, where.attempt, labelled))

    @property
    def stopped(self) -> list[StoppedScenario]:
        """The scenarios whose last attempt stopped on an error and that found nothing: not checked."""
        found = {finding.test for finding in self.findings}
        return [last for last in self._attempts.values() if last is not None and last.test not in found]

    def note_attempt(self, report: pytest.TestReport, scenario: str) -> None:
        """How an attempt at a scenario ended: its call says, or its setup when that failed (a teardown error
        comes after the promises); a later attempt overrules an earlier one."""
        if report.when == "call" or report.when == "setup" and report.failed:
            self._attempts[report.nodeid] = ended(report, scenario)

    def findings_of(self, nodeid: str) -> list[Finding]:
        """The findings of one test (one scenario, or one example of an outline)."""
        return [recorded.finding for recorded in self._recorded if recorded.node == nodeid]

    def add_evidence(self, nodeid: str, attempt: int, more: Callable[[Finding], Iterable[str]]) -> None:
        """Add evidence that exists only once the scenario is over (timeline, trace) to the findings of that
        attempt at it."""

        def with_more(finding: Finding) -> Finding:
            return replace(finding, evidence=tuple(dict.fromkeys((*finding.evidence, *more(finding)))))

        self._recorded = [
            replace(seen, finding=with_more(seen.finding)) if (seen.node, seen.attempt) == (nodeid, attempt) else seen
            for seen in self._recorded
        ]

    def changes(self) -> Changes | None:
        """What is new, what persists and what is gone since the earlier run, when the run is compared with one."""
        if self.earlier is None:
            return None
        path, run, before = self.earlier
        return compared(self.findings, run, before, path)

    def gating(self) -> list[Finding]:
        """The findings that fail the run under the policy."""
        return [finding for finding in self.findings if self.policy.gates(finding)]

    def facts(self) -> dict[str, str]:
        """The run's facts for the report's environment: what to know to replay or compare it."""
        return {
            "site": self.site,
            "base_url": self.base_url,
            "browser": self.browser,
            "browser_version": self.browser_version,
            "faults": ",".join(self.faults) or "none",
            "seed": str(self.seed),
            "gate": self.policy.describe(),
            "started": self.started,
        }

    def run_info(self) -> RunInfo:
        browser = f"{self.browser} {self.browser_version}".strip()
        return RunInfo(
            site=self.site,
            base_url=self.base_url,
            browser=browser,
            faults=self.faults,
            started=self.started,
            seed=self.seed,
            scenarios=self.walked,
            collected=self.scenarios,
            flaky=tuple(self.flaky),
            stopped=tuple(self.stopped),
        )

    def write(self, worker: str | None = None) -> None:
        """findings.json; a worker writes its part beside it, and the controller merges the parts first."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if worker is not None:
            write_findings(self._part(worker), self.run_info(), self.findings)
            return
        for part in sorted(self.path.parent.glob(self._part("*").name)):
            run, found = read_findings(part)
            self.browser, self.base_url = self.browser or run.browser, self.base_url or run.base_url
            self.walked += run.scenarios
            self.scenarios += run.collected
            self.flaky += run.flaky
            self._attempts |= {stopped.test: stopped for stopped in run.stopped}
            self._recorded += [Recorded("", 1, finding) for finding in found]
            part.unlink()
        write_findings(self.path, self.run_info(), self.findings, self.changes())

    def forget_parts(self) -> None:
        """Remove parts a crashed earlier run left behind, before this run's workers write theirs."""
        for part in self.path.parent.glob(self._part("*").name):
            part.unlink()

    def _part(self, worker: str) -> Path:
        return self.path.with_name(f".{self.path.name}.{worker}.part")
