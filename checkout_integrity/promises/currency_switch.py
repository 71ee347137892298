"""currency-switch: "The currency changed on the way."

Every amount the customer meets (pages, the bank statement, the email) should be in one currency; the
finding names where each new currency first appeared.
"""

from __future__ import annotations

from checkout_integrity._findings import CATALOGUE, Finding
from checkout_integrity._journey import Journey, Snapshot
from checkout_integrity._money import Money
from checkout_integrity.promises._words import where

DEFECT = CATALOGUE["currency-switch"]


def one_currency(journey: Journey) -> list[Finding]:
    """All the prices of my journey are in the currency I started with."""
    first_seen: dict[str, Snapshot] = {}
    for snapshot in journey.seen_by():
        for currency in snapshot.currencies():
            first_seen.setdefault(currency, snapshot)
    if len(first_seen) < 2:
        return []
    (first, started), *switches = first_seen.items()
    changes = ", then ".join(
        f"in {currency} {where(snapshot.step)}{_for_example(snapshot, currency)}" for currency, snapshot in switches
    )
    return [
        DEFECT.finding(
            f"The currency changed on the way: prices were in {first} {where(started.step)}, then {changes}.",
            step=switches[0][1].step,
            evidence=(started.screenshot, *(snapshot.screenshot for _, snapshot in switches)),
        )
    ]


def _for_example(snapshot: Snapshot, currency: str) -> str:
    """' (US$281.60)': the first amount in `currency` the snapshot shows."""
    amounts: list[Money] = [*snapshot.amounts.values(), *(line.amount for line in snapshot.lines)]
    shown = next((amount for amount in amounts if amount.currency == currency), None)
    return f" ({shown})" if shown is not None else ""
