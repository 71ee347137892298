"""cart-lost: "My cart was gone on my other device."

What the customer put in the cart (rooms, extras, items) must be in the cart the same signed-in
customer opens on another device.
"""

from __future__ import annotations

from checkout_integrity._findings import CATALOGUE, Finding
from checkout_integrity._journey import Journey
from checkout_integrity.promises._steps import CART, OTHER_DEVICE_CART, last_before
from checkout_integrity.promises._words import listing

DEFECT = CATALOGUE["cart-lost"]
CHOSEN_KINDS = ("room", "extra", "item")


def cart_follows_me(journey: Journey) -> list[Finding]:
    """My other device shows the cart I filled."""
    seen = journey.seen_by()
    findings = []
    for index, elsewhere in enumerate(seen):
        if elsewhere.step != OTHER_DEVICE_CART:
            continue
        mine = last_before(seen, index, lambda snapshot: snapshot.step == CART and bool(snapshot.lines))
        if mine is None:
            continue
        there = {line.label.casefold() for line in elsewhere.lines}
        missing = [
            f"'{line.label}'"
            for line in mine.lines
            if line.kind in CHOSEN_KINDS and line.label.casefold() not in there
        ]
        if missing:
            device = elsewhere.facts.get("device", "other device")
            one = len(missing) == 1
            showed = f"a cart without {'it' if one else 'them'}" if elsewhere.lines else "an empty cart"
            were = "was" if one else "were"
            findings.append(
                DEFECT.finding(
                    f"My cart was gone on my other device: {listing(missing)} {were} in my cart, "
                    f"but my {device} showed {showed}.",
                    step=elsewhere.step,
                    evidence=(mine.screenshot, elsewhere.screenshot),
                )
            )
    return findings
