"""The pieces of the report that need no browser: card masking, the price timeline, the rules, the
terminal table."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Literal

import pytest

from checkout_integrity import CATALOGUE, Finding, Journey, Money, Snapshot
from checkout_integrity._masking import luhn_valid, mask_card_numbers
from checkout_integrity._policy import Policy, scenario_terms
from checkout_integrity._rules import MAY_BREACH, may_breach
from checkout_integrity._findings import read_findings
from checkout_integrity._retries import FlakyScenario
from checkout_integrity._run_log import RunLog, ScenarioLabel
from checkout_integrity._summary import summary_lines
from checkout_integrity._timeline import price_points, timeline_chart, timeline_table
from tests.report.conftest import CARD_NUMBERS

START = datetime(2025, 6, 1, 9, 0, tzinfo=UTC)


def eur(amount: str) -> Money:
    return Money(Decimal(amount), "EUR")


@pytest.mark.parametrize("number", CARD_NUMBERS)
def test_test_cards_are_masked_to_their_last_four_digits(number: str) -> None:
    assert luhn_valid(number)
    grouped = " ".join(number[i : i + 4] for i in range(0, 16, 4))
    text = f"card_number={number}&again={grouped}."
    assert mask_card_numbers(text) == f"card_number=•••• {number[-4:]}&again=•••• {number[-4:]}."


def test_numbers_that_are_not_cards_are_left_alone() -> None:
    text = "booking 1748768400123 at 2025-06-01, phone +39 06 1234 5678, total 4242424242424241"
    assert mask_card_numbers(text) == text


def drifting_journey() -> Journey:
    journey = Journey("Giulia Rossi")
    journey.observe(Snapshot("cart", START, amounts={"total": eur("256.00")}))
    journey.observe(Snapshot("payment", START + timedelta(seconds=5), amounts={"total": eur("256.00")}))
    journey.observe(Snapshot("confirmation", START + timedelta(seconds=65), amounts={"charged": eur("496.00")}))
    journey.observe(Snapshot("results", START, actor="rival", amounts={"total": eur("1.00")}))
    return journey


def test_the_timeline_table_shows_each_amount_its_customer_time_and_the_change() -> None:
    table = timeline_table(price_points(drifting_journey()))
    assert table.splitlines()[2:] == [
        "| 1 | cart | +0 s | €256.00 |  |",
        "| 2 | payment | +5 s | €256.00 | same |",
        "| 3 | confirmation | +65 s | €496.00 | +€240.00 |",
    ]
    assert timeline_table([]) == "The journey showed no total and no charge."


def test_the_timeline_chart_is_an_svg_with_a_point_and_a_label_per_step() -> None:
    chart = timeline_chart(price_points(drifting_journey()), "Price timeline: <held>")
    assert chart.startswith("<svg ") and chart.rstrip().endswith("</svg>")
    assert chart.count("<circle ") == 3
    assert ">€496.00</text>" in chart and ">confirmation +65 s</text>" in chart
    assert "Price timeline: &lt;held&gt;" in chart


def test_rules_are_named_for_catalogue_ids_and_link_to_the_text() -> None:
    assert set(MAY_BREACH) <= set(CATALOGUE)
    assert {"hidden-fee", "basket-sneak", "fake-urgency", "double-charge"} <= set(MAY_BREACH)
    assert all(rule.url.startswith("https://") for rules in MAY_BREACH.values() for rule in rules)
    assert any("16 CFR Part 464" in rule for rule in may_breach("hidden-fee"))
    assert any("2011/83/EU, art. 22" in rule for rule in may_breach("basket-sneak"))
    assert any("annex I" in rule for rule in may_breach("fake-urgency"))
    assert may_breach("cart-lost") == () == may_breach("retyping")
    assert any("2019/882" in rule for rule in may_breach("inaccessible-step"))


def test_the_scenarios_tag_wins_over_its_features() -> None:
    assert scenario_terms({"severity:minor"}, {"severity:major", "known:SHOP-1"}) == ("minor", "SHOP-1")
    assert scenario_terms(set(), {"smoke"}) == ("", "")


def test_the_run_log_labels_findings_with_the_policy_tags_and_rules(tmp_path: Path) -> None:
    log = RunLog(tmp_path / "findings.json", "demo_hotel", (), 1, policy=Policy(severities={"hidden-fee": "major"}))
    fee = CATALOGUE["hidden-fee"].finding("A fee appeared only at the last step.", "payment")
    log.record([fee, fee], ScenarioLabel("fees", "Fees", "en", "t.py::fees", ticket="SHOP-1"))
    log.record([fee], ScenarioLabel("minor fees", "Fees", "en", "t.py::minor", severity="minor"))
    first, second = log.findings
    assert (first.severity, first.ticket, first.quarantined, second.severity) == ("major", "SHOP-1", True, "minor")
    assert first.may_breach == may_breach("hidden-fee")
    assert (first.test, second.test) == ("t.py::fees", "t.py::minor")  # the node id, as JUnit names the test
    assert log.gating() == [] and log.findings_of("t.py::minor") == [second]
    assert Finding.from_dict(first.to_dict()) == first


def test_the_terminal_table_keeps_the_message_whole_on_a_narrow_terminal(tmp_path: Path) -> None:
    log = RunLog(tmp_path / "findings.json", "demo_hotel", (), 1)
    shot = str(tmp_path / "evidence" / "t" / "04-payment.png")
    drift = CATALOGUE["price-drift"].finding("The price changed while I was paying: " + "x " * 40, "payment", (shot,))
    log.record([drift], ScenarioLabel("the price is held while I enter my card", "Prices", "en", "t.py::held"))
    lines = summary_lines(log, 60, tmp_path)
    assert lines[0].split() == ["id", "severity", "gate", "scenario"]
    assert lines[2].startswith("price-drift  critical  fails the gate  the price is held")
    assert all(len(line) < 60 for line in lines[:-2])
    assert "    evidence: evidence/t" in lines
    assert lines[-1] == "gate fails (fail_on critical, major): 1 of 1 finding(s) fail it"


def test_the_terminal_tells_a_defect_met_in_several_scenarios_once_with_the_scenarios_under_its_words(
    tmp_path: Path,
) -> None:
    log = RunLog(tmp_path / "findings.json", "demo_hotel", (), 1)
    fee = "A fee appeared only at the last step: 'Service fee' €19.00 was added at payment."
    for scenario, message in [("fees", fee), ("stays", fee), ("goods", fee.replace("€19.00", "£2.95"))]:
        shot = str(tmp_path / "evidence" / scenario / "04-payment.png")
        found = CATALOGUE["hidden-fee"].finding(message, "payment", (shot,))
        log.record([found], ScenarioLabel(scenario, "Fees", "en", f"t.py::{scenario}"))

    assert summary_lines(log, 120, tmp_path)[2:-1] == [
        "hidden-fee  critical  fails the gate  in 3 scenarios",
        f"    {fee}",
        "    - fees",
        "    - stays",
        f"    {fee.replace('€19.00', '£2.95')}",
        "    - goods",
        "    evidence: evidence",  # the folder that holds each scenario's own
    ]
    assert len(log.findings) == 3  # findings.json keeps every one


def test_only_scenarios_whose_last_attempt_stopped_before_their_promises_are_not_checked(tmp_path: Path) -> None:
    def report(
        test: str, when: Literal["setup", "call", "teardown"], outcome: Literal["passed", "failed"] = "failed"
    ) -> pytest.TestReport:
        return pytest.TestReport(test, (test, 1, test), {}, outcome, f"TimeoutError: {test} did not answer", when)

    log = RunLog(tmp_path / "findings.json", "demo_hotel", (), 1)
    for attempt in [
        report("t.py::never_opened", "setup"),
        report("t.py::hung", "setup", "passed"), report("t.py::hung", "call"), report("t.py::hung", "teardown"),
        report("t.py::drifted", "call"),
        report("t.py::closed_badly", "call", "passed"), report("t.py::closed_badly", "teardown"),
        report("t.py::flaky", "call"), report("t.py::flaky", "call", "passed"),  # retried, passed: flaky instead
    ]:
        log.note_attempt(attempt, attempt.nodeid.removeprefix("t.py::"))
    drift = CATALOGUE["price-drift"].finding("The price changed while I was paying.", "payment")
    log.record([drift], ScenarioLabel("drifted", "Prices", "en", "t.py::drifted"))  # stopped by its broken promise

    assert summary_lines(log, 120, tmp_path)[-3:] == [
        "not checked: 2 scenarios stopped on an error before their promises were checked (the failures above say where)",
        "    t.py::never_opened: TimeoutError: t.py::never_opened did not answer",
        "    t.py::hung: TimeoutError: t.py::hung did not answer",
    ]
    log.write()
    stopped = read_findings(tmp_path / "findings.json")[0].stopped
    assert [(scenario.test, scenario.scenario, scenario.when) for scenario in stopped] == [
        ("t.py::never_opened", "never_opened", "setup"), ("t.py::hung", "hung", "call")
    ]
    assert summary_lines(RunLog(tmp_path / "clean.json", "demo_hotel", (), 1, walked=2), 120, tmp_path) == [
        "no broken promises found in 2 scenarios; gate passes (fail_on critical, major)"
    ]
    (judged_nothing,) = summary_lines(RunLog(tmp_path / "none.json", "demo_hotel", (), 1, scenarios=3), 120, tmp_path)
    assert judged_nothing.startswith("no scenario was judged (3 scenarios collected, none walked to its promises): "
                                     "nothing was checked, so the gate does not pass")


def test_worker_parts_are_merged_into_findings_json_by_the_controller(tmp_path: Path) -> None:
    fee = CATALOGUE["hidden-fee"].finding("A fee appeared only at the last step.", "payment")
    worker = RunLog(tmp_path / "findings.json", "demo_hotel", (), 7, browser="chromium")
    worker.record([fee], ScenarioLabel("fees", "Fees", "en", "t.py::fees"))
    worker.write("gw1")
    controller = RunLog(tmp_path / "findings.json", "demo_hotel", (), 7)
    controller.write()
    assert [path.name for path in tmp_path.iterdir()] == ["findings.json"]
    assert [finding.message for finding in controller.findings] == ["A fee appeared only at the last step."]
    assert controller.run_info().browser == "chromium"


def test_workers_flaky_scenarios_reach_findings_json(tmp_path: Path) -> None:
    worker = RunLog(tmp_path / "findings.json", "demo_hotel", (), 7)
    worker.flaky.append(FlakyScenario("t.py::held", "the price is held", 2))
    worker.write("gw0")
    controller = RunLog(tmp_path / "findings.json", "demo_hotel", (), 7)
    controller.write()
    run, _ = read_findings(tmp_path / "findings.json")
    assert run.flaky == (FlakyScenario("t.py::held", "the price is held", 2),) and controller.flaky == list(run.flaky)


def test_a_retrys_evidence_goes_to_the_findings_of_that_attempt_only(tmp_path: Path) -> None:
    log = RunLog(tmp_path / "findings.json", "demo_hotel", (), 1)
    fee = CATALOGUE["hidden-fee"].finding("A fee appeared only at the last step.", "payment", ("first/04-payment.png",))
    log.record([fee], ScenarioLabel("fees", "Fees", "en", "t.py::fees"))
    log.record([fee], ScenarioLabel("fees", "Fees", "en", "t.py::fees", attempt=2))  # found again: kept once
    log.add_evidence("t.py::fees", 2, lambda finding: ["second/price-timeline.md"])
    log.add_evidence("t.py::fees", 1, lambda finding: ["first/price-timeline.md"])
    (kept,) = log.findings
    assert kept.evidence == ("first/04-payment.png", "first/price-timeline.md")
