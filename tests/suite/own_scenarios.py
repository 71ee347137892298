"""A fault's own scenarios: those with a Then-step that holds the journey to that fault's promise; and the
fault matrix's cells, each scenario with each of its own faults, in one run.

Read from the feature files (pytest-bdd's parser) and from the Then-steps' own code (the catalogue ids
they pass to `promise(...)`), so a new scenario or fault needs no list kept here. Loaded into a child run
(`-p tests.suite.own_scenarios --fault-cells=own`), every scenario runs once on the clean demo site and
once more for each fault it holds a promise of (`--fault-cells=all`: for every fault), the demo site's
faults switched before each test through its loopback-only /__test__/faults endpoint; which test ran with
which fault is written to `fault-cells.json` in the reports folder, beside findings.json (whose findings
name their test).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict

import httpx
import pytest
from pytest_bdd.feature import get_features
from pytest_bdd.parser import ScenarioTemplate
from pytest_bdd.scenario import scenario_wrapper_template_registry
from pytest_bdd.steps import StepFunctionContext, step_function_context_registry

from checkout_integrity._stopped import stopped_on
from demo_hotel.faults import FAULTS
from fixtures.verdicts import HELD

if TYPE_CHECKING:  # the suite's own fixtures module registers itself as a plugin: imported here, it would not be rewritten
    from fixtures.site import TargetSite

FEATURES = Path(__file__).resolve().parents[2] / "features"
STEP_LIBRARIES = ("steps.promises",)  # imported by the root conftest in a suite run; here for the unit test
CLEAN = "clean"


class Cell(TypedDict):
    """One test of the matrix: the fault it ran with, whether it passed, why not, its seconds."""

    fault: str
    passed: bool
    failure: str  # the error it stopped on, first line; "" for a test that passed
    seconds: float
    skipped: bool  # not checkable on the target's site: never walked, so never caught or passed


_cells: dict[str, Cell] = {}  # test node id -> its cell


@cache
def promises_held_by(step_func: Callable[..., object]) -> frozenset[str]:
    """The catalogue ids a Then-step holds the journey to (`holding_to` marks them on it)."""
    held: frozenset[str] = getattr(step_func, HELD, frozenset())
    return held


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
        "--fault-cells",
        choices=("own", "all"),
        default=None,
        help="run each scenario clean, then with each fault whose promise it holds (own) or with every fault (all)",
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Each scenario once clean and once per fault of its cells; the fault is the test's parameter id."""
    cells = metafunc.config.getoption("fault_cells")
    scenario = scenario_wrapper_template_registry.get(metafunc.function)
    if not cells or scenario is None:
        return
    faults = sorted(FAULTS) if cells == "all" else sorted(promises_of(scenario, then_steps()) & FAULTS.keys())
    metafunc.parametrize("fault_cell", [CLEAN, *faults], ids=[CLEAN, *faults], indirect=True)


@pytest.fixture(autouse=True)
def fault_cell(request: pytest.FixtureRequest) -> Iterator[str | None]:
    """Switch the demo site's faults to this test's one (none for a clean test) for as long as it runs."""
    fault = getattr(request, "param", None)
    if fault is None:
        yield None
        return
    site: TargetSite = request.getfixturevalue("target_site")
    httpx.post(f"{site.base_url}/__test__/restock", timeout=10).raise_for_status()  # each cell finds the last one
    switch(site, "" if fault == CLEAN else fault)
    request.node.user_properties.append(("fault", fault))
    yield fault
    switch(site, "")


def switch(site: TargetSite, fault: str) -> None:
    """Make `fault` (or, given "", none) the demo site's only active fault, and check that it is."""
    answer = httpx.post(f"{site.base_url}/__test__/faults", params={"on": fault}, timeout=10)
    answer.raise_for_status()
    assert answer.json()["active"] == ([fault] if fault else []), answer.text


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Keep, per test that ran in a cell, its fault, whether it passed (and why not) and its seconds (on the
    controller too: xdist hands over the workers' reports with their user properties)."""
    fault = dict(report.user_properties).get("fault")
    if not isinstance(fault, str):  # not a test of the matrix
        return
    cell = _cells.setdefault(
        report.nodeid, {"fault": fault, "passed": True, "failure": "", "seconds": 0.0, "skipped": False}
    )
    cell["skipped"] |= report.skipped and not hasattr(report, "wasxfail")
    if report.failed and cell["passed"]:
        cell["passed"] = False
        cell["failure"] = f"{report.when}: {stopped_on(report)}"
    cell["seconds"] += report.duration


def pytest_sessionfinish(session: pytest.Session) -> None:
    if _cells and not hasattr(session.config, "workerinput"):
        reports = Path(session.config.getoption("reports"))
        reports.mkdir(parents=True, exist_ok=True)
        (reports / "fault-cells.json").write_text(json.dumps(_cells, indent=1), encoding="utf-8")
