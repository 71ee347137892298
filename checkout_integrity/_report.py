"""The HTML report: Allure 3 (installed from npm by `make setup`) turns allure-results into one file."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path


class ReportUnavailable(RuntimeError):
    """The Allure command-line tool is missing or failed."""


def build_html_report(root: Path) -> Path:
    """Build reports/allure-report/index.html from reports/allure-results; return the file."""
    allure = root / "node_modules" / ".bin" / "allure"
    if not allure.exists() or shutil.which("node") is None:
        raise ReportUnavailable(
            f"Allure is not installed at {allure}: run `make setup` (it runs `npm ci` for Allure 3)."
        )
    results = root / "reports" / "allure-results"
    built = subprocess.run(
        [str(allure), "generate", str(results)], cwd=root, capture_output=True, text=True, check=False
    )
    index = root / "reports" / "allure-report" / "index.html"
    if built.returncode != 0 or not index.exists():
        raise ReportUnavailable(f"Allure could not build the report from {results}: {built.stderr.strip()[-400:]}")
    return index
