"""The promises a shop makes to its customer, one per catalogue id, and the registry that runs them.

A promise is a function `Journey -> list[Finding]` that fires only for its own defect; the registry
maps each catalogue id of DESIGN.md to the promise that checks it.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType

from checkout_integrity._exceptions import UnknownPromise
from checkout_integrity._findings import Finding
from checkout_integrity._journey import Journey
from checkout_integrity.promises import (
    basket_sneak,
    cart_lost,
    currency_switch,
    double_charge,
    fake_scarcity,
    fake_urgency,
    hidden_fee,
    hold_broken,
    inaccessible_step,
    input_lost,
    layout_shift,
    price_drift,
    receipt_mismatch,
    retyping,
    slow_step,
    total_mismatch,
)

Promise = Callable[[Journey], list[Finding]]

PROMISES: Mapping[str, Promise] = MappingProxyType(
    {
        "price-drift": price_drift.price_held,
        "hidden-fee": hidden_fee.fees_shown_upfront,
        "hold-broken": hold_broken.room_held,
        "input-lost": input_lost.details_kept_after_decline,
        "double-charge": double_charge.charged_once,
        "receipt-mismatch": receipt_mismatch.receipts_agree,
        "basket-sneak": basket_sneak.only_what_i_chose,
        "cart-lost": cart_lost.cart_follows_me,
        "fake-urgency": fake_urgency.countdown_keeps_running,
        "currency-switch": currency_switch.one_currency,
        "total-mismatch": total_mismatch.lines_add_up,
        "fake-scarcity": fake_scarcity.claims_hold,
        "slow-step": slow_step.steps_within_budget,
        "layout-shift": layout_shift.page_holds_still,
        "inaccessible-step": inaccessible_step.usable_without_mouse_or_sight,
        "retyping": retyping.asked_once,
    }
)

__all__ = ["PROMISES", "Promise", "check_promises"]


def check_promises(journey: Journey, ids: Iterable[str] | None = None) -> list[Finding]:
    """The findings of the promises named by catalogue id (all of them when `ids` is None), each told once."""
    chosen = list(PROMISES) if ids is None else [ids] if isinstance(ids, str) else list(dict.fromkeys(ids))
    for promise_id in chosen:
        if promise_id not in PROMISES:
            raise UnknownPromise(_unknown(promise_id))
    findings: dict[tuple[str, str], Finding] = {}
    for promise_id in chosen:
        for finding in PROMISES[promise_id](journey):
            findings.setdefault((finding.id, finding.message), finding)
    return list(findings.values())


def _unknown(promise_id: str) -> str:
    """Why `promise_id` cannot be checked, and the nearest id that can."""
    nearest = difflib.get_close_matches(promise_id, PROMISES, n=1, cutoff=0.0)[0]
    return (
        f"There is no promise {promise_id!r} (the nearest is {nearest!r}): use a catalogue id of "
        f"DESIGN.md that a promise checks, one of {', '.join(PROMISES)}."
    )
