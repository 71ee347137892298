"""fake-urgency: "The countdown started again when I reloaded."

After a reload the hold countdown may show at most what was left before minus the customer time that
passed since, give or take a couple of seconds for the display's rounding.
"""

from __future__ import annotations

from checkout_integrity._findings import CATALOGUE, Finding
from checkout_integrity._journey import Journey
from checkout_integrity.promises._steps import RELOADED_CART, last_before
from checkout_integrity.promises._words import countdown, later, where

DEFECT = CATALOGUE["fake-urgency"]
TOLERANCE_SECONDS = 2


def countdown_keeps_running(journey: Journey) -> list[Finding]:
    """A reload does not give my hold its time back."""
    seen = journey.seen_by()
    findings = []
    for index, reloaded in enumerate(seen):
        if reloaded.step != RELOADED_CART or reloaded.hold_remaining is None:
            continue
        before = last_before(seen, index, lambda snapshot: snapshot.hold_remaining is not None)
        if before is None or before.hold_remaining is None:
            continue
        left = max(0.0, before.hold_remaining - (reloaded.at - before.at).total_seconds())
        if reloaded.hold_remaining > left + TOLERANCE_SECONDS:
            findings.append(
                DEFECT.finding(
                    f"The countdown started again when I reloaded: {countdown(before.hold_remaining)} was left "
                    f"{where(before.step)}, and {later(before.at, reloaded.at)} the reloaded cart showed "
                    f"{countdown(reloaded.hold_remaining)} instead of {countdown(left)}.",
                    step=reloaded.step,
                    evidence=(before.screenshot, reloaded.screenshot),
                )
            )
    return findings
