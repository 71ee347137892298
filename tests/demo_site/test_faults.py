"""Each catalogue fault: the same customer journey on the clean site and with the fault on."""

from __future__ import annotations

import pytest

from tests.demo_site.customer import GUEST, STAY, VISA

CLEAN, FAULTY = False, True


def switched(fault: str, on: bool) -> tuple[str, ...]:
    """The faults to start the site with: this one when on, none when clean."""
    return (fault,) if on else ()


@pytest.mark.parametrize(
    ("on", "dwell", "room", "charged"),
    [
        (CLEAN, 60, "€240.00", "€256.00"),
        (FAULTY, 59, "€240.00", "€256.00"),
        (FAULTY, 60, "€480.00", "€496.00"),
    ],
)
def test_price_drift_doubles_the_room_after_60_seconds_on_the_payment_page(
    site_with, customer_at, on, dwell, room, charged
):
    customer = customer_at(site_with(*switched("price-drift", on)))
    payment = customer.reach_payment()
    assert payment.one("payment-total").text == "€256.00"

    customer.advance_clock(dwell)
    confirmation = customer.pay()

    assert confirmation.one("amount-charged").text == charged
    assert confirmation.lines()[0] == ("room", "Classic Double, 2 nights", room)
    assert customer.charges()[0]["amount"] == charged.lstrip("€")


@pytest.mark.parametrize(
    ("on", "total", "fee_lines"),
    [(CLEAN, "€256.00", []), (FAULTY, "€275.00", [("fee", "Service fee", "€19.00")])],
)
def test_hidden_fee_appears_on_the_payment_page_only(site_with, customer_at, on, total, fee_lines):
    customer = customer_at(site_with(*switched("hidden-fee", on)))

    cart = customer.book()
    payment = customer.give_guest_details()

    assert cart.one("cart-total").text == "€256.00"
    assert [line for line in cart.lines() if line[0] == "fee"] == []
    assert [line for line in payment.lines() if line[0] == "fee"] == fee_lines
    assert payment.one("payment-total").text == total
    assert customer.pay().one("amount-charged").text == total


@pytest.mark.parametrize(("on", "rival_gets_the_room"), [(CLEAN, False), (FAULTY, True)])
def test_hold_broken_lets_a_second_customer_book_the_last_room_while_the_first_pays(
    site_with, customer_at, on, rival_gets_the_room
):
    site = site_with(*switched("hold-broken", on))
    first, rival = customer_at(site), customer_at(site)
    first.reach_payment("family-suite")

    rival_cart = rival.book("family-suite")

    if not rival_gets_the_room:
        assert (rival_cart.status, rival_cart.one("sold-out").text) == (409, "Sold out")
        assert first.pay().all("booking-reference")
        return
    assert rival_cart.path == "/cart"
    rival.give_guest_details({**GUEST, "email": "rival@example.com"})
    assert rival.pay({**VISA, "card_name": "Rival"}).all("booking-reference")
    assert first.pay().one("sold-out").text == "Sold out"


@pytest.mark.parametrize(
    ("on", "guest", "kept"),
    [
        (CLEAN, "Giulia Rossi, giulia@example.com", {"expiry": "12/39", "card_name": "Giulia Rossi"}),
        (FAULTY, "", {"expiry": "", "card_name": ""}),
    ],
)
def test_input_lost_clears_guest_details_and_card_fields_after_a_decline(site_with, customer_at, on, guest, kept):
    customer = customer_at(site_with(*switched("input-lost", on)))
    customer.reach_payment()

    declined = customer.pay({**VISA, "card_number": "4000000000000002"})

    assert declined.one("payment-error").text == "Your card was declined."
    assert declined.one("guest-summary").text == guest
    assert {name: declined.field(name) for name in ("card_number", "expiry", "cvc", "card_name")} == {
        "card_number": "",
        "cvc": "",
        **kept,
    }


@pytest.mark.parametrize(("on", "charges"), [(CLEAN, 1), (FAULTY, 2)])
def test_double_charge_charges_again_when_the_customer_pays_twice(site_with, customer_at, on, charges):
    customer = customer_at(site_with(*switched("double-charge", on)))
    customer.reach_payment()

    first = customer.pay()
    second = customer.pay()

    reference = first.one("booking-reference").text
    assert second.one("booking-reference").text == reference
    assert [(c["reference"], c["amount"]) for c in customer.charges()] == [(reference, "256.00")] * charges


@pytest.mark.parametrize(("on", "emailed"), [(CLEAN, "€256.00"), (FAULTY, "€240.00")])
def test_receipt_mismatch_emails_the_total_before_tax(site_with, customer_at, mailbox, on, emailed):
    customer = customer_at(site_with(*switched("receipt-mismatch", on), smtp_port=mailbox.port))
    customer.reach_payment()

    confirmation = customer.pay()

    reference = confirmation.one("booking-reference").text
    (message,) = mailbox.messages
    assert (message["To"], message["Subject"]) == (GUEST["email"], f"Your booking {reference}")
    body = message.get_content()
    assert f"Booking reference: {reference}" in body
    assert f"Total charged: {emailed}" in body
    assert confirmation.one("amount-charged").text == "€256.00"


@pytest.mark.parametrize(("on", "checked"), [(CLEAN, []), (FAULTY, ["insurance"])])
def test_basket_sneak_pre_checks_travel_insurance_which_is_then_added(site_with, customer_at, on, checked):
    customer = customer_at(site_with(*switched("basket-sneak", on)))
    room = customer.get("/rooms/classic-double", **STAY)
    assert room.checked("extras") == checked

    cart = customer.book(extras=room.checked("extras"))

    extras = [line for line in cart.lines() if line[0] == "extra"]
    assert extras == [("extra", "Travel insurance", "€25.00")] * len(checked)


@pytest.mark.parametrize(("on", "lines_on_phone"), [(CLEAN, 2), (FAULTY, 0)])
def test_cart_lost_keeps_the_cart_on_the_device_that_made_it(site_with, customer_at, on, lines_on_phone):
    site = site_with(*switched("cart-lost", on))
    laptop, phone = customer_at(site), customer_at(site)
    laptop.sign_in("marco@example.com")
    laptop.book()

    cart_on_phone = phone.sign_in("marco@example.com")

    assert cart_on_phone.one("signed-in-as").text == "marco@example.com"
    assert len(cart_on_phone.lines()) == lines_on_phone
    assert len(laptop.get("/cart").lines()) == 2


@pytest.mark.parametrize(("on", "after_reload"), [(CLEAN, ("07:59", "08:00")), (FAULTY, ("09:59", "10:00"))])
def test_fake_urgency_restarts_the_countdown_on_every_page_load(site_with, customer_at, on, after_reload):
    customer = customer_at(site_with(*switched("fake-urgency", on)))
    assert customer.book().one("hold-countdown").text in ("09:59", "10:00")

    customer.advance_clock(120)

    assert customer.get("/cart").one("hold-countdown").text in after_reload


@pytest.mark.parametrize(
    ("on", "lines", "total", "ledger"),
    [
        (CLEAN, ["€240.00", "€16.00"], "€256.00", ("256.00", "EUR")),
        (FAULTY, ["US$264.00", "US$17.60"], "US$281.60", ("281.60", "USD")),
    ],
)
def test_currency_switch_shows_and_charges_dollars_at_payment(site_with, customer_at, on, lines, total, ledger):
    customer = customer_at(site_with(*switched("currency-switch", on)))
    assert customer.book().one("cart-total").text == "€256.00"

    payment = customer.give_guest_details()
    confirmation = customer.pay()

    assert [amount for _, _, amount in payment.lines()] == lines
    assert payment.one("payment-total").text == total
    assert confirmation.one("amount-charged").text == total
    assert [amount for _, _, amount in confirmation.lines()] == lines
    assert [(c["amount"], c["currency"]) for c in customer.charges()] == [ledger]


@pytest.mark.parametrize(("on", "total"), [(CLEAN, "€256.00"), (FAULTY, "€240.00")])
def test_total_mismatch_leaves_the_listed_city_tax_out_of_the_cart_total(site_with, customer_at, on, total):
    customer = customer_at(site_with(*switched("total-mismatch", on)))

    cart = customer.book()

    assert cart.lines() == [("room", "Classic Double, 2 nights", "€240.00"), ("tax", "City tax", "€16.00")]
    assert cart.one("cart-total").text == total
    assert customer.http.get("/api/cart").json()["total"] == total.lstrip("€")
