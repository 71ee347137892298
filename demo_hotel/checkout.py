"""What the shop shows and charges at each checkout step; every pricing fault is decided here."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from decimal import Decimal

from demo_hotel.pricing import CURRENCY, Bill, Line, cents, total

USD_PER_EUR = Decimal("1.10")
SERVICE_FEE = Line("Service fee", "fee", Decimal("19.00"))
DRIFT_AFTER = timedelta(seconds=60)


def cart_total(lines: Sequence[Line], faults: frozenset[str]) -> Decimal:
    """The cart's total; fault total-mismatch leaves out the tax it lists (the city tax, or the goods shop's VAT)."""
    if "total-mismatch" in faults:
        return total(line for line in lines if line.kind != "tax")
    return total(lines)


def payment_bill(
    lines: Sequence[Line],
    faults: frozenset[str],
    *,
    fee: Line = SERVICE_FEE,
    currency: str = CURRENCY,
    usd_per_unit: Decimal = USD_PER_EUR,
) -> Bill:
    """What the payment page shows, and charges unless the price drifts: fault hidden-fee adds the shop's fee,
    fault currency-switch turns every line from the shop's currency into dollars. The goods shop passes its
    own fee, currency and rate."""
    shown = (*lines, fee) if "hidden-fee" in faults else tuple(lines)
    if "currency-switch" in faults:
        return Bill(tuple(replace(line, amount=cents(line.amount * usd_per_unit)) for line in shown), "USD")
    return Bill(shown, currency)


def charged_bill(
    lines: Sequence[Line], faults: frozenset[str], payment_opened_at: datetime | None, now: datetime
) -> Bill:
    """What the gateway charges: the locked cart prices; fault price-drift doubles the room once the customer has
    spent 60 s since first opening the payment page."""
    if "price-drift" in faults and payment_opened_at is not None and now - payment_opened_at >= DRIFT_AFTER:
        lines = [replace(line, amount=line.amount * 2) if line.kind == "room" else line for line in lines]
    return payment_bill(lines, faults)


def receipt_total(bill: Bill, faults: frozenset[str]) -> Decimal:
    """The total the confirmation email states; fault receipt-mismatch states it before tax (city tax or VAT)."""
    if "receipt-mismatch" in faults:
        return total(line for line in bill.lines if line.kind != "tax")
    return bill.total
