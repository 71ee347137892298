"""The fault matrix: the whole scenario suite once clean and once per demo fault, each fault alone, on each
target: the demo site's page objects, its multi-page site profile, and the single-page app's profile.

Clean must report nothing; each fault must be reported with exactly its own id and no other. Each run
takes about a minute, twelve per target: `-k spa-profile` (or `page-objects`, `profile and not spa`)
runs one target.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from demo_hotel.faults import FAULTS
from tests.conftest import FaultMatrix
from tests.suite.running import run_suite

TARGETS = {
    "page-objects": (),
    "profile": ("--site=profiles/demo_hotel.toml",),
    "spa-profile": ("--site=demo_hotel_spa",),
}


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
    run = run_suite(tmp_path, *TARGETS[target], f"--faults={fault}")
    fault_matrix[f"{target} {fault}"] = (run.finding_ids, run.seconds)
    assert run.finding_ids == [fault], run.output
    assert run.exit_code == 1, run.output
    assert run.report["run"]["faults"] == [fault]
