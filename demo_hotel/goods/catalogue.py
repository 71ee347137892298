"""What the goods shop sells and what a basket costs: products, the extras offered with the basket,
delivery methods, the coupon, and VAT as its own line. Money is the hotel's `Line` and `Bill`, in pounds."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from demo_hotel.pricing import Line, cents, total

CURRENCY = "GBP"
LOCALE = "en_GB"
VAT_RATE = Decimal("0.20")
VAT_LABEL = "VAT (20%)"
TITLE_LENGTH = 27  # a product card shows this many characters of a longer name, then "…"
MAX_QUANTITY = 10
GIFT_WRAP = Decimal("3.50")
COUPONS = {"SAVE10": Decimal("0.10")}  # code -> share off the goods (the items, not the extras)
COUNTRIES = {
    "GB": "United Kingdom", "IE": "Ireland", "FR": "France", "DE": "Germany", "IT": "Italy", "US": "United States"
}  # fmt: skip


@dataclass(frozen=True)
class Product:
    slug: str
    name: str
    price: Decimal  # per unit, before VAT
    stock: int  # units in the warehouse when the shop opens
    protection: Decimal | None = None  # the protection plan's price per unit, when the product has one

    @property
    def title(self) -> str:
        """The name as a product card shows it: "Walnut Desk Organiser - Lar…"."""
        if len(self.name) <= TITLE_LENGTH + 1:
            return self.name
        return self.name[:TITLE_LENGTH].rstrip() + "…"


PRODUCTS = (
    Product("walnut-desk-organiser", "Walnut Desk Organiser - Large, Three Compartments", Decimal("34.50"), 25),
    Product(
        "ergonomic-office-chair",
        "Ergonomic Office Chair with Adjustable Lumbar Support",
        Decimal("249.00"),
        10,
        protection=Decimal("29.99"),
    ),
    Product("brass-table-lamp", "Hand-Finished Brass Table Lamp, Limited Edition", Decimal("120.00"), 1),
    Product(
        "oak-dining-table",
        "Solid Oak Extending Dining Table, Seats Eight",
        Decimal("1234.56"),
        4,
        protection=Decimal("89.00"),
    ),
    Product("linen-throw", "Stonewashed Linen Throw Blanket in Sage Green", Decimal("65.00"), 0),
)


@dataclass(frozen=True)
class Extra:
    """Something offered on the basket page, after the customer has chosen what to buy; its price includes VAT."""

    slug: str
    label: str


PROTECTION = Extra("protection", "Protection plan")
GIFT_WRAPPING = Extra("gift-wrap", "Gift wrap")
EXTRAS = {extra.slug: extra for extra in (PROTECTION, GIFT_WRAPPING)}


@dataclass(frozen=True)
class Delivery:
    slug: str
    label: str
    price: Decimal  # VAT included, as every page's footer says
    promise: str


DELIVERIES = {
    "standard": Delivery("standard", "Standard delivery", Decimal("4.95"), "3 to 5 working days"),
    "express": Delivery("express", "Express delivery", Decimal("9.95"), "next working day"),
}


@dataclass(frozen=True)
class Item:
    """Some units of one product in a basket."""

    product: Product
    quantity: int


@dataclass(frozen=True)
class ItemLine(Line):
    """An item's line: quantity × unit price, with the amount they make."""

    quantity: int
    unit: Decimal


def protection_price(items: Iterable[Item]) -> Decimal:
    """What the protection plan costs for this basket: its price per unit of every product that has one."""
    return sum((item.product.protection * item.quantity for item in items if item.product.protection), Decimal("0.00"))


def offered_extras(items: Sequence[Item]) -> list[tuple[Extra, Decimal]]:
    """The extras the basket page offers, with their price for this basket; a protection plan only for a
    basket with something it covers."""
    plan = protection_price(items)
    return [*([(PROTECTION, plan)] if plan else []), (GIFT_WRAPPING, GIFT_WRAP)]


def basket_lines(
    items: Sequence[Item],
    extras: Iterable[str],
    coupon: str | None,
    delivery: Delivery | None = None,
    unit_rise: Decimal = Decimal("1"),
) -> list[Line]:
    """The priced lines: items, the chosen extras, the coupon off the items, delivery once chosen, then VAT
    on the items after the coupon (the extras' and delivery's prices include it, so ticking an extra or
    choosing delivery leaves the VAT line as it was). `unit_rise` scales every unit price (fault price-drift)."""
    units = [(item, cents(item.product.price * unit_rise)) for item in items]
    lines: list[Line] = [
        ItemLine(item.product.name, "item", unit * item.quantity, item.quantity, unit) for item, unit in units
    ]
    goods = total(lines)
    chosen = frozenset(extras)
    lines += [Line(extra.label, "extra", price) for extra, price in offered_extras(items) if extra.slug in chosen]
    if coupon in COUPONS:
        discount = Line(f"Coupon {coupon}", "discount", -cents(goods * COUPONS[coupon]))
        lines.append(discount)
        goods += discount.amount
    vat = Line(VAT_LABEL, "tax", cents(goods * VAT_RATE))
    if delivery is not None:
        lines.append(Line(delivery.label, "shipping", delivery.price))
    lines.append(vat)
    return lines
