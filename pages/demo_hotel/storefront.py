"""The demo hotel as a customer uses it: search, choose a room, book, give details, pay."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Page

from checkout_integrity import Snapshot
from fixtures.clock import CustomerClock
from fixtures.customers import Customer
from pages.demo_hotel.reading import WHAT_THE_CUSTOMER_SEES, seen_on, step_of
from pages.storefront import Stay


@dataclass
class DemoHotel:
    """Page object of the demo hotel: intentions in, snapshots out; no selector leaves this class."""

    page: Page
    clock: CustomerClock
    evidence_dir: Path
    locale: str = "en_GB"
    facts: dict[str, str] = field(default_factory=dict)
    _looks: int = 0

    def find_offers(self, stay: Stay) -> None:
        self.page.goto("/")
        self.page.get_by_label("Check-in").fill(stay.check_in.isoformat())
        self.page.get_by_label("Check-out").fill(stay.check_out.isoformat())
        self.page.get_by_label("Guests").fill(str(stay.guests))
        self.page.get_by_role("button", name="Search").click()
        self.page.get_by_test_id("offer").first.wait_for()

    def choose_offer(self, name: str) -> None:
        offer = self.page.get_by_test_id("offer").filter(has_text=name)
        self.facts["room_type"] = offer.get_attribute("data-room-type") or name
        self.facts["rooms_left"] = "".join(ch for ch in offer.get_by_test_id("offer-rooms-left").inner_text() if ch.isdigit())
        offer.get_by_role("link", name=f"Choose {name}").click()
        self.page.get_by_test_id("room-total").wait_for()

    def book(self) -> None:
        self.page.get_by_role("button", name="Book now").click()
        self.page.get_by_test_id("cart-total").wait_for()

    def give_details(self, customer: Customer) -> None:
        self.page.get_by_role("link", name="Continue to guest details").click()
        self.page.get_by_label("Full name").fill(customer.name)
        self.page.get_by_label("Email").fill(customer.email)
        self.page.get_by_label("Phone").fill(customer.phone)
        self.page.get_by_role("button", name="Continue to payment").click()
        self.page.get_by_test_id("payment-total").wait_for()

    def enter_card(self, customer: Customer) -> None:
        card = customer.card
        self.page.get_by_label("Card number").fill(card.number)
        self.page.get_by_label("Expiry (MM/YY)").fill(card.expiry)
        self.page.get_by_label("Security code").fill(card.cvc)
        self.page.get_by_label("Name on card").fill(customer.name)

    def linger(self, seconds: int) -> None:
        self.clock.spend(seconds, self.page)

    def pay(self) -> None:
        self.page.get_by_role("button", name="Pay now").click()
        self.page.wait_for_load_state()

    def look(self) -> Snapshot:
        raw = self.page.evaluate(WHAT_THE_CUSTOMER_SEES)
        self._looks += 1
        screenshot = self._screenshot(step_of(self.page.url, declined=bool(raw.get("error"))))
        return seen_on(raw, self.page.url, self.clock.now(), self.locale, self.facts, screenshot)

    def _screenshot(self, step: str) -> str:
        """The page as the customer sees it, card fields blacked out."""
        path = self.evidence_dir / f"{self._looks:02d}-{step.replace(' ', '-')}.png"
        secrets = self.page.locator("input[autocomplete^='cc-'], input[name^='card']")
        self.page.screenshot(path=path, mask=[secrets], full_page=True)
        return str(path)
