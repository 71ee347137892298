"""A checkout of many pages, told page by page (`checkout.on.<page>`): the harness does each page's steps
whenever the shop shows that page, in the shop's order, so a signed-in customer who skips the email page
walks the same profile; every page passed is looked at; a page that refuses its steps names its key."""

from __future__ import annotations

import re

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from checkout_integrity import Journey, Snapshot
from checkout_integrity._browser import locate_browser
from checkout_integrity._exceptions import ProfileError
from checkout_integrity._hands import Hands
from checkout_integrity._profile_loading import load_profile
from demo_hotel import DemoServer
from fixtures.clock import CustomerClock
from fixtures.customers import make_customer
from fixtures.site import TargetSite
from pages.profiled import ProfiledStorefront
from pages.storefront import Stay
from tests.profiles.conftest import PROFILES, MisMade

STAY = Stay(date(2030, 6, 1), 1, 1, quantity=2)
ORGANISER = "Walnut Desk Organiser - Large, Three Compartments"


@pytest.fixture(scope="module")
def goods() -> Iterator[tuple[Browser, DemoServer]]:
    chromium = locate_browser()
    with DemoServer(shop="goods") as shop, sync_playwright() as playwright:
        browser = playwright.chromium.launch(**chromium.launch_options())
        try:
            yield browser, shop
        finally:
            browser.close()


def checked_out(
    goods: tuple[Browser, DemoServer], folder: Path, profile: Path = PROFILES / "demo_goods.toml", signed_in: bool = False
) -> list[Snapshot]:
    """The pages a customer looked at on the way from the catalogue to the payment page (and that page)."""
    browser, shop = goods
    page = browser.new_context(base_url=shop.url).new_page()
    journey = Journey("a customer")
    clock = CustomerClock(TargetSite("demo_goods", shop.url, demo_mode=True))
    folder.mkdir()
    seen: list[Snapshot] = []
    front = ProfiledStorefront(page, load_profile(profile), clock, folder, Hands(page, clock.now, journey.act),
                               record=seen.append)
    customer = make_customer(7, folder.name)
    if signed_in:
        front.sign_in(customer)
    front.find_offers(STAY)
    front.choose_offer(ORGANISER)
    front.book()
    front.give_details(customer)
    seen.append(front.look())
    page.context.close()
    return seen


def test_a_guest_passes_the_email_address_and_delivery_pages_each_looked_at(
    goods: tuple[Browser, DemoServer], tmp_path: Path
) -> None:
    steps = [look.step for look in checked_out(goods, tmp_path / "guest")]

    assert steps[-4:] == ["email", "address", "delivery", "payment"], steps
    assert steps.index("cart") < steps.index("email")


def test_a_signed_in_customer_skips_the_email_page_with_the_same_profile(
    goods: tuple[Browser, DemoServer], tmp_path: Path
) -> None:
    steps = [look.step for look in checked_out(goods, tmp_path / "member", signed_in=True)]

    assert steps[-3:] == ["address", "delivery", "payment"], steps
    assert "email" not in steps  # the shop knew the email, so the profile's email steps were not done


def test_a_page_that_refuses_its_steps_names_its_key_and_what_the_shop_said(
    goods: tuple[Browser, DemoServer], tmp_path: Path, mismade: MisMade
) -> None:
    path = mismade("demo_goods", {'{ fill = "label=City", with = "{city}" },': ""})

    with pytest.raises(ProfileError) as refused:
        checked_out(goods, tmp_path / "refused", path)

    assert refused.value.key == "checkout.on.address"
    told = str(refused.value)
    assert told.startswith(  # and Chromium's words for an empty required field
        f"The site profile {path} key checkout.on.address did not take the customer past the address page (the "
        "browser would not send City: "
    ), told
    assert re.search(r"\) on http://127\.0\.0\.1:\d+/checkout/address, which showed ", told), told
    assert told.endswith(
        "fix checkout.on.address so that it fills in every field the address page asks for, with values the shop "
        "takes."
    )


def test_a_page_the_shop_sends_back_names_its_key_and_the_shops_words(
    goods: tuple[Browser, DemoServer], tmp_path: Path, mismade: MisMade
) -> None:
    path = mismade("demo_goods", {'with = "{city}"': 'with = " "'})  # the browser sends it; the shop wants a city

    with pytest.raises(ProfileError) as refused:
        checked_out(goods, tmp_path / "sent-back", path)

    assert refused.value.key == "checkout.on.address"
    assert (
        "key checkout.on.address did not take the customer past the address page (the shop said \"Enter your first "
        'name, last name, address, city, postcode and country."'  # the page it sent back leaves City empty, too
    ) in str(refused.value), str(refused.value)


def test_a_page_whose_steps_never_move_on_names_its_key(
    goods: tuple[Browser, DemoServer], tmp_path: Path, mismade: MisMade
) -> None:
    path = mismade("demo_goods", {
        '  { check = "label={delivery}" },\n  { click = "button=Continue" },': '  { check = "label={delivery}" },',
        '[site]\n': "[site]\ntimeout = 2\n",
    })

    with pytest.raises(ProfileError) as stuck:
        checked_out(goods, tmp_path / "stuck", path)

    assert stuck.value.key == "checkout.on.delivery"
    assert "key checkout.on.delivery left the customer on the delivery page for 2 s on http://127.0.0.1:" in str(
        stuck.value
    )
    assert str(stuck.value).endswith(
        "end checkout.on.delivery with the step that takes the customer on, such as the page's Continue button."
    )
