"""How long a customer waits for the shop, and what the run says when the shop stops answering.

Every browser context a step uses waits `--step-timeout` seconds (else the profile's site.timeout, else
30) for each click, field and page. A step that then fails while the shop has left a request unanswered
for most of that time did not meet a wrong page or a wrong key: the shop hung. The scenario fails with
one sentence naming the step, its line, the request and the fix, in place of the wait that timed out.
"""

from __future__ import annotations

import time
from collections.abc import Generator, Mapping
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, Request
from playwright.sync_api import Error as PlaywrightError
from pytest_bdd.parser import Feature, Step

from checkout_integrity._exceptions import ProfileError
from checkout_integrity._options import chosen_profile

WATCHED = pytest.StashKey[dict[BrowserContext, "Unanswered"]]()
HUNG = pytest.StashKey[str]()
HANG_SHARE = 0.5  # a request unanswered for half the step timeout when the step fails is the shop hanging


class Unanswered:
    """The requests a browser context has sent that the shop has not answered yet, with when each left."""

    def __init__(self, context: BrowserContext) -> None:
        self.sent: dict[Request, float] = {}
        context.on("request", self._sent)
        context.on("requestfinished", self._answered)
        context.on("requestfailed", self._answered)

    def _sent(self, request: Request) -> None:
        self.sent[request] = time.monotonic()

    def _answered(self, request: Request) -> None:
        self.sent.pop(request, None)

    def oldest(self) -> tuple[Request, float] | None:
        """The request waiting longest, and for how many seconds."""
        if not self.sent:
            return None
        request, since = min(self.sent.items(), key=lambda sent: sent[1])
        return request, time.monotonic() - since


def pages_of(step_func_args: Mapping[str, Any]) -> list[Page]:
    """The browser tabs a step works in: its storefronts' pages and any page it asks for."""
    found = [value if isinstance(value, Page) else getattr(value, "page", None) for value in step_func_args.values()]
    return [page for page in found if isinstance(page, Page)]


def watch(item: pytest.Item, step_func_args: Mapping[str, Any]) -> None:
    """Before a step: bound its browser contexts by the step timeout and note what they send."""
    watched = item.stash.setdefault(WATCHED, {})
    for page in pages_of(step_func_args):
        context = page.context
        if context not in watched:
            milliseconds = chosen_profile(item.config).site.timeout * 1000
            context.set_default_timeout(milliseconds)
            context.set_default_navigation_timeout(milliseconds)
            watched[context] = Unanswered(context)


def note_hang(item: pytest.Item, feature: Feature, step: Step, exception: Exception) -> None:
    """When a step fails waiting on the shop while a request of it hangs, keep the sentence that says so."""
    if not isinstance(exception, PlaywrightError | ProfileError):
        return
    seconds = chosen_profile(item.config).site.timeout
    waiting = [oldest for unanswered in item.stash.get(WATCHED, {}).values() if (oldest := unanswered.oldest())]
    if not waiting:
        return
    request, waited = max(waiting, key=lambda oldest: oldest[1])
    if waited < seconds * HANG_SHARE:
        return
    where = Path(feature.filename)
    try:
        where = where.relative_to(item.config.invocation_params.dir)
    except ValueError:
        pass
    item.stash[HUNG] = (
        f"The shop did not answer within {seconds:g} s at step '{step.keyword} {step.name}' ({where}:"
        f"{step.line_number}): {request.method} {request.url} was still unanswered after {waited:.0f} s, so "
        "raise --step-timeout if the shop is only slow, or check the site."
    )


def blame_the_hang(item: pytest.Item) -> Generator[None, None, None]:
    """Around a scenario: a failure caused by a hung shop is reported as the hang, in one sentence."""
    __tracebackhide__ = True
    try:
        yield
    except Exception:
        hang = item.stash.get(HUNG, None)
        if hang is None:
            raise
        pytest.fail(hang, pytrace=False)
