"""CI's supply-chain check: pip-audit over the pinned, hashed requirements.lock; a known vulnerability fails CI.

pip-audit asks PyPI's JSON API about each pinned version. Where that API cannot be reached, or answers 404
to versioned look-ups (pip-audit then "skips" every package and reports no known vulnerabilities), the audit
proves nothing: it is not run, and a warning says so instead.
"""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import requests

LOCK = Path(__file__).resolve().parent.parent / "requirements.lock"
TIMEOUT = 30


def unreachable() -> str | None:
    """Why pip-audit's vulnerability database cannot be read from here, or None when it can."""
    url = f"https://pypi.org/pypi/pip-audit/{version('pip-audit')}/json"
    try:
        requests.get(url, timeout=TIMEOUT).raise_for_status()
    except requests.RequestException as error:
        return f"{url} answered: {error}"
    return None


def pinned() -> int:
    return sum(1 for line in LOCK.read_text(encoding="utf-8").splitlines() if "==" in line and line[0].isalnum())


def main() -> int:
    reason = unreachable()
    if reason is not None:
        print(
            f"WARNING: dependency audit NOT done: pip-audit's vulnerability database is unreachable from here\n"
            f"  ({reason}).\n"
            f"  The {pinned()} packages pinned in requirements.lock were not checked for known vulnerabilities;\n"
            f"  run `.venv/bin/python .ci/audit.py` where PyPI's JSON API answers.",
            flush=True,
        )
        return 0
    audit = [sys.executable, "-m", "pip_audit", "--disable-pip", "--requirement", str(LOCK), "--progress-spinner=off"]
    return subprocess.run(audit, check=False).returncode


if __name__ == "__main__":
    raise SystemExit(main())
