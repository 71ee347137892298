"""Reading a demo hotel page the way the customer reads it: prices, lines, form, countdown.

One script gathers everything from the page in a single round trip; `seen_on` turns it into a Snapshot.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import urlparse

from checkout_integrity import Line, Money, Snapshot
from checkout_integrity._masking import FIELD_VALUE_JS

WHAT_THE_CUSTOMER_SEES = """() => {
  const text = (root, id) => { const el = root.querySelector(`[data-testid="${id}"]`); return el ? el.innerText.trim() : null; };
  const form = {};
  for (const input of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
    const label = input.labels && input.labels[0] ? input.labels[0].innerText.trim() : input.name;
    if (input.type === 'checkbox') { form[label] = input.checked ? 'yes' : ''; } else { form[label] = (FIELD_VALUE)(input); }
  }
  const countdown = document.querySelector('[data-testid="hold-countdown"]');
  return {
    lines: [...document.querySelectorAll('[data-testid="cart-line"]')].map(l => ({
      kind: l.dataset.kind, label: text(l, 'line-label'), amount: text(l, 'line-amount')})),
    offers: [...document.querySelectorAll('[data-testid="offer"]')].map(o => ({
      room_type: o.dataset.roomType, name: text(o, 'offer-name'), total: text(o, 'offer-total'),
      rooms_left: text(o, 'offer-rooms-left')})),
    total: text(document, 'cart-total') || text(document, 'payment-total') || text(document, 'room-total'),
    charged: text(document, 'amount-charged'),
    reference: text(document, 'booking-reference'),
    guest: text(document, 'guest-summary'),
    error: text(document, 'payment-error'),
    sold_out: document.querySelector('[data-testid="sold-out"]') !== null,
    countdown: countdown ? countdown.innerText.trim() : null,
    form,
  };
}""".replace("FIELD_VALUE", FIELD_VALUE_JS)

STEPS_BY_PATH = (
    ("/search", "results"),
    ("/rooms/", "room"),
    ("/cart", "cart"),
    ("/checkout/guest", "guest details"),
    ("/checkout/payment", "payment"),
    ("/checkout/pay", "payment"),
    ("/confirmation/", "confirmation"),
    ("/signin", "sign in"),
)


def step_of(url: str, raw: dict[str, Any]) -> str:
    """The customer's name for the page at `url`, whose contents the gathering script found in `raw`."""
    if raw.get("sold_out"):
        return "sold out"
    path = urlparse(url).path
    step = next((name for prefix, name in STEPS_BY_PATH if path.startswith(prefix)), "search")
    return "payment declined" if step == "payment" and raw.get("error") else step


def seconds_left(countdown: str | None) -> int | None:
    """'09:59' -> 599."""
    if not countdown or ":" not in countdown:
        return None
    minutes, _, seconds = countdown.partition(":")
    return int(minutes) * 60 + int(seconds)


def seen_on(
    raw: dict[str, Any],
    step: str,
    url: str,
    at: datetime,
    locale: str,
    actor: str,
    facts: dict[str, str],
    screenshot: str | None,
) -> Snapshot:
    """A Snapshot of what the gathering script found on the page."""

    def price(text: str) -> Money:
        return Money.parse(text, locale=locale)

    lines = tuple(Line(item["label"], price(item["amount"]), item["kind"]) for item in raw["lines"])
    amounts = {name: price(raw[name]) for name in ("total", "charged") if raw.get(name)}
    for offer in raw["offers"]:
        amounts[f"{offer['name']} total"] = price(offer["total"])
    form = dict(raw["form"])  # card number and security code come masked from the page (FIELD_VALUE_JS)
    if raw.get("guest") is not None:
        form["Guest"] = raw["guest"]
    found = dict(facts)
    if raw.get("reference"):
        found["reference"] = raw["reference"]
    if raw.get("error"):
        found["error"] = raw["error"]
    currencies = {money.currency for money in [*amounts.values(), *(line.amount for line in lines)]}
    return Snapshot(
        step=step,
        at=at,
        actor=actor,
        url=url,
        amounts=amounts,
        lines=lines,
        currency=currencies.pop() if len(currencies) == 1 else None,
        form=form,
        hold_remaining=seconds_left(raw.get("countdown")),
        facts=found,
        screenshot=screenshot,
    )
