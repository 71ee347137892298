"""Steps across devices and customers: my phone and my laptop, and another customer after my room."""

from __future__ import annotations

from dataclasses import replace

from pytest_bdd import given, parsers, when

from checkout_integrity import Journey
from checkout_integrity._checkable import action, needs, role
from checkout_integrity._profile import Profile, SoldOut
from fixtures.browsers import ShopOn
from fixtures.customers import Customer
from pages.storefront import Stay, Storefront, book_and_pay


@given("I am signed in")
@given("ho fatto l'accesso")
@needs(action("sign_in", doing="signing in"))
def signed_in(storefront: Storefront, customer: Customer) -> Storefront:
    storefront.sign_in(customer)
    return storefront


@given(parsers.parse("I am signed in on my {device}"), target_fixture="storefront")
@given(parsers.parse("ho fatto l'accesso dal mio {device}"), target_fixture="storefront")
@needs(action("sign_in", doing="signing in"))
def signed_in_on(shop_on: ShopOn, customer: Customer, device: str) -> Storefront:
    shop = shop_on(device)
    shop.sign_in(customer)
    return shop


@when(parsers.parse("I sign in on my {device} and open my cart"), target_fixture="storefront")
@when(parsers.parse("accedo dal mio {device} e apro il carrello"), target_fixture="storefront")
@needs(action("sign_in", "open_cart", doing="opening my cart on another device"))
def sign_in_elsewhere(shop_on: ShopOn, customer: Customer, device: str) -> Storefront:
    shop = shop_on(device)
    shop.sign_in(customer)
    shop.open_cart()
    return shop


@when("another customer buys an ordinary offer")
@when("un altro cliente compra un'offerta qualsiasi")
@needs(role("ordinary"))
def rival_buys_an_ordinary_offer(
    rival_shop: Storefront, rival: Customer, journey: Journey, stay: Stay, site_profile: Profile
) -> None:
    try:
        book_and_pay(rival_shop, stay, site_profile.roles["ordinary"].offer, rival)
        journey.observe(rival_shop.look())
    except SoldOut as gone:
        journey.observe(gone.seen)


@when("another customer tries to buy the same one")
@when("un altro cliente prova a comprare la stessa")
@when("another customer tries to book the same room for the same nights")
@when("un altro cliente prova a prenotare la stessa camera per le stesse notti")
def rival_tries_the_same_room(
    rival_shop: Storefront, rival: Customer, journey: Journey, stay: Stay, offer: str
) -> None:
    held = journey.seen_by()[-1].facts.get("room_type", offer)
    try:
        book_and_pay(rival_shop, stay, offer, rival)
        seen = rival_shop.look()
    except SoldOut as gone:
        seen = gone.seen
    outcome = "confirmed" if seen.step == "confirmation" else "not booked"
    journey.observe(replace(seen, facts={**seen.facts, "room_type": held, "outcome": outcome}))
