"""Money as the customer reads it: a Decimal amount in one ISO currency, read from the shop's own text.

price-parser finds the number and the currency text; Babel turns the currency text into an ISO code
and says which separator is the decimal one in the shop's locale when the text alone cannot tell.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.numbers import format_currency, get_decimal_symbol, get_territory_currencies, list_currencies
from price_parser import Price

from checkout_integrity._exceptions import CurrencyMismatch, JourneyError, PriceParseError

REPORT_LOCALE = "en_GB"
SYMBOLS_FALLBACK_LOCALE = "en"  # where a bare "$" is USD and "¥" is JPY
ISO_CODES = frozenset(list_currencies())
# A minus sign just before the number, with at most a currency text between: "-€19.00", "€-19.00", "− 19,00 €".
MINUS_BEFORE_NUMBER = re.compile(r"[-\u2212]\s*\S{0,4}\s*$")
ONE_SEPARATOR_THEN_THREE_DIGITS = re.compile(r"^\d+[.,]\d{3}$")


@dataclass(frozen=True)
class Money:
    """An amount in one currency; adding or ordering two currencies raises `CurrencyMismatch`."""

    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        if not isinstance(self.amount, Decimal) or not self.amount.is_finite():
            raise JourneyError(
                f"Money needs a finite Decimal amount, got {self.amount!r}: build it from "
                "Decimal('256.00') or read it with Money.parse(text)."
            )
        if self.currency not in ISO_CODES:
            raise JourneyError(
                f"{self.currency!r} is not an ISO 4217 currency code: use a code such as EUR, USD or GBP, "
                "or read the price with Money.parse(text) to map its symbol."
            )

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(Decimal("0.00"), currency)

    @classmethod
    def total(cls, amounts: Iterable[Money], currency: str) -> Money:
        """The sum of `amounts`, all in `currency` (zero when there are none)."""
        return sum(amounts, cls.zero(currency))

    @classmethod
    def parse(cls, text: str, locale: str = REPORT_LOCALE, currency: str | None = None) -> Money:
        """Read a price as the shop printed it in `locale`; `currency` is the fallback for bare numbers."""
        decimal_symbol = _decimal_symbol(text, locale)
        price = Price.fromstring(text)
        if decimal_symbol in (".", ",") and ONE_SEPARATOR_THEN_THREE_DIGITS.match(price.amount_text or ""):
            price = Price.fromstring(text, decimal_separator=decimal_symbol)  # "1.234": the locale decides
        if price.amount is None:
            raise PriceParseError(
                f"No price could be read from {text!r} with locale {locale}: check that the shop shows a "
                "number there, or set the site profile's locale to the one the shop formats prices in.",
                text=text,
                locale=locale,
            )
        code = _currency_code(text, price.currency, locale) or currency
        if code is None:
            raise PriceParseError(
                f"The price {text!r} names no currency that locale {locale} knows: set the site profile's "
                "locale to the one the shop formats prices in, or pass currency= where the shop prints "
                "bare numbers.",
                text=text,
                locale=locale,
            )
        before_number = re.split(r"\d", text, maxsplit=1)[0]
        amount = -price.amount if MINUS_BEFORE_NUMBER.search(before_number) else price.amount
        return cls(amount, code)

    def format(self, locale: str = REPORT_LOCALE) -> str:
        """The amount as a shop in `locale` prints it: `€256.00` in en_GB, `256,00 €` in it_IT."""
        return format_currency(self.amount, self.currency, locale=locale)

    def __str__(self) -> str:
        return self.format()

    def __add__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        return Money(self.amount + self._like(other, "add").amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        return Money(self.amount - self._like(other, "subtract").amount, self.currency)

    def __mul__(self, factor: int | Decimal) -> Money:
        if isinstance(factor, bool) or not isinstance(factor, int | Decimal):
            return NotImplemented
        return Money(self.amount * factor, self.currency)

    __rmul__ = __mul__

    def __neg__(self) -> Money:
        return Money(-self.amount, self.currency)

    def __lt__(self, other: Money) -> bool:
        return self.amount < self._like(other, "compare").amount

    def __le__(self, other: Money) -> bool:
        return self.amount <= self._like(other, "compare").amount

    def __gt__(self, other: Money) -> bool:
        return self.amount > self._like(other, "compare").amount

    def __ge__(self, other: Money) -> bool:
        return self.amount >= self._like(other, "compare").amount

    def _like(self, other: Money, doing: str) -> Money:
        """`other`, checked to be in this currency."""
        if other.currency != self.currency:
            raise CurrencyMismatch(
                f"Cannot {doing} {self} and {other}: they are in different currencies "
                f"({self.currency} and {other.currency}); work on amounts of one currency at a time."
            )
        return other


def _decimal_symbol(text: str, locale: str) -> str:
    """The locale's decimal separator; an unknown locale is a parse error naming the fix."""
    try:
        return get_decimal_symbol(locale)
    except (UnknownLocaleError, ValueError):
        raise PriceParseError(
            f"The price {text!r} cannot be read because Babel does not know the locale {locale!r}: set "
            "the site profile's locale to one such as en_GB or it_IT.",
            text=text,
            locale=locale,
        ) from None


def _currency_code(text: str, found: str | None, locale: str) -> str | None:
    """The ISO code of the currency text price-parser found, else of any word of `text` that is one."""
    if found is not None and (code := _code_of(found.upper() if found.isalpha() else found, locale)):
        return code
    for word in text.split():
        if code := _code_of(re.sub(r"[\d.,'\s]", "", word), locale):
            return code
    return None


def _code_of(symbol: str, locale: str) -> str | None:
    """`EUR` as is; a symbol by the locale's own table, then by the English one (`$` -> USD)."""
    if symbol in ISO_CODES:
        return symbol
    for table_locale in (locale, SYMBOLS_FALLBACK_LOCALE):
        codes = _symbol_table(table_locale).get(symbol, ())
        home = [code for code in codes if code in _home_currencies(table_locale)]
        if len(codes) == 1 or home:
            return (home or list(codes))[0]
    return None


@lru_cache(maxsize=32)
def _symbol_table(locale: str) -> dict[str, tuple[str, ...]]:
    """Currency symbol -> the ISO codes that print it in `locale`."""
    table: dict[str, tuple[str, ...]] = {}
    for code, symbol in Locale.parse(locale).currency_symbols.items():
        table[symbol] = (*table.get(symbol, ()), code)
    return table


@lru_cache(maxsize=32)
def _home_currencies(locale: str) -> tuple[str, ...]:
    """The currencies in use in the locale's territory (none for a bare language such as `en`)."""
    territory = Locale.parse(locale).territory
    return tuple(get_territory_currencies(territory)) if territory else ()
