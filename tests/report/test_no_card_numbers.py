"""No card number leaves a run: not in a screenshot, a log, findings.json, an Allure result, the JUnit
XML or the HTML report. The Playwright trace records typed values; it is the documented exception,
kept only for the scenarios that failed the gate."""

from __future__ import annotations

import base64
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from checkout_integrity._report import BuiltReport
from tests.report.browsing import chromium_page, mask_pixels
from tests.report.conftest import CARD_NUMBERS, FaultedRun

# An input is some 300 x 30 pixels: a payment screenshot with its four card fields masked has far more.
MASKED_FIELD_PIXELS = 2000


def spellings(number: str) -> list[bytes]:
    """The number as it may be written: bare, in groups of four, and in the base64 of an embedded file."""
    grouped = " ".join(re.findall(".{4}", number))
    return [number.encode(), grouped.encode(), *(base64.b64encode(prefix + number.encode())[4:-4] for prefix in (b"", b"x", b"xy"))]


def written_files(reports: Path) -> list[Path]:
    return [path for path in reports.rglob("*") if path.is_file() and path.name != "trace.zip"]


def test_no_card_number_in_any_file_of_the_run_but_the_traces(faulted_run: FaultedRun, built_report: BuiltReport) -> None:
    files = written_files(faulted_run.reports)
    assert built_report.index in files
    assert {path.suffix for path in files} >= {".png", ".json", ".xml", ".md", ".svg", ".html", ".properties"}
    for path in files:
        content = path.read_bytes()
        for number in CARD_NUMBERS:
            assert not any(spelling in content for spelling in spellings(number)), f"{number} in {path}"


def test_no_card_number_in_the_runs_output(faulted_run: FaultedRun) -> None:
    for number in CARD_NUMBERS:
        assert not any(spelling.decode() in faulted_run.run.output for spelling in spellings(number)[:2])


def test_the_report_shows_card_fields_as_the_page_masked_them(faulted_run: FaultedRun) -> None:
    tables = [path.read_text(encoding="utf-8") for path in (faulted_run.reports / "allure-results").glob("*.md")]
    card_rows = [line for table in tables for line in table.splitlines() if line.startswith("| form: Card number |")]
    assert card_rows, "no step showed a card number field"
    assert all(re.fullmatch(r"\| form: Card number \| •••• \d{4} \|", row) for row in card_rows), card_rows


def test_screenshots_of_the_payment_page_paint_over_the_card_fields(faulted_run: FaultedRun) -> None:
    payment_pages = sorted((faulted_run.reports / "evidence").rglob("*-payment*.png"))
    assert payment_pages
    with chromium_page() as page:
        for screenshot in payment_pages:
            assert mask_pixels(page, screenshot) > MASKED_FIELD_PIXELS, screenshot
        results_page = next((faulted_run.reports / "evidence").rglob("*-results.png"))
        assert mask_pixels(page, results_page) < MASKED_FIELD_PIXELS  # no card field there, nothing painted


def test_traces_are_kept_for_the_scenarios_that_failed_the_gate_only(faulted_run: FaultedRun) -> None:
    junit = ElementTree.parse(faulted_run.reports / "junit.xml").getroot()
    failed, kept = set(), set()
    for case in junit.iter("testcase"):
        name = case.get("name", "")
        if case.find("failure") is not None or case.find("error") is not None:
            failed.add(name)
        if any(prop.get("name") == "playwright_trace" for prop in case.iter("property")):
            kept.add(name)
    traces = list(faulted_run.reports.rglob("trace.zip"))
    assert failed and kept == failed and len(traces) == len(failed)
    assert all(trace.is_relative_to(faulted_run.reports / "playwright") for trace in traces)
