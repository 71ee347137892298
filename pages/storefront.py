"""What any shop must let a customer do, in the customer's words; page objects implement it per site."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from checkout_integrity import Snapshot
from fixtures.customers import Customer


@dataclass(frozen=True)
class Stay:
    """The nights and guests a customer looks for."""

    check_in: date
    nights: int
    guests: int

    @property
    def check_out(self) -> date:
        return self.check_in + timedelta(days=self.nights)

    def __str__(self) -> str:
        return f"{self.nights} night(s) from {self.check_in:%d %b %Y} for {self.guests} guest(s)"


class Storefront(Protocol):
    """A shop as a customer meets it: intentions in, what the customer sees out."""

    def find_offers(self, stay: Stay) -> None:
        """Search the shop for offers that fit the stay."""

    def choose_offer(self, name: str) -> None:
        """Open the offer the customer picked from the results."""

    def book(self) -> None:
        """Put the chosen offer in the cart (the shop may hold it for a while)."""

    def give_details(self, customer: Customer) -> None:
        """Go from the cart to the payment page, giving the guest's details on the way."""

    def enter_card(self, customer: Customer) -> None:
        """Type the customer's card into the payment form, without paying yet."""

    def linger(self, seconds: int) -> None:
        """Stay on the current page for `seconds` of customer time."""

    def pay(self) -> None:
        """Press the pay button once."""

    def look(self) -> Snapshot:
        """What the customer sees now: step, prices, lines, form, countdown, with a masked screenshot."""
