"""The goods shop as a Starlette app: routes, the session cookie, the strict Content-Security-Policy and the
template context."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

import jinja2
from starlette.applications import Starlette
from starlette.datastructures import MutableHeaders
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from demo_hotel.app import STATIC as HOTEL_STATIC
from demo_hotel.app import CustomerSession
from demo_hotel.clock import CustomerClock
from demo_hotel.faults import FAULTS, UnknownFault
from demo_hotel.goods.catalogue import CURRENCY, LOCALE
from demo_hotel.goods.shop import GoodsShop
from demo_hotel.goods.store import GoodsStore
from demo_hotel.harness_api import harness_routes
from demo_hotel.pricing import format_money

TEMPLATES = Path(__file__).with_name("templates")
STATIC = Path(__file__).with_name("static")
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'"
)


class ContentSecurityPolicy:
    """Send the strict policy with every response, pages, files, errors and test endpoints alike: the shop's
    scripts and styles are static files, never inline."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_policy(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message)["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
            await send(message)

        await self.app(scope, receive, with_policy)


def page_context(request: Request) -> dict[str, Any]:
    """What every template may use: `money(amount)` in pounds as the shop prints them, and the account."""
    return {
        "money": partial(format_money, locale=LOCALE),
        "currency": CURRENCY,
        "account": request.state.account,
    }


def create_app(
    faults: frozenset[str],
    db_path: Path,
    smtp_port: int | None = None,
    clock: CustomerClock | None = None,
    demo_mode: bool = True,
) -> Starlette:
    """The goods shop with these faults on; demo_mode adds the /__test__/ endpoints the harness drives."""
    for fault in sorted(faults - FAULTS.keys()):
        raise UnknownFault(fault)
    store = GoodsStore(db_path)
    pages = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True, lstrip_blocks=True
    )
    templates = Jinja2Templates(env=pages, context_processors=[page_context])
    shop = GoodsShop(store, clock or CustomerClock(), faults, templates, smtp_port)
    routes = page_routes(shop)
    if demo_mode:
        routes += harness_routes(shop)
    middleware = [Middleware(ContentSecurityPolicy), Middleware(CustomerSession, store=store)]
    return Starlette(routes=routes, middleware=middleware)


async def late_banner(request: Request) -> Response:
    """Fault layout-shift's script is the hotel's, told by its tag which button to push down."""
    return FileResponse(HOTEL_STATIC / "late_banner.js")


def page_routes(shop: GoodsShop) -> list[BaseRoute]:
    """The pages, one per checkout step, and the static files."""
    return [
        Route("/", shop.catalogue),
        Route("/catalogue", shop.catalogue),
        Route("/product/{slug}", shop.product_page),
        Route("/basket/add", shop.add_to_basket, methods=["POST"]),
        Route("/basket", shop.basket_page, methods=["GET"]),
        Route("/basket", shop.update_basket, methods=["POST"]),
        Route("/basket/coupon", shop.apply_coupon, methods=["POST"]),
        Route("/checkout/email", shop.email_page, methods=["GET"]),
        Route("/checkout/email", shop.save_email, methods=["POST"]),
        Route("/checkout/address", shop.address_page, methods=["GET"]),
        Route("/checkout/address", shop.save_address, methods=["POST"]),
        Route("/checkout/delivery", shop.delivery_page, methods=["GET"]),
        Route("/checkout/delivery", shop.choose_delivery, methods=["POST"]),
        Route("/checkout/payment", shop.payment_page),
        Route("/checkout/place-order", shop.place_order, methods=["POST"]),
        Route("/order/{reference}", shop.order_page),
        Route("/orders/{reference}", shop.order_status),
        Route("/account/signin", shop.signin_page, methods=["GET"]),
        Route("/account/signin", shop.sign_in, methods=["POST"]),
        Route("/static/late_banner.js", late_banner),
        Mount("/static", StaticFiles(directory=STATIC)),
    ]
