"""slow-step: "The payment page took ages."

Each page the customer reached must be usable, show its main content and answer a click within its
step's budget (Web Vitals' thresholds unless the team set its own). One finding per step, naming every
measure over budget, the worst first.
"""

from __future__ import annotations

from checkout_integrity._findings import CATALOGUE, Finding
from checkout_integrity._journey import Journey, Snapshot
from checkout_integrity.promises._steps import by_step, pages_seen
from checkout_integrity.promises._words import capitalised, listing, measured, page_of

DEFECT = CATALOGUE["slow-step"]
TIMED = ("wait_ms", "lcp_ms", "inp_ms")  # the measures a customer feels as waiting; layout shift is layout-shift's
HOW_IT_FELT = {
    "wait_ms": "I waited {value} before I could use it",
    "lcp_ms": "its main content appeared only after {value}",
    "inp_ms": "it took {value} to answer a click",
}


def steps_within_budget(journey: Journey) -> list[Finding]:
    """No page keeps me waiting longer than its step's budget."""
    findings = []
    for step, snapshots in by_step(pages_seen(journey)).items():
        budget = journey.budgets.of(step)
        worst: dict[str, tuple[float, Snapshot]] = {}
        for snapshot in snapshots:
            for measure in TIMED:
                value = snapshot.vitals.get(measure)
                if value is not None and value > max(budget.limit(measure), worst.get(measure, (0.0,))[0]):
                    worst[measure] = (value, snapshot)
        if not worst:
            continue
        order = sorted(worst, key=lambda measure: worst[measure][0] / budget.limit(measure), reverse=True)
        felt = [
            f"{HOW_IT_FELT[m].format(value=measured(m, worst[m][0]))} (budget {measured(m, budget.limit(m))})"
            for m in order
        ]
        findings.append(
            DEFECT.finding(
                f"{capitalised(page_of(step))} took ages: {listing(felt)}.",
                step=step,
                evidence=[worst[measure][1].screenshot for measure in order],
            )
        )
    return findings
