"""The customer's hands: every press and every field typed on any storefront goes through them.

So the journey knows what the checkout cost the customer (each click, each field typed, where, and
whether the value had been typed before: as a digest, never the value), a keyboard-only customer reaches
each control with the Tab key alone, what the page moves as the pointer reaches the pay button is read,
and no card number that is not a gateway test number is ever typed unless the run allows it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urlparse

from playwright.sync_api import Locator, Page

from checkout_integrity._journey import CUSTOMER, Action, digest
from checkout_integrity._senses import moved_so_far
from checkout_integrity._test_cards import refuse_real_card

MOST_TABS = 80  # more Tab presses than any checkout page has controls
ASKED = """() => [...document.querySelectorAll('input[required], select[required], textarea[required]')].map(
  (field, index) => ({index, autocomplete: (field.autocomplete || '').split(' ').pop(), name: field.name,
    label: field.labels && field.labels[0] ? field.labels[0].innerText.trim() : (field.getAttribute('aria-label') || ''),
    empty: !field.value, shown: !!(field.offsetWidth || field.offsetHeight || field.getClientRects().length)}))"""
IS_FOCUSED = "element => element === document.activeElement || element.contains(document.activeElement)"


@dataclass
class Ways:
    """How a customer uses shops: with a mouse or the keyboard alone, and whether they rely on a screen reader
    (then every page they see is checked with axe-core). Steps change it while the journey runs."""

    keyboard_only: bool = False
    screen_reader: bool = False


class KeyboardDeadEnd(AssertionError):
    """A control a keyboard-only customer cannot reach with the Tab key."""


@dataclass
class Hands:
    """One customer's mouse and keyboard on one tab, reporting each action to the journey."""

    page: Page
    now: Callable[[], datetime]  # the customer's clock
    did: Callable[[Action], None]
    actor: str = CUSTOMER
    ways: Ways = field(default_factory=Ways)
    allow_real_cards: bool = False

    @property
    def keyboard_only(self) -> bool:
        return self.ways.keyboard_only

    def press(self, control: Locator, name: str, *, watch_shift: bool = False) -> None:
        """Press a button or follow a link; with `watch_shift`, the pointer first comes to rest on it and what
        the page moved meanwhile is recorded as the click's layout shift (what moved under the customer's hand)."""
        shift = None
        if self.keyboard_only:
            self._reach(control, name)
            self._record("click", name)
            control.press("Enter")  # the focus is already there: pressing on the locator waits for what it starts
            return
        if watch_shift:
            shift = self._shift_as_pointer_reaches(control)
        self._record("click", name, layout_shift=shift)
        control.click()

    def reach_for(self, control: Locator, name: str) -> None:
        """Reach for a button without pressing it (a customer of a run that never buys, at the pay button):
        the pointer, or the keyboard's focus, comes to rest on it; what the page moved meanwhile is recorded."""
        if self.keyboard_only:
            self._reach(control, name)
            self._record("reach", name)
            return
        self._record("reach", name, layout_shift=self._shift_as_pointer_reaches(control))

    def tick(self, box: Locator, name: str) -> None:
        """Tick a checkbox (with the space bar, for a keyboard-only customer)."""
        if box.is_checked():
            return
        if self.keyboard_only:
            self._reach(box, name)
        self._record("check", name)
        if self.keyboard_only:
            box.press("Space")
        else:
            box.check()

    def type(self, field: Locator, name: str, value: str, *, card_number: bool = False, secret: bool = False) -> None:
        """Type `value` into a field, unless it already shows it (a customer does not retype what is there).
        Card numbers and security codes are `secret`: recorded without even a digest."""
        if card_number:
            refuse_real_card(value, self.allow_real_cards)
        if field.input_value() == value:
            return
        if self.keyboard_only:
            self._reach(field, name)
        self._record("type", name, typed="" if secret or card_number else value, secret=secret or card_number)
        field.fill(value)  # fill moves no pointer: a keyboard customer reached the field with Tab above

    def _shift_as_pointer_reaches(self, control: Locator) -> float | None:
        """Bring the control into view, let the page settle, then move the pointer onto its middle from the
        page's corner (a hand reaching for the button; the last click may have left it on the very spot)
        and sum the layout shifts from then until the page is laid out again: all of them, also those the
        browser leaves out of its score for coming within 500 ms of typing (`hadRecentInput`), since what
        moves as the pointer arrives was not moved by the customer's keys."""
        control.scroll_into_view_if_needed()
        before = moved_so_far(self.page)
        box = control.bounding_box()
        if box is not None:
            self.page.mouse.move(0, 0)
            self.page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        after = moved_so_far(self.page)
        return None if before is None or after is None else after - before

    def answer_what_is_asked(self, details: Mapping[str, str]) -> None:
        """Fill the required fields the form still shows empty with the customer's own details, as a customer
        does when a page asks again (`details` by autocomplete token: "email", "name", "tel")."""
        fields: list[dict[str, Any]] = self.page.evaluate(ASKED)
        required = self.page.locator("input[required], select[required], textarea[required]")
        for field in fields:
            value = details.get(field["autocomplete"])
            if field["empty"] and field["shown"] and value:
                self.type(required.nth(field["index"]), field["label"] or field["name"], value)

    def _reach(self, control: Locator, name: str) -> None:
        """Tab until `control` has the focus, as a customer without a mouse does."""
        for _ in range(MOST_TABS):
            if control.evaluate(IS_FOCUSED):
                return
            self.page.keyboard.press("Tab")
        self._record("stuck", name)
        raise KeyboardDeadEnd(
            f"I could not reach '{name}' with the Tab key on {self.page.url} ({MOST_TABS} presses): the control "
            "is not in the page's tab order."
        )

    def _record(
        self, kind: str, name: str, *, typed: str = "", secret: bool = False, layout_shift: float | None = None
    ) -> None:
        address = urlparse(self.page.url)
        self.did(
            Action(
                kind=kind,
                target=name,
                page=address.path + (f"#{address.fragment}" if address.fragment else ""),
                at=self.now(),
                actor=self.actor,
                digest=digest(typed) if typed else "",
                secret=secret,
                by_keyboard=self.keyboard_only,
                layout_shift=layout_shift,
            )
        )
