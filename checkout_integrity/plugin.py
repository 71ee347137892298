"""The pytest plugin: routes each pytest and pytest-bdd hook to the module that does the work."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_bdd.parser import Feature, Scenario

from checkout_integrity import _options
from checkout_integrity._run_log import RunLog, ScenarioLabel

RUN_LOG = pytest.StashKey[RunLog]()
SCENARIO = pytest.StashKey[ScenarioLabel]()


def pytest_addoption(parser: pytest.Parser) -> None:
    _options.add_options(parser)


def pytest_configure(config: pytest.Config) -> None:
    reports = Path(config.rootpath, config.getoption("reports"))
    if hasattr(config.option, "allure_report_dir") and config.option.allure_report_dir is None:
        config.option.allure_report_dir = str(reports / "allure-results")
        config.option.clean_alluredir = True
    config.stash[RUN_LOG] = RunLog(
        path=reports / "findings.json",
        site=config.getoption("site"),
        faults=_options.chosen_faults(config),
        seed=_options.run_seed(config),
    )


def pytest_report_header(config: pytest.Config) -> str:
    log = config.stash[RUN_LOG]
    faults = ",".join(log.faults) or "none"
    return f"checkout-integrity: site {log.site}, faults {faults}, seed {log.seed} (replay with --seed {log.seed})"


def pytest_bdd_before_scenario(request: pytest.FixtureRequest, feature: Feature, scenario: Scenario) -> None:
    request.node.stash[SCENARIO] = ScenarioLabel(scenario.name, feature.name, feature.language)


def pytest_sessionfinish(session: pytest.Session) -> None:
    if not hasattr(session.config, "workerinput"):
        session.config.stash[RUN_LOG].write()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    terminalreporter.section("checkout-integrity findings")
    for line in config.stash[RUN_LOG].summary_lines():
        terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def run_log(pytestconfig: pytest.Config) -> RunLog:
    """The session's findings and run facts (site, faults, seed), written to findings.json at the end."""
    return pytestconfig.stash[RUN_LOG]


@pytest.fixture
def scenario_label(request: pytest.FixtureRequest) -> ScenarioLabel:
    """Names and language of the running pytest-bdd scenario."""
    return request.node.stash.get(SCENARIO, ScenarioLabel(request.node.name, "", "en"))
