"""hold-broken: "Someone else got my room while I was paying."

When the customer's cart took the last rooms of a type (facts `room_type`, `rooms_left`), no rival may
get one of them confirmed between that cart and the customer's confirmation (or at all, when the
customer never got one). Order is the order the journey recorded, since each actor has its own clock.
"""

from __future__ import annotations

from checkout_integrity._findings import CATALOGUE, Finding
from checkout_integrity._journey import CUSTOMER, RIVAL, Journey, Snapshot
from checkout_integrity.promises._steps import CART, CONFIRMATION
from checkout_integrity.promises._words import where

DEFECT = CATALOGUE["hold-broken"]


def room_held(journey: Journey) -> list[Finding]:
    """While I pay for the last room, nobody else can book it."""
    everyone = journey.snapshots
    start = next((index for index, snapshot in enumerate(everyone) if _holds_last_rooms(snapshot)), None)
    if start is None:
        return []
    cart = everyone[start]
    room_type = cart.facts["room_type"]
    end = next(
        (start + offset for offset, snapshot in enumerate(everyone[start:]) if _is_mine(snapshot, CONFIRMATION)),
        len(everyone),
    )
    taken = [
        (index, snapshot)
        for index, snapshot in enumerate(everyone[start + 1 : end], start=start + 1)
        if snapshot.actor == RIVAL
        and snapshot.facts.get("room_type") == room_type
        and snapshot.facts.get("outcome") == "confirmed"
    ]
    if len(taken) < int(cart.facts["rooms_left"]):
        return []
    index, rival = taken[-1]
    me = next(snapshot for snapshot in reversed(everyone[:index]) if snapshot.actor == CUSTOMER)
    room = next((f"'{line.label}'" for line in cart.lines if line.kind == "room"), f"'{room_type}'")
    last = "the last room" if cart.facts["rooms_left"] == "1" else "the last rooms"
    confirmation = everyone[end] if end < len(everyone) else None
    outcome = "before my confirmation" if confirmation else "and I never got a confirmation"
    return [
        DEFECT.finding(
            f"Someone else got my room while I was paying: I held {last}, {room}, {where(cart.step)}, but another "
            f"customer's booking of it was confirmed while I was still {where(me.step)}, {outcome}.",
            step=me.step,
            evidence=(cart.screenshot, rival.screenshot, confirmation.screenshot if confirmation else None),
        )
    ]


def _holds_last_rooms(snapshot: Snapshot) -> bool:
    """A customer's cart that says which room type it holds and how many of it were left."""
    return (
        _is_mine(snapshot, CART)
        and bool(snapshot.facts.get("room_type"))
        and snapshot.facts.get("rooms_left", "").isdigit()
        and int(snapshot.facts["rooms_left"]) > 0
    )


def _is_mine(snapshot: Snapshot, step: str) -> bool:
    return snapshot.actor == CUSTOMER and snapshot.step == step
