"""A headless Chromium for reading what the run wrote: the HTML report, and screenshots as pixels."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from checkout_integrity._browser import locate_browser

COUNT_MASK_PIXELS = """async (source) => {
  const image = new Image();
  image.src = source;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.width; canvas.height = image.height;
  const drawing = canvas.getContext('2d');
  drawing.drawImage(image, 0, 0);
  const pixels = drawing.getImageData(0, 0, image.width, image.height).data;
  let mask = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    if (pixels[i] > 240 && pixels[i + 1] < 16 && pixels[i + 2] > 240) mask += 1;  // Playwright's #FF00FF mask
  }
  return mask;
}"""


@contextmanager
def chromium_page(width: int = 1400, height: int = 1000) -> Iterator[Page]:
    """A page of this machine's Chromium, headless."""
    choice = locate_browser()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**choice.launch_options())
        try:
            yield browser.new_page(viewport={"width": width, "height": height})
        finally:
            browser.close()


def mask_pixels(page: Page, screenshot: Path) -> int:
    """How many pixels of the screenshot are the colour Playwright paints over masked elements."""
    source = "data:image/png;base64," + base64.b64encode(screenshot.read_bytes()).decode()
    return int(page.evaluate(COUNT_MASK_PIXELS, source))


def open_test(page: Page, index: Path, test_name: str) -> None:
    """Open the built single-file report from disk and the result page of one test."""
    page.goto(index.resolve().as_uri())
    page.get_by_text(test_name, exact=True).first.click()
    page.get_by_text("Test body").wait_for()
