"""How a site profile names an element: `label=Email`, `button=Pay now`, `testid=cart-total`, `css=.total`.

Actions find elements as a customer does (Playwright's `get_by_label`, `get_by_role`, `get_by_text`,
`get_by_test_id`, or CSS). Reads run inside the page in one script, so they take the kinds a script
resolves by itself: `testid=`, `css=` and `text=`; `@name` reads an attribute of the element itself, and
`css=h3 a@title` one of the first element inside it that matches. Text without a known `kind=` prefix is
CSS. Values may name variables: `link=Choose {offer}`.
"""

from __future__ import annotations

import difflib
import re
import string
from collections.abc import Mapping
from dataclasses import dataclass

from playwright.sync_api import Locator, Page

ROLE_KINDS = ("button", "link")
ACTING_KINDS = ("label", *ROLE_KINDS, "role", "testid", "text", "css")
READING_KINDS = ("testid", "css", "text")
LOOKS_LIKE_A_KIND = re.compile(r"^([A-Za-z_]+)=")
ATTRIBUTE_AT_THE_END = re.compile(r"@([A-Za-z_:][-\w:.]*)$")


@dataclass(frozen=True)
class Where:
    """One locator of a profile: its kind and its value, variables not yet filled in."""

    kind: str
    value: str
    attribute: str | None = None  # a reading locator's `@name`: the element's attribute, not its text

    def __str__(self) -> str:
        return f"{self.kind}={self.value}" + (f"@{self.attribute}" if self.attribute else "")

    def filled(self, variables: Mapping[str, str]) -> Where:
        """This locator with its `{variables}` replaced by the customer's values."""
        return Where(self.kind, fill_in(self.value, variables), self.attribute)

    def on(self, scope: Page | Locator) -> Locator:
        """The Playwright locator for this (filled-in) locator, inside `scope`."""
        if self.kind == "label":
            return scope.get_by_label(self.value, exact=True)
        if self.kind in ROLE_KINDS:
            return scope.get_by_role(self.kind, name=self.value, exact=True)  # type: ignore[arg-type]
        if self.kind == "role":
            role, _, name = self.value.partition(":")
            return scope.get_by_role(role, name=name or None, exact=bool(name))  # type: ignore[arg-type]
        if self.kind == "testid":
            return scope.get_by_test_id(self.value)
        if self.kind == "text":
            return scope.get_by_text(self.value)
        return scope.locator(self.value)

    def for_script(self) -> dict[str, str]:
        """How the page's reading script finds it: a CSS selector, or a text to look for (and the attribute)."""
        found = (
            {"css": f'[data-testid="{self.value}"]'}
            if self.kind == "testid"
            else {"text": self.value} if self.kind == "text" else {"css": self.value}
        )
        return found | ({"attribute": self.attribute} if self.attribute else {})


def parse_where(text: object, kinds: tuple[str, ...] = ACTING_KINDS) -> Where:
    """Read `kind=value` (or bare CSS); ValueError names the kinds allowed here when the prefix is not one."""
    if not isinstance(text, str):
        raise ValueError(f"a locator is text, such as \"{kinds[0]}=...\", not {text!r}")
    attribute = ATTRIBUTE_AT_THE_END.search(text) if kinds == READING_KINDS else None
    if attribute is not None and attribute.start() > 0:
        where = parse_where(text[: attribute.start()], kinds)
        return Where(where.kind, where.value, attribute.group(1))
    prefix = LOOKS_LIKE_A_KIND.match(text)
    if prefix is None:
        if not text.strip():
            raise ValueError("an empty locator finds nothing: write one such as testid=cart-total")
        return Where("css", text)
    kind, value = prefix.group(1), text[prefix.end() :]
    if kind not in kinds:
        nearest = difflib.get_close_matches(kind, kinds, n=1, cutoff=0.0)[0]
        allowed = ", ".join(f"{known}=" for known in kinds)
        raise ValueError(
            f"the locator kind {kind}= is not one this key takes (the nearest is {nearest}=): use {allowed}"
        )
    if not value.strip():
        raise ValueError(f"the locator {text!r} has no value after {kind}=")
    return Where(kind, value)


def variables_in(text: str) -> list[str]:
    """The `{names}` a template uses."""
    try:
        return [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError as broken:
        raise ValueError(f"{text!r} is not a template ({broken}): write variables as {{name}}") from None


def fill_in(template: str, variables: Mapping[str, str]) -> str:
    """`Choose {offer}` with the variables' values."""
    return template.format_map(variables)
