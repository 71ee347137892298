"""Where a run writes: everything under `--reports`, so that one folder is all CI needs to keep.

    reports/findings.json      the findings (docs/report.md)
    reports/evidence/<test>/   screenshots, network responses, price timeline of each scenario
    reports/allure-results/    Allure's raw results, environment.properties, categories.json
    reports/allure-report/     the HTML report built from them (`make report`)
    reports/history.jsonl      each report's run, kept for the next report's history (Allure 3)
    reports/junit.xml          JUnit XML for CI
    reports/playwright/        traces kept for failed scenarios (pytest-playwright's --output)

An explicit `--alluredir`, `--junitxml` or `--output` wins.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ALLURE_RESULTS = "allure-results"
HTML_REPORT = "allure-report"
HISTORY = "history.jsonl"
JUNIT = "junit.xml"
PLAYWRIGHT = "playwright"
PLAYWRIGHT_DEFAULT_OUTPUT = "test-results"


def direct_outputs(config: pytest.Config, reports: Path) -> None:
    """Point Allure, JUnit XML and pytest-playwright's artifacts into `reports` unless told otherwise."""
    option = config.option
    worker = hasattr(config, "workerinput")
    if getattr(option, "allure_report_dir", "") is None:
        option.allure_report_dir = str(reports / ALLURE_RESULTS)
        option.clean_alluredir = True
    if worker:
        option.clean_alluredir = False  # the controller cleaned it; a worker must not wipe another's results
    if getattr(option, "xmlpath", "") is None:
        option.xmlpath = str(reports / JUNIT)
    if getattr(option, "output", None) == PLAYWRIGHT_DEFAULT_OUTPUT:
        option.output = str(reports / PLAYWRIGHT)


def allure_results(config: pytest.Config) -> Path | None:
    """The allure-results folder of this run, when Allure is writing one."""
    directory = getattr(config.option, "allure_report_dir", None)
    return Path(directory) if directory else None
