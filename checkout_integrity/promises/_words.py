"""How a customer tells a broken promise: places, times and lists in plain words."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from checkout_integrity._budgets import UNITS
from checkout_integrity.promises._steps import (
    BANK_STATEMENT,
    CART,
    EMAIL,
    ORDER_PAGE,
    OTHER_DEVICE_CART,
    PAYMENT_DECLINED,
    RELOADED_CART,
    RESULTS,
    ROOM,
)

# How the customer names where they were; any other step reads "at <step>" ("at payment").
PLACES = {
    RESULTS: "in the results",
    ROOM: "on the room page",
    CART: "at the cart",
    BANK_STATEMENT: "on my bank statement",
    EMAIL: "in the email",
    ORDER_PAGE: "on my order page",
    OTHER_DEVICE_CART: "in the cart on my other device",
    RELOADED_CART: "in the reloaded cart",
    PAYMENT_DECLINED: "at payment after the card was declined",
}

# How the customer names a page; any other step reads "the <step> page" ("the payment page", "the room page").
PAGES = {
    CART: "the cart",
    ORDER_PAGE: "my order page",
    OTHER_DEVICE_CART: "the cart on my other device",
    RELOADED_CART: "the reloaded cart",
    PAYMENT_DECLINED: "the payment page after the card was declined",
}


def where(step: str) -> str:
    """'at the cart', 'at payment', 'on my bank statement'."""
    return PLACES.get(step, f"at {step}")


def page_of(step: str) -> str:
    """'the payment page', 'the cart'."""
    return PAGES.get(step, f"the {step} page")


def capitalised(text: str) -> str:
    """'the payment page' -> 'The payment page', for the start of a sentence."""
    return text[:1].upper() + text[1:]


def measured(measure: str, value: float) -> str:
    """A Web Vitals figure as a customer reads it: '3,214 ms', or a layout shift such as '0.42'."""
    if UNITS[measure] == "ms":
        return f"{round(value):,} ms"
    return f"{value:.2f}".rstrip("0").rstrip(".")


def quoted(labels: Sequence[str]) -> str:
    """Labels as the customer quotes them: 'Email', or 'Email' and 'Phone'."""
    return listing([f"'{label}'" for label in labels])


def later(earlier: datetime, then: datetime) -> str:
    """Customer time between two moments, in whole seconds: '60 s later'."""
    return f"{round((then - earlier).total_seconds())} s later"


def listing(items: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def times(count: int) -> str:
    """'twice', '3 times'."""
    return "twice" if count == 2 else f"{count} times"


def countdown(seconds: float) -> str:
    """A hold countdown as shops show it: '08:59'."""
    whole = max(0, round(seconds))
    return f"{whole // 60:02d}:{whole % 60:02d}"
