"""The bundled demo shops, each with one switchable fault per catalogue id: a small hotel (server pages or a
single-page app) and, in `demo_hotel.goods`, a shop selling goods (`DemoServer(shop="goods")`)."""

from __future__ import annotations

from demo_hotel.app import create_app
from demo_hotel.clock import CustomerClock
from demo_hotel.faults import FAULTS, UnknownFault, parse_faults
from demo_hotel.server import DemoServer

__all__ = ["FAULTS", "CustomerClock", "DemoServer", "UnknownFault", "create_app", "parse_faults"]
