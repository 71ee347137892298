"""The journey recorder: snapshots are immutable values in customer time, the journey keeps their order."""

from __future__ import annotations

from datetime import datetime

import pytest

from checkout_integrity import Journey, JourneyError, Line, Money, Snapshot
from .demo_journeys import at, eur


def test_a_snapshot_cannot_be_changed_after_it_is_recorded() -> None:
    amounts = {"total": eur("256.00")}
    lines = [Line("City tax", eur("16.00"), "tax")]
    form = {"Email": "a@example.com"}
    snapshot = Snapshot("cart", at(0), amounts=amounts, lines=lines, form=form)  # type: ignore[arg-type]
    amounts["total"] = eur("1.00")
    lines.append(Line("Service fee", eur("19.00"), "fee"))
    assert snapshot.amounts == {"total": eur("256.00")} and snapshot.lines == (Line("City tax", eur("16.00"), "tax"),)
    with pytest.raises(TypeError):
        snapshot.form["Email"] = ""  # type: ignore[index]
    with pytest.raises(AttributeError):
        snapshot.step = "payment"  # type: ignore[misc]


def test_a_snapshot_defaults_to_a_page_the_customer_saw() -> None:
    snapshot = Snapshot("results", at(0))
    assert (snapshot.source, snapshot.actor, snapshot.url, snapshot.screenshot) == ("page", "customer", "", None)
    assert (dict(snapshot.amounts), snapshot.lines, dict(snapshot.facts), snapshot.hold_remaining) == ({}, (), {}, None)


def test_customer_time_must_be_aware() -> None:
    with pytest.raises(JourneyError, match=r"step 'cart' has a naive time .*datetime.now\(UTC\)"):
        Snapshot("cart", datetime(2025, 6, 1, 9, 0))


def test_a_line_kind_must_be_one_promises_read() -> None:
    with pytest.raises(JourneyError, match="'Voucher' has kind 'discount'.*room, extra, tax, fee"):
        Line("Voucher", eur("-10.00"), "discount")


def test_a_line_reads_as_label_and_amount() -> None:
    assert str(Line("Service fee", eur("19.00"), "fee")) == "'Service fee' €19.00"


def test_lists_every_currency_a_snapshot_shows_once_in_reading_order() -> None:
    snapshot = Snapshot(
        "payment",
        at(0),
        currency="USD",
        amounts={"total": Money.parse("$10.00")},
        lines=(Line("Room", eur("9.00"), "room"), Line("Tax", Money.parse("£1.00"), "tax")),
    )
    assert snapshot.currencies() == ["USD", "EUR", "GBP"]


def test_the_journey_keeps_snapshots_in_the_order_observed_and_by_actor() -> None:
    journey = Journey("Giulia Rossi")
    cart = Snapshot("cart", at(20))
    rival = Snapshot("confirmation", at(5), actor="rival")
    payment = Snapshot("payment", at(30))
    for snapshot in (cart, rival, payment):
        journey.observe(snapshot)
    assert journey.snapshots == (cart, rival, payment)
    assert journey.seen_by() == (cart, payment)
    assert journey.seen_by("rival") == (rival,)
    assert repr(journey) == "Journey('Giulia Rossi', 3 snapshots)"


def test_observing_something_else_than_a_snapshot_says_what_to_do() -> None:
    with pytest.raises(JourneyError, match="takes a Snapshot, got None"):
        Journey("Giulia Rossi").observe(None)  # type: ignore[arg-type]


def test_the_journey_remembers_the_extras_chosen() -> None:
    journey = Journey("Giulia Rossi")
    journey.choose_extra("Breakfast")
    journey.choose_extra("Breakfast")
    assert journey.chosen_extras == frozenset({"Breakfast"})


def test_the_timeline_follows_the_customers_totals_and_charges() -> None:
    journey = Journey("Giulia Rossi")
    journey.observe(Snapshot("results", at(0), amounts={"Classic Double total": eur("256.00")}))
    journey.observe(Snapshot("cart", at(20), amounts={"total": eur("256.00")}))
    journey.observe(Snapshot("confirmation", at(40), actor="rival", amounts={"charged": eur("256.00")}))
    journey.observe(Snapshot("confirmation", at(80), amounts={"charged": eur("496.00")}))
    assert journey.timeline() == [("cart", at(20), eur("256.00")), ("confirmation", at(80), eur("496.00"))]
