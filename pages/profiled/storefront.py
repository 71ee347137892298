"""Any shop as a customer uses it, walked through its site profile: the whole `Storefront`, no selector here.

What a profile leaves out (signing in, extras, the payment request to resend) makes the scenario that
needs it "not checkable on this site"; what it gets wrong stops the run with the key to fix.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Page

from checkout_integrity import Snapshot
from checkout_integrity._hands import Hands
from checkout_integrity._profile import Profile, not_checkable
from checkout_integrity._profile_shop import ProfiledShop
from checkout_integrity._senses import with_what_was_felt
from fixtures.clock import CustomerClock
from fixtures.customers import Card, Customer
from pages.storefront import Stay, named_step


@dataclass
class ProfiledStorefront:
    """A profile-driven storefront: intentions in, snapshots out, like a site's own page objects.

    `actor` is "customer" or "rival"; `elsewhere` names the device when this is not the customer's first;
    `overheard` records the prices the network carried, just before the page snapshot they fed. Every
    press and keystroke goes through the customer's `hands`; for a screen-reader user each look runs axe-core.
    """

    page: Page
    profile: Profile
    clock: CustomerClock
    evidence_dir: Path
    hands: Hands
    locale: str = "en_GB"
    actor: str = "customer"
    elsewhere: str | None = None
    overheard: Callable[[Snapshot], None] | None = None
    facts: dict[str, str] = field(default_factory=dict)
    _looks: int = 0
    _next_step: str | None = None

    def __post_init__(self) -> None:
        self.shop = ProfiledShop(self.page, self.profile, self.locale, hands=self.hands)

    def find_offers(self, stay: Stay) -> None:
        self.shop.act(
            "find_offers",
            {
                "check_in": stay.check_in.isoformat(),
                "check_out": stay.check_out.isoformat(),
                "nights": str(stay.nights),
                "guests": str(stay.guests),
            },
        )

    def offers(self, name: str) -> bool:
        return self.shop.offers(name)

    def choose_offer(self, name: str) -> None:
        seen = self.shop.read()
        if name not in seen.offers:
            named = ", ".join(seen.offers) or "none"
            raise self.shop.misfit("read.offers.name", f"read no offer named {name!r} (it read {named})",
                                   "point read.offers.name at the offer's name inside each offer")
        offer = seen.offers[name]
        self.facts["room_type"] = offer["id"]
        if "left" in offer:
            self.facts["rooms_left"] = offer["left"]
        self.shop.act("choose_offer", {"offer": name})

    def choose_extras(self, extras: list[str]) -> None:
        self._needs("choose_extras", "choosing an extra")
        for extra in extras:
            self.shop.act("choose_extras", {"extra": extra})

    def book(self) -> None:
        self.shop.act("add_to_cart")

    def give_details(self, customer: Customer) -> None:
        self.shop.act("checkout", {"name": customer.name, "email": customer.email, "phone": customer.phone})

    def enter_card(self, customer: Customer, card: Card | None = None) -> None:
        card = card or customer.card
        self.shop.act(
            "enter_card",
            {"card_number": card.number, "expiry": card.expiry, "cvc": card.cvc, "card_name": customer.name},
        )
        self.hands.answer_what_is_asked({"email": customer.email, "name": customer.name, "tel": customer.phone})

    def linger(self, seconds: int) -> None:
        self.clock.spend(seconds, self.page)

    def pay(self) -> None:
        self.shop.pay()

    def pay_again(self, customer: Customer) -> None:
        """The browser sends the same payment a second time, as a double click or a retry does."""
        if self.profile.pay.request is None:
            raise not_checkable(self.profile, "sending a payment twice", ["pay.request"])
        self.shop.pay_again()

    def sold_out(self) -> bool:
        return self.shop.read().step == "sold out"

    def sign_in(self, customer: Customer) -> None:
        self._needs("sign_in", "signing in")
        self.shop.act("sign_in", {"email": customer.email, "password": customer.password})

    def open_cart(self) -> None:
        self._needs("open_cart", "opening the cart")
        self.shop.act("open_cart")

    def reload(self) -> None:
        self.shop.reload()
        self._next_step = "cart after reload"

    def look(self) -> Snapshot:
        seen = self.shop.read()
        step = named_step(seen.step, self.elsewhere, self._next_step, self.facts)
        self._next_step = None
        self._looks += 1
        at = self.clock.now()
        for carried in self.shop.carried():
            if self.overheard is not None:
                self.overheard(carried.snapshot(step, at, self.actor))
        screenshot = self.shop.screenshot(self.evidence_dir / f"{self._looks:02d}-{step.replace(' ', '-')}.png")
        return with_what_was_felt(
            seen.snapshot(step, at, self.actor, self.facts, screenshot), self.page, self.hands.ways.screen_reader
        )

    def _needs(self, action: str, doing: str) -> None:
        if not self.shop.can(action):
            raise not_checkable(self.profile, doing, [action])
