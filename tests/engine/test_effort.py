"""Effort: what a checkout cost the customer, counted from the journey alone."""

from __future__ import annotations

from checkout_integrity import Action, Journey, Snapshot
from checkout_integrity._effort import Effort, effort_of
from .demo_journeys import at, demo_journey


def test_counts_the_demo_walk_pages_clicks_fields_errors_and_customer_time() -> None:
    assert effort_of(demo_journey()) == Effort(
        pages=9,  # results, room, cart, reloaded cart, other device, guest details, payment, declined, confirmation
        clicks=8,  # search, choose, breakfast, book, guest details, continue to payment, pay twice
        fields_typed=11,  # 3 to search, 3 guest details, 3 card fields, 2 card fields after the decline
        fields_typed_again=2,  # card number and security code after the decline
        errors_shown=2,  # the declined payment page, seen twice
        customer_seconds=191.0,
    )


def test_a_field_typed_again_and_a_step_seen_again_later_count_again() -> None:
    journey = Journey("Giulia Rossi")
    for step, seconds in (("cart", 0), ("cart", 5), ("payment", 10), ("cart", 20)):
        journey.observe(Snapshot(step, at(seconds)))
    journey.observe(Snapshot("bank statement", at(60), source="gateway"))  # not a page the customer used
    journey.observe(Snapshot("payment", at(90), actor="rival", facts={"error": "Sold out."}))
    for target, seconds in (("Email", 11), ("Email", 12), ("Phone", 13)):
        journey.act(Action("type", target, "/checkout/payment", at(seconds), digest="d"))
    journey.act(Action("click", "Pay now", "/checkout/payment", at(14), actor="rival"))
    journey.act(Action("stuck", "Pay now", "/checkout/payment", at(15)))
    effort = effort_of(journey)
    assert (effort.pages, effort.clicks, effort.fields_typed, effort.fields_typed_again) == (3, 0, 3, 1)
    assert (effort.errors_shown, effort.customer_seconds) == (0, 20.0)
    assert str(effort) == (
        "3 pages, 0 clicks, 3 fields typed (1 typed again), 0 errors shown, 20 s of customer time"
    )


def test_an_empty_journey_cost_nothing() -> None:
    assert effort_of(Journey("Giulia Rossi")) == Effort(0, 0, 0, 0, 0, 0.0)
