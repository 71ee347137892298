"""The demo hotel as a customer uses it: search, choose a room, book, give details, pay, sign in."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Page

from checkout_integrity import Snapshot
from fixtures.clock import CustomerClock
from fixtures.customers import Card, Customer
from pages.demo_hotel.reading import WHAT_THE_CUSTOMER_SEES, seen_on, step_of
from pages.storefront import Stay

LANGUAGES = {"it_IT": "it", "en_GB": "en"}


@dataclass
class DemoHotel:
    """Page object of the demo hotel: intentions in, snapshots out; no selector leaves this class.

    `actor` is "customer" or "rival"; `elsewhere` names the device when this is not the customer's
    first one, so that the cart seen there is recorded as "cart on my other device".
    """

    page: Page
    clock: CustomerClock
    evidence_dir: Path
    locale: str = "en_GB"
    actor: str = "customer"
    elsewhere: str | None = None
    facts: dict[str, str] = field(default_factory=dict)
    _looks: int = 0
    _next_step: str | None = None

    def find_offers(self, stay: Stay) -> None:
        self.page.goto(f"/?lang={LANGUAGES.get(self.locale, 'en')}")
        self.page.get_by_label("Check-in").fill(stay.check_in.isoformat())
        self.page.get_by_label("Check-out").fill(stay.check_out.isoformat())
        self.page.get_by_label("Guests").fill(str(stay.guests))
        self.page.get_by_role("button", name="Search").click()
        self.page.get_by_test_id("offer").first.wait_for()

    def offers(self, name: str) -> bool:
        """Whether the results still offer `name` (a sold-out room has no link to choose it)."""
        return self.page.get_by_role("link", name=f"Choose {name}").count() > 0

    def choose_offer(self, name: str) -> None:
        offer = self.page.get_by_test_id("offer").filter(has_text=name)
        self.facts["room_type"] = offer.get_attribute("data-room-type") or name
        self.facts["rooms_left"] = offer.get_by_test_id("offer-rooms-left").get_attribute("data-rooms-left") or ""
        offer.get_by_role("link", name=f"Choose {name}").click()
        self.page.get_by_test_id("room-total").wait_for()

    def choose_extras(self, extras: list[str]) -> None:
        for extra in extras:
            self.page.get_by_label(extra).check()

    def book(self) -> None:
        self.page.get_by_role("button", name="Book now").click()
        self.page.get_by_test_id("cart-total").or_(self.page.get_by_test_id("sold-out")).wait_for()

    def give_details(self, customer: Customer) -> None:
        self.page.get_by_role("link", name="Continue to guest details").click()
        self.page.get_by_label("Full name").fill(customer.name)
        self.page.get_by_label("Email").fill(customer.email)
        self.page.get_by_label("Phone").fill(customer.phone)
        self.page.get_by_role("button", name="Continue to payment").click()
        self.page.get_by_test_id("payment-total").wait_for()

    def enter_card(self, customer: Customer, card: Card | None = None) -> None:
        card = card or customer.card
        self.page.get_by_label("Card number").fill(card.number)
        self.page.get_by_label("Expiry (MM/YY)").fill(card.expiry)
        self.page.get_by_label("Security code").fill(card.cvc)
        self.page.get_by_label("Name on card").fill(customer.name)

    def linger(self, seconds: int) -> None:
        self.clock.spend(seconds, self.page)

    def pay(self) -> None:
        self.page.get_by_role("button", name="Pay now").click()
        self.page.wait_for_load_state()

    def pay_again(self, customer: Customer) -> None:
        """The browser sends the same payment a second time, as a double click or a retry does."""
        card = customer.card
        self.page.request.post(
            "/checkout/pay",
            form={"card_number": card.number, "expiry": card.expiry, "cvc": card.cvc, "card_name": customer.name},
        )
        self.page.reload()

    def book_and_pay(self, stay: Stay, name: str, customer: Customer) -> None:
        """The whole booking in one go, stopping where the shop says the room is gone."""
        self.find_offers(stay)
        if not self.offers(name):
            return
        self.choose_offer(name)
        self.book()
        if self.page.get_by_test_id("sold-out").count():
            return
        self.give_details(customer)
        self.enter_card(customer)
        self.pay()

    def sign_in(self, customer: Customer) -> None:
        self.page.goto(f"/signin?lang={LANGUAGES.get(self.locale, 'en')}")
        self.page.get_by_label("Email").fill(customer.email)
        self.page.get_by_label("Password").fill(customer.password)
        self.page.get_by_role("button", name="Sign in").click()
        self.page.get_by_test_id("signed-in-as").wait_for()

    def open_cart(self) -> None:
        self.page.goto("/cart")

    def reload(self) -> None:
        self.page.reload()
        self._next_step = "cart after reload"

    def look(self) -> Snapshot:
        raw = self.page.evaluate(WHAT_THE_CUSTOMER_SEES)
        step = step_of(self.page.url, raw)
        if step == "cart" and self.elsewhere:
            step = "cart on my other device"
            self.facts["device"] = self.elsewhere
        if step == "cart" and self._next_step:
            step = self._next_step
        self._next_step = None
        self._looks += 1
        return seen_on(raw, step, self.page.url, self.clock.now(), self.locale, self.actor, self.facts,
                       self._screenshot(step))

    def _screenshot(self, step: str) -> str:
        """The page as the customer sees it, card fields blacked out."""
        path = self.evidence_dir / f"{self._looks:02d}-{step.replace(' ', '-')}.png"
        secrets = self.page.locator("input[autocomplete^='cc-'], input[name^='card']")
        self.page.screenshot(path=path, mask=[secrets], full_page=True)
        return str(path)
