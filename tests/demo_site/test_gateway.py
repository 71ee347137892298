"""The test gateway over real HTTP: the approved test cards, and each reason a card is declined."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.demo_site.customer import VISA, Customer

AMEX = {**VISA, "card_number": "3782 822463 10005", "cvc": "1234"}


@pytest.mark.parametrize(
    "card",
    [VISA, {**VISA, "card_number": "5555555555554444"}, AMEX],
    ids=["visa", "mastercard", "amex-4-digit-code"],
)
def test_test_cards_are_approved(customer: Customer, card: dict[str, str]) -> None:
    customer.reach_payment()

    confirmation = customer.pay(card)

    assert confirmation.one("amount-charged").text == "€256.00"
    assert len(customer.charges()) == 1


@pytest.mark.parametrize(
    ("card", "reason"),
    [
        ({**VISA, "card_number": "4000000000000002"}, "Your card was declined."),
        ({**VISA, "cvc": "000"}, "The security code is incorrect."),
        ({**VISA, "cvc": "12"}, "The security code is incorrect."),
        ({**AMEX, "cvc": "123"}, "The security code is incorrect."),
        ({**VISA, "card_number": "4242424242424241"}, "The card number is incorrect."),
        ({**VISA, "expiry": "01/20"}, "Your card has expired."),
        ({**VISA, "expiry": "13/30"}, "Enter the expiry date as MM/YY."),
        ({**VISA, "card_name": " "}, "Enter the name on the card."),
    ],
    ids=["declined-card", "cvc-000", "short-cvc", "amex-3-digit-code", "not-luhn", "expired", "bad-expiry", "no-name"],
)
def test_a_declined_card_says_why_and_charges_nothing(customer: Customer, card: dict[str, str], reason: str) -> None:
    customer.reach_payment()

    page = customer.pay(card)

    assert page.status == 402
    error = page.one("payment-error")
    assert (error.text, error.attrs["role"]) == (reason, "alert")
    assert customer.charges() == []


def test_a_card_expires_when_the_customer_clock_reaches_the_next_month(customer: Customer) -> None:
    customer.reach_payment()
    today = datetime.fromisoformat(customer.http.get("/__test__/clock").json()["now"])
    card = {**VISA, "expiry": f"{today.month:02d}/{today.year % 100:02d}"}

    customer.advance_clock(32 * 24 * 3600)

    assert customer.pay(card).one("payment-error").text == "Your card has expired."
    customer.advance_clock(-32 * 24 * 3600)
    assert customer.pay(card).one("amount-charged").text == "€256.00"
