"""The fault matrix: the scenario suite once clean and once per demo fault, each fault alone, on each target:
the demo site's page objects, its multi-page site profile, and the single-page app's profile.

Clean runs every scenario and must report nothing. A fault runs only its own scenarios (those whose
Then-steps hold its promise, see own_scenarios.py) and must be reported with exactly its own id and no
other, failing the run whatever its severity (the matrix asks whether a fault is caught, not whether it
gates); every fault in demo_hotel.faults.FAULTS must have such a scenario (test_own_scenarios.py).

The full matrix, every scenario for every fault (about a minute a run), is opt-in: `make matrix`, or
FAULT_MATRIX=full in the environment. `-k spa-profile` (or `page-objects`, `profile and not spa`) runs
one target; `-k "page-objects and price-drift"` one cell.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from checkout_integrity._findings import SEVERITIES
from demo_hotel.faults import FAULTS
from tests.conftest import FaultMatrix
from tests.suite.running import run_suite

TARGETS = {
    "page-objects": (),
    "profile": ("--site=profiles/demo_hotel.toml",),
    "spa-profile": ("--site=demo_hotel_spa",),
}
FULL_MATRIX = os.environ.get("FAULT_MATRIX") == "full"
EVERY_FINDING_FAILS = f"--fail-on={','.join(SEVERITIES)}"


def scenarios_for(fault: str) -> tuple[str, ...]:
    """The child run's options choosing the scenarios a fault is tried on: its own, or all of them."""
    return () if FULL_MATRIX else ("-p", "tests.suite.own_scenarios", f"--own-scenarios-of={fault}")


@pytest.fixture(params=list(TARGETS))
def target(request: pytest.FixtureRequest) -> str:
    """Which storefront the customers use: page objects, or a site profile (multi-page or single-page)."""
    return str(request.param)


def test_a_clean_site_breaks_no_promise(
    target: str, tmp_path: Path, fault_matrix: FaultMatrix
) -> None:
    run = run_suite(tmp_path, *TARGETS[target])
    fault_matrix[f"{target} clean"] = (run.finding_ids, run.seconds)
    assert run.report["findings"] == [], run.output
    assert run.exit_code == 0, run.output


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_each_fault_is_caught_with_its_own_id(
    target: str, fault: str, tmp_path: Path, fault_matrix: FaultMatrix
) -> None:
    run = run_suite(tmp_path, *TARGETS[target], f"--faults={fault}", EVERY_FINDING_FAILS, *scenarios_for(fault))
    fault_matrix[f"{target} {fault}"] = (run.finding_ids, run.seconds)
    assert run.finding_ids == [fault], run.output
    assert run.exit_code == 1, run.output
    assert run.report["run"]["faults"] == [fault]
