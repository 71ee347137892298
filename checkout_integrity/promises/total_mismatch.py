"""total-mismatch: "The lines don't add up to the total."

On every page that lists lines and a total, the lines (room, extras, taxes, fees) must sum to the
total; lines in another currency than the total are currency-switch's business.
"""

from __future__ import annotations

from checkout_integrity._findings import CATALOGUE, Finding
from checkout_integrity._journey import Journey
from checkout_integrity._money import Money
from checkout_integrity.promises._steps import PAGE
from checkout_integrity.promises._words import where

DEFECT = CATALOGUE["total-mismatch"]


def lines_add_up(journey: Journey) -> list[Finding]:
    """Each page's total is the sum of the lines it lists."""
    findings = []
    for snapshot in journey.seen_by():
        total = snapshot.amounts.get("total")
        if snapshot.source != PAGE or total is None or not snapshot.lines:
            continue
        amounts = [line.amount for line in snapshot.lines]
        if any(amount.currency != total.currency for amount in amounts):
            continue
        added = Money.total(amounts, total.currency)
        if added != total:
            findings.append(
                DEFECT.finding(
                    f"The lines don't add up to the total {where(snapshot.step)}: "
                    f"{' + '.join(str(amount) for amount in amounts)} = {added}, but the total says {total}.",
                    step=snapshot.step,
                    evidence=(snapshot.screenshot,),
                )
            )
    return findings
