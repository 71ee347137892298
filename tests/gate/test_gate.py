"""The release gate: the exit code follows the severity policy, tags speak for one scenario, a
quarantined finding stays visible without failing the run, and bad policy or tags stop the run early."""

from __future__ import annotations

import pytest

from tests.gate.conftest import RunGate

HIDDEN_FEE = """\
    Feature: Fees are shown up front
      Scenario: a fee appears only at payment
        Given a fee appears only at payment
        Then no fee appeared only at the last step
"""


def tagged(*tags: str) -> str:
    """The hidden-fee feature with `tags` on its scenario."""
    return HIDDEN_FEE.replace("      Scenario:", f"      {' '.join(tags)}\n      Scenario:")


def test_a_critical_finding_fails_the_run(gate_project: RunGate) -> None:
    run = gate_project(HIDDEN_FEE)
    assert run.result.ret == pytest.ExitCode.TESTS_FAILED
    run.result.assert_outcomes(failed=1)
    run.result.stdout.fnmatch_lines(
        [
            "hidden-fee*critical*fails the gate*a fee appears only at payment",
            "    A fee appeared only at the last step: 'Service fee' €19.00 was added at*",
            "gate fails (fail_on critical, major): 1 of 1 finding(s) fail it",
        ]
    )
    (finding,) = run.findings
    assert (finding["id"], finding["severity"]) == ("hidden-fee", "critical")
    assert "quarantined" not in finding
    assert "not checked" not in run.result.stdout.str()  # it failed on its broken promise, checked


def test_a_quarantined_finding_is_reported_but_does_not_fail_the_run(gate_project: RunGate) -> None:
    policy = '[tool.checkout_integrity]\nticket_url = "https://tracker.example/browse/{ticket}"\n'
    run = gate_project(tagged("@known:SHOP-12"), policy)
    assert run.result.ret == pytest.ExitCode.OK
    run.result.assert_outcomes(xfailed=1)
    run.result.stdout.fnmatch_lines(
        ["hidden-fee*critical*quarantined SHOP-12*", "gate passes (fail_on critical, major): no finding fails it"]
    )
    (finding,) = run.findings
    assert (finding["quarantined"], finding["ticket"], finding["severity"]) == (True, "SHOP-12", "critical")
    (result,) = run.allure_results()
    assert result["status"] == "skipped"
    assert "known defect SHOP-12: [hidden-fee]" in result["statusDetails"]["message"]
    assert {"name": "tag", "value": "known:SHOP-12"} in result["labels"]
    assert {"type": "issue", "name": "SHOP-12", "url": "https://tracker.example/browse/SHOP-12"} in result["links"]


def test_a_severity_tag_overrides_the_catalogue_and_the_policy_decides(gate_project: RunGate) -> None:
    run = gate_project(tagged("@severity:minor"), "", "-rx")
    assert run.result.ret == pytest.ExitCode.OK
    run.result.assert_outcomes(xfailed=1)
    run.result.stdout.fnmatch_lines(["*XFAIL*[[]hidden-fee] is minor, below the gate (fail_on critical, major)*"])
    assert [finding["severity"] for finding in run.findings] == ["minor"]


def test_a_policy_that_fails_on_minor_fails_a_minor_finding(gate_project: RunGate) -> None:
    run = gate_project(tagged("@severity:minor"), '[tool.checkout_integrity]\nfail_on = ["critical", "major", "minor"]\n')
    assert run.result.ret == pytest.ExitCode.TESTS_FAILED
    run.result.assert_outcomes(failed=1)


def test_the_policy_sets_severities_per_defect_and_fail_on_overrides_it(gate_project: RunGate) -> None:
    policy = '[tool.checkout_integrity]\nseverities = { "hidden-fee" = "major" }\n'
    failing = gate_project(HIDDEN_FEE, policy)
    assert failing.result.ret == pytest.ExitCode.TESTS_FAILED
    assert [finding["severity"] for finding in failing.findings] == ["major"]
    passing = gate_project(HIDDEN_FEE, policy, "--fail-on", "critical")
    assert passing.result.ret == pytest.ExitCode.OK
    passing.result.assert_outcomes(xfailed=1)
    reporting_only = gate_project(HIDDEN_FEE, "", "--fail-on", "none")
    assert reporting_only.result.ret == pytest.ExitCode.OK
    reporting_only.result.stdout.fnmatch_lines(["gate passes (fail_on nothing (report only)): no finding fails it"])


def test_a_finding_the_scenario_did_not_ask_about_still_gates_the_run(gate_project: RunGate) -> None:
    run = gate_project(HIDDEN_FEE.replace("Then no fee appeared only at the last step", "Then the lines add up to the total"))
    run.result.assert_outcomes(passed=1)
    assert run.result.ret == pytest.ExitCode.TESTS_FAILED
    assert [finding["id"] for finding in run.findings] == ["hidden-fee"]
    run.result.stdout.fnmatch_lines(["gate fails (fail_on critical, major): 1 of 1 finding(s) fail it"])


def test_a_clean_journey_passes(gate_project: RunGate) -> None:
    run = gate_project(HIDDEN_FEE.replace("Given a fee appears only at payment", "Given every fee is shown from the cart on"))
    assert run.result.ret == pytest.ExitCode.OK
    run.result.assert_outcomes(passed=1)
    assert run.findings == []
    run.result.stdout.fnmatch_lines(["no broken promises found in 1 scenario; gate passes (fail_on critical, major)"])
    assert "not checked" not in run.result.stdout.str() and run.run["stopped"] == []


@pytest.mark.parametrize("workers", [[], ["-n", "2"]], ids=["one process", "two workers"])
def test_a_scenario_that_stopped_on_an_error_is_told_as_not_checked(gate_project: RunGate, workers: list[str]) -> None:
    silent = """\
      Scenario: the shop is slow to wake
        Given the shop does not answer the first time
        Then no fee appeared only at the last step
"""
    run = gate_project(HIDDEN_FEE + "\n" + silent, "", *workers)
    assert run.result.ret == pytest.ExitCode.TESTS_FAILED
    run.result.assert_outcomes(failed=2)
    run.result.stdout.fnmatch_lines(
        [
            "gate fails (fail_on critical, major): 1 of 1 finding(s) fail it",
            "not checked: 1 scenario stopped on an error before its promises were checked (the failures above say where)",
            "    test_steps.py::test_the_shop_is_slow_to_wake: TimeoutError: the shop did not answer within 30 s",
        ]
    )
    assert "test_a_fee_appears_only_at_payment:" not in run.result.stdout.str()  # stopped by its broken promise
    assert run.run["stopped"] == [
        {
            "test": "test_steps.py::test_the_shop_is_slow_to_wake",
            "scenario": "the shop is slow to wake",
            "when": "call",
            "error": "TimeoutError: the shop did not answer within 30 s",
        }
    ]


@pytest.mark.parametrize(
    ("feature", "policy", "options", "says"),
    [
        (tagged("@severity:blocker"), "", (), "*The tag @severity:blocker of the scenario*is not a severity*"),
        (tagged("@known:"), "", (), "*The tag @known: of the scenario*names no ticket*@known:TICKET-12*"),
        (HIDDEN_FEE, '[tool.checkout_integrity]\nfail_on = ["blocker"]\n', (), "*`fail_on` is [[]'blocker']*"),
        (HIDDEN_FEE, '[tool.checkout_integrity]\nfail_when = ["critical"]\n', (), "*unknown key(s) fail_when*"),
        (HIDDEN_FEE, '[tool.checkout_integrity]\nseverities = { "hiden-fee" = "minor" }\n', (), "*nearest is 'hidden-fee'*"),
        (HIDDEN_FEE, "", ("--fail-on", "critcal"), "*--fail-on critcal names no severity*"),
    ],
    ids=["severity-tag", "known-tag", "fail-on", "unknown-key", "unknown-id", "fail-on-option"],
)
def test_a_policy_or_tag_that_cannot_be_honoured_stops_the_run_with_the_fix(
    gate_project: RunGate, feature: str, policy: str, options: tuple[str, ...], says: str
) -> None:
    run = gate_project(feature, policy, *options)
    assert run.result.ret == pytest.ExitCode.USAGE_ERROR
    run.result.stderr.fnmatch_lines([says])
