"""What the goods shop shows and charges at each checkout step; every pricing fault is decided here, with
the hotel's rules where a goods shop breaks its word the same way (`demo_hotel.checkout`)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from demo_hotel.checkout import DRIFT_AFTER, cart_total, payment_bill
from demo_hotel.goods.catalogue import CURRENCY, DELIVERIES, basket_lines
from demo_hotel.goods.store import Basket
from demo_hotel.pricing import Bill, Line

USD_PER_GBP = Decimal("1.27")
HANDLING_FEE = Line("Handling fee", "fee", Decimal("2.95"))
PRICE_RISE = Decimal("1.5")  # fault price-drift: unit prices once the customer has dwelt on the payment page


def basket_page_lines(basket: Basket) -> list[Line]:
    """The basket page's lines: delivery is not known there yet."""
    return basket_lines(basket.items, basket.extras, basket.coupon)


def order_lines(basket: Basket, unit_rise: Decimal = Decimal("1")) -> list[Line]:
    """The basket's lines with its delivery, once chosen."""
    delivery = DELIVERIES.get(basket.delivery or "")
    return basket_lines(basket.items, basket.extras, basket.coupon, delivery, unit_rise)


def basket_total(basket: Basket, faults: frozenset[str]) -> Decimal:
    """The basket page's total; fault total-mismatch leaves out the VAT line it lists."""
    return cart_total(basket_page_lines(basket), faults)


def payment_page_bill(basket: Basket, faults: frozenset[str], unit_rise: Decimal = Decimal("1")) -> Bill:
    """What the payment page shows: fault hidden-fee adds a handling fee, fault currency-switch shows dollars."""
    return payment_bill(
        order_lines(basket, unit_rise), faults, fee=HANDLING_FEE, currency=CURRENCY, usd_per_unit=USD_PER_GBP
    )


def charged_bill(basket: Basket, faults: frozenset[str], now: datetime) -> Bill:
    """What the order costs when placed: the payment page's bill; fault price-drift raises every unit price by
    half once the customer has spent 60 s since first opening the payment page."""
    opened = basket.payment_opened_at
    drifted = "price-drift" in faults and opened is not None and now - opened >= DRIFT_AFTER
    return payment_page_bill(basket, faults, PRICE_RISE if drifted else Decimal("1"))
