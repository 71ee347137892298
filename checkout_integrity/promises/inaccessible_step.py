"""inaccessible-step: "I could not do it with a keyboard or a screen reader."

Every page of the checkout must be usable without a mouse and without sight: no serious or critical
axe-core violation on any page, and every control the customer needs within reach of the Tab key.
One finding per step for what a screen reader meets, one per step for the controls a keyboard missed.
"""

from __future__ import annotations

from checkout_integrity._findings import CATALOGUE, Finding
from checkout_integrity._journey import Journey, Violation
from checkout_integrity.promises._steps import by_step, customer_did, pages_seen
from checkout_integrity.promises._words import listing, page_of, quoted

DEFECT = CATALOGUE["inaccessible-step"]
BLOCKING = ("critical", "serious")  # axe-core's impacts that stop a customer, not merely slow them down
# What a screen-reader customer meets, by axe-core rule: (one element, several elements).
IN_CUSTOMER_WORDS = {
    "label": ("form field has no label", "form fields have no label"),
    "select-name": ("drop-down has no label", "drop-downs have no label"),
    "button-name": ("button has no name", "buttons have no name"),
    "input-button-name": ("button has no name", "buttons have no name"),
    "link-name": ("link has no name", "links have no name"),
    "image-alt": ("image has no text alternative", "images have no text alternative"),
    "color-contrast": ("text is too faint to read", "texts are too faint to read"),
    "frame-title": ("frame has no title", "frames have no title"),
    "aria-required-attr": ("control lacks what a screen reader needs", "controls lack what a screen reader needs"),
}


def usable_without_mouse_or_sight(journey: Journey) -> list[Finding]:
    """I can reach and read every page with a keyboard and a screen reader."""
    pages = by_step(pages_seen(journey))
    findings = []
    for step, snapshots in pages.items():
        broken: dict[str, Violation] = {}
        for violation in (v for snapshot in snapshots for v in snapshot.violations if v.impact in BLOCKING):
            kept = broken.get(violation.rule)
            if kept is None or violation.elements > kept.elements:
                broken[violation.rule] = violation
        if broken:
            findings.append(
                DEFECT.finding(
                    f"I could not do it with a keyboard or a screen reader: on {page_of(step)} "
                    f"{listing([_told(violation) for violation in broken.values()])}.",
                    step=step,
                    evidence=[snapshot.screenshot for snapshot in snapshots if snapshot.violations],
                )
            )
    stuck: dict[str, list[str]] = {}
    for action in customer_did(journey, "stuck"):
        stuck.setdefault(action.step or action.page, []).append(action.target)
    for step, targets in stuck.items():
        place = page_of(step) if step in pages else step
        findings.append(
            DEFECT.finding(
                f"I could not do it with a keyboard or a screen reader: I could not reach "
                f"{quoted(list(dict.fromkeys(targets)))} with the keyboard on {place}.",
                step=step,
                evidence=[snapshot.screenshot for snapshot in pages.get(step, [])][-1:],
            )
        )
    return findings


def _told(violation: Violation) -> str:
    """'4 form fields have no label (axe: label, critical)'."""
    rule = violation.help.rstrip(".")
    one, several = IN_CUSTOMER_WORDS.get(violation.rule, (f"element breaks '{rule}'", f"elements break '{rule}'"))
    words = one if violation.elements == 1 else several
    return f"{violation.elements} {words} (axe: {violation.rule}, {violation.impact})"
