"""The fault matrix: the whole scenario suite once clean and once per demo fault, each fault alone.

Clean must report nothing; each fault must be reported with exactly its own id and no other.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from demo_hotel.faults import FAULTS
from tests.suite.running import run_suite


def test_a_clean_site_breaks_no_promise(tmp_path: Path, fault_matrix: dict[str, tuple[list[str], float]]) -> None:
    run = run_suite(tmp_path)
    fault_matrix["clean"] = (run.finding_ids, run.seconds)
    assert run.report["findings"] == [], run.output
    assert run.exit_code == 0, run.output


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_each_fault_is_caught_with_its_own_id(
    fault: str, tmp_path: Path, fault_matrix: dict[str, tuple[list[str], float]]
) -> None:
    run = run_suite(tmp_path, "--faults", fault)
    fault_matrix[fault] = (run.finding_ids, run.seconds)
    assert run.finding_ids == [fault], run.output
    assert run.exit_code == 1, run.output
    assert run.report["run"]["faults"] == [fault]
