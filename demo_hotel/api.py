"""The shop's JSON API under /api/shop/, which the single-page app (`--ui spa`) draws every view from.

It answers from the same `Shop` methods as the server-rendered pages, so every fault behaves the same
whichever way the customer meets the shop. Amounts are decimal strings ("256.00") with their currency.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from decimal import Decimal
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from demo_hotel.checkout import payment_bill
from demo_hotel.clock import stamp
from demo_hotel.gateway import Card
from demo_hotel.pricing import CURRENCY, EXTRAS, Line, Stay, offer_total
from demo_hotel.shop import (
    GUEST_NEEDED,
    SIGN_IN_NEEDED,
    WRONG_PASSWORD,
    Declined,
    Gone,
    NotYet,
    Shop,
    stay_from,
)
from demo_hotel.store import Cart, Guest, SoldOut


def bill(lines: Sequence[Line], currency: str, total: Decimal | None = None) -> dict[str, Any]:
    """Lines, total and currency, as every priced answer carries them."""
    return {
        "lines": [{"label": line.label, "kind": line.kind, "amount": str(line.amount)} for line in lines],
        "total": str(total if total is not None else sum((line.amount for line in lines), Decimal("0.00"))),
        "currency": currency,
    }


def guest_of(guest: Guest) -> dict[str, str]:
    return {"name": guest.name, "email": guest.email, "phone": guest.phone}


def stay_of(stay: Stay) -> dict[str, Any]:
    return {"check_in": str(stay.check_in), "check_out": str(stay.check_out), "guests": stay.guests,
            "nights": stay.nights}


async def fields(request: Request) -> dict[str, Any]:
    """The JSON object the app sent, its values as text (a list stays a list of text)."""
    sent = await request.json()
    return {name: [str(item) for item in value] if isinstance(value, list) else str(value)
            for name, value in sent.items()}


def api_routes(shop: Shop) -> list[Route]:
    """The routes of the JSON API over `shop`."""

    async def account(request: Request) -> Response:
        signed_in = request.state.account
        return JSONResponse({"email": signed_in.email if signed_in else None})

    async def sign_in(request: Request) -> Response:
        sent = await fields(request)
        email, password = sent.get("email", "").strip(), sent.get("password", "")
        if "@" not in email or not password:
            return JSONResponse({"error": SIGN_IN_NEEDED}, status_code=400)
        signed_in = shop.sign_in_as(request, email, password)
        if signed_in is None:
            return JSONResponse({"error": WRONG_PASSWORD}, status_code=401)
        return JSONResponse({"email": signed_in.email})

    async def offers(request: Request) -> Response:
        stay = stay_from(request.query_params)
        found = [
            {"slug": offer.room.slug, "name": offer.room.name, "nightly": str(offer.room.nightly),
             "total": str(offer.total), "rooms_left": offer.claimed}
            for offer in shop.offers(request, stay)
        ]
        return JSONResponse({"stay": stay_of(stay), "currency": CURRENCY, "offers": found})

    async def room(request: Request) -> Response:
        chosen = shop.room_of(request.path_params["slug"])
        stay = stay_from(request.query_params)
        extras = [
            {"slug": extra.slug, "label": extra.label, "price": str(extra.price),
             "per_guest_night": extra.per_guest_night, "checked": extra.slug in shop.preselected}
            for extra in EXTRAS.values()
        ]
        return JSONResponse({"room": {"slug": chosen.slug, "name": chosen.name}, "stay": stay_of(stay),
                             "total": str(offer_total(chosen, stay)), "currency": CURRENCY, "extras": extras})

    async def book(request: Request) -> Response:
        sent = await fields(request)
        chosen = shop.room_of(str(sent.get("room_type", "")))
        try:
            shop.take(request, chosen, stay_from(sent), [str(extra) for extra in sent.get("extras", [])])
        except SoldOut as gone:
            return sold_out(gone.room_type)
        return JSONResponse({"ok": True}, status_code=201)

    async def cart(request: Request) -> Response:
        view = shop.cart_view(request)
        if view is None:
            return JSONResponse({"lines": [], "total": None, "currency": CURRENCY, "expires_at": None,
                                 "now": stamp(shop.clock.now())})
        expires_at = stamp(view.expires_at) if view.expires_at is not None else None
        return JSONResponse({**bill(view.cart.lines, CURRENCY, view.total), "expires_at": expires_at,
                             "now": stamp(view.now)})

    async def guest(request: Request) -> Response:
        open_cart = shop.open_cart(request)
        if open_cart is None:
            return back("cart")
        return JSONResponse({"guest": guest_of(shop.guest_to_fill(request, open_cart))})

    async def save_guest(request: Request) -> Response:
        open_cart = shop.open_cart(request)
        if open_cart is None:
            return back("cart")
        sent = await fields(request)
        details = Guest(*(sent.get(field, "").strip() for field in ("full_name", "email", "phone")))
        if not shop.keep_guest(open_cart, details):
            return JSONResponse({"error": GUEST_NEEDED, "guest": guest_of(details)}, status_code=400)
        return JSONResponse({"ok": True})

    async def payment(request: Request) -> Response:
        due = shop.payment_due(request)
        if isinstance(due, NotYet):
            return back(due.step)
        await shop.answer_payment_page()
        return payment_form(due, shop.card_to_fill(due))

    async def pay(request: Request) -> Response:
        sent = await fields(request)
        card = Card(*(sent.get(field, "") for field in ("card_number", "expiry", "cvc", "card_name")))
        outcome = await shop.charge(request, card, sent.get("email", "").strip())
        if isinstance(outcome, Declined):
            return payment_form(outcome.cart, outcome.card, outcome.reason, status_code=402)
        if isinstance(outcome, Gone):
            return sold_out(outcome.room_type)
        if isinstance(outcome, NotYet):
            return back(outcome.step)
        return JSONResponse({"reference": outcome.reference})

    async def booking(request: Request) -> Response:
        booked = shop.store.booking(request.path_params["reference"])
        if booked is None:
            return JSONResponse({"error": "We have no booking with that reference."}, status_code=404)
        return JSONResponse({"reference": booked.reference, **bill(booked.bill.lines, booked.bill.currency),
                             "guest": guest_of(booked.guest)})

    def payment_form(cart: Cart, card: dict[str, str], error: str | None = None, status_code: int = 200) -> Response:
        """The payment step as the app draws it: the bill, the guest, the card fields to fill and the form's layout."""
        shown = payment_bill(cart.lines, shop.faults)
        answer = {**bill(shown.lines, shown.currency), "guest": guest_of(cart.guest), "card": card,
                  "layout": asdict(shop.payment_layout)}
        return JSONResponse({**answer, "error": error} if error else answer, status_code=status_code)

    def sold_out(slug: str) -> Response:
        return JSONResponse({"sold_out": shop.room_of(slug).name}, status_code=409)

    def back(step: str) -> Response:
        """The customer cannot do this yet: the app goes back to `step`."""
        return JSONResponse({"back": step}, status_code=409)

    return [
        Route("/api/shop/account", account),
        Route("/api/shop/signin", sign_in, methods=["POST"]),
        Route("/api/shop/offers", offers),
        Route("/api/shop/rooms/{slug}", room),
        Route("/api/shop/cart", cart, methods=["GET"]),
        Route("/api/shop/cart", book, methods=["POST"]),
        Route("/api/shop/guest", guest, methods=["GET"]),
        Route("/api/shop/guest", save_guest, methods=["POST"]),
        Route("/api/shop/payment", payment),
        Route("/api/shop/pay", pay, methods=["POST"]),
        Route("/api/shop/bookings/{reference}", booking),
    ]
