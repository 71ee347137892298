"""A run that never buys (`--no-orders`, or `site.orders = false`): every scenario walks up to the pay button
and stops, the promises that can be judged there are judged, those that need an order are not checkable,
and the shop's own database holds no order and no charge afterwards."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from checkout_integrity._browser import locate_browser
from checkout_integrity._exceptions import OrderRefused
from checkout_integrity._profile_loading import load_profile
from checkout_integrity._profile_shop import ProfiledShop
from checkout_integrity.cli import main
from demo_hotel import DemoServer
from tests.profiles.conftest import PROFILES, MisMade
from tests.suite.running import SuiteRun, run_suite

SCENARIOS = "no_fee_appears or nothing_moves or price_is_held or charged_once or bank_statement_show"


def placed(db: Path) -> tuple[int, int]:
    """How many orders and charges the goods shop's SQLite database holds."""
    with sqlite3.connect(db) as shop:
        return tuple(shop.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in ("orders", "charges"))


def never_buying(reports: Path, db: Path, *options: str, faults: tuple[str, ...] = ()) -> SuiteRun:
    with DemoServer(faults=faults, shop="goods", db_path=db) as shop:
        return run_suite(reports, "--site=demo_goods", f"--base-url={shop.url}", "-k", SCENARIOS, "-rs", *options)


def test_a_run_that_never_buys_still_catches_what_shows_before_paying(tmp_path: Path) -> None:
    db = tmp_path / "shop.db"
    run = never_buying(tmp_path / "reports", db, "--no-orders", faults=("hidden-fee", "layout-shift"))

    assert {finding["id"] for finding in run.report["findings"]} == {"hidden-fee", "layout-shift"}, run.output
    assert placed(db) == (0, 0)  # the shop's own records: nothing was ordered, nothing charged
    assert "not checkable in a run that never buys: the promise price-drift" in run.output
    assert "needs an order placed, and this run places none (--no-orders)" in run.output


def test_a_clean_shop_walked_without_buying_passes_what_was_judged_and_skips_the_rest(tmp_path: Path) -> None:
    db = tmp_path / "shop.db"
    run = never_buying(tmp_path / "reports", db, "--no-orders")

    assert run.exit_code == 0, run.output
    assert run.report["findings"] == [] and placed(db) == (0, 0)
    assert run.report["run"]["scenarios"] == 2  # no fee, nothing moves: walked to the pay button and judged
    assert "3 skipped" in run.output  # price held, charged once, receipts: each needs an order


def test_a_profile_for_a_live_shop_never_buys_without_being_told(
    mismade: MisMade, tmp_path: Path
) -> None:
    path = mismade("demo_goods", {'[site]\n': "[site]\norders = false\n"})
    db = tmp_path / "shop.db"
    with DemoServer(shop="goods", db_path=db) as shop:
        run = run_suite(tmp_path / "reports", f"--site={path}", f"--base-url={shop.url}", "-k", SCENARIOS, "-rs")

    assert placed(db) == (0, 0), run.output
    assert f"this run places none (site.orders = false in the site profile {path})" in run.output


@pytest.fixture
def payment_page(tmp_path: Path) -> Iterator[tuple[ProfiledShop, Path]]:
    """A goods shop's payment page in a real browser, reached through the profile by a shop that never buys."""
    db = tmp_path / "shop.db"
    chromium = locate_browser()
    with DemoServer(shop="goods", db_path=db) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(**chromium.launch_options())
        try:
            page = browser.new_context(base_url=server.url).new_page()
            shop = ProfiledShop(page, load_profile(PROFILES / "demo_goods.toml"), "en_GB", orders=False)
            shop.act("find_offers", {"quantity": "1"})
            organiser = next(i for i, title in enumerate(shop.read().offers) if title.startswith("Walnut Desk"))
            shop.act("choose_offer", {"offer": "Walnut Desk Organiser"}, offer=organiser)
            shop.act("add_to_cart", {"quantity": "1"})
            details = {"email": "ada@example.com", "first_name": "Ada", "last_name": "Byron", "address": "1 Lane",
                       "city": "London", "postcode": "SW1A 1AA", "country": "United Kingdom", "phone": "020 7946 0000",
                       "delivery": "Standard delivery"}
            shop.act("checkout", details)
            yield shop, db
        finally:
            browser.close()


def test_the_harness_refuses_to_pay_and_the_browser_sends_no_order(payment_page: tuple[ProfiledShop, Path]) -> None:
    shop, db = payment_page

    with pytest.raises(OrderRefused, match=r"^The harness refused to place an order on http://127\.0\.0\.1:\d+/checkout/"
                       r"payment: this run never buys"):
        shop.pay()
    sent = shop.page.evaluate(  # a script of the page posting the order form itself is stopped in the browser
        "() => fetch('/checkout/place-order', {method: 'POST', body: new URLSearchParams({method: 'card'})})"
        ".then(() => 'sent', () => 'blocked')"
    )

    assert sent == "blocked"
    assert placed(db) == (0, 0)


def test_the_doctor_of_a_profile_that_never_buys_stops_at_the_pay_button(
    mismade: MisMade, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = mismade("demo_goods", {'[site]\n': "[site]\norders = false\n"})
    db = tmp_path / "shop.db"
    with DemoServer(shop="goods", db_path=db) as shop:
        code = main(["check-profile", str(path), "--base-url", shop.url, "--out", str(tmp_path / "walk")])
    told = capsys.readouterr().out

    assert code == 0, told
    assert placed(db) == (0, 0)
    assert "  ok       pay.steps[0].click                 button=Place order" in told  # found, not pressed
    assert "  skipped  pay.ready                          the walk never pays: the profile sets site.orders = false" \
        in told
    assert "  skipped  read.charged                       the walk never pays" in told
