"""The profile doctor: `checkout-integrity check-profile PROFILE --base-url URL` walks the checkout once,
as the profile says, and tells for every key whether it found what it names, with a screenshot per page.

The walk signs in (when the profile can), finds offers (and opens one the results call sold out), chooses
one and its extras, puts it in the cart, opens the cart, gives the customer's details, picks each way of
paying, pays once with a declined card (when the profile names one) and once with an approved one, and
opens the shop's page for the order. The first key that fails is told in the same sentence a suite run
would tell it: the key, the page's address and what was on it, and the fix.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from playwright.sync_api import sync_playwright

from checkout_integrity._browser import BrowserChoice, BrowserMissing, locate_browser
from checkout_integrity._exceptions import ProfileError, RealCardRefused
from checkout_integrity._offer_names import offers_named
from checkout_integrity._profile import (
    NEEDS,
    REQUIRED_PAGES,
    ROLES,
    Action,
    ChooseOffer,
    ChoosePayment,
    Profile,
    TestCard,
)
from checkout_integrity._profile_loading import load_profile, profile_path
from checkout_integrity._profile_reading import Seen, what_was_there
from checkout_integrity._profile_shop import ProfiledShop
from checkout_integrity._test_cards import refuse_real_card

CUSTOMER = {"name": "Dora Doctor", "first_name": "Dora", "last_name": "Doctor", "email": "profile-doctor@example.com",
            "phone": "+44 20 7946 0000", "company": "Doctor Ltd", "address": "1 Test Street", "address_2": "",
            "city": "London", "postcode": "SW1A 1AA", "region": "Greater London", "country": "United Kingdom",
            "country_code": "GB"}
PASSWORD = "profile-doctor-1"
# The page each read key is checked on: a key set in the profile must show there.
READ_ON = {
    "read.offers": "results",
    "read.total": "cart",
    "read.lines": "cart",
    "read.countdown": "cart",
    "read.guest": "payment",
    "read.error": "payment declined",
    "read.charged": "confirmation",
    "read.reference": "confirmation",
}
# The step of the walk that lands on each page a read key or page rule is checked on.
LANDS_ON = {"results": "find_offers", "cart": "add_to_cart", "payment": "checkout", "payment declined": "declined",
            "confirmation": "pay"}
# What only an order placed shows: a walk on a shop whose profile never buys does not check it.
AFTER_PAYING = ("pay.", "open_order", "read.charged", "read.reference", "read.error", "pages.confirmation")
NOT_WALKED = {
    "read.offers.sold_out": "shows only when an offer is gone, and no offer was",
    "read.sold_out": "shows only when an offer is gone, and no offer was",
    "read.busy": "shows only while a page loads",
}


@dataclass
class Walk:
    """What the doctor saw on its walk: each key's outcome, each page read, and the first failure."""

    shop_url: str
    out: Path
    resolved: dict[str, str] = field(default_factory=dict)
    pages: dict[str, Seen] = field(default_factory=dict)
    after: dict[str, Seen] = field(default_factory=dict)
    screenshots: list[str] = field(default_factory=list)
    failure: str | None = None
    failed_key: str = ""

    def heard(self, key: str, what: str) -> None:
        self.resolved.setdefault(key, what)


def check_profile(profile: Profile, base_url: str, out: Path, chromium: BrowserChoice) -> Walk:
    """Walk the shop at `base_url` through `profile`, screenshots into `out`."""
    out.mkdir(parents=True, exist_ok=True)
    walk = Walk(base_url, out)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**chromium.launch_options())
        try:
            page = browser.new_context(base_url=base_url).new_page()
            shop = ProfiledShop(
                page, profile, profile.site.locale, resolved=walk.heard, passing=lambda: _look(shop, walk, "on the way"),
                orders=profile.site.orders,
            )  # fmt: skip
            try:
                _walk(shop, profile, walk)
            except ProfileError as misfit:
                walk.failure, walk.failed_key = str(misfit), misfit.key
                walk.screenshots.append(shop.screenshot(out / f"{len(walk.screenshots) + 1:02d}-failed.png"))
        finally:
            browser.close()
    return walk


def _walk(shop: ProfiledShop, profile: Profile, walk: Walk) -> None:
    doctor = profile.doctor
    if shop.can("sign_in"):
        shop.act("sign_in", {"email": CUSTOMER["email"], "password": PASSWORD})
        _look(shop, walk, "sign_in")
    check_in = date.today() + timedelta(days=60)
    stay = {"check_in": check_in.isoformat(), "check_out": (check_in + timedelta(days=2)).isoformat(),
            "nights": "2", "guests": "2", "quantity": "1"}
    shop.act("find_offers", stay)
    results = _look(shop, walk, "find_offers")
    for role, playing in profile.roles.items():
        walk.heard(f"roles.{role}", _plays(shop, role, playing.offer, results))
    if (gone := next((title for title, shown in results.offers.items() if "sold_out" in shown), None)) is not None:
        results = _sold_out(shop, walk, gone, results, stay)
    ordinary = profile.roles["ordinary"].offer if "ordinary" in profile.roles else None
    offer = doctor.offer or ordinary or next((name for name in results.offers if shop.offers(name)), None)
    if offer is None:
        raise shop.misfit("read.offers", "read no offer the customer can choose", "point read.offers at the offers")
    titles = list(results.offers)
    title = next(iter(offers_named(offer, titles)), offer)
    shop.act("choose_offer", {"offer": title, **stay}, offer=titles.index(title) if title in titles else None)
    _look(shop, walk, "choose_offer")
    extras_after = profile.choose_extras is not None and profile.choose_extras.after == "add_to_cart"
    if not extras_after:
        _tick(shop, doctor.extras, stay)
    shop.act("add_to_cart", stay)
    _look(shop, walk, "add_to_cart")
    if extras_after:
        _tick(shop, doctor.extras, stay)
    if profile.use_code is not None and profile.use_code.code is not None:
        shop.act("use_code", {"code": profile.use_code.code, **stay})
        _look(shop, walk, "use_code")
    if shop.can("open_cart"):
        shop.act("open_cart")
        _look(shop, walk, "open_cart")
    delivery = next(iter(profile.checkout.deliveries.values()), "")
    shop.act("checkout", {**CUSTOMER, **stay, "delivery": delivery})
    _look(shop, walk, "checkout")
    if (chooser := profile.choose_payment) is not None:  # each way of paying, picked once; then the card's
        for word, label in chooser.methods.items():
            shop.choose_payment(word)
            walk.heard(f"choose_payment.methods.{word}", f"{label!r} on {shop.page.url}")
    if not profile.site.orders:  # a live shop: up to the pay button, and no further
        _enter_card(shop, doctor.card)
        shop.reach_for_pay()
        return
    if doctor.declined_card is not None:
        _pay(shop, walk, doctor.declined_card, "declined")
    _pay(shop, walk, doctor.card, "pay")
    if profile.pay.request is not None and shop.payment is not None:
        walk.heard("pay.request", shop.payment.url)
    if shop.can("open_order") and (reference := walk.after["pay"].facts.get("reference")) is not None:
        shop.act("open_order", {"reference": reference, "email": CUSTOMER["email"]})
        _look(shop, walk, "open_order")


def _plays(shop: ProfiledShop, role: str, offer: str, results: Seen) -> str:
    """How the results show the offer that plays `role`: its title and price, or sold out in the shop's words;
    a role whose offer the results do not show is a misfit of the profile."""
    titles = offers_named(offer, results.offers)
    if len(titles) != 1:
        read = ", ".join(map(repr, results.offers)) or "none"
        raise shop.misfit(f"roles.{role}", f"names {offer!r}, which is {'not one' if not titles else 'more than one'} "
                          f"of the offers the results show ({read})", f"name one of them in roles.{role}")
    shown = results.offers[titles[0]]
    price = results.amounts.get(f"{titles[0]} total")
    state = f"sold out on this site: \"{shown['sold_out']}\"" if "sold_out" in shown else f"{price or 'on sale'}"
    return f"{titles[0]!r} at results, {state}"


def _sold_out(shop: ProfiledShop, walk: Walk, gone: str, results: Seen, stay: dict[str, str]) -> Seen:
    """The page of the offer the results call sold out, read as a customer meets it, then the results again."""
    walk.heard("read.offers.sold_out", f"{gone!r} at results: \"{results.offers[gone]['sold_out']}\"")
    index = list(results.offers).index(gone)
    if not shop.offers(gone, index):
        return results
    shop.act("choose_offer", {"offer": gone, **stay}, offer=index)
    _look(shop, walk, "sold out")
    shop.act("find_offers", stay)
    return _look(shop, walk, "find_offers")


def _tick(shop: ProfiledShop, extras: tuple[str, ...], stay: dict[str, str]) -> None:
    if shop.can("choose_extras"):
        for extra in extras:
            shop.act("choose_extras", {"extra": extra, **stay})


def _pay(shop: ProfiledShop, walk: Walk, card: TestCard, name: str) -> None:
    _enter_card(shop, card)
    shop.pay()
    _look(shop, walk, name)


def _enter_card(shop: ProfiledShop, card: TestCard) -> None:
    shop.choose_payment("card")
    if shop.can("enter_card"):
        shop.act("enter_card", {"card_number": card.number, "expiry": card.expiry, "cvc": card.cvc,
                                "card_name": CUSTOMER["name"], **CUSTOMER})


def _look(shop: ProfiledShop, walk: Walk, after: str) -> Seen:
    """Read the page, keep its screenshot, note the read keys (with what they read), pages and network entries
    it resolved; a read key counts only on the page it is checked on (the charge on the confirmation)."""
    shop.looked_at = shop.page.url
    shot = walk.out / f"{len(walk.screenshots) + 1:02d}-{after.replace(' ', '-')}.png"
    walk.screenshots.append(shop.screenshot(shot))
    seen = shop.read()
    walk.pages.setdefault(seen.step, seen)
    walk.after[after] = seen
    where = f"{seen.step} {seen.url}"
    for key, found in seen.found.items():
        if found and READ_ON.get(key, seen.step) == seen.step:
            walk.heard(key, f"{value} on {where}" if (value := _read(key, seen)) else where)
    walk.heard(f"pages.{seen.step}", seen.url)
    shop.carried()
    for index in shop.listening.seen:
        walk.heard(f"network[{index}]", where)
    return seen


def _read(key: str, seen: Seen) -> str:
    """What a read key read on the page, for the report to show: an amount, a reference, the lines."""
    values = {
        "read.total": seen.amounts.get("total"),
        "read.charged": seen.amounts.get("charged"),
        "read.reference": seen.facts.get("reference"),
        "read.error": seen.facts.get("error"),
        "read.countdown": f"{seen.hold_remaining} s left" if seen.hold_remaining is not None else None,
        "read.sold_out": seen.facts.get("sold out"),
        "read.lines": "; ".join(f"{line.label} {line.amount} ({line.kind})" for line in seen.lines) or None,
    }
    value = values.get(key)
    return str(value) if value is not None else ""


def profile_keys(profile: Profile) -> Iterator[tuple[str, bool]]:
    """Every key the doctor can check, and whether the profile sets it."""
    for name in ("sign_in", "find_offers", "choose_offer", "choose_extras", "add_to_cart", "use_code", "open_cart",
                 "checkout", "choose_payment", "enter_card", "pay", "open_order"):
        action: Action | None = getattr(profile, name)
        if action is None:
            yield name, False
            continue
        if action.url is not None:
            yield f"{name}.url", True
        for key, step in action.keyed_steps(name):
            yield f"{key}.{step.doing}", True
        if isinstance(action, ChooseOffer):
            yield f"{name}.choose", True
        if action.ready:
            yield f"{name}.ready", True
        if isinstance(action, ChoosePayment):
            yield from ((f"{name}.methods.{word}", True) for word in action.methods)
    yield "pay.request", profile.pay.request is not None
    for role in ROLES:
        yield f"roles.{role}", role in profile.roles
    for key in (*READ_ON, *NOT_WALKED):
        yield key, profile.has(key)
    for page in profile.pages:
        yield f"pages.{page}", True
    for index in range(len(profile.network)):
        yield f"network[{index}]", True


def report(profile: Profile, walk: Walk) -> tuple[list[str], str | None]:
    """The report's lines, key by key, and the sentence about the first key that failed (None: all resolved)."""
    lines = [f"check-profile {profile.path} on {walk.shop_url} (a screenshot per page in {walk.out})"]
    first = walk.failure
    for key, is_set in profile_keys(profile):
        if not is_set:
            needing = sorted(promise for promise, keys in NEEDS.items() if any(key in either for either in keys))
            why = f"; not checkable without it: {', '.join(needing)}" if needing else ""
            lines.append(f"  not set  {key:<34} optional{why}")
        elif key in walk.resolved:
            lines.append(f"  ok       {key:<34} {walk.resolved[key]}")
        elif walk.failure is not None:
            failed = walk.failed_key == key or walk.failed_key.startswith((f"{key}.", f"{key} "))
            lines.append(f"  FAILED   {key:<34} see below" if failed else f"  -        {key:<34} not reached")
        elif not profile.site.orders and key.startswith(AFTER_PAYING):
            lines.append(f"  skipped  {key:<34} the walk never pays: the profile sets site.orders = false")
        elif key in NOT_WALKED:
            lines.append(f"  skipped  {key:<34} not checked on a walk: it {NOT_WALKED[key]}")
        elif (page := _page_of_step(key)) is not None and page not in walk.pages:
            lines.append(f"  skipped  {key:<34} the shop did not show the {page} page on this walk")
        elif key.startswith("pages.") and key.removeprefix("pages.") not in REQUIRED_PAGES:
            lines.append(f"  skipped  {key:<34} the walk did not stop on this page")
        elif key.startswith("choose_extras") and not profile.doctor.extras:
            lines.append(f"  skipped  {key:<34} set doctor.extras to an extra's name to check it")
        else:
            lines.append(f"  MISSING  {key:<34} {_unresolved(key, walk)}")
            first = first or _first_failure(profile, key, walk)
    return lines, first


def _page_of_step(key: str) -> str | None:
    """The page a step of an action's `on` is done on: `checkout.on.email[0].fill` -> `email`."""
    on = re.fullmatch(r"\w+\.on\.(.+)\[\d+\]\.\w+", key)
    return on.group(1) if on else None


def _checked_on(key: str, walk: Walk) -> tuple[str, Seen | None]:
    """The step of the walk whose page `key` is checked on, and what it read there."""
    action = LANDS_ON.get(key.removeprefix("pages.") if key.startswith("pages.") else READ_ON.get(key, ""), "")
    return action, walk.after.get(action)


def _unresolved(key: str, walk: Walk) -> str:
    action, seen = _checked_on(key, walk)
    return f"nothing on the page after {action}" if seen is not None else "found on no page of the walk"


def _first_failure(profile: Profile, key: str, walk: Walk) -> str:
    action, seen = _checked_on(key, walk)
    if seen is None:
        return (
            f"The site profile {profile.path} key {key} found nothing on any page of the walk "
            f"({', '.join(walk.pages)}): point {key} at what the shop shows, or leave it out if the shop has none."
        )
    pages = key.startswith("pages.")
    fix = f"fix {key} so that it tells that page" if pages else f"point {key} at what that page shows"
    return (
        f"The site profile {profile.path} key {key} {'did not tell' if pages else 'found nothing on'} the page "
        f"after {action}, {what_was_there(seen.url, seen.about)}: {fix}, or give {action} a ready key that waits "
        "until the page is drawn."
    )


@contextmanager
def shop_at(profile: Profile, base_url: str | None) -> Iterator[str]:
    """The shop's address: --base-url, else the profile's site.base_url, else the bundled demo it names."""
    given = base_url or profile.site.base_url
    if given:
        yield given.rstrip("/")
        return
    if profile.demo is None:
        raise ProfileError(
            f"The site profile {profile.path} names no shop to walk: pass --base-url, or set site.base_url."
        )
    from demo_hotel.server import DemoServer

    with DemoServer(ui=profile.demo.ui, shop=profile.demo.shop) as demo:
        yield demo.url


def run(arguments: argparse.Namespace) -> int:
    """`checkout-integrity check-profile`: 0 when every key the profile sets resolved, 1 otherwise."""
    with ExitStack() as stack:
        try:
            profile = load_profile(profile_path(arguments.profile, Path.cwd()))
            for card in (profile.doctor.card, profile.doctor.declined_card):
                if card is not None:
                    refuse_real_card(card.number, arguments.allow_real_cards)
            base_url = stack.enter_context(shop_at(profile, arguments.base_url))
            walk = check_profile(profile, base_url, Path(arguments.out), locate_browser())
        except (ProfileError, RealCardRefused, BrowserMissing) as wrong:
            print(wrong)
            return 1
    lines, first = report(profile, walk)
    print("\n".join(lines))
    if first is not None:
        print(f"\nThe first key that failed: {first}")
        return 1
    print(f"\nEvery key the profile sets resolved on {walk.shop_url}.")
    return 0


def add_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `check-profile` to the CLI's subcommands."""
    doctor = commands.add_parser("check-profile", help="walk a shop once through a site profile, key by key")
    doctor.add_argument("profile", help="the site profile: a path to a .toml, or a name in profiles/")
    doctor.add_argument("--base-url", help="the shop's address (default: site.base_url, or the bundled demo site)")
    doctor.add_argument(
        "--out", default="reports/profile-check", help="where the screenshots go (default: %(default)s)"
    )
    doctor.add_argument(
        "--allow-real-cards",
        action="store_true",
        help="let the walk type doctor.card numbers that are not known payment gateway test numbers",
    )
    doctor.set_defaults(run=run)
