"""The evidence camera: card fields painted over in the picture, the page left as it was, a bad selector named,
and a picture still taken when Chromium cannot give the whole page."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from playwright.sync_api import Error

from checkout_integrity._camera import LARGEST_PICTURE_PX, snap
from tests.report.browsing import chromium_page, mask_pixels

PAYMENT_FORM = """<main style="font: 20px sans-serif">
  <label>Card number <input autocomplete="cc-number" value="4242 4242 4242 4242" style="width: 300px"></label>
  <p style="height: 1600px">A page taller than the window.</p>
  <label>Security code <input autocomplete="cc-csc" value="123" style="width: 300px"></label>
</main>"""
TOO_TALL = PAYMENT_FORM.replace("height: 1600px", "height: 1000000px")  # beyond what one picture holds
LEFT_AS_IT_WAS = """() => [document.querySelectorAll('[data-checkout-cover]').length, '__checkoutCovered' in window,
  [...document.querySelectorAll('input')].map(field => getComputedStyle(field).webkitTextFillColor)]"""


def test_card_fields_are_painted_over_on_the_whole_page_and_the_page_is_left_as_it_was(tmp_path: Path) -> None:
    with chromium_page(width=800, height=600) as page:
        page.set_content(PAYMENT_FORM)
        before = page.evaluate(LEFT_AS_IT_WAS)

        picture = Path(snap(page, tmp_path / "payment.png"))

        painted = mask_pixels(page, picture)
        assert painted >= 2 * 300 * 20  # both fields, the one below the window's bottom too
        assert page.evaluate(LEFT_AS_IT_WAS) == before and before[:2] == [0, False]
        page.set_content("<p>No card fields here</p>")
        assert mask_pixels(page, Path(snap(page, tmp_path / "results.png"))) == 0
        assert page.evaluate(LEFT_AS_IT_WAS)[:2] == [0, False]


def test_a_selector_that_is_not_css_is_named(tmp_path: Path) -> None:
    with chromium_page() as page:
        page.set_content(PAYMENT_FORM)
        with pytest.raises(Error, match=r'the card fields to paint over, "css=input", are not CSS'):
            snap(page, tmp_path / "payment.png", "css=input")


def test_a_page_too_tall_to_picture_whole_is_pictured_as_the_window_with_its_card_field_painted(tmp_path: Path) -> None:
    with chromium_page(width=800, height=600) as page:
        page.set_content(TOO_TALL)
        assert page.evaluate("document.documentElement.scrollHeight") > LARGEST_PICTURE_PX  # never asked for whole

        picture = Path(snap(page, tmp_path / "payment.png"))

        assert struct.unpack(">II", picture.read_bytes()[16:24]) == (800, 600)  # the PNG header's width, height
        assert mask_pixels(page, picture) >= 300 * 20  # the card number field, in the window
        assert page.evaluate(LEFT_AS_IT_WAS)[:2] == [0, False]


def test_a_page_that_paints_no_frame_is_still_pictured(tmp_path: Path) -> None:
    with chromium_page(width=800, height=600) as page:
        page.set_content(TOO_TALL)
        page.evaluate("window.requestAnimationFrame = () => 0")  # its frames never call back

        picture = Path(snap(page, tmp_path / "payment.png"))

        assert struct.unpack(">II", picture.read_bytes()[16:24]) == (800, 600)
