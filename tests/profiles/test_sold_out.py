"""Sold out is an outcome of the shop, not a misfit of the profile: the customer who cannot buy the last one
left is told "sold out on this site" in the shop's words, with the page that said so."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from checkout_integrity import Journey
from checkout_integrity._browser import locate_browser
from checkout_integrity._hands import Hands
from checkout_integrity._profile import SoldOut
from checkout_integrity._profile_loading import load_profile
from checkout_integrity.cli import main
from demo_hotel import DemoServer
from fixtures.clock import CustomerClock
from fixtures.site import TargetSite
from pages.profiled import ProfiledStorefront
from pages.storefront import Stay
from tests.profiles.conftest import PROFILES
from tests.suite.running import run_suite

STAY = Stay(date(2030, 6, 1), 2, 2)
LAST_ONE = "Family Suite"  # the demo hotel has one


@pytest.fixture
def hotel() -> Iterator[tuple[Browser, DemoServer]]:
    chromium = locate_browser()
    with DemoServer() as shop, sync_playwright() as playwright:
        browser = playwright.chromium.launch(**chromium.launch_options())
        try:
            yield browser, shop
        finally:
            browser.close()


def storefront(browser: Browser, shop: DemoServer, folder: Path) -> ProfiledStorefront:
    page = browser.new_context(base_url=shop.url).new_page()
    journey = Journey("a customer")
    clock = CustomerClock(TargetSite("demo_hotel", shop.url, demo_mode=True))
    folder.mkdir()
    return ProfiledStorefront(page, load_profile(PROFILES / "demo_hotel.toml"), clock, folder,
                              Hands(page, clock.now, journey.act))


def test_the_last_one_held_by_one_customer_is_sold_out_for_the_next_in_the_shops_words(
    hotel: tuple[Browser, DemoServer], tmp_path: Path
) -> None:
    browser, shop = hotel
    first = storefront(browser, shop, tmp_path / "first")
    first.find_offers(STAY)
    first.choose_offer(LAST_ONE)  # still on sale: no SoldOut
    first.book()
    assert first.look().step == "cart"

    second = storefront(browser, shop, tmp_path / "second")
    second.find_offers(STAY)
    with pytest.raises(SoldOut) as gone:
        second.choose_offer(LAST_ONE)

    assert gone.value.said == "Sold out" and gone.value.offer == LAST_ONE
    assert str(gone.value).startswith(f"sold out on this site: the shop said \"Sold out\" of '{LAST_ONE}' on ")
    assert gone.value.seen.step == "results" and gone.value.seen.screenshot  # the page that said so, pictured


def test_a_run_whose_ordinary_offer_is_sold_out_ends_those_scenarios_sold_out_and_goes_on(tmp_path: Path) -> None:
    profile = tmp_path / "goods.toml"
    sold_out = "Stonewashed Linen Throw Blanket in Sage Green"  # the goods shop has none left
    text = (PROFILES / "demo_goods.toml").read_text(encoding="utf-8")
    profile.write_text(text.replace('ordinary = "Walnut Desk Organiser - Large, Three Compartments"',
                                    f'ordinary = "{sold_out}"'), encoding="utf-8")

    run = run_suite(tmp_path / "reports", f"--site={profile}", "-k", "price_is_held or last_one", "-rs")

    assert run.exit_code == 0, run.output  # the scenario that could buy was judged, and kept its promises
    assert f"sold out on this site: the shop said \"Unavailable\" of '{sold_out}'" in run.output
    assert "1 passed, 1 skipped" in run.output
    assert run.report["run"]["scenarios"] == 1 and run.report["run"]["collected"] == 2


def test_the_doctor_reports_a_sold_out_offer_in_the_shops_words_and_every_way_to_pay(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["check-profile", "demo_goods", "--out", str(tmp_path / "walk")]) == 0
    told = capsys.readouterr().out

    throw = "'Stonewashed Linen Throw Blanket in Sage Green'"
    assert f'  ok       read.offers.sold_out               {throw} at results: "Unavailable"' in told
    assert re.search(r"  ok       read\.sold_out +Unavailable on sold out http://127\.0\.0\.1:\d+/product/linen-throw", told)
    assert re.search(r"  ok       choose_payment\.methods\.card +'Card' on http://127\.0\.0\.1:\d+/checkout/payment", told)
    assert "  ok       choose_payment.methods.bank transfer 'Pay by bank transfer' on http" in told
