"""How each catalogue fault shows in the goods shop: the same ids as `demo_hotel.faults.FAULTS`, other words."""

from __future__ import annotations

GOODS_FAULTS: dict[str, str] = {
    "price-drift": "unit prices rise by half at order time once the customer has spent 60 s on the payment page",
    "hidden-fee": "a handling fee line appears on the payment page only, and is charged",
    "hold-broken": "the basket reservation holds no stock, so a second customer can buy the last one meanwhile",
    "input-lost": "a declined card clears the delivery address and every card field",
    "double-charge": "placing the same order again charges the card again",
    "receipt-mismatch": "the confirmation email and the order's own page state the amount before VAT",
    "basket-sneak": "every extra the basket offers (the protection plan, gift wrap) is pre-ticked, so it is added",
    "cart-lost": "the basket is bound to the browser session, not to the signed-in account",
    "fake-urgency": "the basket reservation restarts at 15:00 on every page load",
    "currency-switch": "the payment page shows and charges USD (1.27 per pound)",
    "total-mismatch": "the basket total leaves out the VAT line it lists",
    "slow-step": "the payment page answers after 3 s",
    "layout-shift": "a late banner pushes the Place order button down",
    "inaccessible-step": "the card fields lose their labels",
    "retyping": "the payment page asks for the email address again",
    "fake-scarcity": 'every product in stock says "Only 1 left!", whatever is left',
}
