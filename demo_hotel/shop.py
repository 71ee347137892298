"""The customer's pages: search, room, cart, guest details, payment, confirmation and sign-in.

Faults that change what the shop does (rather than what it charges, see `checkout`) are decided here, in
methods that both the server-rendered pages below and the single-page app's JSON API (`api`) call.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any, Generic, TypeVar

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.templating import Jinja2Templates

from demo_hotel import mailer
from demo_hotel.checkout import cart_total, charged_bill, payment_bill, receipt_total
from demo_hotel.clock import CustomerClock, stamp
from demo_hotel.gateway import Card, decline_reason
from demo_hotel.pricing import (
    CURRENCY,
    DEFAULT_LOCALE,
    EXTRAS,
    LOCALES,
    RoomType,
    Stay,
    format_money,
    offer_total,
    stay_lines,
)
from demo_hotel.store import Account, Cart, Database, Guest, Owner, SoldOut, Store

Kept = TypeVar("Kept", bound=Database)  # the store a shop keeps its state in
HOLD_FOR = timedelta(minutes=10)
GUEST_NEEDED = "Enter the guest's full name and a valid email address."
SIGN_IN_NEEDED = "Enter your email and a password."
WRONG_PASSWORD = "The email or password is incorrect."
EMAIL_AGAIN = "Enter your email address."
SLOW_PAYMENT_SECONDS = 3.0


@dataclass(frozen=True)
class Offer:
    """A room type for a stay: the rooms left to this customer, and how many the shop says are left."""

    room: RoomType
    rooms_left: int
    total: Decimal
    claimed: int  # fault fake-scarcity: 1 whenever any is left


@dataclass(frozen=True)
class CartView:
    """An open cart as the customer sees it now: its total and, while held, when the hold ends."""

    cart: Cart
    total: Decimal
    now: datetime
    expires_at: datetime | None


@dataclass(frozen=True)
class Paid:
    reference: str


@dataclass(frozen=True)
class PaymentLayout:
    """How both UIs, and the goods shop, draw the payment form; faults inaccessible-step, retyping and
    layout-shift change it."""

    labelled: bool  # each card field has its <label>
    asks_email: bool  # an empty "Email" field comes before the card fields
    late_banner: bool  # a banner appears above "Pay now" when the pointer first reaches it

    @classmethod
    def under(cls, faults: frozenset[str]) -> PaymentLayout:
        return cls(
            labelled="inaccessible-step" not in faults,
            asks_email="retyping" in faults,
            late_banner="layout-shift" in faults,
        )


@dataclass(frozen=True)
class Declined:
    """The payment was refused: the reason, the cart and card fields as the shop gives them back to the customer."""

    reason: str
    cart: Cart
    card: dict[str, str]


@dataclass(frozen=True)
class Gone:
    """The room went to someone else."""

    room_type: str


@dataclass(frozen=True)
class NotYet:
    """The customer cannot pay yet: `step` ("cart" or "guest") is where they go back to."""

    step: str


Payment = Paid | Declined | Gone | NotYet


def countdown(expires_at: datetime, now: datetime) -> str:
    """Minutes and seconds left, as the ticking countdown shows them ("09:59")."""
    seconds = max(0, int((expires_at - now).total_seconds()))
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


def locale_of(request: Request) -> str:
    """The Babel locale for amounts: `?lang=it` (remembered in a cookie) gives Italian, else en_GB."""
    lang = request.query_params.get("lang") or request.cookies.get("lang") or ""
    return LOCALES.get(lang, DEFAULT_LOCALE)


def stay_from(fields: Any) -> Stay:
    """The stay a form or query asks for; 400 with the reason in customer words when it makes no sense."""
    try:
        return Stay.from_form(fields)
    except ValueError as error:
        raise HTTPException(400, str(error)) from None


def see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


PAGES = {"cart": "/cart", "guest": "/checkout/guest"}  # where a customer who cannot pay yet is sent back to


class Counter(Generic[Kept]):
    """What every demo shop's request handlers share: one store, one customer clock, one set of active faults,
    the templates and the mail, and whose cart a request is."""

    def __init__(
        self,
        store: Kept,
        clock: CustomerClock,
        faults: frozenset[str],
        templates: Jinja2Templates,
        smtp_port: int | None,
    ) -> None:
        self.store = store
        self.clock = clock
        self.faults = faults
        self.templates = templates
        self.smtp_port = smtp_port

    def render(self, request: Request, template: str, status_code: int = 200, **context: Any) -> Response:
        return self.templates.TemplateResponse(request, template, context, status_code=status_code)

    def owner(self, request: Request) -> Owner:
        """The cart follows the signed-in account, except under fault cart-lost."""
        account = request.state.account
        bound_to_account = account is not None and "cart-lost" not in self.faults
        return Owner(request.state.session, account.id if bound_to_account else None)


class Shop(Counter[Store]):
    """The hotel's request handlers."""

    def open_cart(self, request: Request) -> Cart | None:
        """The cart a page shows: the owner's latest unpaid cart with something in it.

        Fault fake-urgency restarts the hold's 10 minutes on every page load.
        """
        cart = self.store.cart(self.owner(request))
        if cart is None or cart.reference is not None or not cart.lines:
            return None
        if "fake-urgency" in self.faults and cart.hold is not None:
            expires_at = self.clock.now() + HOLD_FOR
            self.store.extend_hold(cart.id, expires_at)
            cart = replace(cart, hold=replace(cart.hold, expires_at=expires_at))
        return cart

    def room_of(self, slug: str) -> RoomType:
        room = self.store.room_type(slug)
        if room is None:
            raise HTTPException(404, f"We have no room type {slug!r}.")
        return room

    @property
    def holds_count(self) -> bool:
        """Whether a hold keeps the room from other customers; fault hold-broken takes none."""
        return "hold-broken" not in self.faults

    async def app_page(self, request: Request) -> Response:
        """The single-page app's one page: its script draws every view from the JSON API."""
        return self.render(request, "app.html", locale=locale_of(request))

    async def search_page(self, request: Request) -> Response:
        today = self.clock.now().date()
        stay = Stay(today + timedelta(days=1), today + timedelta(days=3), 2)
        return self.render(request, "search.html", stay=stay)

    def offers(self, request: Request, stay: Stay) -> list[Offer]:
        """Every room type for the stay, with the rooms left to this customer and the stay's total; fault
        fake-scarcity says one is left of every room type on sale."""
        cart = self.store.cart(self.owner(request))
        now = self.clock.now()
        offers = []
        for room in self.store.room_types():
            left = self.store.rooms_left(room.slug, stay, now, cart_id=cart.id if cart else None,
                                         count_holds=self.holds_count)
            claimed = min(left, 1) if "fake-scarcity" in self.faults else left
            offers.append(Offer(room, left, offer_total(room, stay), claimed))
        return offers

    @property
    def preselected(self) -> frozenset[str]:
        """Extras ticked before the customer chooses any; fault basket-sneak ticks travel insurance."""
        return frozenset({"insurance"}) if "basket-sneak" in self.faults else frozenset()

    def take(self, request: Request, room: RoomType, stay: Stay, extras: list[str]) -> None:
        """Put the stay and its extras in the customer's cart and hold the room; SoldOut when none is left."""
        now = self.clock.now()
        lines = stay_lines(room, stay, extras)
        self.store.hold_room(self.owner(request), room, stay, lines, now, now + HOLD_FOR, count_holds=self.holds_count)

    async def results(self, request: Request) -> Response:
        stay = stay_from(request.query_params)
        return self.render(request, "results.html", stay=stay, offers=self.offers(request, stay), currency=CURRENCY)

    async def room_page(self, request: Request) -> Response:
        room = self.room_of(request.path_params["slug"])
        stay = stay_from(request.query_params)
        return self.render(
            request,
            "room.html",
            room=room,
            stay=stay,
            total=offer_total(room, stay),
            extras=EXTRAS.values(),
            checked=self.preselected,
            currency=CURRENCY,
        )

    async def book(self, request: Request) -> Response:
        form = await request.form()
        room = self.room_of(str(form.get("room_type", "")))
        try:
            self.take(request, room, stay_from(form), [str(extra) for extra in form.getlist("extras")])
        except SoldOut as error:
            return self.sold_out(request, error.room_type)
        return see_other("/cart")

    def sold_out(self, request: Request, slug: str) -> Response:
        return self.render(request, "sold_out.html", status_code=409, room=self.room_of(slug))

    def cart_view(self, request: Request) -> CartView | None:
        """The open cart as a page load shows it (fault fake-urgency restarts its hold), or None."""
        cart = self.open_cart(request)
        if cart is None:
            return None
        expires_at = cart.hold.expires_at if cart.hold is not None else None
        return CartView(cart, cart_total(cart.lines, self.faults), self.clock.now(), expires_at)

    async def cart_page(self, request: Request) -> Response:
        view = self.cart_view(request)
        context: dict[str, Any] = {"cart": view.cart if view else None, "currency": CURRENCY}
        if view is not None:
            context |= {"total": view.total, "now": stamp(view.now)}
            if view.expires_at is not None:
                context |= {"expires_at": stamp(view.expires_at), "countdown": countdown(view.expires_at, view.now)}
        return self.render(request, "cart.html", **context)

    async def cart_api(self, request: Request) -> Response:
        """The cart as the page's own scripts would fetch it: lines, total, currency and hold expiry."""
        cart = self.store.cart(self.owner(request))
        lines = cart.lines if cart is not None and cart.reference is None else ()
        hold = cart.hold if cart is not None and lines else None
        return JSONResponse(
            {
                "lines": [{"label": line.label, "kind": line.kind, "amount": str(line.amount)} for line in lines],
                "total": str(cart_total(lines, self.faults)),
                "currency": CURRENCY,
                "expires_at": stamp(hold.expires_at) if hold else None,
                "now": stamp(self.clock.now()),
            }
        )

    async def guest_page(self, request: Request) -> Response:
        cart = self.open_cart(request)
        if cart is None:
            return see_other("/cart")
        return self.render(request, "guest.html", guest=self.guest_to_fill(request, cart))

    def guest_to_fill(self, request: Request, cart: Cart) -> Guest:
        """What the guest details form starts with: the details already given, else what the signed-in account
        knows (its email), so a signed-in customer does not type it again."""
        account = request.state.account
        if cart.guest != Guest() or account is None:
            return cart.guest
        return Guest(email=account.email)

    def keep_guest(self, cart: Cart, guest: Guest) -> bool:
        """Save the guest's details on the cart when they will do (a name and an email address)."""
        if not guest.name or "@" not in guest.email:
            return False
        self.store.save_guest(cart.id, guest)
        return True

    def payment_due(self, request: Request) -> Cart | NotYet:
        """The cart the payment page asks the customer to pay (noting when they first saw it), or where they go
        back to."""
        cart = self.open_cart(request)
        if cart is None:
            return NotYet("cart")
        if not cart.guest.email:
            return NotYet("guest")
        self.store.open_payment(cart.id, self.clock.now())
        return cart

    async def answer_payment_page(self) -> None:
        """Fault slow-step: the payment page answers after 3 s of real time (not the customer clock)."""
        if "slow-step" in self.faults:
            await asyncio.sleep(SLOW_PAYMENT_SECONDS)

    @property
    def payment_layout(self) -> PaymentLayout:
        return PaymentLayout.under(self.faults)

    @staticmethod
    def card_to_fill(cart: Cart) -> dict[str, str]:
        """The card fields the payment page starts with: the name on card is the guest's, never typed twice."""
        return {"card_name": cart.guest.name}

    async def save_guest(self, request: Request) -> Response:
        cart = self.open_cart(request)
        if cart is None:
            return see_other("/cart")
        form = await request.form()
        guest = Guest(*(str(form.get(field, "")).strip() for field in ("full_name", "email", "phone")))
        if not self.keep_guest(cart, guest):
            return self.render(request, "guest.html", status_code=400, guest=guest, error=GUEST_NEEDED)
        return see_other("/checkout/payment")

    async def payment_page(self, request: Request) -> Response:
        due = self.payment_due(request)
        if isinstance(due, NotYet):
            return see_other(PAGES[due.step])
        await self.answer_payment_page()
        return self.payment_form(request, due, self.card_to_fill(due))

    def payment_form(
        self, request: Request, cart: Cart, card: dict[str, str], error: str | None = None, status_code: int = 200
    ) -> Response:
        bill = payment_bill(cart.lines, self.faults)
        return self.render(
            request,
            "payment.html",
            status_code=status_code,
            bill=bill,
            guest=cart.guest,
            card=card,
            error=error,
            layout=self.payment_layout,
        )

    async def charge(self, request: Request, card: Card, email_again: str) -> Payment:
        """Charge the card once per cart: paying again leads to the same booking.

        Fault double-charge charges the card again instead; fault retyping refuses to pay until the customer
        gives their email again (`email_again`).
        """
        cart = self.store.cart(self.owner(request))
        if cart is None or not cart.lines:
            return NotYet("cart")
        if cart.reference is not None and "double-charge" not in self.faults:
            return Paid(cart.reference)
        if not cart.guest.email:
            return NotYet("guest")
        if "retyping" in self.faults and "@" not in email_again:
            return self.declined(cart, card, EMAIL_AGAIN, email_again)
        now = self.clock.now()
        reason = decline_reason(card, now.date())
        if reason is not None:
            return self.declined(cart, card, reason, email_again)
        bill = charged_bill(cart.lines, self.faults, cart.payment_opened_at, now)
        try:
            payment = self.store.pay(
                cart.id,
                bill,
                card.last4,
                now,
                count_holds=self.holds_count,
                repeat_charge="double-charge" in self.faults,
            )
        except SoldOut as error:
            return Gone(error.room_type)
        if payment.first and self.smtp_port is not None:
            total = format_money(receipt_total(bill, self.faults), bill.currency, locale_of(request))
            email = mailer.confirmation_email(cart.guest.email, payment.reference, total)
            await run_in_threadpool(mailer.send, email, self.smtp_port)
        return Paid(payment.reference)

    def declined(self, cart: Cart, card: Card, reason: str, email_again: str = "") -> Declined:
        """The decline as the customer gets it back: they retype only the card number and security code
        (an email the payment page asked for, under fault retyping, stays too).

        Fault input-lost clears the guest details and every card field as well.
        """
        if "input-lost" in self.faults:
            self.store.save_guest(cart.id, Guest())
            return Declined(reason, replace(cart, guest=Guest()), {})
        kept = {"expiry": card.expiry, "card_name": card.name}
        return Declined(reason, cart, kept | {"email": email_again} if email_again else kept)

    async def pay(self, request: Request) -> Response:
        form = await request.form()
        card = Card(*(str(form.get(field, "")) for field in ("card_number", "expiry", "cvc", "card_name")))
        outcome = await self.charge(request, card, str(form.get("email", "")).strip())
        if isinstance(outcome, Declined):
            return self.payment_form(request, outcome.cart, outcome.card, outcome.reason, status_code=402)
        if isinstance(outcome, Gone):
            return self.sold_out(request, outcome.room_type)
        if isinstance(outcome, NotYet):
            return see_other(PAGES[outcome.step])
        return see_other(f"/confirmation/{outcome.reference}")

    async def confirmation(self, request: Request) -> Response:
        booking = self.store.booking(request.path_params["reference"])
        if booking is None:
            raise HTTPException(404, "We have no booking with that reference.")
        return self.render(request, "confirmation.html", booking=booking)

    async def signin_page(self, request: Request) -> Response:
        return self.render(request, "signin.html", email="")

    def sign_in_as(self, request: Request, email: str, password: str) -> Account | None:
        """Sign the browser in, or create the account for an unknown email; the open cart follows the account
        (fault cart-lost leaves it with the browser). None when the password is wrong."""
        return self.store.sign_in(request.state.session, email, password, adopt_cart="cart-lost" not in self.faults)

    async def sign_in(self, request: Request) -> Response:
        form = await request.form()
        email, password = str(form.get("email", "")).strip(), str(form.get("password", ""))
        if "@" not in email or not password:
            return self.render(request, "signin.html", 400, email=email, error=SIGN_IN_NEEDED)
        if self.sign_in_as(request, email, password) is None:
            return self.render(request, "signin.html", 401, email=email, error=WRONG_PASSWORD)
        return see_other("/cart")
