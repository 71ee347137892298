"""What a customer saw, step by step: snapshots of prices, lines, form and countdown, in customer time.

The journey only records; promises judge it afterwards. A second customer competing for the same room
is recorded in the same journey with actor "rival", so that the order of the two is kept. Besides what
was seen, the journey keeps what the customer did (`Action`: each click and each field typed, with a
digest of the value, never the value), how the page felt (Web Vitals) and what stood in the way of a
keyboard or screen-reader user (axe-core violations).
"""

from __future__ import annotations

from collections.abc import Mapping
import hashlib
from dataclasses import dataclass, field, replace
from datetime import datetime
from types import MappingProxyType

from checkout_integrity._budgets import Budgets
from checkout_integrity._exceptions import JourneyError
from checkout_integrity._money import Money

CUSTOMER = "customer"
RIVAL = "rival"
NETWORK = "network"  # the source of prices a JSON response carried: kept to compare with the page, never seen
LINE_KINDS = ("room", "extra", "tax", "fee", "charge", "item", "shipping")
PRICE_ROWS = ("total", "charged")  # the amounts a price timeline follows
ACTION_KINDS = ("click", "check", "type", "reach", "stuck")


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


def digest(value: str) -> str:
    """A fingerprint of a typed or shown value: equal values match, and the value cannot be read back."""
    return hashlib.sha256(value.strip().casefold().encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Violation:
    """An accessibility rule a page broke, as axe-core names it: rule id, impact, and how many elements."""

    rule: str
    impact: str
    help: str
    elements: int = 1

    def __str__(self) -> str:
        return f"{self.help} ({self.rule}, {self.impact}, {self.elements} element(s))"


@dataclass(frozen=True)
class Action:
    """One thing the customer did: pressed a control or typed into a field, on which page, how, and when.

    A typed value is kept only as a digest, so that promises can tell the same value typed twice
    without any value (or card number) being stored. `layout_shift` is how much the page moved as the
    pointer reached a watched button; `reach` is a hand that stopped on a button without pressing it (the pay
    button, in a run that never buys); `stuck` marks a control a keyboard user could not reach.
    """

    kind: str  # "click", "check", "type", "reach" or "stuck"
    target: str  # the control's label or name, as the customer reads it
    page: str  # where it happened: the address's path (and #route in a single-page app)
    at: datetime
    step: str = ""  # the step the actor last saw, filled in by Journey.act
    actor: str = CUSTOMER
    digest: str = ""
    secret: bool = False
    by_keyboard: bool = False
    layout_shift: float | None = None

    def __post_init__(self) -> None:
        if self.kind not in ACTION_KINDS:
            raise JourneyError(
                f"The action on {self.target!r} has kind {self.kind!r}: use one of {', '.join(ACTION_KINDS)}."
            )


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
    vitals: Mapping[str, float] = field(default_factory=dict)  # "wait_ms", "lcp_ms", "cls", "inp_ms", "ttfb_ms"
    violations: tuple[Violation, ...] = ()

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
        object.__setattr__(self, "vitals", MappingProxyType(dict(self.vitals)))
        object.__setattr__(self, "violations", tuple(self.violations))

    def currencies(self) -> list[str]:
        """Every currency this snapshot shows, in the order the customer reads them."""
        seen = [self.currency] if self.currency else []
        seen += [money.currency for money in self.amounts.values()]
        seen += [line.amount.currency for line in self.lines]
        return list(dict.fromkeys(seen))


class Journey:
    """The ordered snapshots and actions of one customer's visit, the extras the customer chose on the way,
    the budgets its steps are held to, and the promises its site gives no way to check (`unchecked`)."""

    def __init__(
        self, customer: str, budgets: Budgets | None = None, unchecked: Mapping[str, str] | None = None
    ) -> None:
        self.customer = customer
        self.budgets = budgets or Budgets()
        self.unchecked = MappingProxyType(dict(unchecked or {}))  # promise id -> what its site does not give
        self._in_turn: list[Snapshot | Action] = []
        self._chosen_extras: set[str] = set()

    def __repr__(self) -> str:
        return f"Journey({self.customer!r}, {len(self.snapshots)} snapshots)"

    @property
    def snapshots(self) -> tuple[Snapshot, ...]:
        """Every snapshot, the customer's and any rival's, in the order they were recorded."""
        return tuple(moment for moment in self._in_turn if isinstance(moment, Snapshot))

    @property
    def actions(self) -> tuple[Action, ...]:
        """Everything the customers did, in order."""
        return tuple(moment for moment in self._in_turn if isinstance(moment, Action))

    @property
    def in_turn(self) -> tuple[Snapshot | Action, ...]:
        """What was seen and what was done, in the order it happened."""
        return tuple(self._in_turn)

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
        self._in_turn.append(snapshot)

    def act(self, action: Action) -> None:
        """Record what a customer did, in the order they did it, at the step they last saw."""
        seen = self.seen_by(action.actor)
        self._in_turn.append(replace(action, step=seen[-1].step) if seen and not action.step else action)

    def choose_extra(self, label: str) -> None:
        """Note an extra the customer asked for, by the label the shop gives it."""
        self._chosen_extras.add(label)

    def seen_by(self, actor: str = CUSTOMER) -> tuple[Snapshot, ...]:
        """What one actor saw, in order: every snapshot of theirs but the prices the network carried."""
        return tuple(
            snapshot for snapshot in self.snapshots if snapshot.actor == actor and snapshot.source != NETWORK
        )

    def timeline(self) -> list[tuple[str, datetime, Money]]:
        """The customer's totals and charges as (step, at, amount) rows, for a price timeline in reports."""
        return [
            (snapshot.step, snapshot.at, snapshot.amounts[name])
            for snapshot in self.seen_by(CUSTOMER)
            for name in PRICE_ROWS
            if name in snapshot.amounts
        ]
