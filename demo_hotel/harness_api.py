"""Test-only endpoints under /__test__/: the harness reads and moves the customer clock, reads the gateway
ledger, and reads or switches the active faults (the fault matrix tries each fault on its own scenarios in
one run). Mounted in demo mode only, and they answer loopback clients only. Both demo shops, the hotel and
the goods shop, serve them alike."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Protocol

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from demo_hotel.clock import CustomerClock, stamp
from demo_hotel.faults import FAULTS, UnknownFault, parse_faults
from demo_hotel.store import Charge

LOOPBACK = frozenset({"127.0.0.1", "::1"})
Handler = Callable[[Request], Awaitable[Response]]


class Ledger(Protocol):
    def charges(self, email: str) -> list[Charge]:
        """The card charges the gateway made for orders or bookings under this email, oldest first."""
        ...

    def restock(self) -> None:
        """Put back what earlier customers bought, where the shop sells a stock that runs out."""
        ...


class HarnessedShop(Protocol):
    """What the test endpoints drive: a shop with a gateway ledger, a customer clock and switchable faults."""

    @property
    def store(self) -> Ledger: ...

    @property
    def clock(self) -> CustomerClock: ...

    faults: frozenset[str]


def loopback_only(handler: Handler) -> Handler:
    """Answer 404, as if the endpoint did not exist, to anyone not on this machine."""

    async def guarded(request: Request) -> Response:
        if request.client is None or request.client.host not in LOOPBACK:
            raise HTTPException(404)
        return await handler(request)

    return guarded


def harness_routes(shop: HarnessedShop) -> list[Route]:
    store, clock = shop.store, shop.clock

    async def health(request: Request) -> Response:
        return JSONResponse({"ok": True})

    async def read_clock(request: Request) -> Response:
        return JSONResponse({"now": stamp(clock.now())})

    async def advance_clock(request: Request) -> Response:
        try:
            seconds = float(request.query_params["seconds"])
        except (KeyError, ValueError):
            raise HTTPException(400, "Pass ?seconds=S, a number of seconds.") from None
        return JSONResponse({"now": stamp(clock.advance(seconds))})

    async def charges(request: Request) -> Response:
        ledger = store.charges(request.query_params.get("email", ""))
        return JSONResponse(
            [
                {"reference": c.reference, "amount": str(c.amount), "currency": c.currency, "at": c.at}
                for c in ledger
            ]
        )

    async def active_faults(request: Request) -> Response:
        return JSONResponse({"active": sorted(shop.faults), "known": list(FAULTS)})

    async def switch_faults(request: Request) -> Response:
        """`POST /__test__/faults?on=a,b` makes exactly these faults active (`?on=` none) from the next request."""
        if "on" not in request.query_params:
            raise HTTPException(400, "Pass ?on=a,b, the fault ids to switch on (empty for none).")
        try:
            shop.faults = parse_faults(request.query_params["on"])
        except UnknownFault as unknown:
            raise HTTPException(400, str(unknown)) from None
        return await active_faults(request)

    async def restock(request: Request) -> Response:
        """`POST /__test__/restock`: the stock as the catalogue has it, before a scenario that needs the last one."""
        store.restock()
        return JSONResponse({"restocked": True})

    return [
        Route("/__test__/health", loopback_only(health)),
        Route("/__test__/restock", loopback_only(restock), methods=["POST"]),
        Route("/__test__/clock", loopback_only(read_clock)),
        Route("/__test__/clock/advance", loopback_only(advance_clock), methods=["POST"]),
        Route("/__test__/charges", loopback_only(charges)),
        Route("/__test__/faults", loopback_only(active_faults)),
        Route("/__test__/faults", loopback_only(switch_faults), methods=["POST"]),
    ]
