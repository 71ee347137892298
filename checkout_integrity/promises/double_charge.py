"""double-charge: "I was charged twice."

The bank statement (the last one read: it lists every charge so far) may show each booking reference
once, and no more charges than the bookings the customer saw confirmed.
"""

from __future__ import annotations

from checkout_integrity._findings import CATALOGUE, Finding
from checkout_integrity._journey import Journey, Line
from checkout_integrity.promises._steps import BANK_STATEMENT, CONFIRMATION
from checkout_integrity.promises._words import listing, times

DEFECT = CATALOGUE["double-charge"]


def charged_once(journey: Journey) -> list[Finding]:
    """Each booking I made is charged to my card exactly once."""
    seen = journey.seen_by()
    statement = next((snapshot for snapshot in reversed(seen) if snapshot.step == BANK_STATEMENT), None)
    if statement is None:
        return []
    charges = [line for line in statement.lines if line.kind == "charge"]
    by_booking: dict[str, list[Line]] = {}
    for charge in charges:
        by_booking.setdefault(charge.label, []).append(charge)
    evidence = (statement.screenshot,)
    findings = [
        DEFECT.finding(
            f"I was charged twice: my bank statement shows booking {reference} {times(len(same))}, "
            f"{listing([str(charge.amount) for charge in same])}.",
            step=statement.step,
            evidence=evidence,
        )
        for reference, same in by_booking.items()
        if len(same) > 1
    ]
    confirmed = {
        snapshot.facts.get("reference", snapshot.url) for snapshot in seen if snapshot.step == CONFIRMATION
    }
    if not findings and confirmed and len(charges) > len(confirmed):
        bookings = "booking" if len(confirmed) == 1 else "bookings"
        findings.append(
            DEFECT.finding(
                f"I was charged twice: my bank statement shows {len(charges)} charges, "
                f"{listing([f'{charge.amount} for {charge.label}' for charge in charges])}, "
                f"but I got {len(confirmed)} confirmed {bookings}.",
                step=statement.step,
                evidence=evidence,
            )
        )
    return findings
