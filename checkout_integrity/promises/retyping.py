"""retyping: "I had to type the same thing twice."

What the customer typed on one page must not be asked for again on another. Values are compared by
digest only. Card numbers and security codes (secret, without a digest) never count, and neither does a
field the shop had already shown filled with that value and then emptied: that is input-lost's business.
"""

from __future__ import annotations

from checkout_integrity._findings import CATALOGUE, Finding
from checkout_integrity._journey import Action, Journey, Snapshot, digest
from checkout_integrity.promises._steps import customer_did, pages_seen

DEFECT = CATALOGUE["retyping"]


def asked_once(journey: Journey) -> list[Finding]:
    """Each thing I type, I type on one page only."""
    pages = pages_seen(journey)
    typed: list[Action] = []
    findings: dict[str, Finding] = {}
    for again in customer_did(journey, "type"):
        if again.secret or not again.digest:
            continue
        first = next((before for before in typed if before.digest == again.digest and before.page != again.page), None)
        typed.append(again)
        if first is None or again.target in findings or _shown_before(pages, again):
            continue
        findings[again.target] = DEFECT.finding(
            f"I had to type the same thing twice: what I typed as '{first.target}' on {first.page} was asked for "
            f"again as '{again.target}' on {again.page}.",
            step=again.step,
            evidence=[snapshot.screenshot for snapshot in pages if snapshot.step == again.step][-1:],
        )
    return list(findings.values())


def _shown_before(pages: tuple[Snapshot, ...], action: Action) -> bool:
    """Whether a page before `action` showed its field holding the value typed (then lost it)."""
    return any(
        snapshot.at < action.at and digest(shown) == action.digest
        for snapshot in pages
        if (shown := snapshot.form.get(action.target, "")).strip()
    )
