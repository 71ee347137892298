"""Problems of the harness itself: what it recorded cannot be read or judged.

A shop that breaks its word is never an exception here; that is a `Finding`. Exceptions say the
harness needs fixing (a price it cannot read, sums across currencies, an unknown promise id):

    JourneyError
     ├── PriceParseError      a price text could not be read as money in the locale tried
     ├── CurrencyMismatch     arithmetic or ordering between two currencies
     ├── UnknownPromise       a promise id that no promise checks
     ├── ProfileError         a site profile is not valid, or does not fit the shop it is pointed at
     ├── RealCardRefused      a card number that is no known gateway test number, without --allow-real-cards
     └── OrderRefused         placing an order in a run that never buys (--no-orders, site.orders = false)
"""

from __future__ import annotations


class JourneyError(Exception):
    """The harness recorded or asked for something it cannot judge; the message says what to fix."""


class PriceParseError(JourneyError, ValueError):
    """A price text is not money in the locale tried."""

    def __init__(self, message: str, *, text: str, locale: str) -> None:
        super().__init__(message)
        self.text = text
        self.locale = locale


class CurrencyMismatch(JourneyError, ValueError):
    """Two amounts in different currencies were added, subtracted or ordered."""


class UnknownPromise(JourneyError, LookupError):
    """A promise id that is not in the registry of promises."""


class ProfileError(JourneyError):
    """A site profile that cannot be read, or a key of it that does not fit the shop; one sentence with the fix."""

    def __init__(self, message: str, *, key: str = "") -> None:
        super().__init__(message)
        self.key = key


class RealCardRefused(JourneyError, ValueError):
    """A card number that is not a known test number; only its last four digits are kept."""

    def __init__(self, message: str, *, last4: str) -> None:
        super().__init__(message)
        self.last4 = last4


class OrderRefused(JourneyError):
    """Something asked the harness to place an order in a run that never buys; it refused."""
