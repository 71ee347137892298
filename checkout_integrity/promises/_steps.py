"""The step names the harness records, and the ways of looking back along a journey that promises share."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from checkout_integrity._journey import CUSTOMER, Action, Journey, Snapshot

RESULTS = "results"
ROOM = "room"
CART = "cart"
PAYMENT = "payment"
PAYMENT_DECLINED = "payment declined"
CONFIRMATION = "confirmation"
BANK_STATEMENT = "bank statement"
EMAIL = "confirmation email"  # not "email": a checkout may have an email page
ORDER_PAGE = "order page"  # the shop's page for the order, opened after it was placed
OTHER_DEVICE_CART = "cart on my other device"
RELOADED_CART = "cart after reload"
PAYING = (PAYMENT, PAYMENT_DECLINED)
PAGE = "page"
LEFT_OF = "left of "  # a results snapshot's fact per offer: "left of Classic Double" -> "3", as the shop claims it
ORDER_CHANGED = "order changed"  # a snapshot's fact: the customer changed their order just before (a code, an extra)


def last_before(seen: Sequence[Snapshot], index: int, wanted: Callable[[Snapshot], bool]) -> Snapshot | None:
    """The latest snapshot before position `index` that is `wanted`, if any."""
    return next((snapshot for snapshot in reversed(seen[:index]) if wanted(snapshot)), None)


def from_payment_on(seen: Sequence[Snapshot]) -> Sequence[Snapshot]:
    """The part of the journey from the first payment page (or confirmation) on; empty before paying."""
    start = next((index for index, snapshot in enumerate(seen) if snapshot.step in (*PAYING, CONFIRMATION)), None)
    return seen[start:] if start is not None else ()


def pages_seen(journey: Journey) -> tuple[Snapshot, ...]:
    """The customer's own pages (not the bank statement, the email or the network), in order."""
    return tuple(snapshot for snapshot in journey.seen_by(CUSTOMER) if snapshot.source == PAGE)


def by_step(snapshots: Sequence[Snapshot]) -> dict[str, list[Snapshot]]:
    """The snapshots of each step, steps in the order the customer first reached them."""
    steps: dict[str, list[Snapshot]] = {}
    for snapshot in snapshots:
        steps.setdefault(snapshot.step, []).append(snapshot)
    return steps


def customer_did(journey: Journey, *kinds: str) -> tuple[Action, ...]:
    """What the customer (not a rival) did of these kinds, in order."""
    return tuple(action for action in journey.actions if action.actor == CUSTOMER and action.kind in kinds)
