"""The bundled demo booking site: a small hotel with one switchable fault per catalogue id."""

from __future__ import annotations

from demo_hotel.app import create_app
from demo_hotel.clock import CustomerClock
from demo_hotel.faults import FAULTS, UnknownFault, parse_faults
from demo_hotel.server import DemoServer

__all__ = ["FAULTS", "CustomerClock", "DemoServer", "UnknownFault", "create_app", "parse_faults"]
