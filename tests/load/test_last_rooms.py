"""Fifty customers race for the last three rooms of a real `python -m demo_hotel` process.

Whatever the faults, no room is sold twice, every charge has its booking and every booking its charge, and
every customer is told clearly: a confirmation or a sold-out page. With hold-broken the race shows: the
customers who held a room lose it to a rival at payment.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from demo_hotel.pricing import ROOM_TYPES
from tests.load.ledger import Ledger
from tests.load.race import BOOKED, CUSTOMERS, ROOMS, SOLD_OUT_AT_BOOKING, SOLD_OUT_AT_PAYMENT, race_for_the_last_rooms
from tests.load.site_process import SiteProcess

LAST_ROOMS = sum(room.rooms for room in ROOM_TYPES if room.slug in ROOMS)
LOSERS = CUSTOMERS - LAST_ROOMS


@pytest.mark.parametrize(
    ("fault", "sold_out_at_booking", "sold_out_at_payment"),
    [(None, LOSERS, 0), ("hold-broken", 0, LOSERS)],
    ids=["clean", "hold-broken"],
)
def test_fifty_customers_racing_for_the_last_rooms(
    site_process: Callable[..., SiteProcess],
    load_figures: list[str],
    fault: str | None,
    sold_out_at_booking: int,
    sold_out_at_payment: int,
) -> None:
    site = site_process(*filter(None, [fault]))
    result = race_for_the_last_rooms(site)
    ledger = Ledger.read(site.db_path)
    load_figures.append(f"last rooms, {fault or 'clean'}: {result.summary()}")

    assert ledger.broken_promises() == []
    assert result.unclear == {}, result.answers
    assert result.references == ledger.references
    assert result.count(BOOKED) == LAST_ROOMS
    assert (result.count(SOLD_OUT_AT_BOOKING), result.count(SOLD_OUT_AT_PAYMENT)) == (
        sold_out_at_booking,
        sold_out_at_payment,
    )
    assert "Traceback" not in site.output, site.output
