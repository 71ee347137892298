"""Promises: each fires for its own defect with the customer's words, and stays silent otherwise.

Hand-made journeys show each promise alone; `demo_journey` shows the whole set against a clean walk
and against each demo fault switched on alone (the fault matrix in miniature).
"""

from __future__ import annotations

from typing import Any

import pytest

from checkout_integrity import CATALOGUE, Finding, Journey, Line, Money, Snapshot, UnknownPromise, check_promises
from checkout_integrity.promises import PROMISES
from .demo_journeys import at, demo_journey, eur

ROOM = Line("Classic Double, 2 nights", eur("240.00"), "room")
TAX = Line("City tax", eur("16.00"), "tax")
FEE = Line("Service fee", eur("19.00"), "fee")
BREAKFAST = Line("Breakfast", eur("60.00"), "extra")
INSURANCE = Line("Travel insurance", eur("25.00"), "extra")


def journey_of(*snapshots: Snapshot, chosen: tuple[str, ...] = ()) -> Journey:
    journey = Journey("Giulia Rossi")
    for snapshot in snapshots:
        journey.observe(snapshot)
    for extra in chosen:
        journey.choose_extra(extra)
    return journey


def page(step: str, seconds: float, *lines: Line, **seen: Any) -> Snapshot:
    """A page showing `lines`; their sum is the total unless a total is given."""
    if lines and "amounts" not in seen:
        seen["amounts"] = {"total": Money.total((line.amount for line in lines), lines[0].amount.currency)}
    return Snapshot(step, at(seconds), lines=lines, screenshot=f"{step}.png", **seen)


def charges(seconds: float, *charged: tuple[str, Money]) -> Snapshot:
    lines = tuple(Line(reference, amount, "charge") for reference, amount in charged)
    total = Money.total((line.amount for line in lines), lines[0].amount.currency)
    return Snapshot("bank statement", at(seconds), source="gateway", lines=lines, amounts={"charged": total})


def only(findings: list[Finding], defect: str) -> Finding:
    """The one finding, checked to be of `defect` with its catalogue severity."""
    assert [finding.id for finding in findings] == [defect]
    assert findings[0].severity == CATALOGUE[defect].severity
    return findings[0]


# price-drift


def test_price_drift_names_both_amounts_both_steps_and_the_time_between() -> None:
    journey = journey_of(
        page("cart", 0, ROOM, TAX),
        page("payment", 30, ROOM, TAX),
        page("payment", 90, ROOM, TAX),
        Snapshot("confirmation", at(90.4), amounts={"charged": eur("496.00")}, facts={"reference": "CI-7Q2K3M"}),
    )
    finding = only(check_promises(journey, ["price-drift"]), "price-drift")
    assert finding.message == (
        "The price changed while I was paying: shown €256.00 at payment, charged €496.00 at confirmation, "
        "60 s later."
    )
    assert finding.step == "confirmation" and finding.evidence == ("payment.png",)


def test_price_drift_weighs_each_bank_charge_on_its_own() -> None:
    journey = journey_of(
        page("payment", 0, ROOM, TAX),
        charges(5, ("CI-7Q2K3M", eur("256.00")), ("CI-7Q2K3M", eur("256.00")), ("CI-8R4P5N", eur("512.00"))),
    )
    finding = only(check_promises(journey, ["price-drift"]), "price-drift")
    assert "charged €512.00 on my bank statement for booking CI-8R4P5N, 5 s later" in finding.message


def test_price_drift_catches_a_line_that_changes_between_pages() -> None:
    dearer = Line(ROOM.label, eur("480.00"), "room")
    journey = journey_of(page("cart", 0, ROOM, TAX), page("confirmation", 75, dearer, TAX))
    finding = only(check_promises(journey, ["price-drift"]), "price-drift")
    assert finding.message == (
        "The price changed while I was paying: 'Classic Double, 2 nights' was €240.00 at the cart and "
        "€480.00 at confirmation, 75 s later."
    )


def test_price_drift_ignores_totals_new_lines_other_currencies_and_the_email() -> None:
    usd_room = Line(ROOM.label, Money.parse("$264.00"), "room")
    journey = journey_of(
        page("cart", 0, ROOM, TAX, amounts={"total": eur("240.00")}),  # wrong total: total-mismatch's business
        page("payment", 10, ROOM, TAX, FEE),  # a new line: hidden-fee's business
        page("payment", 20, usd_room, amounts={"total": Money.parse("$264.00")}),  # another currency
        Snapshot("confirmation", at(30), amounts={"charged": Money.parse("$264.00")}),
        Snapshot("email", at(40), source="email", amounts={"charged": eur("1.00")}),  # receipt-mismatch's
    )
    assert check_promises(journey, ["price-drift"]) == []


def test_price_drift_is_silent_when_i_pay_what_i_was_shown() -> None:
    journey = journey_of(
        page("cart", 0, ROOM, TAX),
        page("payment", 30, ROOM, TAX),
        page("confirmation", 90, ROOM, TAX, amounts={"charged": eur("256.00")}),
        charges(95, ("CI-7Q2K3M", eur("256.00"))),
    )
    assert check_promises(journey, ["price-drift"]) == []


# hidden-fee


def test_hidden_fee_names_the_fee_where_it_appeared_and_the_cart() -> None:
    journey = journey_of(page("cart", 0, ROOM, TAX), page("guest details", 10), page("payment", 20, ROOM, TAX, FEE))
    finding = only(check_promises(journey, ["hidden-fee"]), "hidden-fee")
    assert finding.message == (
        "A fee appeared only at the last step: 'Service fee' €19.00 was added at payment; the cart never showed it."
    )
    assert finding.step == "payment" and finding.evidence == ("cart.png", "payment.png")


def test_hidden_fee_is_silent_when_the_cart_showed_every_fee_and_tax() -> None:
    journey = journey_of(
        page("cart", 0, ROOM, TAX, FEE),
        page("payment", 20, ROOM, Line("city tax", eur("16.00"), "tax"), FEE, INSURANCE),  # extras: basket-sneak's
        page("confirmation", 30, ROOM, TAX, FEE, INSURANCE),
    )
    assert check_promises(journey, ["hidden-fee"]) == []


def test_hidden_fee_reads_only_from_payment_on() -> None:
    journey = journey_of(page("cart", 0, ROOM), page("cart after reload", 10, ROOM, TAX))
    assert check_promises(journey, ["hidden-fee"]) == []


# hold-broken


def held_last_room(*after: Snapshot) -> Journey:
    held = {"room_type": "family-suite", "rooms_left": "1"}
    return journey_of(page("results", 0), page("cart", 10, ROOM, facts=held), page("payment", 20, ROOM), *after)


def rival(outcome: str, room_type: str = "family-suite") -> Snapshot:
    return Snapshot("confirmation", at(25), actor="rival", facts={"room_type": room_type, "outcome": outcome})


def test_hold_broken_when_a_rival_books_my_last_room_before_my_confirmation() -> None:
    journey = held_last_room(rival("confirmed"), page("confirmation", 80, ROOM))
    finding = only(check_promises(journey, ["hold-broken"]), "hold-broken")
    assert finding.message.startswith("Someone else got my room while I was paying: I held the last room, ")
    assert "'Classic Double, 2 nights'" in finding.message and "while I was still at payment" in finding.message
    assert finding.message.endswith("before my confirmation.") and finding.step == "payment"


def test_hold_broken_when_a_rival_books_it_and_i_never_get_a_confirmation() -> None:
    journey = held_last_room(page("payment declined", 40, ROOM), rival("confirmed"))
    finding = only(check_promises(journey, ["hold-broken"]), "hold-broken")
    assert finding.message.endswith("and I never got a confirmation.")


@pytest.mark.parametrize(
    "rival_snapshot",
    [
        rival("sold out"),  # the hold kept the rival out
        rival("confirmed", room_type="classic-double"),  # another room type
        Snapshot("confirmation", at(25), facts={"room_type": "family-suite", "outcome": "confirmed"}),  # that was me
    ],
)
def test_hold_broken_is_silent_while_my_room_stays_mine(rival_snapshot: Snapshot) -> None:
    assert check_promises(held_last_room(rival_snapshot, page("confirmation", 80, ROOM)), ["hold-broken"]) == []


def test_hold_broken_is_silent_when_the_rival_books_after_my_confirmation_or_rooms_were_left() -> None:
    after_me = held_last_room(page("confirmation", 80, ROOM), rival("confirmed"))
    three_left = {"room_type": "family-suite", "rooms_left": "3"}
    plenty = journey_of(page("cart", 10, ROOM, facts=three_left), rival("confirmed"))
    assert check_promises(after_me, ["hold-broken"]) == check_promises(plenty, ["hold-broken"]) == []


# input-lost


CARD = {"Card number": "•••• 0002", "Expiry (MM/YY)": "12/30", "Security code": "•••", "Name on card": "G. Rossi"}


def declined(form: dict[str, str]) -> Snapshot:
    return page("payment declined", 31, ROOM, form=form, facts={"error": "Your card was declined."})


def test_input_lost_lists_the_fields_that_vanished() -> None:
    before = page("payment", 30, ROOM, form={**CARD, "Guest": "Giulia Rossi, giulia@example.com"})
    journey = journey_of(before, declined({name: "" for name in before.form}))
    finding = only(check_promises(journey, ["input-lost"]), "input-lost")
    assert finding.message == (
        "My details vanished after a card error: Expiry (MM/YY), Name on card and Guest were filled in at payment "
        'and empty after the card was declined ("Your card was declined").'
    )
    assert finding.step == "payment declined"


def test_input_lost_is_silent_when_only_the_card_number_and_code_are_cleared() -> None:
    before = page("payment", 30, ROOM, form={**CARD, "Phone": ""})
    after = declined({**CARD, "Card number": "", "Security code": "", "Phone": ""})
    assert check_promises(journey_of(before, after, after), ["input-lost"]) == []


# double-charge


def test_double_charge_when_one_booking_is_charged_twice() -> None:
    journey = journey_of(
        page("confirmation", 0, ROOM, amounts={"charged": eur("240.00")}, facts={"reference": "CI-7Q2K3M"}),
        charges(5, ("CI-7Q2K3M", eur("240.00")), ("CI-7Q2K3M", eur("240.00"))),
    )
    finding = only(check_promises(journey, ["double-charge"]), "double-charge")
    assert finding.message == (
        "I was charged twice: my bank statement shows booking CI-7Q2K3M twice, €240.00 and €240.00."
    )
    assert finding.step == "bank statement"


def test_double_charge_when_there_are_more_charges_than_confirmed_bookings() -> None:
    journey = journey_of(
        page("confirmation", 0, ROOM, facts={"reference": "CI-7Q2K3M"}),
        page("confirmation", 3, ROOM, facts={"reference": "CI-7Q2K3M"}),  # the same booking, seen again
        charges(5, ("CI-7Q2K3M", eur("240.00")), ("CI-8R4P5N", eur("240.00"))),
    )
    finding = only(check_promises(journey, ["double-charge"]), "double-charge")
    assert "shows 2 charges, €240.00 for CI-7Q2K3M and €240.00 for CI-8R4P5N, but I got 1 confirmed booking" in (
        finding.message
    )


def test_double_charge_reads_only_the_last_statement_and_is_silent_for_one_charge_a_booking() -> None:
    journey = journey_of(
        page("confirmation", 0, ROOM, facts={"reference": "CI-7Q2K3M"}),
        charges(5, ("CI-7Q2K3M", eur("240.00"))),
        charges(9, ("CI-7Q2K3M", eur("240.00"))),
    )
    assert check_promises(journey, ["double-charge"]) == []


# receipt-mismatch


def paid(*after: Snapshot) -> Journey:
    confirmation = page(
        "confirmation", 0, ROOM, TAX, amounts={"charged": eur("256.00")}, facts={"reference": "CI-7Q2K3M"}
    )
    return journey_of(confirmation, *after)


def test_receipt_mismatch_names_the_two_places_and_amounts() -> None:
    journey = paid(Snapshot("email", at(60), source="email", amounts={"charged": eur("240.00")}))
    finding = only(check_promises(journey, ["receipt-mismatch"]), "receipt-mismatch")
    assert finding.message == (
        "The confirmation shows a different amount: the confirmation says €256.00, but the email says €240.00."
    )
    assert finding.step == "email"


def test_receipt_mismatch_compares_each_single_bank_charge_in_any_currency() -> None:
    journey = paid(charges(5, ("CI-7Q2K3M", Money.parse("$281.60"))))
    finding = only(check_promises(journey, ["receipt-mismatch"]), "receipt-mismatch")
    assert "but my bank statement shows US$281.60 for booking CI-7Q2K3M" in finding.message


def test_receipt_mismatch_is_silent_when_all_agree_even_when_charged_twice() -> None:
    journey = paid(
        Snapshot("email", at(60), source="email", amounts={"charged": eur("256.00")}),
        charges(5, ("CI-7Q2K3M", eur("256.00")), ("CI-7Q2K3M", eur("256.00"))),
    )
    assert check_promises(journey, ["receipt-mismatch"]) == []


# basket-sneak


def test_basket_sneak_names_the_extra_i_did_not_choose() -> None:
    journey = journey_of(page("cart", 0, ROOM, BREAKFAST, INSURANCE), chosen=("Breakfast",))
    finding = only(check_promises(journey, ["basket-sneak"]), "basket-sneak")
    assert finding.message == (
        "Something I did not choose was added: 'Travel insurance' €25.00 appeared at the cart, "
        "but I chose only Breakfast."
    )


def test_basket_sneak_says_when_i_chose_no_extras() -> None:
    finding = only(check_promises(journey_of(page("cart", 0, ROOM, INSURANCE)), ["basket-sneak"]), "basket-sneak")
    assert finding.message.endswith("but I chose no extras.")


def test_basket_sneak_is_silent_for_extras_i_chose_however_the_shop_spells_them() -> None:
    breakfast_for_two = Line("Breakfast for 2 guests", eur("60.00"), "extra")
    journey = journey_of(page("cart", 0, ROOM, breakfast_for_two, INSURANCE), chosen=("breakfast", "Travel insurance"))
    assert check_promises(journey, ["basket-sneak"]) == []


# cart-lost


def test_cart_lost_lists_what_my_other_device_is_missing() -> None:
    journey = journey_of(
        page("cart", 0, ROOM, BREAKFAST, TAX),
        page("cart on my other device", 30, facts={"device": "phone"}, amounts={"total": eur("0.00")}),
    )
    finding = only(check_promises(journey, ["cart-lost"]), "cart-lost")
    assert finding.message == (
        "My cart was gone on my other device: 'Classic Double, 2 nights' and 'Breakfast' were in my cart, "
        "but my phone showed an empty cart."
    )
    assert finding.step == "cart on my other device"


def test_cart_lost_names_a_single_missing_line() -> None:
    journey = journey_of(page("cart", 0, ROOM, BREAKFAST), page("cart on my other device", 30, ROOM))
    finding = only(check_promises(journey, ["cart-lost"]), "cart-lost")
    assert finding.message.endswith("'Breakfast' was in my cart, but my other device showed a cart without it.")


def test_cart_lost_is_silent_when_the_other_device_shows_my_cart() -> None:
    journey = journey_of(
        page("cart", 0, ROOM, BREAKFAST, TAX),
        page("cart on my other device", 30, ROOM, BREAKFAST, facts={"device": "phone"}),  # taxes come back later
    )
    assert check_promises(journey, ["cart-lost"]) == []


# fake-urgency


def test_fake_urgency_when_the_countdown_restarts_on_reload() -> None:
    journey = journey_of(
        page("cart", 0, ROOM, hold_remaining=539), page("cart after reload", 60, ROOM, hold_remaining=600)
    )
    finding = only(check_promises(journey, ["fake-urgency"]), "fake-urgency")
    assert finding.message == (
        "The countdown started again when I reloaded: 08:59 was left at the cart, and 60 s later the reloaded "
        "cart showed 10:00 instead of 07:59."
    )


@pytest.mark.parametrize("shown_after", [479, 481, 0])
def test_fake_urgency_is_silent_while_the_countdown_keeps_running(shown_after: int) -> None:
    before = page("cart", 0, ROOM, hold_remaining=539)
    after = page("cart after reload", 60 if shown_after else 700, ROOM, hold_remaining=shown_after)
    assert check_promises(journey_of(before, after), ["fake-urgency"]) == []


# currency-switch


def test_currency_switch_names_where_each_new_currency_first_appeared() -> None:
    usd_room = Line(ROOM.label, Money.parse("$264.00"), "room")
    journey = journey_of(
        Snapshot("results", at(0), amounts={"Classic Double total": eur("256.00")}, screenshot="results.png"),
        page("cart", 10, ROOM, TAX),
        page("payment", 20, usd_room),
        Snapshot("email", at(30), source="email", amounts={"charged": Money.parse("£230.00")}),
    )
    finding = only(check_promises(journey, ["currency-switch"]), "currency-switch")
    assert finding.message == (
        "The currency changed on the way: prices were in EUR in the results, then in USD at payment (US$264.00), "
        "then in GBP in the email (£230.00)."
    )
    assert finding.step == "payment" and finding.evidence == ("results.png", "payment.png")


def test_currency_switch_is_silent_in_one_currency_and_ignores_the_rival() -> None:
    journey = journey_of(
        page("cart", 10, ROOM, TAX),
        Snapshot("confirmation", at(15), actor="rival", amounts={"charged": Money.parse("$264.00")}),
        charges(20, ("CI-7Q2K3M", eur("256.00"))),
    )
    assert check_promises(journey, ["currency-switch"]) == []


# total-mismatch


def test_total_mismatch_shows_the_sum_and_the_total() -> None:
    journey = journey_of(page("cart", 0, ROOM, TAX, amounts={"total": eur("240.00")}))
    finding = only(check_promises(journey, ["total-mismatch"]), "total-mismatch")
    assert finding.message == (
        "The lines don't add up to the total at the cart: €240.00 + €16.00 = €256.00, "
        "but the total says €240.00."
    )
    assert finding.step == "cart" and finding.evidence == ("cart.png",)


def test_total_mismatch_is_silent_when_lines_add_up_or_cannot_be_added() -> None:
    usd_tax = Line("City tax", Money.parse("$17.60"), "tax")
    journey = journey_of(
        page("cart", 0, ROOM, TAX),
        page("payment", 10, ROOM, usd_tax, amounts={"total": eur("256.00")}),  # currency-switch's business
        Snapshot("room", at(5), amounts={"total": eur("999.00")}),  # a total without lines
    )
    assert check_promises(journey, ["total-mismatch"]) == []


# the registry and the journey as a whole


def test_every_catalogue_id_has_exactly_one_promise() -> None:
    assert list(PROMISES) == list(CATALOGUE)


def test_a_clean_journey_breaks_no_promise() -> None:
    assert check_promises(demo_journey()) == []


@pytest.mark.parametrize("fault", list(CATALOGUE))
def test_each_fault_breaks_only_its_own_promise(fault: str) -> None:
    findings = check_promises(demo_journey(fault))
    assert findings and {finding.id for finding in findings} == {fault}
    assert all(finding.severity == CATALOGUE[fault].severity for finding in findings)


@pytest.mark.parametrize("fault", list(CATALOGUE))
def test_findings_speak_as_the_customer_in_one_sentence(fault: str) -> None:
    for finding in check_promises(demo_journey(fault)):
        assert finding.message.startswith(CATALOGUE[fault].customer_says.removesuffix("."))
        assert finding.message.endswith(".") and ". " not in finding.message.removesuffix(".")


def test_checks_only_the_promises_asked_for_and_tells_each_finding_once() -> None:
    journey = journey_of(page("cart", 0, ROOM, TAX, amounts={"total": eur("240.00")}), chosen=())
    journey.observe(page("cart", 1, ROOM, TAX, amounts={"total": eur("240.00")}))
    assert check_promises(journey, ["hidden-fee"]) == []
    assert len(check_promises(journey, ["total-mismatch", "total-mismatch"])) == 1
    assert [finding.id for finding in check_promises(journey, "total-mismatch")] == ["total-mismatch"]


def test_an_unknown_promise_id_names_the_nearest_one() -> None:
    with pytest.raises(UnknownPromise, match="no promise 'price-drfit' \\(the nearest is 'price-drift'\\)"):
        check_promises(demo_journey(), ["price-drfit"])
