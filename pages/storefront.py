"""What any shop must let a customer do, in the customer's words; page objects implement it per site, and
`pages/profiled` implements it for any shop that has a site profile (`profiles/*.toml`).

The words are a shop's, not only a hotel's. An *offer* is what the results list (a room type, a product);
*extras* are optional things chosen with it (breakfast, travel insurance; gift wrap, a warranty); `book`
puts the offer in the *cart*, whose lines have a kind: `room` or `item`, `extra`, `tax`, `fee`,
`shipping`; `give_details` takes the customer from the cart to payment, giving their details and, in a
product shop, choosing the shipping method. A `Stay` is what the customer looks for; a product shop's
profile uses the parts of it that it needs, and sets the quantity in its add-to-cart steps.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from checkout_integrity import Snapshot
from fixtures.customers import Card, Customer


@dataclass(frozen=True)
class Stay:
    """What a customer looks for: the nights and guests of a stay, and how many of the offer."""

    check_in: date
    nights: int
    guests: int
    quantity: int = 1

    def variables(self) -> dict[str, str]:
        """The stay as a site profile's actions name it."""
        return {
            "check_in": self.check_in.isoformat(),
            "check_out": self.check_out.isoformat(),
            "nights": str(self.nights),
            "guests": str(self.guests),
            "quantity": str(self.quantity),
        }

    @property
    def check_out(self) -> date:
        return self.check_in + timedelta(days=self.nights)

    def __str__(self) -> str:
        return f"{self.nights} night(s) from {self.check_in:%d %b %Y} for {self.guests} guest(s), {self.quantity} of it"


class Storefront(Protocol):
    """A shop as a customer meets it: intentions in, what the customer sees out."""

    def opened(self) -> bool:
        """Whether the customer has opened the shop yet: before that there is nothing to look at."""

    def find_offers(self, stay: Stay) -> None:
        """Search the shop for offers that fit the stay."""

    def choose_offer(self, name: str) -> None:
        """Open the offer the customer picked from the results; `SoldOut` when the shop will not sell it."""

    def book(self) -> None:
        """Put the chosen offer in the cart (the shop may hold it for a while); `SoldOut` when it is gone."""

    def book_with(self, extras: list[str]) -> None:
        """Book the chosen offer with these optional extras (by their names on the page), ticked where the shop
        offers them: on the offer's page before booking, or in the cart after it."""

    def use_code(self, code: str) -> None:
        """Type a discount code in the cart."""

    def choose_delivery(self, delivery: str) -> None:
        """Say which way of delivery (the customer's word for it: "express") the customer picks at checkout."""

    def give_details(self, customer: Customer) -> None:
        """Go from the cart to the payment page, giving the guest's details on the way."""

    def enter_card(self, customer: Customer, card: Card | None = None) -> None:
        """Type the customer's card (or `card`, e.g. mistyped) into the payment form, without paying yet; on a
        shop paid another way, nothing (its pay action picks the method)."""

    def linger(self, seconds: int) -> None:
        """Stay on the current page for `seconds` of customer time."""

    def pay(self) -> None:
        """Press the pay button once."""

    def open_order(self, reference: str, customer: Customer) -> None:
        """Open the shop's page for the order placed under `reference`, as its confirmation email links to it."""

    def pay_by(self, method: str) -> None:
        """Choose another way of paying than a card (`bank transfer`, `invoice`), then pay."""

    def pay_again(self, customer: Customer) -> None:
        """The browser sends the same payment a second time (a double click, a retry)."""

    def sign_in(self, customer: Customer) -> None:
        """Sign in to the customer's account (created on first sign-in where the shop allows)."""

    def open_cart(self) -> None:
        """Open the cart page."""

    def reload(self) -> None:
        """Reload the current page, as an impatient customer does."""

    def look(self) -> Snapshot:
        """What the customer sees now: step, prices, lines, form, countdown, with a masked screenshot."""


def book_and_pay(shop: Storefront, stay: Stay, name: str, customer: Customer) -> None:
    """The whole booking in one go, as a hurried customer does; `SoldOut` where the shop says the offer is gone."""
    shop.find_offers(stay)
    shop.choose_offer(name)
    shop.book()
    shop.give_details(customer)
    shop.enter_card(customer)
    shop.pay()


def named_step(step: str, elsewhere: str | None, reloaded: str | None, facts: dict[str, str]) -> str:
    """The step as the journey names it: a cart seen on the customer's other device (noted in `facts`),
    or the name a reload gave it; any other step as the page showed it."""
    if step == "cart" and elsewhere:
        facts["device"] = elsewhere
        return "cart on my other device"
    if step == "cart" and reloaded:
        return reloaded
    return step
