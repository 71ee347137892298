"""Booking steps: finding, choosing, booking and paying, in English and Italian.

Stock scenarios name offers by the part they play (`an ordinary offer`, `an offer with its extra`, `the last
one left`), and the site profile's [roles] says which of its shop's offers plays it; a scenario written for
one shop may still name its offers (`I book the "Classic Double"`). Each step says what it needs of the site
(`needs`), so a scenario the site cannot serve is skipped before the customer sets off.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import timedelta

import pytest
from pytest_bdd import given, parsers, when

from checkout_integrity import Journey
from checkout_integrity._checkable import action, chosen, counted, every, needs, role
from checkout_integrity._profile import Profile
from fixtures.clock import CustomerClock
from fixtures.customers import WRONG_SECURITY_CODE, Customer
from pages.storefront import Stay, Storefront

WEEKS_APART = itertools.count()
EXTRAS = {"breakfast": "Breakfast", "colazione": "Breakfast", "travel insurance": "Travel insurance",
          "assicurazione di viaggio": "Travel insurance"}


@pytest.fixture
def first_night(customer_clock: CustomerClock) -> timedelta:
    """How far ahead this scenario's stay starts: each scenario books its own fortnight, so that
    scenarios sharing one demo site never compete for a room unless they mean to."""
    return timedelta(days=30 + 14 * next(WEEKS_APART))


@pytest.fixture
def stay(customer_clock: CustomerClock, first_night: timedelta) -> Stay:
    """What the customer looks for when the scenario does not say: two nights for two, one of the offer."""
    return Stay(customer_clock.now().date() + first_night, nights=2, guests=2)


@given("I am a customer")
@given("sono un cliente")
@given("I am a customer looking for a hotel room")
@given("sono un cliente che cerca una camera d'albergo")
def a_customer(storefront: Storefront) -> Storefront:
    return storefront


@when("I look at what the shop offers")
@when("guardo cosa offre il negozio")
@when("I look at what the shop offers again")
@when("guardo di nuovo cosa offre il negozio")
def look_at_the_offers(storefront: Storefront, stay: Stay) -> None:
    storefront.find_offers(stay)


@when(parsers.parse("I find a room for {nights:d} nights for {guests:d} guests"), target_fixture="stay")
@when(parsers.parse("I find a room for {nights:d} night for {guests:d} guests"), target_fixture="stay")
@when(parsers.parse("trovo una camera per {nights:d} notti per {guests:d} ospiti"), target_fixture="stay")
@when(parsers.parse("trovo una camera per {nights:d} notte per {guests:d} ospiti"), target_fixture="stay")
@needs(counted("nights", "guests"))
def find_a_room(storefront: Storefront, stay: Stay, nights: int, guests: int) -> Stay:
    stay = replace(stay, nights=nights, guests=guests)
    storefront.find_offers(stay)
    return stay


@when("I book an ordinary offer", target_fixture="offer")
@when("prenoto un'offerta qualsiasi", target_fixture="offer")
@needs(role("ordinary"))
def book_an_ordinary_offer(storefront: Storefront, site_profile: Profile) -> str:
    return book_the_offer(storefront, site_profile.roles["ordinary"].offer)


@when("I book the last one left", target_fixture="offer")
@when("prenoto l'ultima rimasta", target_fixture="offer")
@needs(role("last_one"))
def book_the_last_one_left(storefront: Storefront, site_profile: Profile) -> str:
    return book_the_offer(storefront, site_profile.roles["last_one"].offer)


@when(parsers.parse('I book the "{offer}"'), target_fixture="offer")
@when(parsers.parse('prenoto la "{offer}"'), target_fixture="offer")
def book_the_offer(storefront: Storefront, offer: str) -> str:
    storefront.choose_offer(offer)
    storefront.book()
    return offer


@when("I book an offer with its extra", target_fixture="offer")
@when("prenoto un'offerta con il suo extra", target_fixture="offer")
@needs(role("with_extra", also=("choose_extras",)))
def book_an_offer_with_its_extra(storefront: Storefront, journey: Journey, site_profile: Profile) -> str:
    chosen = site_profile.roles["with_extra"]
    assert chosen.extra is not None  # the profile's schema asks every with_extra role for its extra
    return with_extra(storefront, journey, chosen.offer, chosen.extra)


@when(parsers.parse('I book the "{offer}" with {extra}'), target_fixture="offer")
@when(parsers.parse('prenoto la "{offer}" con {extra}'), target_fixture="offer")
@needs(action("choose_extras", doing="choosing an extra"))
def book_the_offer_with(storefront: Storefront, journey: Journey, offer: str, extra: str) -> str:
    return with_extra(storefront, journey, offer, EXTRAS.get(extra.casefold(), extra))


def with_extra(storefront: Storefront, journey: Journey, offer: str, extra: str) -> str:
    """Choose the offer and its extra, in the order the shop asks for them, and book."""
    storefront.choose_offer(offer)
    journey.choose_extra(extra)
    storefront.book_with([extra])
    return offer


@when(parsers.parse('I put {quantity:d} of the "{offer}" in my basket'), target_fixture="offer")
@when(parsers.parse('I put {quantity:d} of the "{offer}" in my cart'), target_fixture="offer")
@when(parsers.parse('metto {quantity:d} di "{offer}" nel carrello'), target_fixture="offer")
@needs(counted("quantity"))
def put_some_in_the_basket(storefront: Storefront, stay: Stay, offer: str, quantity: int) -> str:
    storefront.find_offers(replace(stay, quantity=quantity))
    storefront.choose_offer(offer)
    storefront.book()
    return offer


@when(parsers.parse("I put {quantity:d} of an ordinary offer in my basket"), target_fixture="offer")
@when(parsers.parse("I put {quantity:d} of an ordinary offer in my cart"), target_fixture="offer")
@when(parsers.parse("metto {quantity:d} di un'offerta qualsiasi nel carrello"), target_fixture="offer")
@needs(every(counted("quantity"), role("ordinary")))
def put_some_of_an_ordinary_offer_in_the_basket(
    storefront: Storefront, stay: Stay, site_profile: Profile, quantity: int
) -> str:
    return put_some_in_the_basket(storefront, stay, site_profile.roles["ordinary"].offer, quantity)


@when("I use a discount code")
@when("uso un codice sconto")
@needs(action("use_code.code", doing="using a discount code"))
def use_a_discount_code(storefront: Storefront, site_profile: Profile) -> None:
    assert site_profile.use_code is not None and site_profile.use_code.code is not None  # what the need asked
    storefront.use_code(site_profile.use_code.code)


@when(parsers.parse("I use the code {code}"))
@when(parsers.parse("uso il codice {code}"))
@needs(action("use_code", doing="using a discount code"))
def use_the_code(storefront: Storefront, code: str) -> None:
    storefront.use_code(code)


@when(parsers.parse("I choose {delivery} delivery"))
@when(parsers.parse("scelgo la consegna {delivery}"))
@needs(chosen("checkout.deliveries", "delivery", doing="choosing {delivery} delivery"))
def choose_delivery(storefront: Storefront, delivery: str) -> None:
    storefront.choose_delivery(delivery)


@when("I give my details")
@when("inserisco i miei dati")
def give_my_details(storefront: Storefront, customer: Customer) -> None:
    storefront.give_details(customer)


@when(parsers.parse("I take {seconds:d} seconds to enter my card"))
@when(parsers.parse("impiego {seconds:d} secondi a inserire la carta"))
def take_my_time_over_the_card(storefront: Storefront, customer: Customer, seconds: int) -> None:
    storefront.enter_card(customer)
    storefront.linger(seconds)


@when(parsers.parse("I take {seconds:d} seconds to think it over"))
@when(parsers.parse("impiego {seconds:d} secondi a pensarci"))
def think_it_over(storefront: Storefront, seconds: int) -> None:
    storefront.linger(seconds)


@when("I enter my card")
@when("inserisco la carta")
def enter_my_card(storefront: Storefront, customer: Customer) -> None:
    storefront.enter_card(customer)


@when("I enter my card with a wrong security code")
@when("inserisco la carta con un codice di sicurezza sbagliato")
@needs(action("enter_card", "read.error", doing="a card error"))
def enter_a_wrong_security_code(storefront: Storefront, customer: Customer) -> None:
    storefront.enter_card(customer, replace(customer.card, cvc=WRONG_SECURITY_CODE))


@when("I correct my card and pay")
@when("correggo la carta e pago")
def correct_the_card_and_pay(storefront: Storefront, customer: Customer) -> None:
    storefront.enter_card(customer)
    storefront.pay()


@when("I pay")
@when("pago")
def pay(storefront: Storefront) -> None:
    storefront.pay()


@when("I pay with my card")
@when("pago con la carta")
def pay_with_my_card(storefront: Storefront, customer: Customer) -> None:
    storefront.enter_card(customer)
    storefront.pay()


@when(parsers.parse("I pay by {method}"))
@when(parsers.parse("pago tramite {method}"))
@needs(chosen("choose_payment.methods", "method", doing="paying by {method}"))
def pay_by(storefront: Storefront, method: str) -> None:
    storefront.pay_by(method)


@when("my payment is sent twice")
@when("il mio pagamento parte due volte")
@needs(action("pay.request", doing="sending a payment twice"))
def payment_sent_twice(storefront: Storefront, customer: Customer) -> None:
    storefront.enter_card(customer)
    storefront.pay()
    storefront.pay_again(customer)


@when("I reload the page")
@when("ricarico la pagina")
def reload_the_page(storefront: Storefront) -> None:
    storefront.reload()
