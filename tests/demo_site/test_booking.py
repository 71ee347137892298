"""The clean site's booking journey over real HTTP, with the amounts the contract fixes."""

from __future__ import annotations

import re

from demo_hotel import DemoServer
from tests.demo_site.conftest import CustomerAt
from tests.demo_site.customer import GUEST, STAY, VISA, Customer


def test_search_offers_every_room_with_nightly_rate_total_and_rooms_left(customer: Customer) -> None:
    results = customer.search()

    offers = {offer.attrs["data-room-type"]: offer for offer in results.all("offer")}
    assert list(offers) == ["classic-double", "deluxe-king", "family-suite"]
    classic = offers["classic-double"]
    assert classic.one("offer-name").text == "Classic Double"
    assert classic.one("offer-nightly").text == "€120.00"
    assert classic.one("offer-total").text == "€256.00"
    assert classic.one("offer-rooms-left").text == "3 rooms left"
    assert "Choose Classic Double" in classic.text
    assert offers["family-suite"].one("offer-total").text == "€496.00"


def test_a_customer_books_a_classic_double_for_two_nights_and_pays_256_euros(customer: Customer) -> None:
    room = customer.get("/rooms/classic-double", **STAY)
    assert room.one("room-name").text == "Classic Double"
    assert room.one("room-total").text == "€256.00"
    assert room.checked("extras") == []

    cart = customer.book("classic-double")
    assert cart.path == "/cart"
    assert cart.lines() == [("room", "Classic Double, 2 nights", "€240.00"), ("tax", "City tax", "€16.00")]
    assert cart.one("cart-total").text == "€256.00"
    assert cart.one("hold-countdown").text in ("09:59", "10:00")

    payment = customer.give_guest_details()
    assert payment.path == "/checkout/payment"
    assert payment.lines() == cart.lines()
    assert payment.one("payment-total").text == "€256.00"
    assert payment.one("guest-summary").text == "Giulia Rossi, giulia@example.com"

    confirmation = customer.pay()
    reference = confirmation.one("booking-reference").text
    assert re.fullmatch(r"CI-[A-Z0-9]{6}", reference)
    assert confirmation.path == f"/confirmation/{reference}"
    assert confirmation.one("amount-charged").text == "€256.00"
    assert confirmation.lines() == cart.lines()
    assert confirmation.one("guest-summary").text == "Giulia Rossi, giulia@example.com"
    assert [(c["reference"], c["amount"], c["currency"]) for c in customer.charges()] == [(reference, "256.00", "EUR")]


def test_extras_are_priced_per_guest_per_night_and_per_booking(customer: Customer) -> None:
    cart = customer.book("deluxe-king", extras=["breakfast", "insurance"])

    assert cart.lines() == [
        ("room", "Deluxe King, 2 nights", "€360.00"),
        ("extra", "Breakfast", "€60.00"),
        ("extra", "Travel insurance", "€25.00"),
        ("tax", "City tax", "€16.00"),
    ]
    assert cart.one("cart-total").text == "€461.00"


def test_italian_customers_see_italian_amounts_for_the_whole_visit(customer: Customer) -> None:
    results = customer.search(lang="it")
    assert [offer.one("offer-total").text for offer in results.all("offer")][0] == "256,00\xa0€"

    cart = customer.book()

    assert cart.one("cart-total").text == "256,00\xa0€"


def test_the_cart_api_carries_lines_total_currency_and_hold_expiry(customer: Customer) -> None:
    assert customer.http.get("/api/cart").json()["lines"] == []
    cart = customer.book()

    api = customer.http.get("/api/cart").json()

    assert api["lines"] == [
        {"label": "Classic Double, 2 nights", "kind": "room", "amount": "240.00"},
        {"label": "City tax", "kind": "tax", "amount": "16.00"},
    ]
    assert (api["total"], api["currency"]) == ("256.00", "EUR")
    assert api["expires_at"] == cart.one("hold-countdown").attrs["data-expires-at"]


def test_the_hold_countdown_follows_the_customer_clock(customer: Customer) -> None:
    customer.book()

    customer.advance_clock(60)

    assert customer.get("/cart").one("hold-countdown").text in ("08:59", "09:00")


def test_a_held_room_is_not_offered_to_anyone_else(site: DemoServer, customer_at: CustomerAt) -> None:
    first, second = customer_at(site), customer_at(site)
    first.book("family-suite")

    offer = [o for o in second.search().all("offer") if o.attrs["data-room-type"] == "family-suite"][0]

    assert offer.one("offer-rooms-left").text == "Sold out"
    assert "Choose Family Suite" not in offer.text
    sold_out = second.book("family-suite")
    assert sold_out.status == 409
    assert sold_out.one("sold-out").text == "Sold out"
    assert first.search().all("offer")[2].one("offer-rooms-left").text == "1 room left"


def test_an_expired_hold_frees_the_room_and_its_holder_can_no_longer_pay(
    site: DemoServer, customer_at: CustomerAt
) -> None:
    first, second = customer_at(site), customer_at(site)
    first.reach_payment("family-suite")

    first.advance_clock(601)

    assert second.book("family-suite").path == "/cart"
    assert first.pay().status == 409


def test_other_dates_are_not_affected_by_a_booking(site: DemoServer, customer_at: CustomerAt) -> None:
    first, second = customer_at(site), customer_at(site)
    first.reach_payment("family-suite")
    first.pay()

    later = {**STAY, "check_in": STAY["check_out"], "check_out": "2030-05-05"}

    assert second.book("family-suite", stay=later).path == "/cart"


def test_a_cart_made_before_signing_in_follows_the_account_to_another_device(
    site: DemoServer, customer_at: CustomerAt
) -> None:
    laptop, phone = customer_at(site), customer_at(site)
    laptop.book()

    assert laptop.sign_in("marco@example.com").one("signed-in-as").text == "marco@example.com"
    cart_on_phone = phone.sign_in("marco@example.com")

    assert [label for _, label, _ in cart_on_phone.lines()] == ["Classic Double, 2 nights", "City tax"]


def test_the_name_on_card_comes_filled_with_the_guests_name(customer: Customer) -> None:
    payment = customer.reach_payment(guest={**GUEST, "full_name": "Ana Lima"})

    assert (payment.field("card_name"), payment.field("card_number"), payment.field("cvc")) == ("Ana Lima", "", "")
    assert customer.pay({**VISA, "card_name": payment.field("card_name")}).all("booking-reference")


def test_a_signed_in_customer_finds_their_email_on_the_guest_form(site: DemoServer, customer_at: CustomerAt) -> None:
    guest, member = customer_at(site), customer_at(site)
    guest.book()
    member.sign_in("marco@example.com")
    member.book()

    assert guest.get("/checkout/guest").field("email") == ""
    form = member.get("/checkout/guest")
    assert (form.field("full_name"), form.field("email")) == ("", "marco@example.com")
    member.give_guest_details({**GUEST, "email": "giulia@example.com"})
    assert member.get("/checkout/guest").field("email") == "giulia@example.com"  # what they gave wins


def test_a_wrong_password_does_not_sign_in(site: DemoServer, customer_at: CustomerAt) -> None:
    customer_at(site).sign_in("marco@example.com", "right")

    page = customer_at(site).sign_in("marco@example.com", "wrong")

    assert page.status == 401
    assert page.all("signed-in-as") == []


def test_after_paying_the_cart_is_empty_and_a_new_booking_starts_a_new_cart(customer: Customer) -> None:
    customer.reach_payment()
    customer.pay()

    assert customer.get("/cart").all("cart-line") == []
    assert len(customer.book("deluxe-king").lines()) == 2


def test_payment_needs_guest_details_first(customer: Customer) -> None:
    customer.book()

    assert customer.get("/checkout/payment").path == "/checkout/guest"
    assert customer.give_guest_details({**GUEST, "email": "not an email"}).status == 400


def test_unknown_room_and_booking_are_not_found(customer: Customer) -> None:
    assert customer.get("/rooms/penthouse", **STAY).status == 404
    assert customer.get("/confirmation/CI-NOPE00").status == 404
    assert customer.search({**STAY, "check_out": STAY["check_in"]}).status == 400
