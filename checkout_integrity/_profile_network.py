"""The prices the network carried: JSON responses the profile names (`network`), read at each look.

A single-page shop renders what its JSON API sends; the harness keeps both, so that a page that shows
another price than the data it was sent is a finding (price-drift, "page and network disagree").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, Response

from checkout_integrity._exceptions import JourneyError, ProfileError
from checkout_integrity._journey import LINE_KINDS, NETWORK, Line, Snapshot
from checkout_integrity._money import Money
from checkout_integrity._profile import NetworkPrices, Profile
PATH_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")
MISSING = object()


@dataclass(frozen=True)
class Carried:
    """The prices one JSON response carried, and which request it answered."""

    request: str
    amounts: dict[str, Money]
    lines: tuple[Line, ...]

    def snapshot(self, step: str, at: datetime, actor: str) -> Snapshot:
        """A network snapshot that goes just before the page snapshot of `step` it fed."""
        currencies = {money.currency for money in [*self.amounts.values(), *(line.amount for line in self.lines)]}
        return Snapshot(
            step=f"{step} ({NETWORK})",
            at=at,
            source=NETWORK,
            actor=actor,
            url=self.request,
            amounts=self.amounts,
            lines=self.lines,
            currency=currencies.pop() if len(currencies) == 1 else None,
            facts={"request": self.request, "page step": step},
        )


class Listening:
    """Keeps the responses of the page that a `network` entry of the profile names, until the next look."""

    def __init__(self, page: Page, profile: Profile) -> None:
        self.profile = profile
        self.heard: dict[int, Response] = {}
        self.seen: set[int] = set()  # entries that matched at least one response so far
        if profile.network:
            page.on("response", self._hear)

    def _hear(self, response: Response) -> None:
        for index, entry in enumerate(self.profile.network):
            if response.request.method == entry.method and re.search(entry.url, response.url):
                self.heard.pop(index, None)  # the latest answer of each entry, in the order they came
                self.heard[index] = response

    def carried(self) -> list[Carried]:
        """What the responses heard since the last call carried, the latest last (the one the page was drawn
        from); ProfileError names a JSON path that misses."""
        heard, self.heard = self.heard, {}
        found = []
        for index, response in heard.items():
            try:
                data = response.json()
            except (PlaywrightError, ValueError):
                continue  # the page moved on and the browser let go of the body, or it was not JSON
            self.seen.add(index)
            found.append(_carried(self.profile, index, response, data))
        return found


def dig(data: Any, path: str) -> Any:
    """The value at a JSON path such as `bill.lines[0].amount`; MISSING when there is none."""
    for name, number in PATH_PART.findall(path):
        if number:
            data = data[int(number)] if isinstance(data, list) and int(number) < len(data) else MISSING
        else:
            data = data.get(name, MISSING) if isinstance(data, dict) else MISSING
        if data is MISSING:
            return MISSING
    return data


def _carried(profile: Profile, index: int, response: Response, data: Any) -> Carried:
    entry: NetworkPrices = profile.network[index]
    request = f"{response.request.method} {urlsplit(response.url).path}"
    key = f"network[{index}]"

    def fault(subkey: str, problem: str, fix: str) -> ProfileError:
        return ProfileError(
            f"The site profile {profile.path} key {key}.{subkey} {problem} in the response to {request}: {fix}.",
            key=key,
        )

    def value(subkey: str, path: str, within: Any = data) -> Any:
        found = dig(within, path)
        if found is MISSING:
            keys = ", ".join(list(within)[:8]) if isinstance(within, dict) else type(within).__name__
            raise fault(subkey, f"names {path!r}, which is not there (it has {keys})", f"fix the JSON path {subkey}")
        return found

    currency = dig(data, entry.currency)
    currency = entry.currency if currency is MISSING else currency

    def money(subkey: str, path: str, within: Any = data) -> Money:
        amount = value(subkey, path, within)
        try:
            return Money(Decimal(str(amount)), str(currency))
        except (InvalidOperation, JourneyError):
            raise fault(
                subkey,
                f"found {amount!r} in {currency!r}, which is not an amount in an ISO currency",
                f"point {subkey} at a number, and currency at an ISO code such as EUR",
            ) from None

    amounts: dict[str, Money] = {
        name: money(f"amounts.{name}", path)
        for name, path in entry.amounts.items()
        if value(f"amounts.{name}", path) is not None  # null: nothing to pay yet (an empty cart)
    }
    lines: list[Line] = []
    if entry.lines is not None:
        listed = value("lines.each", entry.lines.each)
        for item in listed if isinstance(listed, list) else ():
            kind = str(value("lines.kind", entry.lines.kind, item)) if entry.lines.kind else "item"
            if kind not in LINE_KINDS:
                raise fault("lines.kind", f"gave {kind!r}, which is not a line kind", f"use {', '.join(LINE_KINDS)}")
            label = str(value("lines.label", entry.lines.label, item))
            lines.append(Line(label, money("lines.amount", entry.lines.amount, item), kind))
    return Carried(request, amounts, tuple(lines))
