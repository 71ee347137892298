"""Promises: each fires for its own defect with the customer's words, and stays silent otherwise.

Hand-made journeys show each promise alone; `demo_journey` shows the whole set against a clean walk
and against each demo fault switched on alone (the fault matrix in miniature).
"""

from __future__ import annotations

from typing import Any

import pytest

from checkout_integrity import (
    CATALOGUE,
    Action,
    Finding,
    Journey,
    Line,
    Money,
    Snapshot,
    UnknownPromise,
    Violation,
    check_promises,
)
from checkout_integrity._budgets import Budget, Budgets
from checkout_integrity._journey import digest
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


def test_the_charge_is_held_to_the_page_paid_on_whatever_the_shop_calls_it_and_a_fee_it_adds_is_told_once() -> None:
    journey = journey_of(
        page("cart", 0, ROOM, TAX),
        page("payment", 30, ROOM, TAX),
        page("review", 40, ROOM, TAX, FEE),  # the profile's payment page comes before the page the customer pays on
        Snapshot("confirmation", at(41), amounts={"charged": eur("275.00")}),
    )
    assert [finding.id for finding in check_promises(journey, ["price-drift", "hidden-fee"])] == ["hidden-fee"]


def test_a_charge_above_the_page_paid_on_is_price_drift_whatever_the_page_is_called() -> None:
    journey = journey_of(
        page("payment", 30, ROOM, TAX),
        page("review", 40, ROOM, TAX),
        Snapshot("confirmation", at(41), amounts={"charged": eur("275.00")}),
    )
    finding = only(check_promises(journey, ["price-drift"]), "price-drift")
    assert finding.message.startswith("The price changed while I was paying: shown €256.00 at review, charged €275.00")


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


def test_a_line_the_customer_repriced_by_changing_their_order_is_no_drift_but_a_later_change_is() -> None:
    less_tax = Line(TAX.label, eur("14.40"), "tax")
    coded = page("cart", 5, ROOM, less_tax, facts={"order changed": "used the code SAVE10"})
    assert check_promises(journey_of(page("cart", 0, ROOM, TAX), coded), ["price-drift"]) == []
    more_tax = Line(TAX.label, eur("16.00"), "tax")
    finding = only(check_promises(journey_of(page("cart", 0, ROOM, TAX), coded, page("payment", 9, ROOM, more_tax)),
                                  ["price-drift"]), "price-drift")
    assert "'City tax' was €14.40 at the cart and €16.00 at payment" in finding.message


def test_price_drift_ignores_totals_new_lines_other_currencies_and_the_email() -> None:
    usd_room = Line(ROOM.label, Money.parse("$264.00"), "room")
    journey = journey_of(
        page("cart", 0, ROOM, TAX, amounts={"total": eur("240.00")}),  # wrong total: total-mismatch's business
        page("payment", 10, ROOM, TAX, FEE),  # a new line: hidden-fee's business
        page("payment", 20, usd_room, amounts={"total": Money.parse("$264.00")}),  # another currency
        Snapshot("confirmation", at(30), amounts={"charged": Money.parse("$264.00")}),
        Snapshot("confirmation email", at(40), source="email", amounts={"charged": eur("1.00")}),  # receipt-mismatch's
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
    journey = paid(Snapshot("confirmation email", at(60), source="email", amounts={"charged": eur("240.00")}))
    finding = only(check_promises(journey, ["receipt-mismatch"]), "receipt-mismatch")
    assert finding.message == (
        "The confirmation shows a different amount: the confirmation says €256.00, but the email says €240.00."
    )
    assert finding.step == "confirmation email"


def test_receipt_mismatch_holds_the_shops_page_for_the_order_to_the_confirmation() -> None:
    journey = paid(Snapshot("order page", at(90), amounts={"charged": eur("240.00")}))
    finding = only(check_promises(journey, ["receipt-mismatch"]), "receipt-mismatch")
    assert finding.message == (
        "The confirmation shows a different amount: the confirmation says €256.00, but my order page says €240.00."
    )
    assert finding.step == "order page"


def test_receipt_mismatch_is_silent_when_the_order_page_agrees() -> None:
    journey = paid(Snapshot("order page", at(90), amounts={"charged": eur("256.00")}))
    assert check_promises(journey, ["receipt-mismatch"]) == []


def test_receipt_mismatch_compares_each_single_bank_charge_in_any_currency() -> None:
    journey = paid(charges(5, ("CI-7Q2K3M", Money.parse("$281.60"))))
    finding = only(check_promises(journey, ["receipt-mismatch"]), "receipt-mismatch")
    assert "but my bank statement shows US$281.60 for booking CI-7Q2K3M" in finding.message


def test_receipt_mismatch_is_silent_when_all_agree_even_when_charged_twice() -> None:
    journey = paid(
        Snapshot("confirmation email", at(60), source="email", amounts={"charged": eur("256.00")}),
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
        Snapshot("confirmation email", at(30), source="email", amounts={"charged": Money.parse("£230.00")}),
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


# slow-step, layout-shift, inaccessible-step, retyping: what the customer did, in order, between what they saw


def walk(*events: Snapshot | Action, budgets: Budgets | None = None) -> Journey:
    """A journey of snapshots and actions recorded in the order given, as the page objects record them."""
    journey = Journey("Giulia Rossi", budgets)
    for event in events:
        journey.observe(event) if isinstance(event, Snapshot) else journey.act(event)
    return journey


def felt(step: str, seconds: float, **vitals: float) -> Snapshot:
    """A page whose Web Vitals were measured: well within the default budgets unless given."""
    return page(step, seconds, vitals={"wait_ms": 300.0, "lcp_ms": 500.0, "cls": 0.01, "inp_ms": 80.0, **vitals})


def click(target: str, page_path: str, seconds: float, shift: float | None = None, actor: str = "customer") -> Action:
    return Action("click", target, page_path, at(seconds), actor=actor, layout_shift=shift)


def typed(target: str, page_path: str, seconds: float, value: str, actor: str = "customer") -> Action:
    secret = target in ("Card number", "Security code")
    return Action("type", target, page_path, at(seconds), actor=actor, digest="" if secret else digest(value),
                  secret=secret)


# slow-step


def test_slow_step_names_the_wait_and_the_budget_of_the_page() -> None:
    journey = walk(felt("cart", 0), felt("payment", 30, wait_ms=3214.0))
    finding = only(check_promises(journey, ["slow-step"]), "slow-step")
    assert finding.message == (
        "The payment page took ages: I waited 3,214 ms before I could use it (budget 2,500 ms)."
    )
    assert finding.step == "payment" and finding.evidence == ("payment.png",)


def test_slow_step_tells_one_finding_a_step_with_every_measure_over_the_worst_first() -> None:
    journey = walk(
        felt("payment", 0, wait_ms=2600.0),
        felt("payment", 30, lcp_ms=5000.0, inp_ms=620.0, cls=0.9),  # the layout shift is layout-shift's
        felt("confirmation", 40, wait_ms=2700.0),
    )
    findings = check_promises(journey, ["slow-step"])
    assert [finding.step for finding in findings] == ["payment", "confirmation"]
    assert findings[0].message == (
        "The payment page took ages: its main content appeared only after 5,000 ms (budget 2,500 ms), "
        "it took 620 ms to answer a click (budget 500 ms) and I waited 2,600 ms before I could use it "
        "(budget 2,500 ms)."
    )
    assert findings[1].message.startswith("The confirmation page took ages: I waited 2,700 ms")


def test_slow_step_is_silent_within_each_steps_own_budget_and_for_pages_not_the_customers() -> None:
    budgets = Budgets(steps={"payment": Budget(wait_ms=4000)})
    journey = walk(
        felt("cart", 0, wait_ms=2500.0, lcp_ms=2500.0, inp_ms=500.0),  # at the budget is within it
        felt("payment", 10, wait_ms=3214.0),  # the team agreed to 4 s for payment
        Snapshot("payment", at(20), actor="rival", vitals={"wait_ms": 9000.0}),
        Snapshot("confirmation email", at(30), source="email", vitals={"wait_ms": 9000.0}),
        page("confirmation", 40),  # not measured
        budgets=budgets,
    )
    assert check_promises(journey, ["slow-step"]) == []


# layout-shift


def test_layout_shift_when_the_pay_button_jumps_as_i_press_it() -> None:
    journey = walk(felt("payment", 0, cls=0.42), click("Pay now", "/checkout/payment", 5, shift=0.42))
    finding = only(check_promises(journey, ["layout-shift"]), "layout-shift")
    assert finding.message == (
        "The pay button jumped as I went to click it: the payment page moved by 0.42 (budget 0.1) just before "
        "I pressed 'Pay now'."
    )
    assert finding.step == "payment" and finding.evidence == ("payment.png",)


def test_layout_shift_names_any_other_button_and_a_page_that_moved_without_a_click() -> None:
    journey = walk(
        felt("cart", 0, cls=0.25),
        felt("guest details", 10),
        click("Continue to payment", "/checkout/guest", 12, shift=0.3),
        click("Continue to payment", "/checkout/guest", 13, shift=0.2),  # the same step: told once
    )
    findings = check_promises(journey, ["layout-shift"])
    assert [finding.message for finding in findings] == [
        "The page jumped as it loaded, before I did anything on it: the cart moved by 0.25 (budget 0.1).",
        "The button jumped as I went to click it: the guest details page moved by 0.3 (budget 0.1) just before "
        "I pressed 'Continue to payment'.",
    ]


def test_a_page_that_moved_once_i_was_using_it_says_so() -> None:
    journey = walk(felt("cart", 0), click("Apply", "/cart", 2), felt("cart", 3, cls=0.25))
    (finding,) = check_promises(journey, ["layout-shift"])
    assert finding.message == "The page jumped while I was using it: the cart moved by 0.25 (budget 0.1)."


def test_layout_shift_is_silent_for_small_unmeasured_or_a_rivals_shifts_and_within_a_steps_budget() -> None:
    budgets = Budgets(steps={"cart": Budget(cls=0.3)})
    journey = walk(
        felt("cart", 0, cls=0.25),
        felt("payment", 10, cls=0.1),
        click("Pay now", "/checkout/payment", 11, shift=0.1),
        click("Pay now", "/checkout/payment", 12),
        click("Pay now", "/checkout/payment", 13, shift=0.9, actor="rival"),
        budgets=budgets,
    )
    assert check_promises(journey, ["layout-shift"]) == []


# inaccessible-step


UNLABELLED = Violation("label", "critical", "Form elements must have labels", 4)


def test_inaccessible_step_names_what_a_screen_reader_meets_in_customer_words_and_axe_rules() -> None:
    journey = walk(page("payment", 0, violations=(UNLABELLED,)))
    finding = only(check_promises(journey, ["inaccessible-step"]), "inaccessible-step")
    assert finding.message == (
        "I could not do it with a keyboard or a screen reader: on the payment page 4 form fields have no label "
        "(axe: label, critical)."
    )
    assert finding.step == "payment" and finding.evidence == ("payment.png",)


def test_inaccessible_step_gathers_a_steps_rules_and_leaves_out_minor_ones() -> None:
    unnamed = Violation("button-name", "critical", "Buttons must have discernible text", 1)
    odd = Violation("scrollable-region-focusable", "serious", "Scrollable region must have keyboard access.", 2)
    minor = Violation("region", "moderate", "All page content should be contained by landmarks", 9)
    journey = walk(
        page("payment", 0, violations=(Violation("label", "critical", "Form elements must have labels", 2), minor)),
        page("payment", 10, violations=(UNLABELLED, unnamed, odd)),
        page("confirmation", 20, violations=(minor,)),
    )
    finding = only(check_promises(journey, ["inaccessible-step"]), "inaccessible-step")
    assert finding.message == (
        "I could not do it with a keyboard or a screen reader: on the payment page 4 form fields have no label "
        "(axe: label, critical), 1 button has no name (axe: button-name, critical) and 2 elements break "
        "'Scrollable region must have keyboard access' (axe: scrollable-region-focusable, serious)."
    )


def test_inaccessible_step_when_a_keyboard_cannot_reach_a_control() -> None:
    stuck = Action("stuck", "Pay now", "/checkout/payment", at(5), by_keyboard=True)
    journey = walk(page("payment", 0), stuck)
    finding = only(check_promises(journey, ["inaccessible-step"]), "inaccessible-step")
    assert finding.message == (
        "I could not do it with a keyboard or a screen reader: I could not reach 'Pay now' with the keyboard on "
        "the payment page."
    )
    assert finding.step == "payment" and finding.evidence == ("payment.png",)


def test_inaccessible_step_is_silent_without_blocking_violations_or_for_a_rival() -> None:
    minor = Violation("region", "moderate", "All page content should be contained by landmarks", 9)
    journey = walk(
        page("payment", 0, violations=(minor,)),
        Snapshot("payment", at(1), actor="rival", violations=(UNLABELLED,)),
        Action("stuck", "Pay now", "/checkout/payment", at(2), actor="rival"),
    )
    assert check_promises(journey, ["inaccessible-step"]) == []


# retyping


EMAIL = "giulia.rossi.123@example.com"


def test_retyping_when_the_payment_page_asks_for_what_i_typed_before() -> None:
    journey = walk(
        page("guest details", 0),
        typed("Email", "/checkout/guest", 1, EMAIL),
        page("payment", 10, form={"Email": ""}),
        typed("Email", "/checkout/payment", 11, EMAIL.upper()),  # the same address, however it is written
        typed("Confirm email", "/checkout/review", 20, EMAIL),  # asked a third time, under another name
        typed("Email", "/checkout/review", 21, EMAIL),  # 'Email' is told once
        page("payment", 30),
    )
    findings = check_promises(journey, ["retyping"])
    assert [finding.message for finding in findings] == [
        "I had to type the same thing twice: what I typed as 'Email' on /checkout/guest was asked for again as "
        "'Email' on /checkout/payment.",
        "I had to type the same thing twice: what I typed as 'Email' on /checkout/guest was asked for again as "
        "'Confirm email' on /checkout/review.",
    ]
    assert all(finding.severity == "minor" for finding in findings)
    assert findings[0].step == "payment" and findings[0].evidence == ("payment.png",)


def test_retyping_is_silent_for_card_secrets_one_page_other_values_a_rival_and_fields_the_shop_lost() -> None:
    journey = walk(
        page("sign in", 0),
        typed("Email", "/signin", 1, EMAIL),
        typed("Email", "/signin", 5, EMAIL),  # the same page again: a second sign-in, not a second question
        typed("Full name", "/checkout/guest", 6, "Giulia Rossi"),
        typed("Phone", "/checkout/guest", 7, "+39 06 1234 5678"),
        typed("Card number", "/checkout/payment", 8, "4000000000000002"),
        typed("Expiry (MM/YY)", "/checkout/payment", 9, "12/30"),
        page("payment", 10, form={"Expiry (MM/YY)": "12/30", "Name on card": "Giulia Rossi"}),  # name filled in
        typed("Phone", "/checkout/payment", 13, "+39 06 9999 0000"),  # another value
        typed("Email", "/checkout/payment", 14, EMAIL, actor="rival"),
        page("payment declined", 20, form={"Expiry (MM/YY)": "", "Name on card": ""}),
        typed("Card number", "/checkout/pay", 21, "4000000000000002"),  # a secret: never counted
        typed("Expiry (MM/YY)", "/checkout/pay", 22, "12/30"),  # shown at payment, then lost: input-lost's
        typed("Name on card", "/checkout/pay", 23, "Giulia Rossi"),  # the full name, shown here before
    )
    assert check_promises(journey, ["retyping"]) == []


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


# fake-scarcity


def results(seconds: float, **left: int) -> Snapshot:
    """My look at the results, the shop claiming how many are left of each offer."""
    return Snapshot("results", at(seconds), facts={f"left of {offer}": str(count) for offer, count in left.items()})


def rival_bought(seconds: float, offer: str) -> Snapshot:
    return Snapshot("confirmation", at(seconds), actor="rival", facts={"offer": offer})


def test_fake_scarcity_names_a_claim_that_did_not_move_when_another_customer_bought_one() -> None:
    journey = journey_of(results(0, Suite=1, Double=3), rival_bought(5, "Double"), results(9, Suite=1, Double=3))
    finding = only(check_promises(journey, ["fake-scarcity"]), "fake-scarcity")
    assert finding.message == (
        "It said only one was left, and it wasn't true: the results said 3 left of 'Double', another customer "
        "bought one, and the results still said 3 left."
    )
    assert finding.step == "results"


def test_fake_scarcity_names_a_claim_that_outlived_every_unit_it_said_was_left() -> None:
    journey = journey_of(results(0, Lamp=2), rival_bought(3, "Lamp"), rival_bought(5, "Lamp"), results(9, Lamp=1))
    assert "the results said 2 left of 'Lamp', another customer bought 2, and the results still said 1 left" in only(
        check_promises(journey, ["fake-scarcity"]), "fake-scarcity"
    ).message


def test_fake_scarcity_is_silent_when_the_claim_moves_or_the_offer_is_gone_after_the_purchase() -> None:
    moved = journey_of(results(0, Double=3), rival_bought(5, "Double"), results(6, Double=3), results(9, Double=2))
    gone = journey_of(results(0, Suite=1), rival_bought(5, "Suite"), results(9))  # sold out: no claim after
    unbought = journey_of(results(0, Double=3), results(9, Double=3))  # nobody bought: a steady claim is true
    assert check_promises(moved, ["fake-scarcity"]) == []  # the page left open meanwhile (6 s) is not the last look
    assert check_promises(gone, ["fake-scarcity"]) == [] and check_promises(unbought, ["fake-scarcity"]) == []
