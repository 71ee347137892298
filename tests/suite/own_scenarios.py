"""A fault's own scenarios: those with a Then-step that holds the journey to that fault's promise.

Read from the feature files (pytest-bdd's parser) and from the Then-steps' own code (the catalogue ids
they pass to `promise(...)`), so a new scenario or fault needs no list kept here. Loaded into a child run
(`-p tests.suite.own_scenarios --own-scenarios-of=FAULT`), it deselects every other scenario.
"""

from __future__ import annotations

import ast
import inspect
import textwrap
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

import pytest
from pytest_bdd.feature import get_features
from pytest_bdd.parser import ScenarioTemplate
from pytest_bdd.scenario import scenario_wrapper_template_registry
from pytest_bdd.steps import StepFunctionContext, step_function_context_registry

FEATURES = Path(__file__).resolve().parents[2] / "features"
STEP_LIBRARIES = ("steps.promises",)  # imported by the root conftest in a suite run; here for the unit test


@cache
def promises_held_by(step_func: Callable[..., object]) -> frozenset[str]:
    """The catalogue ids a Then-step passes to `promise(...)`, read from its code without running it."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(step_func)))
    return frozenset(
        argument.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "promise"
        for argument in node.args
        if isinstance(argument, ast.Constant) and isinstance(argument.value, str)
    )


def then_steps() -> list[StepFunctionContext]:
    """Every Then-step definition loaded so far (the step libraries are imported first)."""
    for library in STEP_LIBRARIES:
        __import__(library)
    return [context for context in list(step_function_context_registry.values()) if context.type in ("then", None)]


def promises_of(scenario: ScenarioTemplate, steps: Iterable[StepFunctionContext]) -> frozenset[str]:
    """The promises the scenario's Then-steps hold its journey to."""
    steps = list(steps)
    return frozenset(
        promise
        for step in scenario.steps
        if step.type == "then"
        for context in steps
        if context.parser.is_matching(step.name)
        for promise in promises_held_by(context.step_func)
    )


def own_scenarios(fault: str) -> list[ScenarioTemplate]:
    """Every scenario under features/ (each language) that holds the journey to `fault`'s promise."""
    steps = then_steps()
    return [
        scenario
        for feature in get_features([str(FEATURES)])
        for scenario in feature.scenarios.values()
        if fault in promises_of(scenario, steps)
    ]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.getgroup("checkout-integrity fault matrix").addoption(
        "--own-scenarios-of",
        metavar="FAULT",
        default=None,
        help="run only the scenarios whose Then-steps hold the promise of this fault id",
    )


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    fault = config.getoption("own_scenarios_of")
    if not fault:
        return
    steps = then_steps()
    kept: list[pytest.Item] = []
    dropped: list[pytest.Item] = []
    for item in items:
        scenario = scenario_wrapper_template_registry.get(getattr(item, "obj", None))  # type: ignore[arg-type]
        (kept if scenario is not None and fault in promises_of(scenario, steps) else dropped).append(item)
    if not kept:
        raise pytest.UsageError(
            f'No scenario holds the promise "{fault}": add a scenario to features/ whose Then-step calls '
            f'promise("{fault}") (steps/promises.py), or check the fault id.'
        )
    config.hook.pytest_deselected(items=dropped)
    items[:] = kept
