"""The clean site never sells the last room twice, however many customers race for it."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.demo_site.conftest import CustomerAt, SiteWith
from tests.demo_site.customer import GUEST

RACERS = 20


@pytest.mark.parametrize("servers", [1, 2], ids=["one-server", "two-servers-one-database"])
def test_twenty_customers_racing_for_the_last_room_make_one_booking(
    site_with: SiteWith, customer_at: CustomerAt, tmp_path: Path, servers: int
) -> None:
    sites = [site_with(db_path=tmp_path / "hotel.sqlite3") for _ in range(servers)]
    customers = [customer_at(sites[number % servers]) for number in range(RACERS)]
    start = threading.Barrier(RACERS, timeout=30)

    def race(number: int) -> str:
        customer = customers[number]
        start.wait()
        if customer.book("family-suite").status == 409:
            return "sold out"
        customer.give_guest_details({**GUEST, "email": f"racer{number}@example.com"})
        page = customer.pay()
        return "booked" if page.all("booking-reference") else f"HTTP {page.status}"

    with ThreadPoolExecutor(max_workers=RACERS) as pool:
        outcomes = list(pool.map(race, range(RACERS)))

    assert sorted(outcomes) == ["booked"] + ["sold out"] * (RACERS - 1)
    charges = [charge for number in range(RACERS) for charge in customers[0].charges(f"racer{number}@example.com")]
    assert len(charges) == 1
    family = customer_at(sites[0]).search().all("offer")[2]
    assert family.one("offer-rooms-left").text == "Sold out"
