"""The step names the harness records, and the ways of looking back along a journey that promises share."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from checkout_integrity._journey import Snapshot

RESULTS = "results"
ROOM = "room"
CART = "cart"
PAYMENT = "payment"
PAYMENT_DECLINED = "payment declined"
CONFIRMATION = "confirmation"
BANK_STATEMENT = "bank statement"
EMAIL = "email"
OTHER_DEVICE_CART = "cart on my other device"
RELOADED_CART = "cart after reload"
PAYING = (PAYMENT, PAYMENT_DECLINED)
PAGE = "page"


def last_before(seen: Sequence[Snapshot], index: int, wanted: Callable[[Snapshot], bool]) -> Snapshot | None:
    """The latest snapshot before position `index` that is `wanted`, if any."""
    return next((snapshot for snapshot in reversed(seen[:index]) if wanted(snapshot)), None)


def from_payment_on(seen: Sequence[Snapshot]) -> Sequence[Snapshot]:
    """The part of the journey from the first payment page (or confirmation) on; empty before paying."""
    start = next((index for index, snapshot in enumerate(seen) if snapshot.step in (*PAYING, CONFIRMATION)), None)
    return seen[start:] if start is not None else ()
