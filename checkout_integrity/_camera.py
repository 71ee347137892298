"""The evidence screenshot of a step: the whole page as the customer saw it, card fields blacked out.

One way of taking it for every storefront. bench/overhead.py measures the alternatives: within a booking
none of JPEG, window-only shots, a kept caret or stopped animations saves time beyond the noise, and the
cheap CDP capture cannot use Playwright's `mask=`; so this stays a full-page PNG, masked by Playwright.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Locator, Page

CARD_FIELDS = "input[autocomplete^='cc-'], input[name^='card']"  # the fields whose content is never pictured


def snap(page: Page, path: Path, secrets: Locator) -> str:
    """Picture the whole page at `path` with `secrets` blacked out; the file's path."""
    page.screenshot(path=path, mask=[secrets], full_page=True)
    return str(path)
