"""The test payment gateway: card checks a real gateway makes, with the well-known test card numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

DECLINED_CARD = "4000000000000002"
DECLINED = "Your card was declined."
WRONG_CVC = "The security code is incorrect."
BAD_NUMBER = "The card number is incorrect."
BAD_EXPIRY = "Enter the expiry date as MM/YY."
EXPIRED = "Your card has expired."
NO_NAME = "Enter the name on the card."
EXPIRY = re.compile(r"\s*(\d{2})\s*/\s*(\d{2})\s*")


@dataclass(frozen=True)
class Card:
    number: str
    expiry: str
    cvc: str
    name: str

    @property
    def digits(self) -> str:
        return re.sub(r"[\s-]", "", self.number)

    @property
    def last4(self) -> str:
        return self.digits[-4:]

    @property
    def is_amex(self) -> bool:
        return self.digits[:2] in ("34", "37")


def luhn_valid(digits: str) -> bool:
    if not digits.isdigit() or not 12 <= len(digits) <= 19:
        return False
    doubled = (int(d) * 2 if i % 2 else int(d) for i, d in enumerate(reversed(digits)))
    return sum(n - 9 if n > 9 else n for n in doubled) % 10 == 0


def expiry_month(text: str) -> date | None:
    """The first day of the expiry month, or None when the text is not MM/YY."""
    match = EXPIRY.fullmatch(text)
    if match is None or not 1 <= int(match[1]) <= 12:
        return None
    return date(2000 + int(match[2]), int(match[1]), 1)


def decline_reason(card: Card, today: date) -> str | None:
    """Why the gateway declines the card on the customer's today, or None when it approves."""
    if not luhn_valid(card.digits):
        return BAD_NUMBER
    expires = expiry_month(card.expiry)
    if expires is None:
        return BAD_EXPIRY
    if expires < today.replace(day=1):
        return EXPIRED
    if not card.cvc.isdigit() or len(card.cvc) != (4 if card.is_amex else 3) or card.cvc == "000":
        return WRONG_CVC
    if not card.name.strip():
        return NO_NAME
    if card.digits == DECLINED_CARD:
        return DECLINED
    return None
