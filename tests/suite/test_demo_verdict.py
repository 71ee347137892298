"""`make demo`'s verdict, read from the run's findings.json: every fault caught, a fault missed, a scenario
that stopped on an error before its promises."""

from __future__ import annotations

from pathlib import Path

from checkout_integrity import CATALOGUE, RunInfo, write_findings
from checkout_integrity._stopped import StoppedScenario
from checkout_integrity.cli import caught

FAULTS = ("hidden-fee", "price-drift")
STOPPED = StoppedScenario("t.py::test_held", "the price is held", "call", "Error: Unable to capture screenshot")


def written(tmp_path: Path, *ids: str, stopped: tuple[StoppedScenario, ...] = ()) -> Path:
    run = RunInfo("demo_hotel", "", "chromium", FAULTS, "2026-11-24T10:00:00+00:00", 7, scenarios=2, stopped=stopped)
    findings = [CATALOGUE[found].finding(f"{found} met.", "payment") for found in ids]
    write_findings(tmp_path / "findings.json", run, findings)
    return tmp_path / "findings.json"


def test_every_fault_caught_and_every_scenario_checked_is_told_with_no_trouble(tmp_path: Path) -> None:
    told, troubles = caught(FAULTS, written(tmp_path, "hidden-fee", "price-drift"))
    assert told[0] == "\nThe customers met 2 broken promise(s) with faults hidden-fee, price-drift on:"
    assert told[-1] == "Every switched-on fault was caught." and troubles == []


def test_a_missed_fault_and_a_scenario_not_checked_are_troubles(tmp_path: Path) -> None:
    told, troubles = caught(FAULTS, written(tmp_path, "hidden-fee", stopped=(STOPPED,)))
    assert "Every switched-on fault was caught." not in told
    assert troubles == [
        "Not caught: price-drift",
        "Not checked: 'the price is held' stopped on an error before its promises: Error: Unable to capture screenshot",
    ]
    _, troubles = caught(FAULTS, written(tmp_path, "hidden-fee", "price-drift", stopped=(STOPPED,)))
    assert len(troubles) == 1 and troubles[0].startswith("Not checked: 'the price is held'")


def test_a_defect_met_in_several_scenarios_is_told_in_one_line(tmp_path: Path) -> None:
    run = RunInfo("demo_hotel", "", "chromium", FAULTS, "2026-11-24T10:00:00+00:00", 7, scenarios=3)
    fee = CATALOGUE["hidden-fee"]
    findings = [fee.finding("A fee appeared: €19.00.", "payment"), fee.finding("A fee appeared: €19.00.", "payment"),
                fee.finding("A fee appeared: £2.95.", "payment"), CATALOGUE["price-drift"].finding("Drift.", "payment")]
    write_findings(tmp_path / "findings.json", run, findings)

    told, _ = caught(FAULTS, tmp_path / "findings.json")

    assert told[1:3] == [
        "  - hidden-fee (critical) in 3 scenarios: A fee appeared: €19.00. (and 1 other wording)",
        "  - price-drift (critical) in 1 scenario: Drift.",
    ]
