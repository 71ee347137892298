"""Any shop as a customer uses it, walked through its site profile: the whole `Storefront`, no selector here.

What a profile leaves out (signing in, extras, the payment request to resend) makes the scenario that
needs it "not checkable on this site"; what it gets wrong stops the run with the key to fix.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

from playwright.sync_api import Page

from checkout_integrity import Snapshot
from checkout_integrity._hands import Hands
from checkout_integrity._offer_names import offers_named
from checkout_integrity._profile import Profile, SoldOut, not_checkable
from checkout_integrity._profile_shop import ProfiledShop
from checkout_integrity._senses import with_what_was_felt
from checkout_integrity.promises._steps import ORDER_CHANGED, ORDER_PAGE
from fixtures.clock import CustomerClock
from fixtures.customers import Card, Customer
from pages.storefront import Stay, named_step


@dataclass
class ProfiledStorefront:
    """A profile-driven storefront: intentions in, snapshots out, like a site's own page objects.

    `actor` is "customer" or "rival"; `elsewhere` names the device when this is not the customer's first;
    `record` keeps in the journey what the storefront sees besides the look after each step: the prices the
    network carried (just before the page snapshot they fed), and every page the customer passes on the way
    (an offer's page between choosing and booking, a checkout's email, address and delivery pages), so each
    is looked at like any other. Every press and keystroke goes through the customer's `hands`; for a
    screen-reader user each look runs axe-core. Without `orders` (a run that never buys) paying is reaching
    for the pay button and stopping there.
    """

    page: Page
    profile: Profile
    clock: CustomerClock
    evidence_dir: Path
    hands: Hands
    locale: str = "en_GB"
    actor: str = "customer"
    elsewhere: str | None = None
    record: Callable[[Snapshot], None] | None = None
    orders: bool = True
    facts: dict[str, str] = field(default_factory=dict)
    _looks: int = 0
    _offer: str = "the offer"
    _delivery: str = ""
    _order_changed: str = ""  # what the customer just changed in their order, told by the next look
    _wanted: dict[str, str] = field(default_factory=dict)
    _next_step: str | None = None
    _called: str | None = None  # the step the last action names the page it led to, whatever the page

    def __post_init__(self) -> None:
        self.shop = ProfiledShop(
            self.page, self.profile, self.locale, hands=self.hands, passing=self._passed, orders=self.orders
        )

    def opened(self) -> bool:
        return self.page.url != "about:blank"

    def find_offers(self, stay: Stay) -> None:
        self._wanted = stay.variables()
        self.shop.act("find_offers", self._wanted)

    def choose_offer(self, name: str) -> None:
        seen = self.shop.read()
        self._offer = name
        title = self._title_of(name, seen.offers)
        offer = seen.offers[title]
        self.facts["room_type"] = offer["id"]
        self.facts["offer"] = title  # as the results name it
        if "left" in offer:
            self.facts["rooms_left"] = offer["left"]
        if "sold_out" in offer:
            self._sold_out(name, offer["sold_out"])
        index = list(seen.offers).index(title)
        if not self.shop.offers(title, index) and any(
            self.shop.offers(other, number) for number, other in enumerate(seen.offers)
        ):
            self._sold_out(name, f"nothing to choose it by ({self.profile.choose_offer.choose})")
        self.shop.act("choose_offer", {"offer": title, **self._wanted}, offer=index)

    def _title_of(self, name: str, offers: dict[str, dict[str, str]]) -> str:
        """The title under which the results show the offer `name` (the same words, or their start cut short)."""
        titles = offers_named(name, offers)
        if len(titles) == 1:
            return titles[0]
        if titles:
            raise self.shop.misfit(
                "read.offers.name", f"read {len(titles)} offers that {name!r} could be ({', '.join(map(repr, titles))})",
                "point it at the whole name, such as an attribute of a link inside the offer (css=a@title)")
        read = ", ".join(map(repr, offers)) or "none"
        raise self.shop.misfit(
            "read.offers.name", f"read no offer named {name!r} (it read {read})",
            "point read.offers.name at the offer's name inside each offer, or name one of these in [roles]")

    def _unless_sold_out(self) -> None:
        if said := self.shop.read().facts.get("sold out"):
            self._sold_out(self._offer, said)

    def _sold_out(self, offer: str, said: str) -> NoReturn:
        """The customer can go no further: the shop will not sell the offer; the page that said so is the evidence."""
        raise SoldOut(offer, said, self.look())

    def book_with(self, extras: list[str]) -> None:
        chooser = self.profile.choose_extras
        if chooser is None:
            raise not_checkable(self.profile, "choosing an extra", ["choose_extras"])
        if chooser.after == "add_to_cart":  # the cart offers them: ticking one changes the order it holds
            self.book()
            self._tick(extras)
            self._order_changed = f"chose {', '.join(extras)} in the cart"
        else:
            self._tick(extras)
            self.book()

    def _tick(self, extras: list[str]) -> None:
        for extra in extras:
            self.shop.act("choose_extras", {"extra": extra, **self._wanted})

    def book(self) -> None:
        self._unless_sold_out()  # the offer's own page may say it is gone
        self.shop.act("add_to_cart", self._wanted)
        self._unless_sold_out()

    def give_details(self, customer: Customer) -> None:
        deliveries = self.profile.checkout.deliveries
        delivery = deliveries.get(self._delivery, next(iter(deliveries.values()), ""))
        self.shop.act("checkout", {**customer.details(), **self._wanted, "delivery": delivery})

    def use_code(self, code: str) -> None:
        self._needs("use_code", "using a discount code")
        self.shop.act("use_code", {"code": code, **self._wanted})
        self._order_changed = f"used the code {code}"

    def choose_delivery(self, delivery: str) -> None:
        if delivery not in self.profile.checkout.deliveries:
            raise not_checkable(self.profile, f"choosing {delivery} delivery", [f"checkout.deliveries.{delivery}"])
        self._delivery = delivery

    def enter_card(self, customer: Customer, card: Card | None = None) -> None:
        if not self.shop.can("enter_card"):
            return  # the shop takes no card: its pay action picks how the customer pays
        self.shop.choose_payment("card")  # where the shop offers other ways too
        card = card or customer.card
        self.shop.act(
            "enter_card",
            {"card_number": card.number, "expiry": card.expiry, "cvc": card.cvc, "card_name": customer.name,
             **customer.details()},
        )
        self.hands.answer_what_is_asked({"email": customer.email, "name": customer.name, "tel": customer.phone})

    def pay_by(self, method: str) -> None:
        chooser = self.profile.choose_payment
        if chooser is None or method not in chooser.methods:
            raise not_checkable(self.profile, f"paying by {method}", [f"choose_payment.methods.{method}"])
        self.shop.choose_payment(method)
        self.pay()

    def linger(self, seconds: int) -> None:
        self.clock.spend(seconds, self.page)

    def pay(self) -> None:
        if self.orders:
            self.shop.pay()
        else:  # a run that never buys: the customer reaches for the pay button and stops
            self.shop.reach_for_pay()

    def pay_again(self, customer: Customer) -> None:
        """The browser sends the same payment a second time, as a double click or a retry does."""
        if self.profile.pay.request is None:
            raise not_checkable(self.profile, "sending a payment twice", ["pay.request"])
        self.shop.pay_again()

    def sign_in(self, customer: Customer) -> None:
        self._needs("sign_in", "signing in")
        self.shop.act("sign_in", {"email": customer.email, "password": customer.password})

    def open_cart(self) -> None:
        self._needs("open_cart", "opening the cart")
        self.shop.act("open_cart")

    def open_order(self, reference: str, customer: Customer) -> None:
        self._needs("open_order", "opening my order")
        self.shop.act("open_order", {"reference": reference, "email": customer.email})
        self._called = ORDER_PAGE  # whatever [pages] calls it: the receipts read it by this name

    def reload(self) -> None:
        self.shop.reload()
        self._next_step = "cart after reload"

    def look(self) -> Snapshot:
        self.shop.looked_at = self.page.url
        seen = self.shop.read()
        step = self._called or named_step(seen.step, self.elsewhere, self._next_step, self.facts)
        self._next_step = self._called = None
        self._looks += 1
        at = self.clock.now()
        for carried in self.shop.carried():
            if self.record is not None:
                self.record(carried.snapshot(step, at, self.actor))
        screenshot = self.shop.screenshot(self.evidence_dir / f"{self._looks:02d}-{step.replace(' ', '-')}.png")
        facts = {**self.facts, **({ORDER_CHANGED: self._order_changed} if self._order_changed else {})}
        self._order_changed = ""
        return with_what_was_felt(
            seen.snapshot(step, at, self.actor, facts, screenshot), self.page, self.hands.ways.screen_reader
        )

    def _passed(self) -> None:
        """A page the customer passes on the way (an offer's page between choosing and booking, a checkout's
        email, address and delivery pages), looked at before they leave it."""
        if self.record is not None:
            self.record(self.look())

    def _needs(self, action: str, doing: str) -> None:
        if not self.shop.can(action):
            raise not_checkable(self.profile, doing, [action])
