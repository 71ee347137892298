"""fake-scarcity: "It said only one was left, and it wasn't true."

What the shop says is left of an offer ("Only 1 left!", "3 rooms left") must answer to what happens: once
another customer has bought one, the next time I look the claim has moved, or the offer is gone. A claim
that stays where it was, or that outlives every unit it said was left, was not about the stock. Only the
customer's own looks at the results count (the last one after the purchase: a page left open meanwhile
shows what it showed), and only purchases the other customer saw confirmed.
"""

from __future__ import annotations

from collections.abc import Sequence

from checkout_integrity._findings import CATALOGUE, Finding
from checkout_integrity._journey import CUSTOMER, RIVAL, Journey, Snapshot
from checkout_integrity.promises._steps import CONFIRMATION, LEFT_OF, RESULTS

DEFECT = CATALOGUE["fake-scarcity"]


def claims_hold(journey: Journey) -> list[Finding]:
    """What I saw was left of an offer before another customer bought it, against what I saw last, after."""
    findings = []
    seen = journey.snapshots
    bought = [(index, offer) for index, snapshot in enumerate(seen) if (offer := _bought(snapshot)) is not None]
    for offer in dict.fromkeys(offer for _, offer in bought):
        times = [index for index, bought_offer in bought if bought_offer == offer]
        before = _last_look(seen[: times[0]])
        after = _last_look(seen[times[-1] :])  # the last: a page left open meanwhile still shows the old claim
        claimed, still = _left(before, offer), _left(after, offer)
        if before is None or after is None or claimed is None or still is None:
            continue  # no claim before, or none after (sold out): nothing untrue
        if still == claimed or len(times) >= claimed:
            findings.append(_untrue(offer, claimed, still, len(times), before, after))
    return findings


def _bought(snapshot: Snapshot) -> str | None:
    """The offer another customer's confirmation says they bought."""
    if snapshot.actor == RIVAL and snapshot.step == CONFIRMATION:
        return snapshot.facts.get("offer")
    return None


def _last_look(snapshots: Sequence[Snapshot]) -> Snapshot | None:
    """My last look at the results among these."""
    return next((one for one in reversed(snapshots) if one.actor == CUSTOMER and one.step == RESULTS), None)


def _left(look: Snapshot | None, offer: str) -> int | None:
    claim = look.facts.get(f"{LEFT_OF}{offer}") if look is not None else None
    return int(claim) if claim is not None else None


def _untrue(offer: str, claimed: int, still: int, count: int, before: Snapshot, after: Snapshot) -> Finding:
    bought = "one" if count == 1 else str(count)
    return DEFECT.finding(
        f"{DEFECT.customer_says.removesuffix('.')}: the results said {claimed} left of {offer!r}, another customer "
        f"bought {bought}, and the results still said {still} left.",
        step=after.step,
        evidence=(before.screenshot, after.screenshot),
    )
