"""The demo hotel as a Starlette app: routes, the session cookie, and the template context."""

from __future__ import annotations

import secrets
from functools import partial
from pathlib import Path
from typing import Any

import jinja2

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates
from starlette.types import ASGIApp

from demo_hotel.api import api_routes
from demo_hotel.clock import CustomerClock
from demo_hotel.faults import FAULTS, UnknownFault
from demo_hotel.harness_api import harness_routes
from demo_hotel.pricing import LOCALES, format_money
from demo_hotel.shop import Shop, locale_of
from demo_hotel.store import Database, Store

SESSION_COOKIE = "session"
TEMPLATES = Path(__file__).with_name("templates")
STATIC = Path(__file__).with_name("static")
UIS = ("pages", "spa")


class CustomerSession(BaseHTTPMiddleware):
    """Give every browser a random session token in a cookie, look up who is signed in, remember `?lang=`."""

    def __init__(self, app: ASGIApp, store: Database) -> None:
        super().__init__(app)
        self.store = store

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        token = request.cookies.get(SESSION_COOKIE) or secrets.token_urlsafe(24)
        request.state.session = token
        request.state.account = self.store.account(token)
        response = await call_next(request)
        if token != request.cookies.get(SESSION_COOKIE):
            response.set_cookie(SESSION_COOKIE, token, httponly=True, samesite="lax")
        lang = request.query_params.get("lang", "")
        if lang in LOCALES and lang != request.cookies.get("lang"):
            response.set_cookie("lang", lang, samesite="lax")
        return response


def page_context(request: Request) -> dict[str, Any]:
    """What every template may use: `money(amount, currency)` in the customer's locale and the signed-in account."""
    return {"money": partial(format_money, locale=locale_of(request)), "account": request.state.account}


def create_app(
    faults: frozenset[str],
    db_path: Path,
    smtp_port: int | None = None,
    clock: CustomerClock | None = None,
    demo_mode: bool = True,
    ui: str = "pages",
) -> Starlette:
    """The site with these faults on; demo_mode adds the /__test__/ endpoints the harness drives.

    `ui` "pages" serves server-rendered pages; "spa" serves one page whose script draws every view from
    the JSON API, for the same shop. Both serve the scripts in static/.
    """
    for fault in sorted(faults - FAULTS.keys()):
        raise UnknownFault(fault)
    if ui not in UIS:
        raise ValueError(f"unknown ui {ui!r}: use one of {', '.join(UIS)}")
    store = Store(db_path)
    clock = clock or CustomerClock()
    pages = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True, lstrip_blocks=True
    )
    templates = Jinja2Templates(env=pages, context_processors=[page_context])
    shop = Shop(store, clock, faults, templates, smtp_port)
    routes: list[BaseRoute] = [
        *(page_routes(shop) if ui == "pages" else [Route("/", shop.app_page), *api_routes(shop)]),
        Mount("/static", StaticFiles(directory=STATIC)),
    ]
    if demo_mode:
        routes += harness_routes(shop)
    return Starlette(routes=routes, middleware=[Middleware(CustomerSession, store=store)])


def page_routes(shop: Shop) -> list[BaseRoute]:
    """The server-rendered pages, one per checkout step."""
    return [
        Route("/", shop.search_page),
        Route("/search", shop.results),
        Route("/rooms/{slug}", shop.room_page),
        Route("/book", shop.book, methods=["POST"]),
        Route("/cart", shop.cart_page),
        Route("/api/cart", shop.cart_api),
        Route("/checkout/guest", shop.guest_page, methods=["GET"]),
        Route("/checkout/guest", shop.save_guest, methods=["POST"]),
        Route("/checkout/payment", shop.payment_page),
        Route("/checkout/pay", shop.pay, methods=["POST"]),
        Route("/confirmation/{reference}", shop.confirmation),
        Route("/signin", shop.signin_page, methods=["GET"]),
        Route("/signin", shop.sign_in, methods=["POST"]),
    ]
