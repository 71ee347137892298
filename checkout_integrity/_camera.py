"""The evidence screenshot of a step: the whole page as the customer saw it, card fields painted over.

On Chromium the picture is taken over the DevTools protocol (`Page.captureScreenshot`) with the card
fields covered in the page itself, by boxes in Playwright's mask colour placed through the CSSOM (so a
page's Content-Security-Policy does not stop them) and taken away in the same `finally`; a page that fits
the window is pictured as the window, at half the cost of a full-page picture. In a booking that is about
0.3 s against 0.5 s for `page.screenshot(mask=..., full_page=True)` (bench/overhead.py prints both ways);
other browsers get Playwright's screenshot. A page too tall to hold in one picture is pictured as the
window the customer is looking at; so is one that Chromium has no picture of ("Unable to capture
screenshot": no frame painted yet), once the next frame is painted.
"""

from __future__ import annotations

import base64
from pathlib import Path
from weakref import WeakKeyDictionary

from playwright.sync_api import CDPSession, Page
from playwright.sync_api import Error as PlaywrightError

CARD_FIELDS = "input[autocomplete^='cc-'], input[name^='card']"  # the fields whose content is never pictured
MASK_COLOUR = "#FF00FF"  # Playwright's own mask colour: the report's readers know it
NO_PICTURE = "Unable to capture screenshot"  # Chromium had nothing to copy: no painted frame, or one too large
# The largest side of a whole-page picture asked of Chromium (its largest texture): a page taller than that is
# pictured as the window, for asking more makes Chromium refuse, or under memory pressure close the tab.
LARGEST_PICTURE_PX = 16384
# Resolves once the page has painted a frame; a page that paints none (hidden, or one whose own
# requestAnimationFrame never calls back) is given a second, and then pictured as it is.
NEXT_FRAME = """() => new Promise(painted => {
  requestAnimationFrame(() => requestAnimationFrame(painted));
  setTimeout(painted, 1000);
})"""

# Covers each card field with a box on top of everything and makes its text transparent too (should a
# box land beside a field that moves as a full-page picture is taken); returns how many fields, the page's
# size and the window's.
COVER = """({selector, colour}) => {
  let fields;
  try { fields = [...document.querySelectorAll(selector)]; }
  catch (error) { throw new Error(`the card fields to paint over, "${selector}", are not CSS: ${error.message}`); }
  if (fields.length) window.__checkoutCovered = fields.map(field => [field, field.style.getPropertyValue('-webkit-text-fill-color')]);
  for (const field of fields) {
    field.style.setProperty('-webkit-text-fill-color', 'transparent', 'important');
    const box = field.getBoundingClientRect();
    const cover = document.createElement('div');
    cover.setAttribute('data-checkout-cover', '');
    Object.assign(cover.style, {position: 'absolute', left: `${box.left + scrollX}px`, top: `${box.top + scrollY}px`,
      width: `${box.width}px`, height: `${box.height}px`, background: colour, zIndex: '2147483647',
      pointerEvents: 'none'});
    document.documentElement.appendChild(cover);
  }
  const root = document.documentElement;
  return {covered: fields.length, width: Math.max(root.scrollWidth, innerWidth),
    height: Math.max(root.scrollHeight, innerHeight), windowWidth: innerWidth, windowHeight: innerHeight};
}"""
UNCOVER = """() => {
  document.querySelectorAll('[data-checkout-cover]').forEach(cover => cover.remove());
  for (const [field, fill] of window.__checkoutCovered || []) field.style.setProperty('-webkit-text-fill-color', fill);
  delete window.__checkoutCovered;
}"""

_sessions: WeakKeyDictionary[Page, CDPSession] = WeakKeyDictionary()


def snap(page: Page, path: Path, secrets: str = CARD_FIELDS) -> str:
    """Picture the whole page at `path` (PNG) with the fields the CSS `secrets` selects painted over; the
    file's path."""
    if not _is_chromium(page):
        page.screenshot(path=path, mask=[page.locator(secrets)], full_page=True, mask_color=MASK_COLOUR)
        return str(path)
    page_size = page.evaluate(COVER, {"selector": secrets, "colour": MASK_COLOUR})
    try:
        path.write_bytes(_capture(page, page_size))
    finally:
        if page_size["covered"]:
            page.evaluate(UNCOVER)
    return str(path)


def _capture(page: Page, size: dict[str, int]) -> bytes:
    """The PNG of the window, or of the whole page where it is larger than the window (and not too large to
    picture); the window, once a frame has been painted, when Chromium has no such picture to give."""
    larger = size["width"] > size["windowWidth"] or size["height"] > size["windowHeight"]
    whole = larger and max(size["width"], size["height"]) <= LARGEST_PICTURE_PX
    try:
        return _picture(page, size if whole else None)
    except PlaywrightError as error:
        if NO_PICTURE not in error.message:
            raise
    page.evaluate(NEXT_FRAME)
    return _picture(page, None)


def _picture(page: Page, whole: dict[str, int] | None) -> bytes:
    """One `Page.captureScreenshot`: of the window, or of the `whole` page's width and height."""
    options: dict[str, object] = {"format": "png", "optimizeForSpeed": True}
    if whole is not None:
        clip = {"x": 0, "y": 0, "width": whole["width"], "height": whole["height"], "scale": 1}
        options |= {"clip": clip, "captureBeyondViewport": True}
    if page not in _sessions:
        _sessions[page] = page.context.new_cdp_session(page)
    shot = _sessions[page].send("Page.captureScreenshot", options)
    return base64.b64decode(shot["data"])


def _is_chromium(page: Page) -> bool:
    browser = page.context.browser
    return browser is not None and browser.browser_type.name == "chromium"
