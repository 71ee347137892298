"""layout-shift: "The pay button jumped as I went to click it."

A page may move no more than its step's layout-shift budget: above all not just before the customer
presses a button (the shift is read as the pointer reaches it), where a jump makes them press the wrong
thing. At most one finding per step; a jump under the customer's hand is told before a page that moved,
and a page that moved says whether it did as it loaded or once the customer was using it.
"""

from __future__ import annotations

import re

from checkout_integrity._findings import CATALOGUE, Finding
from checkout_integrity._journey import Action, Journey
from checkout_integrity.promises._steps import by_step, customer_did, pages_seen
from checkout_integrity.promises._words import measured, page_of

DEFECT = CATALOGUE["layout-shift"]
USING = ("click", "check", "type")  # what the customer does on a page
PAY_BUTTON = re.compile(r"\bpay\b", re.IGNORECASE)  # "Pay now", "Pay €240.00", "Book and pay"


def page_holds_still(journey: Journey) -> list[Finding]:
    """Nothing on the page moves beyond its budget, least of all the button I am about to press."""
    pages = by_step(pages_seen(journey))
    jumps: dict[str, Action] = {}  # the worst jump under the customer's hand, per step
    for click in customer_did(journey, "click", "reach"):  # a press, or a hand stopped short of one
        if _over(journey, click.step, click.layout_shift) and _shift(click) > _shift(jumps.get(click.step)):
            jumps[click.step] = click
    findings = []
    for step in dict.fromkeys([*pages, *jumps]):
        shots = [snapshot.screenshot for snapshot in pages.get(step, [])]
        moved = [snapshot for snapshot in pages.get(step, []) if _over(journey, step, snapshot.vitals.get("cls"))]
        if step in jumps:
            findings.append(_jumped(journey, jumps[step], shots[-1:]))
        elif moved:
            worst = max(moved, key=lambda snapshot: snapshot.vitals["cls"])
            used = any(done.step == step and done.at <= worst.at for done in customer_did(journey, *USING))
            when = "while I was using it" if used else "as it loaded, before I did anything on it"
            findings.append(
                DEFECT.finding(
                    f"The page jumped {when}: {page_of(step)} moved by "
                    f"{measured('cls', worst.vitals['cls'])} (budget {measured('cls', journey.budgets.of(step).cls)}).",
                    step=step,
                    evidence=(worst.screenshot,),
                )
            )
    return findings


def _shift(click: Action | None) -> float:
    return (click.layout_shift or 0.0) if click is not None else 0.0


def _over(journey: Journey, step: str, shift: float | None) -> bool:
    return shift is not None and shift > journey.budgets.of(step).cls


def _jumped(journey: Journey, click: Action, evidence: list[str | None]) -> Finding:
    button = "pay button" if PAY_BUTTON.search(click.target) else "button"
    place = page_of(click.step) if click.step else click.page
    return DEFECT.finding(
        f"The {button} jumped as I went to click it: {place} moved by {measured('cls', click.layout_shift or 0.0)} "
        f"(budget {measured('cls', journey.budgets.of(click.step).cls)}) just before I pressed '{click.target}'.",
        step=click.step,
        evidence=evidence,
    )
