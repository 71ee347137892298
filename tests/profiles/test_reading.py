"""Reading a page through a profile: lines kept or dropped by their label, and a read key given as a list."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, sync_playwright

from checkout_integrity._browser import locate_browser
from checkout_integrity._profile_loading import load_profile
from checkout_integrity._profile_shop import ProfiledShop
from tests.profiles.conftest import MisMade

CONFIRMATION = """<!doctype html><html><body><main>
<h1>Thank you for your order</h1><p class="order-number">W1234567</p>
<table>
  <tr class="summary-line"><td class="line-name">Walnut Desk Organiser</td><td class="line-price">£69.00</td></tr>
  <tr class="summary-line"><td class="line-name">VAT (20%)</td><td class="line-price">£13.80</td></tr>
  <tr class="summary-line"><td class="line-name">Order total</td><td class="line-price">£82.80</td></tr>
</table>
<p>Amount paid <strong class="paid-now">£82.80</strong></p>
</main></body></html>"""


@pytest.fixture
def tab() -> Iterator[Page]:
    chromium = locate_browser()  # it asks Playwright itself: before ours starts
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**chromium.launch_options())
        try:
            page = browser.new_page()
            page.set_content(CONFIRMATION)
            yield page
        finally:
            browser.close()


def read_with(tab: Page, mismade: MisMade, changes: dict[str, str]) -> tuple[list[str], str]:
    profile = load_profile(mismade("demo_goods", changes))
    seen = ProfiledShop(tab, profile, "en_GB").read()
    return [line.label for line in seen.lines], str(seen.amounts.get("charged", ""))


def test_a_totals_row_among_the_lines_is_dropped_by_its_label_and_a_list_reads_its_first_match(
    tab: Page, mismade: MisMade
) -> None:
    labels, charged = read_with(tab, mismade, {
        'default_kind = "item"': 'default_kind = "item"\ndrop = ["^Order total"]',
        'charged = "css=.order-amount"': 'charged = ["css=.order-amount", "css=.paid-now"]',
    })
    assert labels == ["Walnut Desk Organiser", "VAT (20%)"]
    assert charged == "£82.80"


def test_without_drop_the_totals_row_is_a_line_and_keep_keeps_only_what_it_fits(tab: Page, mismade: MisMade) -> None:
    assert read_with(tab, mismade, {})[0] == ["Walnut Desk Organiser", "VAT (20%)", "Order total"]
    kept, _ = read_with(tab, mismade, {'default_kind = "item"': 'default_kind = "item"\nkeep = ["Organiser", "^VAT"]'})
    assert kept == ["Walnut Desk Organiser", "VAT (20%)"]


def test_what_a_misfit_says_the_page_showed_is_the_part_near_what_the_key_looked_for(
    tab: Page, mismade: MisMade
) -> None:
    tab.set_content("<h1>Demo Goods</h1><p>" + "A long header with a menu and news. " * 12
                    + "</p><p class=unavailable>SOLD OUT</p><button>Notify me</button>")
    shop = ProfiledShop(tab, load_profile(mismade("demo_goods", {})), "en_GB")

    near = shop.about("Sold out")
    assert near.startswith(f'{tab.url}, which showed "…') and "SOLD OUT Notify me" in near
    assert "SOLD OUT" not in shop.about("Add to basket")  # nothing like it on the page: the page's start
