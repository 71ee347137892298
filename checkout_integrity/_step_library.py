"""The step phrases scenario writers may use: listed with an example line, and suggested when a line
of a feature file matches none of them."""

from __future__ import annotations

import difflib
import importlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pytest_bdd.feature import get_features
from pytest_bdd.steps import step_function_context_registry


@dataclass(frozen=True)
class Phrase:
    """One step phrase: its Gherkin keyword type, its pattern, and a feature line that uses it."""

    type: str
    pattern: str
    example: str = ""


def known_phrases() -> list[Phrase]:
    """Every step phrase registered with pytest-bdd so far, in definition order."""
    return [Phrase(context.type or "any", context.parser.name) for context in step_function_context_registry.values()]


def load_step_modules(modules: Iterable[str]) -> None:
    """Import the step libraries (the `steps.*` entries of the root conftest's `pytest_plugins`)."""
    for module in modules:
        if module.startswith("steps."):
            importlib.import_module(module)


def with_examples(phrases: list[Phrase], features: Path) -> list[Phrase]:
    """Each phrase with the first line of the feature files that uses it, keyword included."""
    lines = [
        (f"{step.keyword.strip()} {step.name}", step.name)
        for feature in get_features([str(features)])
        for scenario in feature.scenarios.values()
        for step in scenario.steps
    ]
    registry = {context.parser.name: context.parser for context in step_function_context_registry.values()}
    found = []
    for phrase in phrases:
        parser = registry[phrase.pattern]
        example = next((line for line, name in lines if "<" not in name and parser.is_matching(name)), "")
        found.append(Phrase(phrase.type, phrase.pattern, example))
    return found


def nearest(text: str, step_type: str, count: int = 3) -> list[str]:
    """The known phrases closest to `text`, those of the same step type first."""
    phrases = known_phrases()
    same = [p.pattern for p in phrases if p.type in (step_type, "any")]
    return difflib.get_close_matches(text, same, n=count, cutoff=0.3) or difflib.get_close_matches(
        text, [p.pattern for p in phrases], n=count, cutoff=0.0
    )



def with_nearest(error: Exception, text: str, step_type: str) -> None:
    """Add the nearest known phrases to pytest-bdd's "step definition is not found" error (which already
    names the step, its line, the scenario and the feature file)."""
    suggestions = "\n".join(f"    {step_type.capitalize()} {pattern}" for pattern in nearest(text, step_type))
    error.args = (f"{error.args[0]}\nThe nearest known steps are:\n{suggestions}\n"
                  "(`checkout-integrity steps` lists them all, each with an example)",)


def print_library(modules: Iterable[str], features: Path) -> None:
    """Print every step phrase, English and Italian, each with an example line from the features."""
    load_step_modules(modules)
    for phrase in with_examples(known_phrases(), features):
        print(f"{phrase.type:<5}  {phrase.pattern}")
        print(f"       e.g. {phrase.example}" if phrase.example else "       (no feature uses it yet)")
