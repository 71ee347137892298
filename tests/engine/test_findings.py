"""Findings and findings.json: the catalogue contract, the schema other tools read, an atomic write."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checkout_integrity import CATALOGUE, Defect, Finding, JourneyError, RunInfo, read_findings, write_findings

# DESIGN.md's catalogue tables with the default severities: ids are a contract read by other tools.
CATALOGUE_SEVERITIES = {
    "price-drift": "critical",
    "hidden-fee": "critical",
    "hold-broken": "critical",
    "input-lost": "major",
    "double-charge": "critical",
    "receipt-mismatch": "major",
    "basket-sneak": "critical",
    "cart-lost": "major",
    "fake-urgency": "major",
    "currency-switch": "critical",
    "total-mismatch": "major",
    "fake-scarcity": "major",
    "slow-step": "major",
    "layout-shift": "major",
    "inaccessible-step": "major",
    "retyping": "minor",
}
RUN = RunInfo(
    site="demo_hotel",
    base_url="http://127.0.0.1:8123",
    browser="playwright-managed chromium",
    faults=("hidden-fee", "price-drift"),
    started="2025-06-01T09:00:00+00:00",
    seed=4242,
    scenarios=1,
)
DRIFT = Finding(
    "price-drift",
    "critical",
    "The price changed while I was paying: shown €256.00 at payment, charged €496.00 at confirmation, 60 s later.",
    "confirmation",
    evidence=("reports/evidence/x/05-payment.png", "reports/evidence/x/06-confirmation.png"),
    scenario="the price is held while I enter my card",
    feature="The price I am shown is the price I pay",
)


def test_the_catalogue_holds_the_designed_ids_and_severities() -> None:
    assert {defect.id: defect.severity for defect in CATALOGUE.values()} == CATALOGUE_SEVERITIES
    assert all(key == defect.id and defect.customer_says.endswith(".") for key, defect in CATALOGUE.items())
    assert CATALOGUE["double-charge"].customer_says == "I was charged twice."


def test_a_defect_makes_findings_with_its_id_and_severity_and_only_real_evidence() -> None:
    finding = CATALOGUE["hidden-fee"].finding("A fee appeared.", "payment", evidence=("a.png", None, "a.png", "b.png"))
    assert finding == Finding("hidden-fee", "critical", "A fee appeared.", "payment", ("a.png", "b.png"))


def test_a_finding_is_a_value() -> None:
    with pytest.raises(AttributeError):
        DRIFT.message = ""  # type: ignore[misc]
    assert Finding("x", "minor", "m", "s", ["a.png"]).evidence == ("a.png",)  # type: ignore[arg-type]


def test_a_finding_has_a_known_severity() -> None:
    with pytest.raises(JourneyError, match="severity 'blocker'.*critical, major, minor"):
        Defect("slow-step", "The payment page took ages.", "blocker").finding("slow", "payment")


def test_writes_the_schema_of_design_md(tmp_path: Path) -> None:
    path = tmp_path / "reports" / "findings.json"
    write_findings(path, RUN, [DRIFT])
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document == {
        "run": {
            "site": "demo_hotel",
            "base_url": "http://127.0.0.1:8123",
            "browser": "playwright-managed chromium",
            "faults": ["hidden-fee", "price-drift"],
            "started": "2025-06-01T09:00:00+00:00",
            "seed": 4242,
            "scenarios": 1,
            "collected": 0,
            "flaky": [],
            "stopped": [],
        },
        "findings": [
            {
                "id": "price-drift",
                "severity": "critical",
                "scenario": "the price is held while I enter my card",
                "feature": "The price I am shown is the price I pay",
                "message": DRIFT.message,
                "step": "confirmation",
                "evidence": ["reports/evidence/x/05-payment.png", "reports/evidence/x/06-confirmation.png"],
            }
        ],
    }
    assert "€256.00" in path.read_text(encoding="utf-8")  # readable, not \u20ac escapes


def test_writes_an_empty_list_when_nothing_was_found(tmp_path: Path) -> None:
    path = tmp_path / "findings.json"
    write_findings(path, RUN, [])
    assert json.loads(path.read_text(encoding="utf-8"))["findings"] == []


def test_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "findings.json"
    second = CATALOGUE["total-mismatch"].finding("The lines don't add up to the total at the cart.", "cart")
    write_findings(path, RUN, [DRIFT, second])
    assert read_findings(path) == (RUN, [DRIFT, second])
    assert Finding.from_dict(DRIFT.to_dict()) == DRIFT


def test_replaces_the_file_whole_and_leaves_no_draft_behind(tmp_path: Path) -> None:
    path = tmp_path / "findings.json"
    write_findings(path, RUN, [DRIFT])
    write_findings(path, RUN, [])
    assert [p.name for p in tmp_path.iterdir()] == ["findings.json"]
    assert json.loads(path.read_text(encoding="utf-8"))["findings"] == []


def test_a_failed_write_keeps_the_old_file_and_no_draft(tmp_path: Path) -> None:
    path = tmp_path / "findings.json"
    write_findings(path, RUN, [DRIFT])
    unwritable = RunInfo("demo_hotel", "", "", (), "2025-06-01T09:00:00+00:00", object())  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        write_findings(path, unwritable, [])
    assert [p.name for p in tmp_path.iterdir()] == ["findings.json"]
    assert read_findings(path) == (RUN, [DRIFT])


def test_reading_a_missing_or_broken_file_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(JourneyError, match="run the suite again"):
        read_findings(tmp_path / "findings.json")
    (tmp_path / "broken.json").write_text('{"run": {}}', encoding="utf-8")
    with pytest.raises(JourneyError, match="broken.json"):
        read_findings(tmp_path / "broken.json")
