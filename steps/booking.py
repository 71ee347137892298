"""Booking steps: finding, choosing, booking and paying for a stay, in English and Italian."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import timedelta

import pytest
from pytest_bdd import given, parsers, when

from checkout_integrity import Journey
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


@given("I am a customer looking for a hotel room")
@given("sono un cliente che cerca una camera d'albergo")
def looking_for_a_room(storefront: Storefront) -> Storefront:
    return storefront


@when(parsers.parse("I find a room for {nights:d} nights for {guests:d} guests"), target_fixture="stay")
@when(parsers.parse("I find a room for {nights:d} night for {guests:d} guests"), target_fixture="stay")
@when(parsers.parse("trovo una camera per {nights:d} notti per {guests:d} ospiti"), target_fixture="stay")
@when(parsers.parse("trovo una camera per {nights:d} notte per {guests:d} ospiti"), target_fixture="stay")
def find_a_room(
    storefront: Storefront, customer_clock: CustomerClock, first_night: timedelta, nights: int, guests: int
) -> Stay:
    stay = Stay(customer_clock.now().date() + first_night, nights, guests)
    storefront.find_offers(stay)
    return stay


@when(parsers.parse('I book the "{room}"'), target_fixture="room")
@when(parsers.parse('prenoto la "{room}"'), target_fixture="room")
def book_the_room(storefront: Storefront, room: str) -> str:
    storefront.choose_offer(room)
    storefront.book()
    return room


@when(parsers.parse('I book the "{room}" with {extra}'), target_fixture="room")
@when(parsers.parse('prenoto la "{room}" con {extra}'), target_fixture="room")
def book_the_room_with(storefront: Storefront, journey: Journey, room: str, extra: str) -> str:
    storefront.choose_offer(room)
    chosen = EXTRAS.get(extra.casefold(), extra)
    storefront.choose_extras([chosen])
    journey.choose_extra(chosen)
    storefront.book()
    return room


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


@when("my payment is sent twice")
@when("il mio pagamento parte due volte")
def payment_sent_twice(storefront: Storefront, customer: Customer) -> None:
    storefront.enter_card(customer)
    storefront.pay()
    storefront.pay_again(customer)


@when("I reload the page")
@when("ricarico la pagina")
def reload_the_page(storefront: Storefront) -> None:
    storefront.reload()
