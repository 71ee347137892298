"""input-lost: "My details vanished after a card error."

After a declined card the payment page must keep every field the customer filled in, except the card
number and security code, which a customer expects to type again: they are the fields read masked
("•••• 4242", "•••"), whatever their labels say.
"""

from __future__ import annotations

from checkout_integrity._findings import CATALOGUE, Finding
from checkout_integrity._journey import Journey, Snapshot
from checkout_integrity.promises._steps import PAYMENT, PAYMENT_DECLINED
from checkout_integrity.promises._words import listing

DEFECT = CATALOGUE["input-lost"]
MASKED = "•"  # how a card secret's value starts once it is read from the page


def details_kept_after_decline(journey: Journey) -> list[Finding]:
    """A card error leaves my details where I typed them."""
    findings = []
    before: Snapshot | None = None
    for snapshot in journey.seen_by():
        if snapshot.step == PAYMENT:
            before = snapshot
        elif snapshot.step == PAYMENT_DECLINED and before is not None:
            findings += _fields_lost(before, snapshot)
            before = None  # each filled-in payment page is judged against the first decline after it
    return findings


def _fields_lost(before: Snapshot, declined: Snapshot) -> list[Finding]:
    lost = [
        label
        for label, value in before.form.items()
        if value.strip() and not value.startswith(MASKED) and not declined.form.get(label, "").strip()
    ]
    if not lost:
        return []
    were = "was" if len(lost) == 1 else "were"
    error = declined.facts.get("error", "").rstrip(".")
    saying = f' ("{error}")' if error else ""
    return [
        DEFECT.finding(
            f"My details vanished after a card error: {listing(lost)} {were} filled in at payment and "
            f"empty after the card was declined{saying}.",
            step=declined.step,
            evidence=(before.screenshot, declined.screenshot),
        )
    ]
