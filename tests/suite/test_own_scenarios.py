"""Every demo fault has scenarios of its own, and the matrix's child run tries each fault on exactly those."""

from __future__ import annotations

from pathlib import Path

import pytest

from demo_hotel.faults import FAULTS
from tests.suite import own_scenarios as matrix
from tests.suite.own_scenarios import own_scenarios, promises_held_by, then_steps
from tests.suite.running import run_suite


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_every_fault_has_a_scenario_of_its_own(fault: str) -> None:
    held = sorted({promise for step in then_steps() for promise in promises_held_by(step.step_func)})
    assert own_scenarios(fault), (
        f'No scenario under features/ holds the promise "{fault}", so the fault matrix cannot try it: add a '
        f'scenario whose Then-step calls promise("{fault}") in steps/promises.py (the Then-steps now hold '
        f"{', '.join(held)})."
    )


def collected(run_output: str) -> list[str]:
    return sorted(line for line in run_output.splitlines() if line.startswith("steps/"))


def test_a_child_run_tries_each_scenario_clean_and_with_each_of_its_own_faults(tmp_path: Path) -> None:
    run = run_suite(tmp_path, "--collect-only", "-q", "-p", "tests.suite.own_scenarios", "--fault-cells=own")
    tests = collected(run.output)
    scenarios = {test.split("[")[0] for test in tests}

    assert [test for test in tests if "[hidden-fee" in test] == [
        "steps/test_scenarios.py::test_nessun_costo_compare_solo_quando_sto_per_pagare[hidden-fee]",
        "steps/test_scenarios.py::test_no_fee_appears_only_when_i_am_about_to_pay[hidden-fee]",
    ], run.output
    assert {test.split("[")[0] for test in tests if "[clean" in test} == scenarios
    assert run.exit_code == 0, run.output
    every = collected(run_suite(tmp_path, "--collect-only", "-q", "-p", "tests.suite.own_scenarios",
                                "--fault-cells=all").output)
    assert len(every) == len([test for test in tests if "[clean" in test]) * (1 + len(FAULTS))


def test_a_cell_keeps_the_error_its_test_stopped_on_and_a_passed_test_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(matrix, "_cells", {})
    try:
        raise ValueError("no Classic Double room is left for those dates\nsecond line")
    except ValueError as error:
        stopped = pytest.ExceptionInfo.from_exception(error).getrepr()
    fault = [("fault", "slow-step")]
    for report in [
        pytest.TestReport("t::a[slow-step]", ("t", 1, "a"), {}, "passed", None, "setup", user_properties=fault),
        pytest.TestReport("t::a[slow-step]", ("t", 1, "a"), {}, "failed", stopped, "call", user_properties=fault),
        pytest.TestReport("t::b[slow-step]", ("t", 2, "b"), {}, "passed", None, "call", user_properties=fault),
        pytest.TestReport("t::c[slow-step]", ("t", 3, "c"), {}, "skipped", ("t", 3, "not checkable on this site"),
                          "setup", user_properties=fault),
    ]:
        matrix.pytest_runtest_logreport(report)

    assert matrix._cells["t::a[slow-step]"]["passed"] is False
    assert matrix._cells["t::a[slow-step]"]["failure"] == "call: ValueError: no Classic Double room is left for those dates"
    assert matrix._cells["t::b[slow-step]"] == {
        "fault": "slow-step", "passed": True, "failure": "", "seconds": 0, "skipped": False
    }
    assert matrix._cells["t::c[slow-step]"]["skipped"] is True  # not checkable there: neither caught nor passed
