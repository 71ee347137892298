"""The demo hotel as a customer uses it: search, choose a room, book, give details, pay, sign in."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from playwright.sync_api import Page

from checkout_integrity import Snapshot
from checkout_integrity._camera import snap
from checkout_integrity._hands import Hands
from checkout_integrity._senses import with_what_was_felt
from fixtures.clock import CustomerClock
from fixtures.customers import Card, Customer
from pages.demo_hotel.reading import WHAT_THE_CUSTOMER_SEES, seen_on, step_of
from pages.storefront import Stay, named_step

LANGUAGES = {"it_IT": "it", "en_GB": "en"}


@dataclass
class DemoHotel:
    """Page object of the demo hotel: intentions in, snapshots out; no selector leaves this class.

    `actor` is "customer" or "rival"; `elsewhere` names the device when this is not the customer's
    first one, so that the cart seen there is recorded as "cart on my other device". Every press and
    keystroke goes through the customer's `hands`; for a screen-reader user each look runs axe-core too.
    """

    page: Page
    clock: CustomerClock
    evidence_dir: Path
    hands: Hands
    locale: str = "en_GB"
    actor: str = "customer"
    elsewhere: str | None = None
    facts: dict[str, str] = field(default_factory=dict)
    _looks: int = 0
    _next_step: str | None = None

    def find_offers(self, stay: Stay) -> None:
        self.page.goto(f"/?lang={LANGUAGES.get(self.locale, 'en')}")
        self._type("Check-in", stay.check_in.isoformat())
        self._type("Check-out", stay.check_out.isoformat())
        self._type("Guests", str(stay.guests))
        self._press("button", "Search")
        self.page.get_by_test_id("offer").first.wait_for()

    def offers(self, name: str) -> bool:
        """Whether the results still offer `name` (a sold-out room has no link to choose it)."""
        return self.page.get_by_role("link", name=f"Choose {name}").count() > 0

    def choose_offer(self, name: str) -> None:
        offer = self.page.get_by_test_id("offer").filter(has_text=name)
        self.facts["room_type"] = offer.get_attribute("data-room-type") or name
        self.facts["rooms_left"] = offer.get_by_test_id("offer-rooms-left").get_attribute("data-rooms-left") or ""
        self.hands.press(offer.get_by_role("link", name=f"Choose {name}"), f"Choose {name}")
        self.page.get_by_test_id("room-total").wait_for()

    def choose_extras(self, extras: list[str]) -> None:
        for extra in extras:
            self.hands.tick(self.page.get_by_label(extra), extra)

    def book(self) -> None:
        self._press("button", "Book now")
        self.page.get_by_test_id("cart-total").or_(self.page.get_by_test_id("sold-out")).wait_for()

    def give_details(self, customer: Customer) -> None:
        self._press("link", "Continue to guest details")
        self._type("Full name", customer.name)
        self._type("Email", customer.email)
        self._type("Phone", customer.phone)
        self._press("button", "Continue to payment")
        self.page.get_by_test_id("payment-total").wait_for()

    def enter_card(self, customer: Customer, card: Card | None = None) -> None:
        """Card fields are found by their autocomplete purpose, which stays when a page loses its labels."""
        card = card or customer.card
        field = self.page.locator
        self.hands.type(field("input[autocomplete='cc-number']"), "Card number", card.number, card_number=True)
        self.hands.type(field("input[autocomplete='cc-exp']"), "Expiry (MM/YY)", card.expiry)
        self.hands.type(field("input[autocomplete='cc-csc']"), "Security code", card.cvc, secret=True)
        self.hands.type(field("input[autocomplete='cc-name']"), "Name on card", customer.name)
        self.hands.answer_what_is_asked({"email": customer.email, "name": customer.name, "tel": customer.phone})

    def linger(self, seconds: int) -> None:
        self.clock.spend(seconds, self.page)

    def pay(self) -> None:
        self.hands.press(self.page.get_by_role("button", name="Pay now"), "Pay now", watch_shift=True)
        self.page.wait_for_load_state()

    def pay_again(self, customer: Customer) -> None:
        """The browser sends the same payment a second time, as a double click or a retry does."""
        card = customer.card
        self.page.request.post(
            "/checkout/pay",
            form={"card_number": card.number, "expiry": card.expiry, "cvc": card.cvc, "card_name": customer.name},
        )
        self.page.reload()

    def sold_out(self) -> bool:
        return self.page.get_by_test_id("sold-out").count() > 0

    def sign_in(self, customer: Customer) -> None:
        self.page.goto(f"/signin?lang={LANGUAGES.get(self.locale, 'en')}")
        self._type("Email", customer.email)
        self._type("Password", customer.password, secret=True)
        self._press("button", "Sign in")
        self.page.get_by_test_id("signed-in-as").wait_for()

    def open_cart(self) -> None:
        self.page.goto("/cart")

    def reload(self) -> None:
        self.page.reload()
        self._next_step = "cart after reload"

    def look(self) -> Snapshot:
        raw = self.page.evaluate(WHAT_THE_CUSTOMER_SEES)
        step = named_step(step_of(self.page.url, raw), self.elsewhere, self._next_step, self.facts)
        self._next_step = None
        self._looks += 1
        seen = seen_on(raw, step, self.page.url, self.clock.now(), self.locale, self.actor, self.facts,
                       self._screenshot(step))
        return with_what_was_felt(seen, self.page, self.hands.ways.screen_reader)

    def _type(self, label: str, value: str, secret: bool = False) -> None:
        self.hands.type(self.page.get_by_label(label, exact=True), label, value, secret=secret)

    def _press(self, role: Literal["button", "link"], name: str) -> None:
        self.hands.press(self.page.get_by_role(role, name=name), name)

    def _screenshot(self, step: str) -> str:
        path = self.evidence_dir / f"{self._looks:02d}-{step.replace(' ', '-')}.png"
        return snap(self.page, path)
