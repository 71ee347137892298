"""A crash loses no booking a customer saw confirmed: the site is SIGKILLed while customers are booking,
restarted on the same database file, and every confirmation is still there with its one charge."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta

import httpx

from tests.demo_site.customer import GUEST, Customer
from tests.load.ledger import Ledger
from tests.load.site_process import SiteProcess

SHOPPERS = 20
JOURNEYS_EACH = 40
KILL_AFTER = 30
WAIT_FOR_LOAD = 30.0
FIRST_NIGHT = date(2031, 1, 1)


class Confirmations:
    """The references customers saw on a confirmation page, with a way to wait until enough are in."""

    def __init__(self) -> None:
        self.seen: list[str] = []
        self._changed = threading.Condition()

    def add(self, reference: str) -> None:
        with self._changed:
            self.seen.append(reference)
            self._changed.notify_all()

    def wait_for(self, count: int, timeout: float) -> bool:
        with self._changed:
            return self._changed.wait_for(lambda: len(self.seen) >= count, timeout)


def keep_booking(site: SiteProcess, number: int, confirmations: Confirmations) -> bool:
    """Book one night after another (each on its own date, so none sells out) until the site goes away.

    True when the customer was cut off mid-journey by the crash.
    """
    customer = Customer(site)
    try:
        for journey in range(JOURNEYS_EACH):
            night = FIRST_NIGHT + timedelta(days=2 * (number * JOURNEYS_EACH + journey))
            stay = {"check_in": night.isoformat(), "check_out": (night + timedelta(days=1)).isoformat(), "guests": "2"}
            customer.book("classic-double", stay=stay)
            customer.give_guest_details({**GUEST, "email": f"guest{number}@example.com"})
            confirmation = customer.pay()
            confirmations.add(confirmation.one("booking-reference").text)
        return False
    except httpx.TransportError:
        return True
    finally:
        customer.http.close()


def test_a_crash_mid_load_loses_no_confirmed_booking(
    site_process: Callable[..., SiteProcess], load_figures: list[str]
) -> None:
    site = site_process()
    confirmations = Confirmations()
    with ThreadPoolExecutor(max_workers=SHOPPERS) as pool:
        cut_off = [pool.submit(keep_booking, site, number, confirmations) for number in range(SHOPPERS)]
        loaded = confirmations.wait_for(KILL_AFTER, WAIT_FOR_LOAD)
        site.kill()
    assert loaded, f"only {len(confirmations.seen)} bookings in {WAIT_FOR_LOAD:.0f} s before the kill"
    confirmed = set(confirmations.seen)

    started = time.perf_counter()
    restarted = site_process()
    restart_seconds = time.perf_counter() - started
    ledger = Ledger.read(restarted.db_path)
    late_customer = Customer(restarted)
    shown = {ref for ref in confirmed if late_customer.get(f"/confirmation/{ref}").all("booking-reference")}
    load_figures.append(
        f"crash and restart: {len(confirmed)} bookings confirmed to customers before SIGKILL, "
        f"{len(confirmed - ledger.references)} of them lost; {len(ledger.references)} in the database after "
        f"restart ({len(ledger.references - confirmed)} paid as the site died, confirmation page never seen); "
        f"{sum(future.result() for future in cut_off)} of {SHOPPERS} customers cut off mid-journey; "
        f"restarted in {restart_seconds:.2f} s"
    )

    assert ledger.journal_mode == "wal"
    assert confirmed <= ledger.references
    assert shown == confirmed
    assert ledger.broken_promises() == []
    late_customer.book("family-suite")
    late_customer.give_guest_details()
    assert late_customer.pay().all("booking-reference"), "the restarted site takes new bookings"
    late_customer.http.close()
