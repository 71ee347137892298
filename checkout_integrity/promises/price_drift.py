"""price-drift: "The price changed while I was paying."

Like for like only: a line against the same line (label and currency) on the first page that showed
it (since the customer last changed their order: a discount code or an extra prices the lines anew),
and each amount charged against the total last shown before paying, on the page the customer paid
on whatever the shop calls it (so a fee a review page adds is hidden-fee's, told once). Totals of pages against
each other, new lines, other currencies and the email are other promises' business. Where the journey
kept the prices the network carried (a single-page shop's JSON), the page must show what its data said:
a page and network that disagree is a price the customer was not really given.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from checkout_integrity._findings import CATALOGUE, Finding
from checkout_integrity._journey import CUSTOMER, NETWORK, Journey, Line, Snapshot
from checkout_integrity._money import Money
from checkout_integrity.promises._steps import BANK_STATEMENT, CONFIRMATION, ORDER_CHANGED, PAGE, PAYING
from checkout_integrity.promises._words import later, where

DEFECT = CATALOGUE["price-drift"]


def price_held(journey: Journey) -> list[Finding]:
    """I am charged the total the payment page showed me, and every line keeps its first price.

    What I was charged comes first: it is what the customer feels, and the run log keeps one finding
    per promise and scenario."""
    seen = journey.seen_by()
    mine = [snapshot for snapshot in journey.snapshots if snapshot.actor == CUSTOMER]
    return [*_charges_unlike_the_payment_total(seen), *_lines_that_changed(seen), *_pages_unlike_their_data(mine)]


def _pages_unlike_their_data(seen: Sequence[Snapshot]) -> Iterator[Finding]:
    """The network snapshot recorded right before a page snapshot (the data that page was drawn from) against it."""
    for index, carried in enumerate(seen):
        shown = seen[index + 1] if carried.source == NETWORK and index + 1 < len(seen) else None
        if shown is None or shown.source != PAGE:
            continue
        request = carried.facts.get("request", carried.url)
        on_page = {**{name: (f"the {name}", money) for name, money in shown.amounts.items()},
                   **{f"line {line.label}": (f"'{line.label}'", line.amount) for line in shown.lines}}
        in_data = [*((name, money) for name, money in carried.amounts.items()),
                   *((f"line {line.label}", line.amount) for line in carried.lines)]
        for name, said in in_data:
            if name in on_page and on_page[name][1] != said:
                what, showed = on_page[name]
                yield DEFECT.finding(
                    f"The price changed while I was paying: the page showed {what} as {showed} "
                    f"{where(shown.step)}, but the shop's data for that page ({request}) said {said}; "
                    "the page and the network disagree.",
                    step=shown.step,
                    evidence=(shown.screenshot,),
                )


def _lines_that_changed(seen: Sequence[Snapshot]) -> Iterator[Finding]:
    first_shown: dict[tuple[str, str], tuple[Line, Snapshot]] = {}
    for snapshot in (snapshot for snapshot in seen if snapshot.source == PAGE):
        if snapshot.facts.get(ORDER_CHANGED):  # the customer's own change (a code, an extra) prices anew
            first_shown.clear()
        for line in snapshot.lines:
            key = (line.label, line.amount.currency)
            if key not in first_shown:
                first_shown[key] = (line, snapshot)
                continue
            was, shown = first_shown[key]
            if line.amount != was.amount:
                first_shown[key] = (line, snapshot)
                yield DEFECT.finding(
                    f"The price changed while I was paying: '{line.label}' was {was.amount} {where(shown.step)} "
                    f"and {line.amount} {where(snapshot.step)}, {later(shown.at, snapshot.at)}.",
                    step=snapshot.step,
                    evidence=(shown.screenshot, snapshot.screenshot),
                )


def _charges_unlike_the_payment_total(seen: Sequence[Snapshot]) -> Iterator[Finding]:
    for index, snapshot in enumerate(seen):
        charges = _charges(snapshot)
        shown = _total_paid_on(seen, index) if charges else None
        if shown is None:
            continue
        total, since = shown
        for charged, which in charges:
            if charged.currency == total.currency and charged != total:
                yield DEFECT.finding(
                    f"The price changed while I was paying: shown {total} {where(since.step)}, charged "
                    f"{charged} {where(snapshot.step)}{which}, {later(since.at, snapshot.at)}.",
                    step=snapshot.step,
                    evidence=(since.screenshot, snapshot.screenshot),
                )


def _charges(snapshot: Snapshot) -> list[tuple[Money, str]]:
    """What this snapshot says was charged, each charge on its own, with the booking it belongs to."""
    if snapshot.step == CONFIRMATION and "charged" in snapshot.amounts:
        return [(snapshot.amounts["charged"], "")]
    if snapshot.step == BANK_STATEMENT:
        return [(line.amount, f" for booking {line.label}") for line in snapshot.lines if line.kind == "charge"]
    return []


def _total_paid_on(seen: Sequence[Snapshot], index: int) -> tuple[Money, Snapshot] | None:
    """The total on the last page before `index` that showed one, the page the customer paid on whatever
    the shop calls it (a review page after the payment page too), and the first look at that page that
    showed it unchanged."""
    since: Snapshot | None = None
    for snapshot in reversed(seen[:index]):
        if snapshot.source != PAGE or snapshot.step == CONFIRMATION:
            if since is None:
                continue
            break
        shows = snapshot.amounts.get("total")
        if since is None:
            since = snapshot if shows is not None else None
        elif not _same_page(snapshot, since) or shows not in (None, since.amounts["total"]):
            break
        elif shows is not None:
            since = snapshot
    return (since.amounts["total"], since) if since is not None else None


def _same_page(one: Snapshot, other: Snapshot) -> bool:
    """Two looks at the page the customer pays on: the same page, or the payment page and its declined card."""
    return one.step == other.step or {one.step, other.step} <= set(PAYING)
