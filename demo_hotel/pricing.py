"""What a stay costs: Decimal money, the hotel's price list, and amounts formatted for the customer's locale."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import format_currency

CURRENCY = "EUR"
CENT = Decimal("0.01")
LOCALES = {"en": "en_GB", "it": "it_IT"}
DEFAULT_LOCALE = LOCALES["en"]
CITY_TAX_PER_GUEST_NIGHT = Decimal("4.00")
MAX_GUESTS = 8
MAX_NIGHTS = 30


@dataclass(frozen=True)
class RoomType:
    slug: str
    name: str
    nightly: Decimal
    rooms: int


@dataclass(frozen=True)
class Extra:
    slug: str
    label: str
    price: Decimal
    per_guest_night: bool

    def cost(self, stay: Stay) -> Decimal:
        return self.price * stay.guests * stay.nights if self.per_guest_night else self.price


ROOM_TYPES = (
    RoomType("classic-double", "Classic Double", Decimal("120.00"), 3),
    RoomType("deluxe-king", "Deluxe King", Decimal("180.00"), 2),
    RoomType("family-suite", "Family Suite", Decimal("240.00"), 1),
)
EXTRAS = {
    "breakfast": Extra("breakfast", "Breakfast", Decimal("15.00"), per_guest_night=True),
    "insurance": Extra("insurance", "Travel insurance", Decimal("25.00"), per_guest_night=False),
}


@dataclass(frozen=True)
class Line:
    """One priced line of a cart or booking; kind is room, extra, tax or fee."""

    label: str
    kind: str
    amount: Decimal


@dataclass(frozen=True)
class Bill:
    """Lines in one currency, with the total the customer pays."""

    lines: tuple[Line, ...]
    currency: str

    @property
    def total(self) -> Decimal:
        return total(self.lines)


@dataclass(frozen=True)
class Stay:
    check_in: date
    check_out: date
    guests: int

    @property
    def nights(self) -> int:
        return (self.check_out - self.check_in).days

    @classmethod
    def from_form(cls, fields: Mapping[str, str]) -> Stay:
        """Read check_in, check_out and guests; ValueError says in customer words what is wrong."""
        try:
            stay = cls(
                date.fromisoformat(fields.get("check_in", "")),
                date.fromisoformat(fields.get("check_out", "")),
                int(fields.get("guests", "")),
            )
        except ValueError:
            raise ValueError("Choose a check-in date, a check-out date and the number of guests.") from None
        if not 0 < stay.nights <= MAX_NIGHTS:
            raise ValueError(f"Check-out must be 1 to {MAX_NIGHTS} nights after check-in.")
        if not 0 < stay.guests <= MAX_GUESTS:
            raise ValueError(f"We take 1 to {MAX_GUESTS} guests per booking.")
        return stay

    def query(self) -> str:
        return f"check_in={self.check_in}&check_out={self.check_out}&guests={self.guests}"


def stay_lines(room: RoomType, stay: Stay, extras: Iterable[str]) -> list[Line]:
    """The cart lines for one room: the room, the chosen extras, then the city tax."""
    nights = "night" if stay.nights == 1 else "nights"
    lines = [Line(f"{room.name}, {stay.nights} {nights}", "room", room.nightly * stay.nights)]
    lines += [Line(EXTRAS[slug].label, "extra", EXTRAS[slug].cost(stay)) for slug in EXTRAS if slug in extras]
    lines.append(Line("City tax", "tax", CITY_TAX_PER_GUEST_NIGHT * stay.guests * stay.nights))
    return lines


def offer_total(room: RoomType, stay: Stay) -> Decimal:
    """The first total a customer sees: the room and the city tax for the whole stay."""
    return total(stay_lines(room, stay, ()))


def total(lines: Iterable[Line]) -> Decimal:
    return sum((line.amount for line in lines), Decimal("0.00"))


def cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def format_money(amount: Decimal, currency: str, locale: str = DEFAULT_LOCALE) -> str:
    """`€256.00` in en_GB, `256,00 €` in Italian."""
    return format_currency(amount, currency, locale=locale)
