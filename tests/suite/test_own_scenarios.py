"""Every demo fault has scenarios of its own, and a child run given one fault runs exactly those."""

from __future__ import annotations

from pathlib import Path

import pytest

from demo_hotel.faults import FAULTS
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


def test_a_child_run_collects_only_the_faults_own_scenarios(tmp_path: Path) -> None:
    run = run_suite(tmp_path, "--collect-only", "-q", "-p", "tests.suite.own_scenarios",
                    "--own-scenarios-of=hidden-fee")
    collected = sorted(line for line in run.output.splitlines() if line.startswith("steps/"))
    assert collected == [
        "steps/test_scenarios.py::test_nessun_costo_compare_solo_quando_sto_per_pagare",
        "steps/test_scenarios.py::test_no_fee_appears_only_when_i_am_about_to_pay",
    ], run.output
    assert run.exit_code == 0, run.output
