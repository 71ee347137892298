"""hidden-fee: "A fee appeared only at the last step."

Every mandatory charge (a fee or a tax) from the payment page on must already be a line of the first
page that listed lines, the cart; an extra the customer did not choose is basket-sneak instead.
"""

from __future__ import annotations

from checkout_integrity._findings import CATALOGUE, Finding
from checkout_integrity._journey import Journey
from checkout_integrity.promises._steps import PAGE, from_payment_on
from checkout_integrity.promises._words import where

DEFECT = CATALOGUE["hidden-fee"]
MANDATORY = ("fee", "tax")


def fees_shown_upfront(journey: Journey) -> list[Finding]:
    """No fee or tax turns up at payment that the cart did not already list."""
    seen = journey.seen_by()
    first_listing = next((snapshot for snapshot in seen if snapshot.source == PAGE and snapshot.lines), None)
    if first_listing is None:
        return []
    listed = {line.label.casefold() for line in first_listing.lines}
    findings = []
    for snapshot in from_payment_on(seen):
        for line in snapshot.lines:
            if line.kind in MANDATORY and line.label.casefold() not in listed:
                listed.add(line.label.casefold())
                findings.append(
                    DEFECT.finding(
                        f"A fee appeared only at the last step: {line} was added {where(snapshot.step)}; "
                        f"the {first_listing.step} never showed it.",
                        step=snapshot.step,
                        evidence=(first_listing.screenshot, snapshot.screenshot),
                    )
                )
    return findings
