"""The customer's hands: what they record, and the card numbers they refuse to type."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import cast

import pytest
from playwright.sync_api import Locator, Page

from checkout_integrity import Action
from checkout_integrity._exceptions import RealCardRefused
from checkout_integrity._hands import Hands

NOT_A_TEST_CARD = "4929 1234 5678 9015"  # Luhn-valid, on no gateway's list of test numbers


class Field:
    """A form field that remembers what was typed into it."""

    def __init__(self, shows: str = "") -> None:
        self.value = shows

    def input_value(self) -> str:
        return self.value

    def fill(self, value: str) -> None:
        self.value = value


def hands(recorded: list[Action], allowed: bool = False) -> Hands:
    page = cast(Page, type("Tab", (), {"url": "http://127.0.0.1/checkout/payment"})())
    return Hands(page, lambda: datetime(2030, 5, 1, tzinfo=UTC), recorded.append, allow_real_cards=allowed)


def test_a_card_number_that_is_no_test_number_is_refused_before_anything_is_typed() -> None:
    recorded: list[Action] = []
    field = Field()

    with pytest.raises(RealCardRefused) as refused:
        hands(recorded).type(cast(Locator, field), "Card number", NOT_A_TEST_CARD, card_number=True)

    assert field.value == "" and recorded == []
    assert "9015" in str(refused.value) and "4929" not in str(refused.value)
    assert "--allow-real-cards" in str(refused.value)


def test_an_allowed_card_is_typed_and_recorded_without_its_number() -> None:
    recorded: list[Action] = []
    field = Field()

    hands(recorded, allowed=True).type(cast(Locator, field), "Card number", NOT_A_TEST_CARD, card_number=True)

    assert field.value == NOT_A_TEST_CARD
    (typed,) = recorded
    assert (typed.kind, typed.target, typed.page, typed.secret, typed.digest) == (
        "type", "Card number", "/checkout/payment", True, ""
    )


def test_a_field_that_already_shows_the_value_is_not_typed_again() -> None:
    recorded: list[Action] = []
    field = Field(shows="Giulia Rossi")

    hands(recorded).type(cast(Locator, field), "Name on card", "Giulia Rossi")
    hands(recorded).type(cast(Locator, field), "Name on card", "Giulia R. Rossi")

    assert [action.target for action in recorded] == ["Name on card"]
    assert recorded[0].digest and "Giulia" not in recorded[0].digest
