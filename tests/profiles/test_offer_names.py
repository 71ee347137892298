"""Offer names match as a customer reads them: case, spacing and a title the shop cut short."""

from __future__ import annotations

import pytest

from checkout_integrity._offer_names import names_offer, offers_named


@pytest.mark.parametrize(
    ("shown", "wanted"),
    [
        ("Classic Double", "Classic Double"),
        ("CLASSIC  double", "classic double"),
        ("Walnut Desk Organiser - Lar…", "Walnut Desk Organiser - Large"),
        ("Junior Suite - 1 ...", "Junior Suite - 1 Bedroom"),
    ],
)
def test_a_title_names_the_offer_a_customer_would_read_in_it(shown: str, wanted: str) -> None:
    assert names_offer(shown, wanted)


@pytest.mark.parametrize(
    ("shown", "wanted"),
    [
        ("Classic Double", "Deluxe King"),
        ("Classic Double", "Classic Double Deluxe"),  # a whole title is not the start of a longer name
        ("Walnut Desk Organiser - Sma…", "Walnut Desk Organiser - Large"),
        ("…", "Anything"),  # an ellipsis alone names nothing
    ],
)
def test_a_title_does_not_name_another_offer(shown: str, wanted: str) -> None:
    assert not names_offer(shown, wanted)


def test_the_exact_title_wins_over_titles_cut_short() -> None:
    assert offers_named("Desk", ["Desk lamp…", "desk", "Des…"]) == ["desk"]


def test_every_cut_short_title_that_could_be_the_offer_is_given_so_the_caller_can_refuse_to_guess() -> None:
    assert offers_named("Desk lamp", ["Desk…", "Desk l…", "Chair"]) == ["Desk…", "Desk l…"]
