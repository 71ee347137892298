"""Fifty customers racing for the last few rooms: every one books, gives details, then all pay at once.

Half want the Family Suite (1 room), half the Deluxe King (2 rooms), on two overlapping stays, so at most
three can win. Each customer is a thread with its own cookie jar; barriers line them up, no sleeps.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from tests.demo_site.customer import GUEST, STAY, Customer, Page, Site

CUSTOMERS = 50
ROOMS = ("family-suite", "deluxe-king")
STAYS = (STAY, {**STAY, "check_in": "2030-05-02", "check_out": "2030-05-04"})
LINE_UP_TIMEOUT = 30.0

BOOKED = "booked"
SOLD_OUT_AT_BOOKING = "sold out at booking"
SOLD_OUT_AT_PAYMENT = "sold out at payment"


@dataclass(frozen=True)
class Answer:
    """What one customer was finally told: an outcome above (or "HTTP <status> <path>"), and the reference."""

    outcome: str
    reference: str | None = None


@dataclass(frozen=True)
class RaceResult:
    answers: tuple[Answer, ...]
    seconds: float

    def count(self, outcome: str) -> int:
        return sum(answer.outcome == outcome for answer in self.answers)

    @property
    def references(self) -> set[str]:
        return {answer.reference for answer in self.answers if answer.reference}

    @property
    def unclear(self) -> Counter[str]:
        """Answers that are neither a confirmation nor a sold-out page."""
        clear = {BOOKED, SOLD_OUT_AT_BOOKING, SOLD_OUT_AT_PAYMENT}
        return Counter(answer.outcome for answer in self.answers if answer.outcome not in clear)

    def summary(self) -> str:
        return (
            f"{len(self.answers)} customers, {self.count(BOOKED)} bookings, "
            f"{self.count(SOLD_OUT_AT_BOOKING) + self.count(SOLD_OUT_AT_PAYMENT)} sold out "
            f"({self.count(SOLD_OUT_AT_BOOKING)} at booking, {self.count(SOLD_OUT_AT_PAYMENT)} at payment), "
            f"{sum(self.unclear.values())} unclear, {self.seconds:.2f} s wall time"
        )


def sold_out(page: Page) -> bool:
    return page.status == 409 and bool(page.all("sold-out"))


def race_for_the_last_rooms(site: Site, customers: int = CUSTOMERS) -> RaceResult:
    """Run the race against `site` (anything with a `url`); every customer ends with one answer."""
    shoppers = [Customer(site) for _ in range(customers)]
    start = threading.Barrier(customers, timeout=LINE_UP_TIMEOUT)
    pay = threading.Barrier(customers, timeout=LINE_UP_TIMEOUT)

    def shop(number: int) -> Answer:
        customer = shoppers[number]
        start.wait()
        booked = customer.book(ROOMS[number % 2], stay=STAYS[number // 2 % 2])
        if booked.path == "/cart":
            customer.give_guest_details({**GUEST, "email": f"racer{number}@example.com"})
        pay.wait()
        if sold_out(booked):
            return Answer(SOLD_OUT_AT_BOOKING)
        if booked.path != "/cart":
            return Answer(f"HTTP {booked.status} {booked.path} at booking")
        paid = customer.pay()
        if paid.all("booking-reference"):
            return Answer(BOOKED, paid.one("booking-reference").text)
        return Answer(SOLD_OUT_AT_PAYMENT if sold_out(paid) else f"HTTP {paid.status} {paid.path} at payment")

    started = time.perf_counter()
    try:
        with ThreadPoolExecutor(max_workers=customers) as pool:
            answers = tuple(pool.map(shop, range(customers)))
    finally:
        for customer in shoppers:
            customer.http.close()
    return RaceResult(answers, time.perf_counter() - started)
