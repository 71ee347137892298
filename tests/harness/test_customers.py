"""Customers come from the run's seed and the scenario alone, so `--seed` replays a run exactly."""

from __future__ import annotations

from fixtures.customers import VISA, make_customer


def test_the_same_seed_and_scenario_make_the_same_customer() -> None:
    assert make_customer(4711, "scenario A") == make_customer(4711, "scenario A")


def test_another_seed_or_scenario_makes_another_customer() -> None:
    first = make_customer(4711, "scenario A")
    assert make_customer(4712, "scenario A").email != first.email
    assert make_customer(4711, "scenario B").email != first.email


def test_an_italian_customer_has_an_italian_phone_number_and_pays_with_a_test_card() -> None:
    customer = make_customer(4711, "scenario A", locale="it_IT")
    assert customer.locale == "it_IT"
    assert customer.phone.replace(" ", "").lstrip("+").startswith(("39", "3", "0"))
    assert customer.card == VISA
    assert str(customer.card) == "Visa card ending 4242"
