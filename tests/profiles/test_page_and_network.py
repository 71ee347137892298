"""A single-page shop draws its pages from JSON: the harness keeps both, and a page that shows another
price than the data it was drawn from is a price-drift finding ("the page and the network disagree")."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from playwright.sync_api import Page, sync_playwright

from checkout_integrity import Journey, Line, Money, Snapshot, check_promises
from checkout_integrity._browser import locate_browser
from checkout_integrity._exceptions import ProfileError
from checkout_integrity._hands import Hands
from checkout_integrity._profile import Profile
from checkout_integrity._profile_loading import load_profile
from demo_hotel import DemoServer
from fixtures.clock import CustomerClock
from fixtures.site import TargetSite
from pages.profiled import ProfiledStorefront
from pages.storefront import Stay
from tests.profiles.conftest import PROFILES, MisMade

NOW = datetime(2030, 5, 1, 9, 0, tzinfo=UTC)
# The app reads one euro more from the cart's JSON than the network carried: a page drawn wrong.
ONE_EURO_MORE = """
const json = Response.prototype.json;
Response.prototype.json = async function () {
  const data = await json.call(this);
  if (this.url.endsWith('/api/shop/cart') && data.total) data.total = (Number(data.total) + 1).toFixed(2);
  return data;
};
"""


def eur(amount: str) -> Money:
    return Money(Decimal(amount), "EUR")


def cart_journey(page_total: str, network_total: str) -> Journey:
    journey = Journey("Giulia Rossi")
    lines = (Line("Classic Double, 2 nights", eur("240.00"), "room"), Line("City tax", eur("16.00"), "tax"))
    journey.observe(Snapshot("cart (network)", NOW, url="GET /api/shop/cart", source="network", lines=lines,
                             amounts={"total": eur(network_total)}, facts={"request": "GET /api/shop/cart"}))
    journey.observe(Snapshot("cart", NOW, url="http://shop/#/cart", lines=lines, amounts={"total": eur(page_total)}))
    return journey


def test_a_page_that_shows_its_data_is_no_finding() -> None:
    assert check_promises(cart_journey("256.00", "256.00"), ["price-drift"]) == []


def test_a_page_that_shows_another_total_than_its_data_is_price_drift() -> None:
    (finding,) = check_promises(cart_journey("257.00", "256.00"), ["price-drift"])

    assert finding.id == "price-drift"
    assert finding.message == (
        "The price changed while I was paying: the page showed the total as €257.00 at the cart, but the shop's "
        "data for that page (GET /api/shop/cart) said €256.00; the page and the network disagree."
    )


@pytest.fixture
def spa_tab() -> Iterator[tuple[Page, DemoServer]]:
    """A tab on the demo site's single-page app."""
    chromium = locate_browser()
    with DemoServer(ui="spa") as shop, sync_playwright() as playwright:
        browser = playwright.chromium.launch(**chromium.launch_options())
        try:
            yield browser.new_context(base_url=shop.url).new_page(), shop
        finally:
            browser.close()


def test_the_spa_profile_records_the_network_before_the_page_it_fed(
    spa_tab: tuple[Page, DemoServer], tmp_path: Path
) -> None:
    page, shop = spa_tab
    journey = walk_to_the_cart(page, shop, Journey("Giulia"), tmp_path)

    steps = [(snapshot.step, snapshot.source, str(snapshot.amounts.get("total", ""))) for snapshot in journey.snapshots]
    assert steps == [
        ("search", "page", ""),  # passed on the way: the search form, before the customer searched
        ("results", "page", ""),
        ("room (network)", "network", "€256.00"),
        ("room", "page", "€256.00"),
        ("cart (network)", "network", "€256.00"),
        ("cart", "page", "€256.00"),
    ]
    assert check_promises(journey) == []


def test_a_page_drawn_wrong_from_its_json_is_caught(spa_tab: tuple[Page, DemoServer], tmp_path: Path) -> None:
    page, shop = spa_tab
    page.add_init_script(ONE_EURO_MORE)
    journey = walk_to_the_cart(page, shop, Journey("Giulia"), tmp_path)

    (finding,) = check_promises(journey, ["price-drift"])
    assert finding.message == (
        "The price changed while I was paying: the page showed the total as €257.00 at the cart, but the shop's "
        "data for that page (GET /api/shop/cart) said €256.00; the page and the network disagree."
    )


def walk_to_the_cart(
    page: Page, shop: DemoServer, journey: Journey, evidence: Path, profile: Profile | None = None
) -> Journey:
    """Find, choose and book a Classic Double for 2 nights, looking after each step as the suite does."""
    clock = CustomerClock(TargetSite("demo_hotel", shop.url, demo_mode=True))
    profile = profile or load_profile(PROFILES / "demo_hotel_spa.toml")
    hands = Hands(page, clock.now, journey.act)
    storefront = ProfiledStorefront(page, profile, clock, evidence, hands, record=journey.observe)
    storefront.find_offers(Stay(date(2030, 5, 1), 2, 2))
    journey.observe(storefront.look())
    storefront.choose_offer("Classic Double")
    journey.observe(storefront.look())
    storefront.book()
    journey.observe(storefront.look())
    return journey


def test_a_json_path_that_is_not_in_the_response_names_the_key_and_what_is_there(
    spa_tab: tuple[Page, DemoServer], mismade: MisMade, tmp_path: Path
) -> None:
    page, shop = spa_tab
    path = mismade("demo_hotel_spa", {'url = "/api/shop/cart$"\namounts = { total = "total" }':
                                      'url = "/api/shop/cart$"\namounts = { total = "totl" }'})

    with pytest.raises(ProfileError) as told:
        walk_to_the_cart(page, shop, Journey("Giulia"), tmp_path, load_profile(path))

    assert str(told.value) == (
        f"The site profile {path} key network[1].amounts.total names 'totl', which is not there (it has lines, "
        "total, currency, expires_at, now) in the response to GET /api/shop/cart: fix the JSON path amounts.total."
    )
