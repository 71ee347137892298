"""Benchmark: what the harness costs over a raw Playwright script for the same booking on the demo site.

One browser, one demo site; the booking (search, choose a room, book, guest details, card, pay, the
confirmation) is walked alternately by a raw script and through the harness with recording, promises and
evidence on (the suite's storefront with Journey.observe(look()) after each action, check_promises, the
price-bearing responses and the price timeline). Then where the harness's time goes, and what each way of
taking the evidence screenshot costs on the payment page. Run with `make bench`; asserts nothing.
"""

from __future__ import annotations

import argparse
import base64
import itertools
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from playwright.sync_api import Browser, Locator, Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checkout_integrity import Journey, check_promises  # noqa: E402
from checkout_integrity import _camera, _evidence  # noqa: E402
from checkout_integrity._browser import locate_browser  # noqa: E402
from checkout_integrity._hands import Ways  # noqa: E402
from checkout_integrity._profile_loading import load_profile  # noqa: E402
from demo_hotel.server import DemoServer  # noqa: E402
from fixtures.browsers import open_shop  # noqa: E402
from fixtures.clock import CustomerClock  # noqa: E402
from fixtures.customers import Customer, make_customer  # noqa: E402
from fixtures.site import TargetSite  # noqa: E402
from pages.storefront import Stay  # noqa: E402

REPETITIONS = 7
TARGET = 1.15
# each booking takes the room for two nights no other booking of the run has, so rooms never run out
STAYS = (Stay(date(2027, 3, 1) + timedelta(days=2 * n), nights=2, guests=2) for n in itertools.count())
ROOM = "Classic Double"
PROFILE = Path(__file__).resolve().parents[1] / "profiles" / "demo_hotel.toml"
SHOTS = 15  # screenshots per option on the payment page


def book_raw(page: Page, customer: Customer, stay: Stay) -> None:
    """The booking as a plain Playwright script: the same clicks and waits, nothing recorded."""
    page.goto("/?lang=en")
    page.get_by_label("Check-in", exact=True).fill(stay.check_in.isoformat())
    page.get_by_label("Check-out", exact=True).fill(stay.check_out.isoformat())
    page.get_by_label("Guests", exact=True).fill(str(stay.guests))
    page.get_by_role("button", name="Search").click()
    page.get_by_test_id("offer").first.wait_for()
    page.get_by_role("link", name=f"Choose {ROOM}").click()
    page.get_by_test_id("room-total").wait_for()
    page.get_by_role("button", name="Book now").click()
    page.get_by_test_id("cart-total").wait_for()
    details_and_card(page, customer)
    page.get_by_role("button", name="Pay now").click()
    page.get_by_test_id("amount-charged").wait_for()


def details_and_card(page: Page, customer: Customer) -> None:
    """From the cart to a payment page with the card typed in."""
    page.get_by_role("link", name="Continue to guest details").click()
    page.get_by_label("Full name", exact=True).fill(customer.name)
    page.get_by_label("Email", exact=True).fill(customer.email)
    page.get_by_label("Phone", exact=True).fill(customer.phone)
    page.get_by_role("button", name="Continue to payment").click()
    page.get_by_test_id("payment-total").wait_for()
    fill_card(page, customer)


def fill_card(page: Page, customer: Customer) -> None:
    page.locator("input[autocomplete='cc-number']").fill(customer.card.number)
    page.locator("input[autocomplete='cc-exp']").fill(customer.card.expiry)
    page.locator("input[autocomplete='cc-csc']").fill(customer.card.cvc)
    page.locator("input[autocomplete='cc-name']").fill(customer.name)


def book_through_harness(page: Page, site: TargetSite, customer: Customer, stay: Stay, folder: Path) -> Journey:
    """The booking as a scenario walks it: the suite's storefront, a snapshot after every action, every
    promise checked, and the evidence a finding would point to written to `folder`."""
    journey = Journey(customer.name)
    scenario = SimpleNamespace(stash=pytest.Stash())  # what the evidence module keeps per scenario
    clock = CustomerClock(site)
    clock.control(page)
    _evidence.listen(scenario, page)  # type: ignore[arg-type]
    shop = open_shop(page, load_profile(PROFILE), clock, folder, customer.locale, journey, Ways())
    actions: list[Callable[[], None]] = [
        lambda: shop.find_offers(stay),
        lambda: shop.choose_offer(ROOM),
        shop.book,
        lambda: shop.give_details(customer),
        lambda: shop.enter_card(customer),
        shop.pay,
    ]
    for action in actions:
        action()
        journey.observe(shop.look())
        for snapshot in _evidence.new_snapshots(scenario, journey):  # type: ignore[arg-type]
            _evidence.save_responses(scenario, snapshot)  # type: ignore[arg-type]
    page.get_by_test_id("amount-charged").wait_for()
    if check_promises(journey):
        raise SystemExit("the clean demo site broke a promise: the benchmark's booking is not the suite's")
    _evidence.write_timeline(scenario, journey, "overhead benchmark")  # type: ignore[arg-type]
    return journey


class Stopwatch:
    """Wall time spent inside chosen Playwright and harness calls, summed by label."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = defaultdict(float)

    @contextmanager
    def watching(self, calls: dict[str, tuple[Any, str]]) -> Iterator[None]:
        originals = {label: (owner, name, getattr(owner, name)) for label, (owner, name) in calls.items()}
        for label, (owner, name, original) in originals.items():
            setattr(owner, name, self._timed(label, original))
        try:
            yield
        finally:
            for owner, name, original in originals.values():
                setattr(owner, name, original)

    def _timed(self, label: str, call: Callable[..., Any]) -> Callable[..., Any]:
        """`call`, timed under `label`; a label with "{caller}" is told apart by the calling function."""

        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return call(*args, **kwargs)
            finally:
                caller = sys._getframe(1).f_code.co_name
                self.spent[label.format(caller=caller)] += time.perf_counter() - started

        return timed


def harness_calls() -> dict[str, tuple[Any, str]]:
    """The calls the harness adds over the raw script, each by the name it is reported under."""
    import checkout_integrity._profile_shop as shop
    import fixtures.browsers as browsers
    import pages.profiled.storefront as storefront

    return {
        "customer clock installed in the page": (CustomerClock, "control"),
        "web-vitals installed in the page": (browsers, "sense"),
        "look(), in all": (storefront.ProfiledStorefront, "look"),
        "evidence screenshot (snap), in all": (shop, "snap"),
        "evidence screenshot: its capture": (_camera, "_capture"),
        "page.evaluate from {caller}()": (Page, "evaluate"),
        "locator.input_value from {caller}()": (Locator, "input_value"),
        "check_promises": (sys.modules[__name__], "check_promises"),
        "evidence: responses saved": (_evidence, "save_responses"),
        "evidence: price timeline": (_evidence, "write_timeline"),
    }


def timed(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def compare(browser: Browser, site: TargetSite, customer: Customer, repetitions: int) -> None:
    """The raw script and the harness in turn, each booking on a fresh browser context."""
    raw: list[float] = []
    harness: list[float] = []
    with tempfile.TemporaryDirectory(prefix="overhead-") as evidence:
        book_raw_once(browser, site, customer)  # warm the site and the browser once, unmeasured
        for repetition in range(repetitions):
            raw.append(book_raw_once(browser, site, customer))
            folder = Path(evidence) / f"run-{repetition}"
            folder.mkdir()
            harness.append(book_harness_once(browser, site, customer, folder))
    ratio = statistics.median(harness) / statistics.median(raw)
    print(f"booking journey, {repetitions} runs each, in turn (target: harness / raw <= {TARGET})")
    for name, runs in (("raw Playwright", raw), ("harness", harness)):
        print(f"  {name:<15} median {statistics.median(runs):.3f} s  (min {min(runs):.3f}, max {max(runs):.3f})")
    print(f"  harness / raw   {ratio:.2f}  ({'met' if ratio <= TARGET else 'missed'})")


def book_raw_once(browser: Browser, site: TargetSite, customer: Customer) -> float:
    context = browser.new_context(base_url=site.base_url)
    stay = next(STAYS)
    try:
        return timed(lambda: book_raw(context.new_page(), customer, stay))
    finally:
        context.close()


def book_harness_once(browser: Browser, site: TargetSite, customer: Customer, folder: Path) -> float:
    context = browser.new_context(base_url=site.base_url)
    stay = next(STAYS)
    try:
        return timed(lambda: book_through_harness(context.new_page(), site, customer, stay, folder))
    finally:
        context.close()


def where_the_time_goes(browser: Browser, site: TargetSite, customer: Customer, repetitions: int) -> None:
    """The harness's booking again, with its own calls timed; per booking, averaged."""
    watch = Stopwatch()
    total = 0.0
    with tempfile.TemporaryDirectory(prefix="overhead-") as evidence, watch.watching(harness_calls()):
        for repetition in range(repetitions):
            folder = Path(evidence) / f"run-{repetition}"
            folder.mkdir()
            total += book_harness_once(browser, site, customer, folder)
    print(f"where the harness's time goes, per booking ({total / repetitions:.3f} s in all):")
    for label, spent in watch.spent.items():
        print(f"  {label:<55} {spent / repetitions * 1000:7.1f} ms")


def screenshot_costs(browser: Browser, site: TargetSite, customer: Customer) -> None:
    """Each way of taking the masked evidence screenshot, on the payment page with the card typed in."""
    context = browser.new_context(base_url=site.base_url)
    page = context.new_page()
    book_raw_up_to_payment(page, customer)
    secrets = page.locator(_camera.CARD_FIELDS)
    print(f"evidence screenshot of the payment page, card typed in ({SHOTS} rounds of every option, median):")
    options = screenshot_options(page, secrets)
    costs: dict[str, list[float]] = {name: [] for name in options}
    written: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="shots-") as folder:
        files = {name: Path(folder) / f"shot-{number}" for number, name in enumerate(options)}
        for name, take in options.items():
            written[name] = take(files[name])  # the first shot of a kind warms its path, unmeasured
        for _ in range(SHOTS):  # round after round, so a busy moment of the machine hits every option alike
            for name, take in options.items():
                costs[name].append(timed(lambda: take(files[name])))
        for name in options:
            size = Path(written[name]).stat().st_size / 1024
            print(f"  {name:<55} {statistics.median(costs[name]) * 1000:6.1f} ms  {size:4.0f} KiB")
    context.close()


def screenshot_options(page: Page, secrets: Locator) -> dict[str, Callable[[Path], str]]:
    """Ways of taking the step's picture, today's first; each writes the file and returns its path."""

    def playwright(masked: bool = True, **options: Any) -> Callable[[Path], str]:
        def take(path: Path) -> str:
            picture = path.with_suffix(f".{options.get('type', 'png')}")
            page.screenshot(path=picture, mask=[secrets] if masked else None, **options)
            return str(picture)

        return take

    def cdp(path: Path) -> str:
        picture = path.with_suffix(".png")
        shot = session.send("Page.captureScreenshot", {"format": "png", "optimizeForSpeed": True})
        picture.write_bytes(base64.b64decode(shot["data"]))
        return str(picture)

    session = page.context.new_cdp_session(page)
    return {
        "_camera.snap(), as today: CDP, PNG, card fields covered": lambda path: _camera.snap(
            page, path.with_suffix(".png")),
        "Playwright page.screenshot: PNG, full page, mask": playwright(full_page=True),
        "PNG, full page, NO mask (the mask's cost)": playwright(masked=False, full_page=True),
        "PNG, full page, mask, caret left as is": playwright(full_page=True, caret="initial"),
        "PNG, viewport, mask": playwright(),
        "PNG, full page, mask, animations disabled": playwright(full_page=True, animations="disabled"),
        "JPEG 80, full page, mask": playwright(type="jpeg", quality=80, full_page=True),
        "JPEG 60, full page, mask": playwright(type="jpeg", quality=60, full_page=True),
        "JPEG 80, viewport, mask": playwright(type="jpeg", quality=80),
        "CDP captureScreenshot optimizeForSpeed (NO mask)": cdp,
    }


def book_raw_up_to_payment(page: Page, customer: Customer) -> None:
    stay = next(STAYS)
    page.goto(f"/search?check_in={stay.check_in}&check_out={stay.check_out}&guests={stay.guests}")
    page.get_by_role("link", name=f"Choose {ROOM}").click()
    page.get_by_role("button", name="Book now").click()
    details_and_card(page, customer)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repetitions", type=int, default=REPETITIONS, help="bookings of each kind (default: %(default)s)")
    repetitions = parser.parse_args().repetitions
    chromium = locate_browser()  # before the sync API's own loop starts
    customer = make_customer(seed=1, salt="overhead benchmark")
    with DemoServer() as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(**chromium.launch_options())
        site = TargetSite("demo_hotel", server.url, demo_mode=True)
        compare(browser, site, customer, repetitions)
        where_the_time_goes(browser, site, customer, repetitions)
        screenshot_costs(browser, site, customer)
        browser.close()


if __name__ == "__main__":
    main()
