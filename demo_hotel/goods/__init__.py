"""The bundled demo goods shop: a homeware shop in pounds, with a basket, a multi-page guest checkout, card
or bank transfer, and the hotel's fault catalogue implemented the way a goods shop breaks its word.

It shares the hotel's customer clock, gateway, mailer, accounts and test endpoints, and nothing of its
markup: no test ids, its own words and class names, and a strict Content-Security-Policy.
"""

from __future__ import annotations

from demo_hotel.goods.app import create_app
from demo_hotel.goods.faults import GOODS_FAULTS

__all__ = ["GOODS_FAULTS", "create_app"]
