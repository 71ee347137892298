"""Journeys as the harness records them on the demo hotel, clean or with demo faults switched on.

`demo_journey(*faults)` walks one customer through every step the promises read (reload, other
device, a declined card, a rival after the last room, the bank statement and the email), doing what
the demo site does with those faults on, so that each fault can be shown to break its promise alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from checkout_integrity import Journey, Line, Money, Snapshot

START = datetime(2025, 6, 1, 9, 0, tzinfo=UTC)
USD_PER_EUR = Decimal("1.10")
REFERENCE = "DH-7Q2K"
ROOM_FACTS = {"room_type": "family-suite", "rooms_left": "1"}
GUEST = {"Full name": "Giulia Rossi", "Email": "giulia.rossi.123@example.com", "Phone": "+39 06 1234 5678"}
GUEST_SUMMARY = {"Guest": "Giulia Rossi, giulia.rossi.123@example.com"}
CARD_FORM_EMPTY = {"Card number": "", "Expiry (MM/YY)": "", "Security code": "", "Name on card": ""}
DECLINED_CARD = {
    "Card number": "•••• 0002",
    "Expiry (MM/YY)": "12/30",
    "Security code": "•••",
    "Name on card": "Giulia Rossi",
}
GOOD_CARD = {**DECLINED_CARD, "Card number": "•••• 4242"}


def eur(amount: str) -> Money:
    return Money(Decimal(amount), "EUR")


def at(seconds: float) -> datetime:
    """A moment of customer time, `seconds` after the journey starts."""
    return START + timedelta(seconds=seconds)


def total(lines: Sequence[Line]) -> Money:
    return Money.total((line.amount for line in lines), lines[0].amount.currency)


def demo_journey(*faults: str) -> Journey:
    """Giulia books the last Family Suite for 2 nights with breakfast, as the demo site with `faults` serves it."""
    on = set(faults)
    journey = Journey("Giulia Rossi")

    def see(step: str, seconds: float, **seen: Any) -> None:
        journey.observe(Snapshot(step, at(seconds), url=f"http://127.0.0.1:8000/{step.replace(' ', '-')}", **seen))

    room = Line("Family Suite, 2 nights", eur("480.00"), "room")
    breakfast = Line("Breakfast", eur("60.00"), "extra")
    insurance = Line("Travel insurance", eur("25.00"), "extra")
    city_tax = Line("City tax", eur("16.00"), "tax")
    cart = [room, breakfast, *([insurance] if "basket-sneak" in on else []), city_tax]
    cart_total = total([line for line in cart if line.kind != "tax"] if "total-mismatch" in on else cart)
    shown: dict[str, Any] = {"lines": tuple(cart), "amounts": {"total": cart_total}}

    see("results", 0, amounts={"Classic Double total": eur("256.00"), "Family Suite total": eur("496.00")})
    see("room", 15, amounts={"total": eur("496.00")}, facts=ROOM_FACTS,
        form={"Breakfast": "yes", "Travel insurance": "yes" if "basket-sneak" in on else ""})
    journey.choose_extra("Breakfast")
    see("cart", 20, **shown, hold_remaining=600, facts=ROOM_FACTS)
    see("cart after reload", 50, **shown, hold_remaining=600 if "fake-urgency" in on else 570, facts=ROOM_FACTS)
    see("cart on my other device", 60, facts={"device": "phone"},
        **({"amounts": {"total": eur("0.00")}} if "cart-lost" in on else shown))
    rival_won = "hold-broken" in on
    journey.observe(Snapshot("confirmation" if rival_won else "sold out", at(75), actor="rival",
                             facts={"room_type": "family-suite", "outcome": "confirmed" if rival_won else "sold out"}))
    see("guest details", 80, form=GUEST, facts=ROOM_FACTS)

    def bill(lines: Sequence[Line]) -> list[Line]:
        """What the payment page shows for `lines`: hidden-fee adds a fee, currency-switch turns it to USD."""
        lines = [*lines, Line("Service fee", eur("19.00"), "fee")] if "hidden-fee" in on else list(lines)
        if "currency-switch" in on:
            return [Line(line.label, Money(line.amount.amount * USD_PER_EUR, "USD"), line.kind) for line in lines]
        return lines

    paying = bill(cart)
    payment: dict[str, Any] = {"lines": tuple(paying), "amounts": {"total": total(paying)}, "facts": ROOM_FACTS}
    see("payment", 90, **payment, form={**CARD_FORM_EMPTY, **GUEST_SUMMARY})
    see("payment", 120, **payment, form={**DECLINED_CARD, **GUEST_SUMMARY})
    kept: Mapping[str, str] = (
        {**CARD_FORM_EMPTY, "Guest": ""}
        if "input-lost" in on
        else {**DECLINED_CARD, "Card number": "", "Security code": "", **GUEST_SUMMARY}
    )
    declined = {**payment, "facts": {**ROOM_FACTS, "error": "Your card was declined."}}
    see("payment declined", 121, **declined, form=kept)
    see("payment declined", 190, **declined, form={**kept, **GOOD_CARD})

    charged_lines = bill([Line(room.label, room.amount * 2, "room") if "price-drift" in on else room, *cart[1:]])
    charged = total(charged_lines)
    see("confirmation", 191, lines=tuple(charged_lines), amounts={"charged": charged},
        facts={**ROOM_FACTS, "reference": REFERENCE})
    charges = [Line(REFERENCE, charged, "charge")] * (2 if "double-charge" in on else 1)
    see("bank statement", 200, source="gateway", lines=tuple(charges), amounts={"charged": total(charges)})
    before_tax = total([line for line in charged_lines if line.kind != "tax"])
    see("email", 210, source="email", amounts={"charged": before_tax if "receipt-mismatch" in on else charged},
        facts={"reference": REFERENCE})
    return journey
