"""The fault matrix: every scenario on the clean demo site, and each demo fault alone on its own scenarios,
on each target, each walked through its site profile: the demo hotel's pages, its single-page app, and the
shop selling goods (other words, other pages, no test hooks, a strict content security policy).

One child run a target (own_scenarios.py's `--fault-cells`): each scenario once clean, and once more per
fault whose promise its Then-steps hold, the demo site's faults switched before each test. A clean test
must report nothing; the tests of a fault together must report exactly its own id and no other, failing
whatever its severity (the matrix asks whether a fault is caught, not whether it gates); every fault in
demo_hotel.faults.FAULTS must have such a scenario (test_own_scenarios.py).

The full matrix, every scenario with every fault, is opt-in: `make matrix`, or FAULT_MATRIX=full in the
environment. `-k goods` (or `hotel`, `spa`) runs one target; one cell is a
suite run of its own: `pytest -p tests.suite.own_scenarios --fault-cells=own -k price-drift`.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import pytest

from checkout_integrity._findings import SEVERITIES
from demo_hotel.faults import FAULTS
from tests.conftest import FaultMatrix
from tests.suite.own_scenarios import CLEAN, Cell
from tests.suite.running import run_suite

TARGETS = {
    "hotel": (),
    "spa": ("--site=demo_hotel_spa",),
    "goods": ("--site=demo_goods",),
}
CELLS = "all" if os.environ.get("FAULT_MATRIX") == "full" else "own"
EVERY_FINDING_FAILS = f"--fail-on={','.join(SEVERITIES)}"
# The matrix asks what is caught, not what evidence is kept: it records no Playwright trace (a fifth of a
# scenario's time); tests/report checks the traces and the rest of the evidence of failed scenarios.
NO_TRACES = "--tracing=off"


@pytest.mark.parametrize("target", list(TARGETS))
def test_each_fault_is_caught_with_its_own_id_and_the_clean_site_with_none(
    target: str, tmp_path: Path, fault_matrix: FaultMatrix
) -> None:
    run = run_suite(tmp_path, *TARGETS[target], "-n", "2", "-p", "tests.suite.own_scenarios",
                    f"--fault-cells={CELLS}", EVERY_FINDING_FAILS, NO_TRACES)
    written = tmp_path / "fault-cells.json"  # test node id -> its fault, whether it passed (why not), its seconds
    cells = json.loads(written.read_text(encoding="utf-8")) if written.exists() else {}
    found: dict[str, set[str]] = defaultdict(set)  # test node id -> the ids it reported
    for finding in run.report.get("findings", []):
        found[finding["test"]].add(finding["id"])
    reported: dict[str, set[str]] = defaultdict(set)  # fault -> the ids its tests reported
    failed: dict[str, int] = defaultdict(int)
    seconds: dict[str, float] = defaultdict(float)
    for test, cell in cells.items():
        reported[cell["fault"]] |= found.pop(test, set())
        failed[cell["fault"]] += not cell["passed"]
        seconds[cell["fault"]] += cell["seconds"]
    for fault in reported:
        fault_matrix[f"{target} {fault}"] = (sorted(reported[fault]), seconds[fault])

    assert sorted(reported) == sorted([CLEAN, *FAULTS]), run.output[-3000:]
    assert reported[CLEAN] == set() and failed[CLEAN] == 0, f"{cells_of(cells, [CLEAN])}\n{run.output}"
    wrong = {fault: sorted(ids) for fault, ids in reported.items() if fault != CLEAN and ids != {fault}}
    assert wrong == {}, f"{cells_of(cells, wrong)}\n{run.output}"
    assert all(failed[fault] for fault in FAULTS), f"{cells_of(cells, FAULTS)}\n{run.output}"
    assert found == {}, f"findings of tests outside the cells: {found}"
    walked = [cell for cell in cells.values() if not cell["skipped"]]
    assert run.report["run"]["collected"] == len(cells)  # the two workers' counts added up
    assert run.report["run"]["scenarios"] == len(walked)  # every cell walked but those not checkable there
    assert run.exit_code == 1, run.output


def cells_of(cells: dict[str, Cell], faults: Iterable[str]) -> str:
    """The tests that ran with these faults, each with what it reported in the run: how it ended and why."""
    return "\n".join(
        f"{cell['fault']}: {test} {'passed' if cell['passed'] else 'failed at ' + cell['failure']} "
        f"({cell['seconds']:.1f} s)"
        for test, cell in cells.items()
        if cell["fault"] in faults
    )
