"""The demo site's switchable defects, one per catalogue id in DESIGN.md; all are off by default."""

from __future__ import annotations

import difflib

FAULTS: dict[str, str] = {
    "price-drift": "the room rate doubles at pay time once the customer has spent 60 s on the payment page",
    "hidden-fee": "a service fee line appears on the payment page only, and is charged",
    "hold-broken": "booking takes no hold, so a second customer can book the last room while the first pays",
    "input-lost": "a declined card clears the guest details and every card field",
    "double-charge": "paying again for the same cart charges again",
    "receipt-mismatch": "the confirmation email states the total before tax",
    "basket-sneak": "travel insurance is pre-checked on the room page, so it is added",
    "cart-lost": "the cart is bound to the browser session, not to the signed-in account",
    "fake-urgency": "the hold's expiry restarts at now + 10 minutes on every page load",
    "currency-switch": "the payment page shows and charges USD (1.10 per euro)",
    "total-mismatch": "the cart total leaves out the city tax line it lists",
    "slow-step": "the payment page answers after 3 s",
    "layout-shift": "a late banner pushes the pay button down",
    "inaccessible-step": "the card fields lose their labels",
    "retyping": "the payment page asks for the guest's email again",
    "fake-scarcity": 'every offer on sale claims "Only 1 left!", whatever is left',
}


class UnknownFault(ValueError):
    """A fault id that is not in the catalogue; the message names the nearest known id."""

    def __init__(self, fault: str) -> None:
        nearest = difflib.get_close_matches(fault, FAULTS, n=1, cutoff=0.0)[0]
        super().__init__(
            f'unknown fault "{fault}" (the nearest known id is "{nearest}"; --list-faults shows them all)'
        )
        self.fault = fault
        self.nearest = nearest


def parse_faults(text: str) -> frozenset[str]:
    """Turn "a,b" into the set of fault ids, refusing any id the catalogue does not know."""
    faults = frozenset(part.strip() for part in text.split(",") if part.strip())
    for fault in sorted(faults):
        if fault not in FAULTS:
            raise UnknownFault(fault)
    return faults
