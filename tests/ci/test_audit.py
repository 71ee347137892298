"""CI's audit reads npm audit's answer honestly: vulnerabilities fail, none passes, a refused request is no audit."""

from __future__ import annotations

import importlib.util
from types import ModuleType
from typing import Any

from tests.suite.running import ROOT


def audit_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ci_audit", ROOT / ".ci" / "audit.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def counts(**found: int) -> dict[str, Any]:
    levels = {level: found.get(level, 0) for level in ("info", "low", "moderate", "high", "critical")}
    return {"metadata": {"vulnerabilities": {**levels, "total": sum(levels.values())}}}


def test_a_known_vulnerability_is_counted_and_named() -> None:
    report = {**counts(critical=1), "vulnerabilities": {"minimist": {"name": "minimist", "severity": "critical"}}}
    assert audit_script().npm_verdict(report) == (1, "minimist (critical)")


def test_an_audit_without_vulnerabilities_finds_none() -> None:
    assert audit_script().npm_verdict({**counts(), "vulnerabilities": {}}) == (0, "")


def test_a_refused_request_is_no_audit_and_says_why() -> None:
    refused = {"message": "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk"}
    assert audit_script().npm_verdict(refused) == (-1, refused["message"])
