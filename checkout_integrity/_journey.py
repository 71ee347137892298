"""What a customer saw, step by step: snapshots of prices, lines, form and countdown, in customer time.

The journey only records; promises judge it afterwards. A second customer competing for the same room
is recorded in the same journey with actor "rival", so that the order of the two is kept.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType

from checkout_integrity._exceptions import JourneyError
from checkout_integrity._money import Money

CUSTOMER = "customer"
RIVAL = "rival"
NETWORK = "network"  # the source of prices a JSON response carried: kept to compare with the page, never seen
LINE_KINDS = ("room", "extra", "tax", "fee", "charge", "item", "shipping")
PRICE_ROWS = ("total", "charged")  # the amounts a price timeline follows


@dataclass(frozen=True)
class Line:
    """One priced line as the customer reads it: a room, an extra, a tax, a fee, a charge on the card."""

    label: str
    amount: Money
    kind: str

    def __post_init__(self) -> None:
        if self.kind not in LINE_KINDS:
            raise JourneyError(
                f"The line {self.label!r} has kind {self.kind!r}, which no promise reads: use one of "
                f"{', '.join(LINE_KINDS)}."
            )

    def __str__(self) -> str:
        return f"'{self.label}' {self.amount}"


@dataclass(frozen=True)
class Snapshot:
    """What one actor saw at one step, at one moment of customer time; immutable once recorded."""

    step: str
    at: datetime
    url: str = ""
    source: str = "page"
    actor: str = CUSTOMER
    amounts: Mapping[str, Money] = field(default_factory=dict)
    lines: tuple[Line, ...] = ()
    currency: str | None = None
    form: Mapping[str, str] = field(default_factory=dict)
    hold_remaining: int | None = None
    facts: Mapping[str, str] = field(default_factory=dict)
    screenshot: str | None = None

    def __post_init__(self) -> None:
        if self.at.utcoffset() is None:
            raise JourneyError(
                f"The snapshot of step {self.step!r} has a naive time {self.at.isoformat()}: record customer "
                "time as an aware datetime, such as datetime.now(UTC)."
            )
        object.__setattr__(self, "amounts", MappingProxyType(dict(self.amounts)))
        object.__setattr__(self, "lines", tuple(self.lines))
        object.__setattr__(self, "form", MappingProxyType(dict(self.form)))
        object.__setattr__(self, "facts", MappingProxyType(dict(self.facts)))

    def currencies(self) -> list[str]:
        """Every currency this snapshot shows, in the order the customer reads them."""
        seen = [self.currency] if self.currency else []
        seen += [money.currency for money in self.amounts.values()]
        seen += [line.amount.currency for line in self.lines]
        return list(dict.fromkeys(seen))


class Journey:
    """The ordered snapshots of one customer's visit, and the extras the customer chose on the way."""

    def __init__(self, customer: str) -> None:
        self.customer = customer
        self._snapshots: list[Snapshot] = []
        self._chosen_extras: set[str] = set()

    def __repr__(self) -> str:
        return f"Journey({self.customer!r}, {len(self._snapshots)} snapshots)"

    @property
    def snapshots(self) -> tuple[Snapshot, ...]:
        """Every snapshot, the customer's and any rival's, in the order they were recorded."""
        return tuple(self._snapshots)

    @property
    def chosen_extras(self) -> frozenset[str]:
        return frozenset(self._chosen_extras)

    def observe(self, snapshot: Snapshot) -> None:
        """Record what was seen; the order of observation is the order of the journey."""
        if not isinstance(snapshot, Snapshot):
            raise JourneyError(
                f"Journey.observe() takes a Snapshot, got {snapshot!r}: record what the customer saw with "
                "the storefront's look(), or skip the step when there is nothing to see."
            )
        self._snapshots.append(snapshot)

    def choose_extra(self, label: str) -> None:
        """Note an extra the customer asked for, by the label the shop gives it."""
        self._chosen_extras.add(label)

    def seen_by(self, actor: str = CUSTOMER) -> tuple[Snapshot, ...]:
        """What one actor saw, in order: every snapshot of theirs but the prices the network carried."""
        return tuple(
            snapshot for snapshot in self._snapshots if snapshot.actor == actor and snapshot.source != NETWORK
        )

    def timeline(self) -> list[tuple[str, datetime, Money]]:
        """The customer's totals and charges as (step, at, amount) rows, for a price timeline in reports."""
        return [
            (snapshot.step, snapshot.at, snapshot.amounts[name])
            for snapshot in self.seen_by(CUSTOMER)
            for name in PRICE_ROWS
            if name in snapshot.amounts
        ]
