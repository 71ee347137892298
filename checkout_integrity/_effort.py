"""What a checkout cost the customer in effort: pages, clicks, fields typed (and typed again), errors met
and customer time, counted from the journey alone so that two runs or two shops compare.
"""

from __future__ import annotations

from dataclasses import dataclass

from checkout_integrity._journey import Journey
from checkout_integrity.promises._steps import customer_did, pages_seen


@dataclass(frozen=True)
class Effort:
    """The customer's effort over one journey; a rival's doings are not the customer's effort."""

    pages: int  # steps the customer saw (the same step again in a row counts once; every page passed on the
    # way counts, such as guest details on the way to payment)
    clicks: int  # buttons and links pressed, boxes ticked
    fields_typed: int
    fields_typed_again: int  # fields the customer had already typed into once
    errors_shown: int  # pages that showed the customer an error
    customer_seconds: float  # customer time from the first page to the last

    def __str__(self) -> str:
        return (
            f"{self.pages} pages, {self.clicks} clicks, {self.fields_typed} fields typed "
            f"({self.fields_typed_again} typed again), {self.errors_shown} errors shown, "
            f"{round(self.customer_seconds)} s of customer time"
        )


def effort_of(journey: Journey) -> Effort:
    """Count what the journey's customer did and met."""
    pages = [snapshot for snapshot in pages_seen(journey) if not snapshot.url.startswith("about:")]
    steps = [snapshot.step for snapshot in pages]
    typed = [action.target for action in customer_did(journey, "type")]
    return Effort(
        pages=sum(1 for index, step in enumerate(steps) if index == 0 or steps[index - 1] != step),
        clicks=len(customer_did(journey, "click", "check")),
        fields_typed=len(typed),
        fields_typed_again=sum(1 for index, target in enumerate(typed) if target in typed[:index]),
        errors_shown=sum(1 for snapshot in pages if snapshot.facts.get("error", "").strip()),
        customer_seconds=(pages[-1].at - pages[0].at).total_seconds() if pages else 0.0,
    )

