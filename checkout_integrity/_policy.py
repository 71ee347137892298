"""What a project decided about its findings: which severities fail the gate, and per-scenario tags.

The policy lives in pyproject.toml, `--fail-on` overrides it for one run:

    [tool.checkout_integrity]
    fail_on = ["critical", "major"]              # severities that fail the gate ([] reports only)
    severities = { "fake-urgency" = "minor" }    # per defect id, over the catalogue's defaults
    ticket_url = "https://tracker.example/browse/{ticket}"   # links quarantined findings
    budgets = { wait_ms = 2500, steps = { payment = { wait_ms = 4000 } } }   # see _budgets.py

Gherkin tags speak for one scenario (or every scenario of a feature): `@severity:minor` sets the
severity of what it finds, `@known:TICKET-12` quarantines it: the finding stays in the report and in
findings.json, and does not fail the gate.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pytest

from checkout_integrity._budgets import Budgets
from checkout_integrity._exceptions import JourneyError
from checkout_integrity._findings import CATALOGUE, SEVERITIES, Finding

SEVERITY_TAG = "severity"
KNOWN_TAG = "known"
TABLE = "tool.checkout_integrity"
KEYS = ("fail_on", "severities", "ticket_url", "budgets")
DEFAULT_FAIL_ON = ("critical", "major")


@dataclass(frozen=True)
class Policy:
    """Which findings fail the gate: by severity, after the per-id and per-scenario overrides."""

    fail_on: frozenset[str] = frozenset(DEFAULT_FAIL_ON)
    severities: Mapping[str, str] = field(default_factory=dict)
    ticket_url: str = ""
    budgets: Budgets = Budgets()

    def __post_init__(self) -> None:
        object.__setattr__(self, "severities", MappingProxyType(dict(self.severities)))

    def severity_of(self, defect_id: str, default: str, tagged: str = "") -> str:
        """The scenario's tag first, then the project's choice for the id, then the catalogue's."""
        return tagged or self.severities.get(defect_id, default)

    def gates(self, finding: Finding) -> bool:
        """Whether this finding fails the run."""
        return finding.severity in self.fail_on and not finding.quarantined

    def standing(self, finding: Finding) -> str:
        """How the gate treats the finding, in a few words: 'fails the gate', 'quarantined TICKET-12'."""
        if finding.quarantined:
            return f"quarantined {finding.ticket}"
        return "fails the gate" if self.gates(finding) else "below the gate"

    def ticket_link(self, ticket: str) -> str:
        """The tracker URL of a known-defect ticket, when the project names its tracker."""
        return self.ticket_url.format(ticket=ticket) if self.ticket_url else ""

    def describe(self) -> str:
        """'fail_on critical, major' as the summary and the report state it."""
        return f"fail_on {', '.join(sorted(self.fail_on, key=SEVERITIES.index)) or 'nothing (report only)'}"


def add_option(parser: pytest.Parser) -> None:
    """`--fail-on`, in the harness's option group."""
    parser.getgroup("checkout-integrity").addoption(
        "--fail-on",
        default=None,
        metavar="SEVERITY,SEVERITY",
        help="severities whose findings fail the run, or `none` to report only (default: fail_on of "
        "[tool.checkout_integrity] in pyproject.toml, else critical,major)",
    )


def read_policy(config: pytest.Config) -> Policy:
    """The policy of pyproject.toml's [tool.checkout_integrity], with --fail-on over it."""
    table = _table(_pyproject(config))
    fail_on = _severities(table.get("fail_on", DEFAULT_FAIL_ON), "fail_on")
    override = config.getoption("fail_on")
    if override is not None:
        chosen = [] if override.strip() == "none" else [part.strip() for part in override.split(",") if part.strip()]
        if any(severity not in SEVERITIES for severity in chosen):
            raise pytest.UsageError(
                f"--fail-on {override} names no severity this harness knows: give some of "
                f"{', '.join(SEVERITIES)} separated by commas, or `none` to report only."
            )
        fail_on = chosen
    by_id = table.get("severities", {})
    if not isinstance(by_id, dict):
        raise _bad(f"`severities` must be a table of defect id = severity, not {by_id!r}")
    for defect_id, severity in by_id.items():
        if defect_id not in CATALOGUE:
            nearest = difflib.get_close_matches(defect_id, CATALOGUE, n=1, cutoff=0.0)[0]
            raise _bad(f"`severities` names {defect_id!r}, which is no catalogue id (the nearest is {nearest!r})")
        _severities([severity], f"severities.{defect_id}")
    ticket_url = table.get("ticket_url", "")
    if not isinstance(ticket_url, str) or (ticket_url and "{ticket}" not in ticket_url):
        raise _bad(f"`ticket_url` must be a URL with {{ticket}} in it, not {ticket_url!r}")
    try:
        budgets = Budgets.from_table(table.get("budgets", {}), f"{TABLE}.budgets")
    except JourneyError as wrong:
        raise pytest.UsageError(f"pyproject.toml: {wrong}") from None
    return Policy(frozenset(fail_on), by_id, ticket_url, budgets)


def tag_mark(tag: str) -> pytest.MarkDecorator | None:
    """The pytest mark for `@severity:minor` or `@known:TICKET-12` (checked later); None for other tags."""
    name, colon, value = tag.partition(":")
    if not colon or name not in (SEVERITY_TAG, KNOWN_TAG):
        return None
    return pytest.mark.severity(value) if name == SEVERITY_TAG else pytest.mark.known(value)


def check_tags(items: Iterable[pytest.Item]) -> None:
    """Stop the run before any customer sets off when a scenario's tag cannot be honoured."""
    for item in items:
        scenario = getattr(getattr(item, "obj", None), "__doc__", None) or item.name
        for mark in item.iter_markers(SEVERITY_TAG):
            level = mark.args[0] if mark.args else ""
            if level not in SEVERITIES:
                raise pytest.UsageError(
                    f"The tag @severity:{level} of the scenario '{scenario}' ({item.nodeid}) is not a "
                    f"severity: use one of {', '.join(f'@severity:{s}' for s in SEVERITIES)}."
                )
        for mark in item.iter_markers(KNOWN_TAG):
            if not (mark.args and mark.args[0]):
                raise pytest.UsageError(
                    f"The tag @known: of the scenario '{scenario}' ({item.nodeid}) names no ticket: write "
                    "the ticket of the known defect after the colon, as in @known:TICKET-12."
                )


def scenario_terms(*tag_sets: Iterable[str]) -> tuple[str, str]:
    """(severity, ticket) from the tags, the first set (the scenario's) before the next (the feature's)."""
    severity = ticket = ""
    for tag in (tag for tags in reversed(tag_sets) for tag in sorted(tags)):
        name, _, value = tag.partition(":")
        if name == SEVERITY_TAG:
            severity = value
        elif name == KNOWN_TAG:
            ticket = value
    return severity, ticket


def _pyproject(config: pytest.Config) -> Path:
    inipath = config.inipath
    return inipath if inipath is not None and inipath.name == "pyproject.toml" else config.rootpath / "pyproject.toml"


def _table(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as problem:
        raise pytest.UsageError(f"Cannot read the policy in {path}: {problem}.") from None
    table = document.get("tool", {}).get("checkout_integrity", {})
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        raise _bad(f"unknown key(s) {', '.join(unknown)} in {path}")
    return dict(table)


def _severities(values: object, where: str) -> list[str]:
    if not isinstance(values, (list, tuple)) or any(value not in SEVERITIES for value in values):
        raise _bad(f"`{where}` is {values!r}, but each entry must be one of {', '.join(SEVERITIES)}")
    return list(values)


def _bad(problem: str) -> pytest.UsageError:
    return pytest.UsageError(
        f"The gate policy [{TABLE}] cannot be used: {problem}. Fix pyproject.toml (see docs/report.md)."
    )
