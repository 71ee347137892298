"""Feature files the harness cannot read: one sentence with the file, the line, what is wrong and the fix.

pytest-bdd stops collection with a Gherkin parse error spread over a traceback; the user sees instead
`features/x.feature:4: ...`. A line with a misspelt keyword before a scenario's first step is no parse
error at all (Gherkin reads it as the scenario's description), so a scenario left without steps, which
would pass without checking anything, stops the run too.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pytest_bdd.exceptions import FeatureError, GherkinParseError, TokenError
from pytest_bdd.scenario import scenario_wrapper_template_registry
from pytest_bdd.utils import registry_get_safe

KEYWORDS = "Given, When, Then, And or But"
POSITION = re.compile(r"^\(\d+:\d+\):\s*")


def shown(filename: str, config: pytest.Config) -> str:
    """The feature file's path as the user typed the command: relative to where pytest was started."""
    path = Path(filename)
    try:
        return str(path.relative_to(config.invocation_params.dir))
    except ValueError:
        return str(path)


def fix_for(error: GherkinParseError) -> str:
    """What to change on the line pytest-bdd could not read."""
    if isinstance(error, FeatureError) and "Multiple features" in error.message:
        return "keep one `Feature:` per file and move the other feature to a file of its own"
    if isinstance(error, FeatureError):
        return "put the step under a `Scenario:` (or a `Background:`)"
    if isinstance(error, TokenError):
        return f"start a step with {KEYWORDS}, and comments with #"
    if "cell count" in error.message:
        return "give every row of the table as many cells as its first row"
    return f"write it as Gherkin: one `Feature:`, then `Scenario:` blocks of steps starting with {KEYWORDS}"


def parse_error_sentence(error: GherkinParseError, config: pytest.Config) -> str:
    """'features/x.feature:4: unexpected text `Whn y`: start a step with Given, When, ...'."""
    lines = [POSITION.sub("", line).strip() for line in error.message.splitlines()]
    problem = next(
        (line for line in reversed(lines) if line and not line.endswith(":")), "the feature file cannot be read"
    )
    if isinstance(error, TokenError):
        problem = "this line is neither a step nor a keyword that Gherkin knows"
    problem = problem[0].lower() + problem[1:].rstrip(".")
    return (
        f"{shown(error.filename, config)}:{error.line}: {problem} (the line reads `{error.line_content.strip()}`): "
        f"{fix_for(error)}."
    )


def explain(report: pytest.CollectReport, config: pytest.Config) -> None:
    """Replace the traceback of a feature file pytest-bdd could not parse by the one sentence."""
    call = getattr(report, "call", None)  # pytest keeps the collection's CallInfo here for a moment
    excinfo = getattr(call, "excinfo", None)
    if report.failed and excinfo is not None and isinstance(excinfo.value, GherkinParseError):
        report.longrepr = parse_error_sentence(excinfo.value, config)


def check_steps(items: list[pytest.Item], config: pytest.Config) -> None:
    """Stop the run at a scenario without steps: it would pass having checked nothing."""
    for item in items:
        template = registry_get_safe(scenario_wrapper_template_registry, getattr(item, "obj", None))
        if template is None or template.steps:
            continue
        description = template.description.strip().splitlines()
        read_as = f" (Gherkin read `{description[0].strip()}` as its description)" if description else ""
        raise pytest.UsageError(
            f"{shown(template.feature.filename, config)}:{template.line_number}: the scenario \"{template.name}\" "
            f"has no steps{read_as}: start each step with {KEYWORDS}."
        )
