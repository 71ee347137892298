"""Ease steps: how the customer uses the shop, and what booking may cost them in effort."""

from __future__ import annotations

from pytest_bdd import given, parsers, then

from checkout_integrity import Journey
from checkout_integrity._effort import effort_of
from checkout_integrity._hands import Ways


@given("I use only a keyboard and a screen reader")
@given("uso solo la tastiera e un lettore di schermo")
def keyboard_and_screen_reader(ways: Ways) -> None:
    ways.keyboard_only = True
    ways.screen_reader = True


@given("I use a screen reader")
@given("uso un lettore di schermo")
def screen_reader(ways: Ways) -> None:
    ways.screen_reader = True


@then(parsers.parse("I can book in at most {most:d} steps"))
@then(parsers.parse("posso prenotare in al massimo {most:d} passi"))
def book_in_few_steps(journey: Journey, most: int) -> None:
    effort = effort_of(journey)
    assert effort.pages <= most, (
        f"Booking took me {effort.pages} steps, more than the {most} I expect ({effort})."
    )
