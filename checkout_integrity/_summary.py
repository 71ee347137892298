"""The end of a pytest run as the terminal shows it: a table of findings, the gate's verdict, the files."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from checkout_integrity._findings import Finding
from checkout_integrity._outputs import HTML_REPORT, allure_results
from checkout_integrity._retries import flaky_lines
from checkout_integrity._run_log import RunLog
from checkout_integrity._stopped import stopped_lines

HEADER = ("id", "severity", "gate", "scenario")
INDENT = "    "


def summary_lines(log: RunLog, width: int, cwd: Path) -> list[str]:
    """The findings table and the gate's verdict, for a terminal `width` characters wide.

    One row per defect (id, severity, gate, and its scenario, or how many scenarios when it broke in
    several), then the customer's words, each followed by the scenarios that met them and their evidence
    folders, so that the message keeps the whole width however narrow the terminal; findings.json keeps
    every finding. Under the verdict, the scenarios that passed only when retried and those not checked.
    """
    under = [*flaky_lines(log.flaky), *stopped_lines(log.stopped)]
    if not log.walked and not log.findings:
        collected = f"{log.scenarios} scenario{'' if log.scenarios == 1 else 's'}"
        return [
            f"no scenario was judged ({collected} collected, none walked to its promises): nothing was checked, "
            "so the gate does not pass; the reasons above (not checkable on this site, sold out, a profile key "
            "to fix) say what stopped each one",
            *under,
        ]
    if not log.findings:
        walked = f"{log.walked} scenario{'' if log.walked == 1 else 's'}"
        return [f"no broken promises found in {walked}; gate passes ({log.policy.describe()})", *under]
    defects: dict[tuple[str, str, str], list[Finding]] = {}  # in the order first found
    for finding in log.findings:
        defects.setdefault((finding.id, finding.severity, log.policy.standing(finding)), []).append(finding)
    rows = [(*defect, found[0].scenario if len(found) == 1 else f"in {len(found)} scenarios")
            for defect, found in defects.items()]
    widths = [max(len(row[column]) for row in [HEADER, *rows]) for column in range(3)]
    scenario_width = max(width - sum(widths) - 2 * len(widths) - 1, 20)
    lines = [*_row(HEADER, widths, scenario_width), "-" * (width - 1)]
    for found, row in zip(defects.values(), rows, strict=True):
        lines += _row(row, widths, scenario_width)
        lines += _told(found, width, cwd)
    gating = log.gating()
    if gating:
        verdict = f"gate fails ({log.policy.describe()}): {len(gating)} of {len(log.findings)} finding(s) fail it"
    else:
        verdict = f"gate passes ({log.policy.describe()}): no finding fails it"
    return [*lines, verdict, *under]


def _told(found: list[Finding], width: int, cwd: Path) -> list[str]:
    """Each of the defect's messages, then (when it broke in several scenarios) the scenarios that met it;
    then the folder of their evidence."""
    messages: dict[str, list[Finding]] = {}
    for finding in found:
        messages.setdefault(finding.message, []).append(finding)
    lines = []
    for message, same in messages.items():
        lines += textwrap.wrap(message, width - 1, initial_indent=INDENT, subsequent_indent=INDENT)
        for finding in same if len(found) > 1 else ():
            lines += textwrap.wrap(finding.scenario, width - 1, initial_indent=f"{INDENT}- ",
                                   subsequent_indent=f"{INDENT}  ")
    folders = [folder for finding in found if (folder := _folder(finding, cwd))]
    if folders:
        lines.append(f"{INDENT}evidence: {folders[0] if len(folders) == 1 else os.path.commonpath(folders)}")
    return lines


def _row(row: tuple[str, str, str, str], widths: list[int], scenario_width: int) -> list[str]:
    """One finding's columns; a long scenario name wraps under its own column."""
    lead = "  ".join(text.ljust(width) for text, width in zip(row[:3], widths, strict=True))
    scenario = textwrap.wrap(row[3], scenario_width) or [""]
    return [f"{lead}  {scenario[0]}".rstrip(), *(f"{' ' * len(lead)}  {more}" for more in scenario[1:])]


def written(log: RunLog, config: pytest.Config) -> list[str]:
    """Where the run's files are, and how to turn its Allure results into the HTML report."""
    cwd = config.invocation_params.dir
    lines = [f"findings: {_shown(log.path, cwd)}"]
    xml = getattr(config.option, "xmlpath", None)
    if xml:
        lines.append(f"JUnit XML: {_shown(Path(xml), cwd)}")
    results = allure_results(config)
    if results is not None:
        report = results.parent / HTML_REPORT
        lines.append(
            f"Allure results: {_shown(results, cwd)} (HTML report: `checkout-integrity report --reports "
            f"{_shown(results.parent, cwd)}`, then open {_shown(report / 'index.html', cwd)})"
        )
    return lines


def _folder(finding: Finding, cwd: Path) -> str:
    """The folder holding the finding's screenshots, relative to where pytest was started when below it."""
    shots = [str(Path(path).parent) for path in finding.evidence if path.endswith(".png")]
    if not shots:
        return ""
    return _shown(Path(os.path.commonpath(shots)), cwd)


def _shown(path: Path, cwd: Path) -> str:
    """`path` relative to where pytest was started when it lies below it, else as it is."""
    absolute = Path(cwd, path)
    return os.path.relpath(absolute, cwd) if absolute.is_relative_to(cwd) else str(absolute)
