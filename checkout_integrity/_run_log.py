"""What one pytest run found: its facts, its findings, and where they are written at the end."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from checkout_integrity._findings import Finding, RunInfo, write_findings


@dataclass(frozen=True)
class ScenarioLabel:
    """Which scenario of which feature a finding comes from, and the feature's language."""

    name: str
    feature: str
    language: str


@dataclass
class RunLog:
    """Collects findings over a session and writes `findings.json` at its end, empty or not."""

    path: Path
    site: str
    faults: tuple[str, ...]
    seed: int
    base_url: str = ""
    browser: str = ""
    started: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    findings: list[Finding] = field(default_factory=list)

    def record(self, findings: list[Finding], where: ScenarioLabel) -> None:
        """Keep each finding once per scenario, labelled with where it was found."""
        for finding in findings:
            labelled = replace(finding, scenario=where.name, feature=where.feature)
            if not any(
                (seen.id, seen.scenario, seen.feature) == (labelled.id, where.name, where.feature)
                for seen in self.findings
            ):
                self.findings.append(labelled)

    def run_info(self) -> RunInfo:
        return RunInfo(
            site=self.site,
            base_url=self.base_url,
            browser=self.browser,
            faults=self.faults,
            started=self.started,
            seed=self.seed,
        )

    def write(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_findings(self.path, self.run_info(), self.findings)

    def summary_lines(self) -> list[str]:
        """The findings as the customers would tell them, one line each."""
        if not self.findings:
            return [f"no broken promises found; written to {self.path}"]
        lines = [f"{len(self.findings)} broken promise(s), written to {self.path}:"]
        for finding in self.findings:
            lines.append(f"  [{finding.severity}] {finding.id} in '{finding.scenario}': {finding.message}")
        return lines
