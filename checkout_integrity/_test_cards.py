"""Which card numbers the harness may type: the payment gateways' published test numbers, and no others
unless the run says `--allow-real-cards`.

A harness that walks any shop could be pointed at a live checkout with a real card in a profile or a
fixture; refusing every number that is not a known test number makes that a one-sentence stop instead
of a charge. A number that fails the Luhn check cannot be a real card, so the harness may always type
one (the "incorrect number" journeys do).
"""

from __future__ import annotations

import re

from checkout_integrity._exceptions import RealCardRefused
from checkout_integrity._masking import luhn_valid

# The bundled demo gateway (demo_hotel/gateway.py, fixtures/customers.py): it follows Stripe's numbers.
DEMO_GATEWAY = frozenset({"4242424242424242", "5555555555554444", "4000000000000002"})

# Stripe, https://docs.stripe.com/testing (cards by brand, declines, 3D Secure).
STRIPE = frozenset(
    {
        "4242424242424242",
        "4000056655665556",
        "5555555555554444",
        "2223003122003222",
        "5200828282828210",
        "5105105105105100",
        "378282246310005",
        "371449635398431",
        "6011111111111117",
        "6011000990139424",
        "3056930009020004",
        "36227206271667",
        "3566002020360505",
        "6200000000000005",
        "4000000000000002",
        "4000000000009995",
        "4000000000009987",
        "4000000000009979",
        "4000000000000069",
        "4000000000000127",
        "4000000000000119",
        "4000002500003155",
        "4000002760003184",
        "4000000000003220",
    }
)

# Adyen, https://docs.adyen.com/development-resources/testing/test-card-numbers
ADYEN = frozenset(
    {
        "4111111111111111",
        "4988438843884305",
        "4166676667666746",
        "4646464646464644",
        "5555444433331111",
        "5454545454545454",
        "2222400070000005",
        "5101180000000007",
        "370000000000002",
        "6011601160116611",
        "3569990010095841",
    }
)

# Braintree, which is PayPal's card gateway (PayPal sandbox card payments use the same numbers),
# https://developer.paypal.com/braintree/docs/guides/credit-cards/testing-go-live
BRAINTREE = frozenset(
    {
        "4111111111111111",
        "4005519200000004",
        "4009348888881881",
        "4012000033330026",
        "4012000077777777",
        "4012888888881881",
        "4217651111111119",
        "4500600000000061",
        "5555555555554444",
        "2223000048400011",
        "378282246310005",
        "371449635398431",
        "6011111111111117",
        "3530111333300000",
        "6304000000000000",
        "4000111111111115",
        "5105105105105100",
        "378734493671000",
        "6011000990139424",
        "38520000009814",
        "3566002020360505",
    }
)

# Checkout.com, https://www.checkout.com/docs/developer-resources/testing/test-cards
CHECKOUT_COM = frozenset(
    {
        "4242424242424242",
        "4543474002249996",
        "5436031030606378",
        "2223000010479399",
        "5199992312641465",
        "345678901234564",
        "378282246310005",
        "4658584090000001",
        "5000186622346654",
        "30123456789019",
        "3530111333300000",
        "6011111111111117",
    }
)

TEST_NUMBERS = DEMO_GATEWAY | STRIPE | ADYEN | BRAINTREE | CHECKOUT_COM


def digits_of(number: str) -> str:
    """'4242 4242-4242 4242' -> '4242424242424242': the number as a gateway reads it."""
    return re.sub(r"[\s-]", "", number)


def is_test_card(number: str) -> bool:
    """Whether typing `number` can never charge anyone: a known test number, or no card number at all."""
    digits = digits_of(number)
    could_be_a_card = digits.isdigit() and 12 <= len(digits) <= 19 and luhn_valid(digits)
    return digits in TEST_NUMBERS or not could_be_a_card


def refuse_real_card(number: str, allowed: bool) -> None:
    """Raise `RealCardRefused` before a number that may be a real card is typed, unless `allowed`
    (the run's `--allow-real-cards`); the message names the last four digits only."""
    if allowed or is_test_card(number):
        return
    last4 = digits_of(number)[-4:]
    raise RealCardRefused(
        f"The harness refused to type the card ending {last4} because it is not a known payment gateway test "
        "number: pay with a test card (checkout_integrity/_test_cards.py lists them), or pass --allow-real-cards "
        "if this run is meant to charge a real card.",
        last4=last4,
    )
