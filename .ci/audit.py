"""CI's supply-chain check: pip-audit over the pinned, hashed requirements.lock, and npm audit over
package-lock.json (Allure, web-vitals, axe-core); a known vulnerability in either fails CI.

pip-audit asks PyPI's JSON API about each pinned version; npm audit posts the locked tree to the npm
registry's advisories endpoint. Where a database cannot be reached, or answers without advisories (PyPI
answering 404 to versioned look-ups makes pip-audit "skip" every package and report nothing; npm prints
"found 0 vulnerabilities" after a refused request), that audit proves nothing: a warning says so instead.
"""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path
from typing import Any

import requests

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"
TIMEOUT = 30


def pypi_unreachable() -> str | None:
    """Why pip-audit's vulnerability database cannot be read from here, or None when it can."""
    url = f"https://pypi.org/pypi/pip-audit/{version('pip-audit')}/json"
    try:
        requests.get(url, timeout=TIMEOUT).raise_for_status()
    except requests.RequestException as error:
        return f"{url} answered: {error}"
    return None


def pinned() -> int:
    return sum(1 for line in LOCK.read_text(encoding="utf-8").splitlines() if "==" in line and line[0].isalnum())


def not_done(what: str, reason: str, fix: str) -> None:
    print(f"WARNING: {what} audit NOT done: its vulnerability database is unreachable from here", flush=True)
    print(f"  ({reason}).\n  {fix}", flush=True)


def audit_python() -> int:
    reason = pypi_unreachable()
    if reason is not None:
        fix = (
            f"The {pinned()} packages pinned in requirements.lock were not checked for known vulnerabilities;\n"
            "  run `.venv/bin/python .ci/audit.py` where PyPI's JSON API answers."
        )
        not_done("Python dependency", reason, fix)
        return 0
    audit = [sys.executable, "-m", "pip_audit", "--disable-pip", "--requirement", str(LOCK), "--progress-spinner=off"]
    return subprocess.run(audit, check=False).returncode


def npm_verdict(report: dict[str, Any]) -> tuple[int, str]:
    """npm audit's JSON read: (known vulnerabilities, what to print); -1 when no audit was done."""
    counts = report.get("metadata", {}).get("vulnerabilities")
    if counts is None:
        return -1, str(report.get("message") or report.get("error", {}).get("summary") or "no audit report")
    found = [f"{name} ({entry.get('severity')})" for name, entry in sorted(report.get("vulnerabilities", {}).items())]
    return int(counts.get("total", 0)), ", ".join(found)


def audit_npm() -> int:
    done = subprocess.run(
        ["npm", "audit", "--json", "--package-lock-only"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    try:
        report = json.loads(done.stdout or "{}")
    except ValueError:
        report = {"message": (done.stderr or done.stdout).strip()[-300:]}
    total, words = npm_verdict(report)
    if total < 0:
        not_done("npm package", words, "package-lock.json was not checked; run `npm audit` where the registry answers.")
        return 0
    if total:
        print(f"npm audit: {total} known vulnerabilities in package-lock.json: {words}; run `npm audit` for the fixes.")
        return 1
    print("npm audit: no known vulnerabilities in package-lock.json.")
    return 0


def main() -> int:
    return max(audit_python(), audit_npm())


if __name__ == "__main__":
    raise SystemExit(main())
