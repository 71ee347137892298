"""Each catalogue fault: the same customer journey on the clean site and with the fault on."""

from __future__ import annotations

import time

import pytest

from tests.demo_site.conftest import CustomerAt, Mailbox, SiteWith
from tests.demo_site.customer import GUEST, STAY, VISA, Customer, Page

CLEAN, FAULTY = False, True
CARD_LABELS = {
    "card-number": "Card number", "expiry": "Expiry (MM/YY)", "cvc": "Security code", "card-name": "Name on card"
}  # fmt: skip
CARD_AUTOCOMPLETE = ["cc-number", "cc-exp", "cc-csc", "cc-name"]


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
    site_with: SiteWith, customer_at: CustomerAt, on: bool, dwell: int, room: str, charged: str
) -> None:
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
def test_hidden_fee_appears_on_the_payment_page_only(
    site_with: SiteWith, customer_at: CustomerAt, on: bool, total: str, fee_lines: list[tuple[str, str, str]]
) -> None:
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
    site_with: SiteWith, customer_at: CustomerAt, on: bool, rival_gets_the_room: bool
) -> None:
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
def test_input_lost_clears_guest_details_and_card_fields_after_a_decline(
    site_with: SiteWith, customer_at: CustomerAt, on: bool, guest: str, kept: dict[str, str]
) -> None:
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
def test_double_charge_charges_again_when_the_customer_pays_twice(
    site_with: SiteWith, customer_at: CustomerAt, on: bool, charges: int
) -> None:
    customer = customer_at(site_with(*switched("double-charge", on)))
    customer.reach_payment()

    first = customer.pay()
    second = customer.pay()

    reference = first.one("booking-reference").text
    assert second.one("booking-reference").text == reference
    assert [(c["reference"], c["amount"]) for c in customer.charges()] == [(reference, "256.00")] * charges


@pytest.mark.parametrize(("on", "emailed"), [(CLEAN, "€256.00"), (FAULTY, "€240.00")])
def test_receipt_mismatch_emails_the_total_before_tax(
    site_with: SiteWith, customer_at: CustomerAt, mailbox: Mailbox, on: bool, emailed: str
) -> None:
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
def test_basket_sneak_pre_checks_travel_insurance_which_is_then_added(
    site_with: SiteWith, customer_at: CustomerAt, on: bool, checked: list[str]
) -> None:
    customer = customer_at(site_with(*switched("basket-sneak", on)))
    room = customer.get("/rooms/classic-double", **STAY)
    assert room.checked("extras") == checked

    cart = customer.book(extras=room.checked("extras"))

    extras = [line for line in cart.lines() if line[0] == "extra"]
    assert extras == [("extra", "Travel insurance", "€25.00")] * len(checked)


@pytest.mark.parametrize(("on", "lines_on_phone"), [(CLEAN, 2), (FAULTY, 0)])
def test_cart_lost_keeps_the_cart_on_the_device_that_made_it(
    site_with: SiteWith, customer_at: CustomerAt, on: bool, lines_on_phone: int
) -> None:
    site = site_with(*switched("cart-lost", on))
    laptop, phone = customer_at(site), customer_at(site)
    laptop.sign_in("marco@example.com")
    laptop.book()

    cart_on_phone = phone.sign_in("marco@example.com")

    assert cart_on_phone.one("signed-in-as").text == "marco@example.com"
    assert len(cart_on_phone.lines()) == lines_on_phone
    assert len(laptop.get("/cart").lines()) == 2


@pytest.mark.parametrize(("on", "after_reload"), [(CLEAN, ("07:59", "08:00")), (FAULTY, ("09:59", "10:00"))])
def test_fake_urgency_restarts_the_countdown_on_every_page_load(
    site_with: SiteWith, customer_at: CustomerAt, on: bool, after_reload: tuple[str, str]
) -> None:
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
def test_currency_switch_shows_and_charges_dollars_at_payment(
    site_with: SiteWith, customer_at: CustomerAt, on: bool, lines: list[str], total: str, ledger: tuple[str, str]
) -> None:
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
def test_total_mismatch_leaves_the_listed_city_tax_out_of_the_cart_total(
    site_with: SiteWith, customer_at: CustomerAt, on: bool, total: str
) -> None:
    customer = customer_at(site_with(*switched("total-mismatch", on)))

    cart = customer.book()

    assert cart.lines() == [("room", "Classic Double, 2 nights", "€240.00"), ("tax", "City tax", "€16.00")]
    assert cart.one("cart-total").text == total
    assert customer.http.get("/api/cart").json()["total"] == total.lstrip("€")


def inputs(page: Page) -> list[dict[str, str | None]]:
    return [element.attrs for element in page.inside if element.tag == "input"]


def labels(page: Page) -> dict[str | None, str]:
    return {element.attrs.get("for"): element.text for element in page.inside if element.tag == "label"}


@pytest.mark.parametrize(("on", "at_least", "under"), [(CLEAN, 0.0, 1.5), (FAULTY, 3.0, 6.0)])
def test_slow_step_answers_the_payment_page_after_3_seconds(
    site_with: SiteWith, customer_at: CustomerAt, on: bool, at_least: float, under: float
) -> None:
    customer: Customer = customer_at(site_with(*switched("slow-step", on)))
    customer.book()
    assert customer.http.post("/checkout/guest", data=GUEST, follow_redirects=False).status_code == 303

    started = time.monotonic()
    payment = customer.get("/checkout/payment")
    waited = time.monotonic() - started

    assert payment.one("payment-total").text == "€256.00"
    assert at_least <= waited < under
    started = time.monotonic()
    assert customer.get("/cart").status == 200
    assert time.monotonic() - started < 1.5  # nothing else is slowed


@pytest.mark.parametrize(("on", "scripts"), [(CLEAN, []), (FAULTY, ["/static/late_banner.js"])])
def test_layout_shift_puts_the_late_banner_script_on_the_payment_page(
    site_with: SiteWith, customer_at: CustomerAt, on: bool, scripts: list[str]
) -> None:
    customer = customer_at(site_with(*switched("layout-shift", on)))

    payment = customer.reach_payment()

    assert [element.attrs.get("src") for element in payment.inside if element.tag == "script"] == scripts
    script = customer.http.get("/static/late_banner.js").text
    assert "pointerover" in script and "Secure payment: your bank may ask you to confirm" in script


@pytest.mark.parametrize(
    ("on", "card_labels", "naming"),
    [(CLEAN, CARD_LABELS, [set(), {"placeholder"}, set(), set()]), (FAULTY, {}, [set()] * 4)],
)
def test_inaccessible_step_takes_the_labels_off_the_card_fields(
    site_with: SiteWith, customer_at: CustomerAt, on: bool, card_labels: dict[str, str], naming: list[set[str]]
) -> None:
    customer = customer_at(site_with(*switched("inaccessible-step", on)))

    payment = customer.reach_payment()

    assert labels(payment) == card_labels
    card_fields = inputs(payment)
    assert [field["autocomplete"] for field in card_fields] == CARD_AUTOCOMPLETE
    assert [{"aria-label", "aria-labelledby", "title", "placeholder"} & field.keys() for field in card_fields] == naming
    spans = {element.text for element in payment.inside if element.tag == "span"}
    assert (set(CARD_LABELS.values()) <= spans) is on
    assert customer.pay().all("booking-reference")


@pytest.mark.parametrize(("on", "email_fields"), [(CLEAN, []), (FAULTY, [("email", "email", "")])])
def test_retyping_asks_for_the_email_again_and_refuses_to_pay_without_it(
    site_with: SiteWith, customer_at: CustomerAt, on: bool, email_fields: list[tuple[str, str, str]]
) -> None:
    customer = customer_at(site_with(*switched("retyping", on)))

    payment = customer.reach_payment()
    without_email = customer.pay()

    asked = [field for field in inputs(payment) if field.get("name") == "email"]
    assert [(field["type"], field["autocomplete"], field.get("value") or "") for field in asked] == email_fields
    assert all("required" in field for field in asked)
    assert [field["autocomplete"] for field in inputs(payment)][len(asked) :] == CARD_AUTOCOMPLETE
    if not on:
        assert without_email.all("booking-reference")
        return
    assert labels(payment)["payment-email"] == "Email"
    assert (without_email.status, without_email.one("payment-error").text) == (402, "Enter your email address.")
    assert customer.charges() == []
    assert customer.pay({**VISA, "email": GUEST["email"]}).all("booking-reference")


@pytest.mark.parametrize(("on", "left"), [(CLEAN, [3, 2, 1]), (FAULTY, [1, 1, 1])])
def test_fake_scarcity_says_one_room_is_left_of_every_room_type_on_sale(
    site_with: SiteWith, customer_at: CustomerAt, on: bool, left: list[int]
) -> None:
    customer = customer_at(site_with(*switched("fake-scarcity", on)))

    results = customer.search()

    assert [claim.text for claim in results.all("offer-rooms-left")] == [
        f"{count} room{'s' if count != 1 else ''} left" for count in left
    ]
