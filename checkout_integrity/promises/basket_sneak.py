"""basket-sneak: "Something I did not choose was added."

Every extra on a page the customer saw must be one the customer chose (`Journey.choose_extra`); the
shop may spell it out further ("Breakfast for 2" for a chosen "Breakfast").
"""

from __future__ import annotations

from checkout_integrity._findings import CATALOGUE, Finding
from checkout_integrity._journey import Journey
from checkout_integrity.promises._steps import PAGE
from checkout_integrity.promises._words import listing, where

DEFECT = CATALOGUE["basket-sneak"]


def only_what_i_chose(journey: Journey) -> list[Finding]:
    """No extra appears that I did not ask for."""
    chosen = sorted(journey.chosen_extras)
    i_chose = f"I chose only {listing(chosen)}" if chosen else "I chose no extras"
    chosen_prefixes = tuple(extra.casefold() for extra in chosen)
    reported: set[str] = set()
    findings = []
    for snapshot in journey.seen_by():
        if snapshot.source != PAGE:
            continue
        for line in snapshot.lines:
            label = line.label.casefold()
            if line.kind != "extra" or label in reported or label.startswith(chosen_prefixes):
                continue
            reported.add(label)
            findings.append(
                DEFECT.finding(
                    f"Something I did not choose was added: {line} appeared {where(snapshot.step)}, but {i_chose}.",
                    step=snapshot.step,
                    evidence=(snapshot.screenshot,),
                )
            )
    return findings
