"""Journeys as the harness records them on the demo hotel, clean or with demo faults switched on.

`demo_journey(*faults)` walks one customer through every step the promises read (reload, other
device, a declined card, a rival after the last room, the bank statement and the email), doing what
the demo site does with those faults on, so that each fault can be shown to break its promise alone.
Like the page objects, it records each click and field typed (a field already showing the value is
not typed again), the Web Vitals of each page and its serious axe-core violations.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from checkout_integrity import Action, Journey, Line, Money, Snapshot, Violation
from checkout_integrity._journey import digest
from checkout_integrity.promises._steps import PAYING

START = datetime(2025, 6, 1, 9, 0, tzinfo=UTC)
USD_PER_EUR = Decimal("1.10")
REFERENCE = "DH-7Q2K"
ROOM_FACTS = {"room_type": "family-suite", "rooms_left": "1"}
GUEST = {"Full name": "Giulia Rossi", "Email": "giulia.rossi.123@example.com", "Phone": "+39 06 1234 5678"}
GUEST_SUMMARY = {"Guest": "Giulia Rossi, giulia.rossi.123@example.com"}
GUEST_FORM_EMPTY = dict.fromkeys(GUEST, "")
SEARCH = {"Check-in": "2025-07-01", "Check-out": "2025-07-03", "Guests": "2"}
CARD_FORM_EMPTY = {"Card number": "", "Expiry (MM/YY)": "", "Security code": "", "Name on card": ""}
DECLINED_CARD = {
    "Card number": "•••• 0002",
    "Expiry (MM/YY)": "12/30",
    "Security code": "•••",
    "Name on card": "Giulia Rossi",
}
GOOD_CARD = {**DECLINED_CARD, "Card number": "•••• 4242"}
SECRET_FIELDS = ("Card number", "Security code")
FELT = {"wait_ms": 420.0, "lcp_ms": 610.0, "cls": 0.02, "inp_ms": 90.0, "ttfb_ms": 35.0}  # well within budget
UNLABELLED = Violation("label", "critical", "Form elements must have labels", 4)


def eur(amount: str) -> Money:
    return Money(Decimal(amount), "EUR")


def at(seconds: float) -> datetime:
    """A moment of customer time, `seconds` after the journey starts."""
    return START + timedelta(seconds=seconds)


def total(lines: Sequence[Line]) -> Money:
    return Money.total((line.amount for line in lines), lines[0].amount.currency)


def demo_journey(*faults: str) -> Journey:
    """Giulia books the last Family Suite for 2 nights with breakfast, as the demo site with `faults` serves it;
    another customer buys a Classic Double as she looks at the results, and she looks again."""
    on = set(faults)
    journey = Journey("Giulia Rossi")

    def see(step: str, seconds: float, **seen: Any) -> None:
        if seen.get("source", "page") == "page":
            seen.setdefault("vitals", felt(step))
            seen.setdefault("violations", (UNLABELLED,) if "inaccessible-step" in on and step in PAYING else ())
        journey.observe(Snapshot(step, at(seconds), url=f"http://127.0.0.1:8000/{step.replace(' ', '-')}", **seen))

    def felt(step: str) -> dict[str, float]:
        """slow-step answers the payment page after 3 s; layout-shift's late banner moves it."""
        vitals = dict(FELT)
        if step == "payment" and "slow-step" in on:
            vitals |= {"wait_ms": 3214.0, "lcp_ms": 3320.0}
        if step == "payment" and "layout-shift" in on:
            vitals["cls"] = 0.42
        return vitals

    def do(kind: str, target: str, page: str, seconds: float, typed: str = "", shift: float | None = None) -> None:
        secret = target in SECRET_FIELDS
        journey.act(Action(kind, target, page, at(seconds), digest="" if secret else digest(typed) if typed else "",
                           secret=secret, layout_shift=shift))

    def pay(page: str, seconds: float, shift: float = 0.01) -> None:
        do("click", "Pay now", page, seconds, shift=shift)

    room = Line("Family Suite, 2 nights", eur("480.00"), "room")
    breakfast = Line("Breakfast", eur("60.00"), "extra")
    insurance = Line("Travel insurance", eur("25.00"), "extra")
    city_tax = Line("City tax", eur("16.00"), "tax")
    cart = [room, breakfast, *([insurance] if "basket-sneak" in on else []), city_tax]
    cart_total = total([line for line in cart if line.kind != "tax"] if "total-mismatch" in on else cart)
    shown: dict[str, Any] = {"lines": tuple(cart), "amounts": {"total": cart_total}}

    for seconds, (field, value) in enumerate(SEARCH.items(), start=-10):
        do("type", field, "/", seconds, value)
    do("click", "Search", "/", -5)
    offers = {"Classic Double total": eur("256.00"), "Family Suite total": eur("496.00")}
    see("results", 0, amounts=offers, facts={"left of Classic Double": "1" if "fake-scarcity" in on else "3"})
    journey.observe(Snapshot("confirmation", at(1), actor="rival", facts={"offer": "Classic Double"}))
    see("results", 2, amounts=offers, facts={"left of Classic Double": "1" if "fake-scarcity" in on else "2"})
    see("room", 15, amounts={"total": eur("496.00")}, facts=ROOM_FACTS,
        form={"Breakfast": "yes", "Travel insurance": "yes" if "basket-sneak" in on else ""})
    do("click", "Choose Family Suite", "/search", 10)
    journey.choose_extra("Breakfast")
    do("check", "Breakfast", "/rooms/family-suite", 16)
    do("click", "Book now", "/rooms/family-suite", 18)
    see("cart", 20, **shown, hold_remaining=600, facts=ROOM_FACTS)
    see("cart after reload", 50, **shown, hold_remaining=600 if "fake-urgency" in on else 570, facts=ROOM_FACTS)
    see("cart on my other device", 60, facts={"device": "phone"},
        **({"amounts": {"total": eur("0.00")}} if "cart-lost" in on else shown))
    rival_won = "hold-broken" in on
    journey.observe(Snapshot("confirmation" if rival_won else "sold out", at(75), actor="rival",
                             facts={"room_type": "family-suite", "outcome": "confirmed" if rival_won else "sold out"}))
    do("click", "Continue to guest details", "/cart", 78)
    see("guest details", 80, form=GUEST_FORM_EMPTY, facts=ROOM_FACTS)
    for seconds, (field, value) in enumerate(GUEST.items(), start=81):
        do("type", field, "/checkout/guest", seconds, value)
    do("click", "Continue to payment", "/checkout/guest", 85)

    def bill(lines: Sequence[Line]) -> list[Line]:
        """What the payment page shows for `lines`: hidden-fee adds a fee, currency-switch turns it to USD."""
        lines = [*lines, Line("Service fee", eur("19.00"), "fee")] if "hidden-fee" in on else list(lines)
        if "currency-switch" in on:
            return [Line(line.label, Money(line.amount.amount * USD_PER_EUR, "USD"), line.kind) for line in lines]
        return lines

    paying = bill(cart)
    payment: dict[str, Any] = {"lines": tuple(paying), "amounts": {"total": total(paying)}, "facts": ROOM_FACTS}
    asked_again = {"Email": ""} if "retyping" in on else {}  # retyping: the payment page asks for the email
    see("payment", 90, **payment, form={**CARD_FORM_EMPTY, "Name on card": "Giulia Rossi", **GUEST_SUMMARY,
                                        **asked_again})  # the name on card comes filled in: nothing typed
    for seconds, field in enumerate(("Card number", "Expiry (MM/YY)", "Security code"), start=95):
        do("type", field, "/checkout/payment", seconds, DECLINED_CARD[field])
    if asked_again:
        do("type", "Email", "/checkout/payment", 98, GUEST["Email"])
        asked_again = {"Email": GUEST["Email"]}
    see("payment", 120, **payment, form={**DECLINED_CARD, **GUEST_SUMMARY, **asked_again})
    pay("/checkout/payment", 120.5, shift=0.42 if "layout-shift" in on else 0.01)
    kept: Mapping[str, str] = (
        {**CARD_FORM_EMPTY, "Guest": ""}
        if "input-lost" in on
        else {**DECLINED_CARD, "Card number": "", "Security code": "", **GUEST_SUMMARY, **asked_again}
    )
    declined = {**payment, "facts": {**ROOM_FACTS, "error": "Your card was declined."}}
    see("payment declined", 121, **declined, form=kept)
    for seconds, field in enumerate(GOOD_CARD, start=150):  # only what the declined page shows empty
        if not kept.get(field):
            do("type", field, "/checkout/pay", seconds, GOOD_CARD[field])
    see("payment declined", 190, **declined, form={**kept, **GOOD_CARD})
    pay("/checkout/pay", 190.5)

    charged_lines = bill([Line(room.label, room.amount * 2, "room") if "price-drift" in on else room, *cart[1:]])
    charged = total(charged_lines)
    see("confirmation", 191, lines=tuple(charged_lines), amounts={"charged": charged},
        facts={**ROOM_FACTS, "reference": REFERENCE})
    charges = [Line(REFERENCE, charged, "charge")] * (2 if "double-charge" in on else 1)
    see("bank statement", 200, source="gateway", lines=tuple(charges), amounts={"charged": total(charges)})
    before_tax = total([line for line in charged_lines if line.kind != "tax"])
    see("confirmation email", 210, source="email", amounts={"charged": before_tax if "receipt-mismatch" in on else charged},
        facts={"reference": REFERENCE})
    return journey
