"""The customer's pages: search, room, cart, guest details, payment, confirmation and sign-in.

Faults that change what the shop does (rather than what it charges, see `checkout`) are decided here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

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
from demo_hotel.store import Cart, Guest, Owner, SoldOut, Store

HOLD_FOR = timedelta(minutes=10)


@dataclass(frozen=True)
class Offer:
    room: RoomType
    rooms_left: int
    total: Decimal


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


class Shop:
    """Request handlers over one store, one customer clock and one set of active faults."""

    def __init__(
        self,
        store: Store,
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

    async def search_page(self, request: Request) -> Response:
        today = self.clock.now().date()
        stay = Stay(today + timedelta(days=1), today + timedelta(days=3), 2)
        return self.render(request, "search.html", stay=stay)

    async def results(self, request: Request) -> Response:
        stay = stay_from(request.query_params)
        cart = self.store.cart(self.owner(request))
        now = self.clock.now()
        offers = [
            Offer(
                room,
                self.store.rooms_left(
                    room.slug, stay, now, cart_id=cart.id if cart else None, count_holds=self.holds_count
                ),
                offer_total(room, stay),
            )
            for room in self.store.room_types()
        ]
        return self.render(request, "results.html", stay=stay, offers=offers, currency=CURRENCY)

    async def room_page(self, request: Request) -> Response:
        room = self.room_of(request.path_params["slug"])
        stay = stay_from(request.query_params)
        checked = {"insurance"} if "basket-sneak" in self.faults else set()
        return self.render(
            request,
            "room.html",
            room=room,
            stay=stay,
            total=offer_total(room, stay),
            extras=EXTRAS.values(),
            checked=checked,
            currency=CURRENCY,
        )

    async def book(self, request: Request) -> Response:
        form = await request.form()
        room = self.room_of(str(form.get("room_type", "")))
        stay = stay_from(form)
        lines = stay_lines(room, stay, [str(extra) for extra in form.getlist("extras")])
        now = self.clock.now()
        try:
            self.store.hold_room(
                self.owner(request), room, stay, lines, now, now + HOLD_FOR, count_holds=self.holds_count
            )
        except SoldOut as error:
            return self.sold_out(request, error.room_type)
        return see_other("/cart")

    def sold_out(self, request: Request, slug: str) -> Response:
        return self.render(request, "sold_out.html", status_code=409, room=self.room_of(slug))

    async def cart_page(self, request: Request) -> Response:
        cart = self.open_cart(request)
        context: dict[str, Any] = {"cart": cart, "currency": CURRENCY}
        if cart is not None:
            now = self.clock.now()
            context |= {"total": cart_total(cart.lines, self.faults), "now": stamp(now)}
            if cart.hold is not None:
                expires_at = cart.hold.expires_at
                context |= {"expires_at": stamp(expires_at), "countdown": countdown(expires_at, now)}
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
        return self.render(request, "guest.html", guest=cart.guest)

    async def save_guest(self, request: Request) -> Response:
        cart = self.open_cart(request)
        if cart is None:
            return see_other("/cart")
        form = await request.form()
        guest = Guest(*(str(form.get(field, "")).strip() for field in ("full_name", "email", "phone")))
        if not guest.name or "@" not in guest.email:
            error = "Enter the guest's full name and a valid email address."
            return self.render(request, "guest.html", status_code=400, guest=guest, error=error)
        self.store.save_guest(cart.id, guest)
        return see_other("/checkout/payment")

    async def payment_page(self, request: Request) -> Response:
        cart = self.open_cart(request)
        if cart is None:
            return see_other("/cart")
        if not cart.guest.email:
            return see_other("/checkout/guest")
        self.store.open_payment(cart.id, self.clock.now())
        return self.payment_form(request, cart, {})

    def payment_form(
        self, request: Request, cart: Cart, card: dict[str, str], error: str | None = None, status_code: int = 200
    ) -> Response:
        bill = payment_bill(cart.lines, self.faults)
        return self.render(
            request, "payment.html", status_code=status_code, bill=bill, guest=cart.guest, card=card, error=error
        )

    async def pay(self, request: Request) -> Response:
        """Charge the card once per cart: paying again leads to the same confirmation.

        Fault double-charge charges the card again instead.
        """
        cart = self.store.cart(self.owner(request))
        if cart is None or not cart.lines:
            return see_other("/cart")
        if cart.reference is not None and "double-charge" not in self.faults:
            return see_other(f"/confirmation/{cart.reference}")
        if not cart.guest.email:
            return see_other("/checkout/guest")
        form = await request.form()
        card = Card(*(str(form.get(field, "")) for field in ("card_number", "expiry", "cvc", "card_name")))
        now = self.clock.now()
        reason = decline_reason(card, now.date())
        if reason is not None:
            return self.declined(request, cart, card, reason)
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
            return self.sold_out(request, error.room_type)
        if payment.first and self.smtp_port is not None:
            total = format_money(receipt_total(bill, self.faults), bill.currency, locale_of(request))
            email = mailer.confirmation_email(cart.guest.email, payment.reference, total)
            await run_in_threadpool(mailer.send, email, self.smtp_port)
        return see_other(f"/confirmation/{payment.reference}")

    def declined(self, request: Request, cart: Cart, card: Card, reason: str) -> Response:
        """Show the decline; the customer retypes only the card number and security code.

        Fault input-lost clears the guest details and every card field as well.
        """
        if "input-lost" in self.faults:
            self.store.save_guest(cart.id, Guest())
            return self.payment_form(request, replace(cart, guest=Guest()), {}, reason, status_code=402)
        kept = {"expiry": card.expiry, "card_name": card.name}
        return self.payment_form(request, cart, kept, reason, status_code=402)

    async def confirmation(self, request: Request) -> Response:
        booking = self.store.booking(request.path_params["reference"])
        if booking is None:
            raise HTTPException(404, "We have no booking with that reference.")
        return self.render(request, "confirmation.html", booking=booking)

    async def signin_page(self, request: Request) -> Response:
        return self.render(request, "signin.html", email="")

    async def sign_in(self, request: Request) -> Response:
        """Sign in, or create the account for an unknown email; the open cart follows the account."""
        form = await request.form()
        email, password = str(form.get("email", "")).strip(), str(form.get("password", ""))
        if "@" not in email or not password:
            return self.render(request, "signin.html", 400, email=email, error="Enter your email and a password.")
        account = self.store.sign_in(request.state.session, email, password, adopt_cart="cart-lost" not in self.faults)
        if account is None:
            return self.render(request, "signin.html", 401, email=email, error="The email or password is incorrect.")
        return see_other("/cart")
