"""A feature line the harness does not know fails with its file, line and the nearest known phrases."""

from __future__ import annotations

import sys

import pytest

from tests.suite.running import ROOT


def test_an_unknown_step_names_its_line_and_the_nearest_known_phrases(pytester: pytest.Pytester) -> None:
    pytester.makeini(f"[pytest]\npythonpath = {ROOT}\naddopts = -p no:allure_pytest\n")
    pytester.makeconftest('pytest_plugins = ["steps.booking"]\n')
    pytester.makefile(
        ".feature",
        shop="""Feature: A shop
  Scenario: a researcher's first try
    Given I am a shopper looking for a hotel room
""",
    )
    pytester.makepyfile('from pytest_bdd import scenarios\nscenarios("shop.feature")\n')
    result = pytester.runpytest_subprocess(f"--reports={pytester.path / 'out'}")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "*Step definition is not found: Given \"I am a shopper looking for a hotel room\"*Line 3*shop.feature*",
            "*The nearest known steps are:*",
            "*Given I am a customer looking for a hotel room*",
            "*checkout-integrity steps*",
        ]
    )


def test_the_step_library_lists_english_and_italian_phrases_with_examples(pytester: pytest.Pytester) -> None:
    result = pytester.run(sys.executable, "-m", "checkout_integrity", "steps")
    assert result.ret == 0
    result.stdout.fnmatch_lines(
        [
            "given  I am a customer",
            "       e.g. Given I am a customer",
            "when   prenoto un'offerta qualsiasi",
            "       e.g. E prenoto un'offerta qualsiasi",
            "when   I book an ordinary offer",
            "       e.g. And I book an ordinary offer",
        ],
        consecutive=False,
    )
