"""A feature file the harness cannot read stops the run with its file, its line, what is wrong and the fix."""

from __future__ import annotations

import pytest

from tests.suite.running import ROOT


def run_feature(pytester: pytest.Pytester, text: str) -> pytest.RunResult:
    pytester.makeini(f"[pytest]\npythonpath = {ROOT}\naddopts = -p no:allure_pytest\n")
    pytester.makefile(".feature", shop=text)
    pytester.makepyfile('from pytest_bdd import scenarios\nscenarios("shop.feature")\n')
    return pytester.runpytest_subprocess(f"--reports={pytester.path / 'out'}")


def test_a_step_before_any_scenario_names_the_file_the_line_and_where_steps_go(pytester: pytest.Pytester) -> None:
    result = run_feature(pytester, "Given I am a customer looking for a hotel room\nFeature: A shop\n")
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.stdout.fnmatch_lines(
        [
            "shop.feature:1: step definition outside of a Scenario or a Background (the line reads "
            "`Given I am a customer looking for a hotel room`): put the step under a `Scenario:` (or a `Background:`)."
        ]
    )
    result.stdout.no_fnmatch_line("*Traceback*")


def test_a_misspelt_keyword_after_a_step_names_the_line_and_the_keywords(pytester: pytest.Pytester) -> None:
    result = run_feature(
        pytester,
        """Feature: A shop
  Scenario: a typo
    Given I am a customer looking for a hotel room
    Wehn I find a room for 2 nights for 2 guests
""",
    )
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.stdout.fnmatch_lines(
        [
            "shop.feature:4: this line is neither a step nor a keyword that Gherkin knows (the line reads "
            "`Wehn I find a room for 2 nights for 2 guests`): start a step with Given, When, Then, And or But, "
            "and comments with #."
        ]
    )


def test_a_table_row_short_of_cells_names_its_line(pytester: pytest.Pytester) -> None:
    result = run_feature(
        pytester,
        "Feature: A shop\n  Scenario: a table\n    Given rooms\n      | name | price |\n      | Classic |\n",
    )
    result.stdout.fnmatch_lines(["shop.feature:5: inconsistent cell count within the table (the line reads `| Classic |`)*"])


def test_a_scenario_whose_only_step_is_misspelt_does_not_pass_empty(pytester: pytest.Pytester) -> None:
    result = run_feature(pytester, "Feature: A shop\n  Scenario: a typo\n    Givn I am a customer looking for a hotel room\n")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(
        [
            'ERROR: shop.feature:2: the scenario "a typo" has no steps (Gherkin read `Givn I am a customer looking '
            "for a hotel room` as its description): start each step with Given, When, Then, And or But."
        ]
    )
