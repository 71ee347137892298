"""Booking steps: finding, choosing, booking and paying for a stay, in English and Italian."""

from __future__ import annotations

from datetime import timedelta

from pytest_bdd import given, parsers, when

from fixtures.clock import CustomerClock
from fixtures.customers import Customer
from pages.storefront import Stay, Storefront


@given("I am a customer looking for a hotel room")
@given("sono un cliente che cerca una camera d'albergo")
def looking_for_a_room(storefront: Storefront) -> Storefront:
    return storefront


@when(parsers.parse("I find a room for {nights:d} nights for {guests:d} guests"), target_fixture="stay")
@when(parsers.parse("trovo una camera per {nights:d} notti per {guests:d} ospiti"), target_fixture="stay")
def find_a_room(storefront: Storefront, customer_clock: CustomerClock, nights: int, guests: int) -> Stay:
    stay = Stay(customer_clock.now().date() + timedelta(days=30), nights, guests)
    storefront.find_offers(stay)
    return stay


@when(parsers.parse('I book the "{room}"'))
@when(parsers.parse('prenoto la "{room}"'))
def book_the_room(storefront: Storefront, room: str) -> None:
    storefront.choose_offer(room)
    storefront.book()


@when("I give my details")
@when("inserisco i miei dati")
def give_my_details(storefront: Storefront, customer: Customer) -> None:
    storefront.give_details(customer)


@when(parsers.parse("I take {seconds:d} seconds to enter my card"))
@when(parsers.parse("impiego {seconds:d} secondi a inserire la carta"))
def take_my_time_over_the_card(storefront: Storefront, customer: Customer, seconds: int) -> None:
    storefront.enter_card(customer)
    storefront.linger(seconds)


@when("I pay")
@when("pago")
def pay(storefront: Storefront) -> None:
    storefront.pay()
