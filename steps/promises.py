"""Then-steps: each holds the journey to one customer promise, by its catalogue id."""

from __future__ import annotations

from pytest_bdd import then

from checkout_integrity import Journey
from checkout_integrity._run_log import RunLog, ScenarioLabel
from checkout_integrity._verdict import hold_to
from fixtures.bank import BankStatement


@then("I am charged the price I was shown")
@then("mi viene addebitato il prezzo che mi è stato mostrato")
def charged_the_price_shown(
    journey: Journey, bank_statement: BankStatement, run_log: RunLog, scenario_label: ScenarioLabel
) -> None:
    statement = bank_statement()
    if statement is not None:
        journey.observe(statement)
    hold_to(journey, run_log, scenario_label, "price-drift")
