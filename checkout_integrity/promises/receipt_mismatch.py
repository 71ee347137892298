"""receipt-mismatch: "The confirmation shows a different amount."

The confirmation page, the confirmation email, the shop's page for the order and each single charge on the
bank statement must state the same amount for a booking, in any currency; summing repeated charges is
double-charge's business.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from checkout_integrity._findings import CATALOGUE, Finding
from checkout_integrity._journey import Journey, Snapshot
from checkout_integrity._money import Money
from checkout_integrity.promises._steps import BANK_STATEMENT, CONFIRMATION, EMAIL, ORDER_PAGE

DEFECT = CATALOGUE["receipt-mismatch"]


@dataclass(frozen=True)
class Receipt:
    """One place that tells the customer what was charged for a booking."""

    says: str  # "the confirmation says", "my bank statement shows"
    amount: Money
    reference: str | None
    snapshot: Snapshot

    def __str__(self) -> str:
        booking = f" for booking {self.reference}" if self.snapshot.step == BANK_STATEMENT else ""
        return f"{self.says} {self.amount}{booking}"


def receipts_agree(journey: Journey) -> list[Finding]:
    """The confirmation, the email, my order page and my bank statement state the same amount."""
    seen = journey.seen_by()
    written = [receipts for receipts in (_receipts(seen, CONFIRMATION, "the confirmation says"),
                                         _receipts(seen, EMAIL, "the email says"),
                                         _receipts(seen, ORDER_PAGE, "my order page says")) if receipts]
    if not written:
        return []
    anchors = written[0]  # the first the shop wrote, each later one and every charge held to it
    checked = [*(receipt for receipts in written[1:] for receipt in receipts), *_charges(seen)]
    findings = []
    for receipt in checked:
        same_booking = (anchor for anchor in anchors if anchor.reference and anchor.reference == receipt.reference)
        against = next(same_booking, anchors[0])
        if receipt.amount != against.amount:
            findings.append(
                DEFECT.finding(
                    f"The confirmation shows a different amount: {against}, but {receipt}.",
                    step=receipt.snapshot.step,
                    evidence=(against.snapshot.screenshot, receipt.snapshot.screenshot),
                )
            )
    return findings


def _receipts(seen: Sequence[Snapshot], step: str, says: str) -> list[Receipt]:
    """The amount charged as the pages (or emails) of `step` state it."""
    return [
        Receipt(says, snapshot.amounts["charged"], snapshot.facts.get("reference"), snapshot)
        for snapshot in seen
        if snapshot.step == step and "charged" in snapshot.amounts
    ]


def _charges(seen: Sequence[Snapshot]) -> list[Receipt]:
    """Each charge of the last bank statement read (it lists every charge so far)."""
    statement = next((snapshot for snapshot in reversed(seen) if snapshot.step == BANK_STATEMENT), None)
    if statement is None:
        return []
    return [
        Receipt("my bank statement shows", line.amount, line.label, statement)
        for line in statement.lines
        if line.kind == "charge"
    ]
