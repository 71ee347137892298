"""The HTML report: Allure 3 (installed from npm by `make setup`) turns allure-results into one file.

The file opens from disk, offline: `allurerc.mjs` asks for a single-file report and reads the run's
categories.json so that failures are grouped by defect id; each report adds its run to the history file
beside the reports (`history.jsonl`), so the next report shows each scenario's history.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from checkout_integrity._outputs import ALLURE_RESULTS, HISTORY, HTML_REPORT

ROOT = Path(__file__).resolve().parent.parent


class ReportUnavailable(RuntimeError):
    """The Allure command-line tool is missing or failed."""


@dataclass(frozen=True)
class BuiltReport:
    """Where the report was written and how long Allure took."""

    index: Path
    seconds: float


def build_html_report(reports: Path, root: Path = ROOT) -> BuiltReport:
    """Build `reports`/allure-report/index.html from `reports`/allure-results."""
    allure = root / "node_modules" / ".bin" / "allure"
    if not allure.exists() or shutil.which("node") is None:
        raise ReportUnavailable(
            f"Allure is not installed at {allure}: run `make setup` (it runs `npm ci` for Allure 3)."
        )
    results, output = (reports / ALLURE_RESULTS).resolve(), (reports / HTML_REPORT).resolve()
    if not results.is_dir():
        raise ReportUnavailable(f"There are no Allure results in {results}: run the suite first (`make test`).")
    environment = {**os.environ, "CHECKOUT_INTEGRITY_RESULTS": str(results), "CHECKOUT_INTEGRITY_REPORT": str(output),
                   "CHECKOUT_INTEGRITY_HISTORY": str((reports / HISTORY).resolve())}
    started = time.perf_counter()
    built = subprocess.run(
        [str(allure), "generate", str(results), "--config", str(root / "allurerc.mjs"), "--output", str(output)],
        cwd=root,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    index = output / "index.html"
    if built.returncode != 0 or not index.exists():
        raise ReportUnavailable(f"Allure could not build the report from {results}: {built.stderr.strip()[-400:]}")
    return BuiltReport(index, time.perf_counter() - started)
