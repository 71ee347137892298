"""The pytest plugin: routes each pytest and pytest-bdd hook to the module that does the work."""

from __future__ import annotations

from collections.abc import Callable, Generator
from functools import partial
from pathlib import Path
from typing import Any

import allure_commons
import pytest
from playwright.sync_api import Page
from pytest_bdd.parser import Feature, Scenario, Step

from checkout_integrity import (
    _allure,
    _changes,
    _evidence,
    _feature_files,
    _gate,
    _options,
    _outputs,
    _patience,
    _policy,
    _remote,
    _reporting,
    _retries,
    _shards,
    _step_library,
    _summary,
)
from checkout_integrity._journey import Journey
from checkout_integrity._masking import mask_report
from checkout_integrity._run_log import RunLog, ScenarioLabel

RUN_LOG = pytest.StashKey[RunLog]()
SCENARIO = pytest.StashKey[ScenarioLabel]()
JOURNEY = pytest.StashKey[Journey]()
TOLD = pytest.StashKey[str]()  # what came of telling the --notify webhook


def pytest_addoption(parser: pytest.Parser) -> None:
    _options.add_options(parser)
    _policy.add_option(parser)
    _remote.add_options(parser)
    _shards.add_option(parser)


@pytest.hookimpl(tryfirst=True)  # before allure-pytest-bdd, junitxml and pytest-playwright read their options
def pytest_configure(config: pytest.Config) -> None:
    reports = Path(config.rootpath, config.getoption("reports"))
    _outputs.direct_outputs(config, reports)
    _remote.chosen_remote(config)  # a bad browser endpoint stops the run before any customer sets off
    _shards.split(config)
    config.addinivalue_line("markers", "severity(level): @severity:<level> sets the severity of the scenario's findings")
    config.addinivalue_line("markers", "known(ticket): @known:<ticket> quarantines the scenario's findings")
    log = RunLog(
        path=reports / "findings.json",
        site=config.getoption("site"),
        faults=_options.chosen_faults(config),
        seed=_options.run_seed(config),
        policy=_policy.read_policy(config),
    )
    if not hasattr(config, "workerinput"):
        log.forget_parts()
        log.earlier = _options.earlier_run(config)
    config.stash[RUN_LOG] = log
    for before_writing in (_allure.MaskCardNumbers(), _allure.FlagFlaky()):
        allure_commons.plugin_manager.register(before_writing)
        config.add_cleanup(partial(allure_commons.plugin_manager.unregister, before_writing))


def pytest_report_header(config: pytest.Config) -> str:
    log = config.stash[RUN_LOG]
    faults = ",".join(log.faults) or "none"
    return (
        f"checkout-integrity: site {log.site}, faults {faults}, seed {log.seed} (replay with --seed {log.seed}), "
        f"gate {log.policy.describe()}"
    )


def pytest_bdd_apply_tag(tag: str, function: Callable[..., Any]) -> bool | None:
    mark = _policy.tag_mark(tag)
    if mark is None:
        return None
    mark(function)
    return True


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(collector: pytest.Collector) -> Generator[None, pytest.CollectReport, pytest.CollectReport]:
    report = yield
    _feature_files.explain(report, collector.config)
    return report


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    _feature_files.check_steps(items, config)
    _policy.check_tags(items)


def _is_scenario(item: pytest.Item) -> bool:
    """Whether the test is a customer scenario of pytest-bdd, not one of a project's own tests."""
    return "_pytest_bdd_example" in getattr(item, "fixturenames", ())


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Each attempt at a scenario starts afresh: a retry keeps nothing of the attempt before it but its findings."""
    attempt_state: tuple[pytest.StashKey[Any], ...] = (_evidence.EVIDENCE, _patience.WATCHED, _patience.HUNG, JOURNEY)
    for key in attempt_state:
        if key in item.stash:
            del item.stash[key]


def pytest_bdd_before_scenario(request: pytest.FixtureRequest, feature: Feature, scenario: Scenario) -> None:
    severity, ticket = _policy.scenario_terms(scenario.tags, feature.tags)
    item = request.node
    item.stash[SCENARIO] = ScenarioLabel(
        scenario.name, feature.name, feature.language, item.nodeid, severity, ticket, _retries.attempt(item)
    )


def pytest_bdd_step_func_lookup_error(step: Step, exception: Exception) -> None:
    _step_library.with_nearest(exception, step.name, step.type)


def pytest_bdd_before_step_call(request: pytest.FixtureRequest, step_func_args: dict[str, Any]) -> None:
    _patience.watch(request.node, step_func_args)
    page = getattr(step_func_args.get("storefront"), "page", None)
    if isinstance(page, Page):
        _evidence.listen(request.node, page)
        log = request.config.stash[RUN_LOG]
        if not log.browser_version and page.context.browser is not None:
            log.browser_version = page.context.browser.version


@pytest.hookimpl(tryfirst=True)  # inside the failed Allure step, before allure-pytest-bdd closes it
def pytest_bdd_step_error(request: pytest.FixtureRequest, feature: Feature, step: Step, exception: Exception) -> None:
    _patience.note_hang(request.node, feature, step, exception)
    journey = request.node.stash.get(JOURNEY, None)
    if journey is not None:
        _reporting.show_step(request.node, journey)


@pytest.hookimpl(wrapper=True, trylast=True)  # innermost: a hung shop is told before a profile misfit stops the run
def pytest_runtest_call(item: pytest.Item) -> Generator[None, None, None]:
    return (yield from _patience.blame_the_hang(item))


@pytest.hookimpl(wrapper=True)  # inside allure-pytest-bdd's wrapper: it reads the report after this one
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, Any, pytest.TestReport]:
    report: pytest.TestReport = yield
    mask_report(report)
    log = item.config.stash[RUN_LOG]
    if report.when == "setup" and _is_scenario(item) and _retries.attempt(item) == 1:
        log.scenarios += 1  # one more scenario this process ran (what -k, -m and shards left; a retry is not one)
    _gate.excuse(report, call, log.findings_of(item.nodeid), log.policy)
    if report.when == "call" and SCENARIO in item.stash and (not report.skipped or hasattr(report, "wasxfail")):
        attempt = _retries.attempt(item)
        if attempt == 1:  # walked to its end or to the step that failed; one skipped as not checkable was not
            log.walked += 1
        elif report.passed:
            log.flaky.append(_retries.FlakyScenario(item.nodeid, item.stash[SCENARIO].name, attempt))
            item.user_properties.append(("flaky", f"passed only on attempt {attempt}"))  # JUnit: from teardown on
            _allure.mark_flaky()
    if _is_scenario(item):
        label = item.stash.get(SCENARIO, None)
        log.note_attempt(report, label.name if label else item.name)
    if report.when == "teardown":
        _reporting.close_scenario(item, report, log, item.stash.get(SCENARIO, None), item.stash.get(JOURNEY, None))
    return report


def pytest_sessionfinish(session: pytest.Session) -> None:
    config = session.config
    log = config.stash[RUN_LOG]
    worker = getattr(config, "workerinput", {}).get("workerid")
    log.write(worker)
    if worker is not None:
        return
    results = _outputs.allure_results(config)
    if results is not None:
        _allure.write_environment(results, log.facts())
        _allure.write_categories(results)
    if not config.option.collectonly:  # a run that only lists its scenarios judges none and gates nothing
        session.exitstatus = _gate.exit_status(session.exitstatus, log)
        if (url := config.getoption("notify")) is not None:
            config.stash[TOLD] = _tell(url, log)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    log = config.stash[RUN_LOG]
    if config.option.collectonly or not (log.scenarios or log.walked or log.findings):
        return  # a run of the project's own tests: nothing to tell (under xdist the workers' counts are added by now)
    terminalreporter.section("checkout-integrity findings")
    for line in _summary.summary_lines(log, terminalreporter._tw.fullwidth, config.invocation_params.dir):
        terminalreporter.write_line(line)
    if (changes := log.changes()) is not None:
        for line in changes.lines():
            terminalreporter.write_line(line)
    if TOLD in config.stash:
        terminalreporter.write_line(config.stash[TOLD])
    for line in _summary.written(log, config):
        terminalreporter.write_line(line)


def _tell(url: str, log: RunLog) -> str:
    """Tell the webhook of the run's new findings (all of them, uncompared), if any; what happened, in a line."""
    changes = log.changes()
    new = changes.new if changes is not None else tuple(log.findings)
    if not new:
        return f"nothing new to tell the webhook at {url}"
    problem = _changes.notify(url, _changes.webhook_body(log.run_info(), new, changes.since if changes else None))
    return problem or f"told the webhook at {url} of {len(new)} new finding{'' if len(new) == 1 else 's'}"


@pytest.fixture(scope="session")
def run_log(pytestconfig: pytest.Config) -> RunLog:
    """The session's findings and run facts (site, faults, seed), written to findings.json at the end."""
    return pytestconfig.stash[RUN_LOG]


@pytest.fixture
def scenario_label(request: pytest.FixtureRequest) -> ScenarioLabel:
    """Names, language and tags of the running pytest-bdd scenario."""
    item: pytest.Item = request.node
    return item.stash.get(SCENARIO, ScenarioLabel(item.name, "", "en", item.nodeid))
