"""Allure, through allure-pytest-bdd: what each Gherkin step showed the customer, each finding with its
evidence, labels to find them by, and the run's environment and categories.

Attachments made while a step runs land on that step; those made once the scenario is over land on
the test. Every result passes through `MaskCardNumbers` before it is written, which also leaves out
the step parameters that are fixtures (allure-pytest-bdd lists every argument of a step function, a
customer's card included): the report keeps the words of the step.
"""

from __future__ import annotations

import json
import platform
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import allure
import allure_commons
from allure_commons.model2 import ExecutableItem, Status, StatusDetails, TestResult
from allure_commons.types import AttachmentType, Severity

from checkout_integrity._evidence import SavedResponse
from checkout_integrity._findings import CATALOGUE, Finding
from checkout_integrity._gate import BELOW_THE_GATE, KNOWN_DEFECT
from checkout_integrity._journey import CUSTOMER, Snapshot
from checkout_integrity._masking import mask_card_numbers
from checkout_integrity._policy import Policy
from checkout_integrity._rules import rules_for
from checkout_integrity.promises._words import countdown

MARKDOWN = "text/markdown"
PLAYWRIGHT_TRACE = "application/vnd.allure.playwright-trace"
FLAKY = "flaky"
ALLURE_SEVERITY = {"critical": Severity.CRITICAL, "major": Severity.NORMAL, "minor": Severity.MINOR}
OBJECT_REPR = re.compile(r"^(<.*>|[A-Za-z_][\w.]*\(.*\))$", re.DOTALL)  # "Customer(...)", "<function ...>"
# allure-python's attach and dynamic APIs carry no type hints: they are used through these two names.
ATTACH: Any = allure.attach
DYNAMIC: Any = allure.dynamic


def show_snapshot(snapshot: Snapshot) -> None:
    """The screenshot and a table of what the customer (or rival) saw, on the running step."""
    who = "the customer" if snapshot.actor == CUSTOMER else f"the {snapshot.actor}"
    if snapshot.screenshot and Path(snapshot.screenshot).exists():
        ATTACH.file(snapshot.screenshot, name=f"{snapshot.step}: screenshot", attachment_type=AttachmentType.PNG)
    ATTACH(seen_table(snapshot), name=f"{snapshot.step}: what {who} saw", attachment_type=MARKDOWN, extension="md")


def show_response(saved: SavedResponse) -> None:
    """A price-bearing response body (as text: the report shows the source, never runs it)."""
    kind = AttachmentType.JSON if saved.mime == "application/json" else AttachmentType.TEXT
    ATTACH.file(str(saved.path), name=f"network: {saved.title}", attachment_type=kind)


def show_finding(finding: Finding, policy: Policy) -> None:
    """One broken promise on the test: a card with its words, standing and rules, then the screenshots
    of the steps that disagree (attachments, not a step: a step would show a passed tick)."""
    title = f"broken promise [{finding.id}]"
    ATTACH(finding_card(finding, policy), name=title, attachment_type=MARKDOWN, extension="md")
    for path in finding.evidence:
        if path.endswith(".png") and Path(path).exists():
            ATTACH.file(path, name=f"{title}: {Path(path).name}", attachment_type=AttachmentType.PNG)


def show_timeline(table: str, chart: Path | None) -> None:
    """The journey's amounts by step, as a table and (when written) as a chart."""
    ATTACH(table, name="price timeline", attachment_type=MARKDOWN, extension="md")
    if chart is not None:
        ATTACH.file(str(chart), name="price timeline chart", attachment_type=AttachmentType.SVG)


def show_trace(trace: Path) -> None:
    """The Playwright trace of a failed scenario, opened by the report's trace viewer."""
    ATTACH.file(str(trace), name="Playwright trace", attachment_type=PLAYWRIGHT_TRACE, extension="zip")


def label_scenario(story: str, tagged_severity: str, ticket: str, findings: list[Finding], policy: Policy) -> None:
    """Labels to find the scenario by: story, severity, defect ids, tags, the ticket and the rules."""
    DYNAMIC.story(story)
    severities = [finding.severity for finding in findings] or ([tagged_severity] if tagged_severity else [])
    if severities:
        DYNAMIC.severity(ALLURE_SEVERITY[min(severities, key=list(ALLURE_SEVERITY).index)])
    for defect in dict.fromkeys(finding.id for finding in findings):
        DYNAMIC.label("defect", defect)
    if tagged_severity:
        DYNAMIC.tag(f"severity:{tagged_severity}")
    if ticket:
        DYNAMIC.tag(f"known:{ticket}")
        if link := policy.ticket_link(ticket):
            DYNAMIC.issue(link, ticket)
    rules = {rule.title: rule for finding in findings for rule in rules_for(finding.id)}
    for rule in rules.values():
        DYNAMIC.link(rule.url, name=f"may breach: {rule.title}")


def seen_table(snapshot: Snapshot) -> str:
    """A markdown table of the prices, countdown, form and facts one snapshot holds."""
    rows = [("step", snapshot.step), ("page", urlparse(snapshot.url).path or snapshot.url)]
    rows += [(f"{line.label} ({line.kind})", str(line.amount)) for line in snapshot.lines]
    rows += [(name, str(amount)) for name, amount in snapshot.amounts.items()]
    if snapshot.hold_remaining is not None:
        rows.append(("hold countdown", countdown(snapshot.hold_remaining)))
    rows += [(f"form: {label}", value) for label, value in snapshot.form.items() if value.strip()]
    rows += [(f"fact: {name}", value) for name, value in snapshot.facts.items()]
    return _markdown_table(("what", "shown"), rows)


def finding_card(finding: Finding, policy: Policy) -> str:
    """The finding as a short markdown page: words, standing, where, and the rules it may breach."""
    standing = policy.standing(finding)
    ticket = policy.ticket_link(finding.ticket)
    lines = [
        f"**{finding.id}** · {finding.severity} · {standing} ({policy.describe()})",
        "",
        f"> {mask_card_numbers(finding.message)}",
        "",
        _markdown_table(
            ("the customer says", CATALOGUE[finding.id].customer_says if finding.id in CATALOGUE else finding.id),
            [
                ("found at", finding.step),
                ("scenario", finding.scenario),
                ("feature", finding.feature),
                *([("known defect", f"[{finding.ticket}]({ticket})" if ticket else finding.ticket)] if finding.ticket else []),
            ],
        ),
    ]
    rules = rules_for(finding.id)
    if rules:
        lines += ["", "**May breach** (for a lawyer to judge; this is evidence, not a legal opinion):", ""]
        lines += [f"- [{rule.title}]({rule.url}): {rule.asks}" for rule in rules]
    return "\n".join(lines) + "\n"


def write_environment(results: Path, facts: Mapping[str, str]) -> None:
    """environment.properties: the run's facts as Allure shows them on the report's front page."""
    results.mkdir(parents=True, exist_ok=True)
    facts = {**facts, "python": platform.python_version()}
    body = "".join(f"{key}={_property(value)}\n" for key, value in facts.items())
    (results / "environment.properties").write_text(body, encoding="utf-8")


def write_categories(results: Path) -> None:
    """categories.json: failures grouped by defect id, quarantined and below-the-gate ones apart."""
    categories: list[dict[str, Any]] = [
        {
            "name": f"{defect.id}: {defect.customer_says}",
            "matchedStatuses": ["failed"],
            "messageRegex": rf"(?s).*\[{defect.id}\].*",
        }
        for defect in CATALOGUE.values()
    ]
    categories += [
        {"name": "Known defects (quarantined)", "matchedStatuses": ["skipped"], "messageRegex": f"(?s).*{KNOWN_DEFECT}.*"},
        {"name": "Findings below the gate", "matchedStatuses": ["skipped"], "messageRegex": f"(?s).*{BELOW_THE_GATE}.*"},
        {"name": "Harness problems (not a shop defect)", "matchedStatuses": ["broken", "failed"]},
    ]
    results.mkdir(parents=True, exist_ok=True)
    (results / "categories.json").write_text(json.dumps(categories, indent=2) + "\n", encoding="utf-8")


def mark_flaky() -> None:
    """Tag the running scenario flaky: it passed only when retried (FlagFlaky turns the tag into Allure's flag)."""
    DYNAMIC.tag(FLAKY)


class FlagFlaky:
    """An allure-commons plugin: a passed result tagged flaky carries Allure's flaky flag, so the report
    marks it and counts it among the flaky tests."""

    @allure_commons.hookimpl(tryfirst=True)  # before allure's file writer
    def report_result(self, result: TestResult) -> None:
        if result.status == Status.PASSED and any(label.value == FLAKY for label in result.labels if label.name == "tag"):
            result.statusDetails = result.statusDetails or StatusDetails()
            result.statusDetails.flaky = True


class MaskCardNumbers:
    """An allure-commons plugin: masks card numbers in every test result before it is written."""

    @allure_commons.hookimpl(tryfirst=True)
    def report_result(self, result: TestResult) -> None:
        _mask_item(result)
        result.name = _masked(result.name)
        result.fullName = _masked(result.fullName)


def _mask_item(item: ExecutableItem) -> None:
    item.description = _masked(item.description)
    if item.statusDetails is not None:
        item.statusDetails.message = _masked(item.statusDetails.message)
        item.statusDetails.trace = _masked(item.statusDetails.trace)
    item.parameters = [
        parameter for parameter in item.parameters if not OBJECT_REPR.match(str(parameter.value or ""))
    ]
    for parameter in item.parameters:
        parameter.value = _masked(parameter.value)
    for step in item.steps:
        step.name = _masked(step.name)
        _mask_item(step)


def _masked(text: Any) -> Any:
    return mask_card_numbers(text) if isinstance(text, str) else text


def _markdown_table(header: tuple[str, str], rows: Iterable[tuple[str, str]]) -> str:
    cells = [f"| {_cell(left)} | {_cell(right)} |" for left, right in rows]
    return "\n".join([f"| {header[0]} | {header[1]} |", "| --- | --- |", *cells]) + "\n"


def _cell(text: str) -> str:
    return mask_card_numbers(text).replace("|", "\\|").replace("\n", " ")


def _property(value: str) -> str:
    """A value as a .properties line keeps it: backslashes and line breaks escaped."""
    return value.replace("\\", "\\\\").replace("\n", "\\n")
