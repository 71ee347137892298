"""Runs the customer scenario suite in a child pytest, as a user would, and reads what it wrote."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class SuiteRun:
    """One run of the suite: pytest's exit code and output, its findings.json, and its wall time."""

    exit_code: int
    output: str
    report: dict[str, Any]
    seconds: float

    @property
    def finding_ids(self) -> list[str]:
        return sorted({finding["id"] for finding in self.report["findings"]})


def run_suite(reports: Path, *options: str) -> SuiteRun:
    """`python -m pytest` from the repo root with these options, its reports under `reports`."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", f"--reports={reports}", *options],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    findings = reports / "findings.json"
    report = json.loads(findings.read_text(encoding="utf-8")) if findings.exists() else {}
    return SuiteRun(done.returncode, done.stdout + done.stderr, report, time.perf_counter() - started)
