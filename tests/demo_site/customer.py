"""A customer of the demo site over real HTTP: one cookie jar, the pages it gets back, the journey's steps."""

from __future__ import annotations

import re
from collections.abc import Mapping
from html.parser import HTMLParser
from typing import Protocol

import httpx

STAY = {"check_in": "2030-05-01", "check_out": "2030-05-03", "guests": "2"}
GUEST = {"full_name": "Giulia Rossi", "email": "giulia@example.com", "phone": "+39 055 123456"}
VISA = {"card_number": "4242 4242 4242 4242", "expiry": "12/39", "cvc": "123", "card_name": "Giulia Rossi"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Element:
    """One HTML element with its attributes, its text and everything inside it."""

    def __init__(self, tag: str, attrs: dict[str, str | None]) -> None:
        self.tag = tag
        self.attrs = attrs
        self.parts: list[str] = []
        self.inside: list[Element] = []

    @property
    def text(self) -> str:
        """The text with runs of ASCII whitespace collapsed; a no-break space (as in `256,00 €`) is kept."""
        return re.sub(r"[ \t\r\n\f]+", " ", "".join(self.parts)).strip(" ")

    def all(self, testid: str) -> list[Element]:
        return [element for element in self.inside if element.attrs.get("data-testid") == testid]

    def one(self, testid: str) -> Element:
        (element,) = self.all(testid)
        return element

    def classed(self, name: str) -> list[Element]:
        """The elements inside with this CSS class, for pages without test ids (the goods shop)."""
        return [element for element in self.inside if name in (element.attrs.get("class") or "").split()]

    def the(self, name: str) -> Element:
        (element,) = self.classed(name)
        return element

    def field(self, name: str) -> str:
        (element,) = [element for element in self.inside if element.attrs.get("name") == name]
        return element.attrs.get("value") or ""


class PageParser(HTMLParser):
    def __init__(self, document: Element) -> None:
        super().__init__()
        self.open = [document]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, dict(attrs))
        for parent in self.open:
            parent.inside.append(element)
        if tag not in VOID:
            self.open.append(element)

    def handle_endtag(self, tag: str) -> None:
        while len(self.open) > 1 and self.open.pop().tag != tag:
            pass

    def handle_data(self, data: str) -> None:
        for element in self.open:
            element.parts.append(data)


class Page(Element):
    """A page the customer got: status, path and the parsed document."""

    def __init__(self, response: httpx.Response) -> None:
        super().__init__("document", {})
        PageParser(self).feed(response.text)
        self.status = response.status_code
        self.path = response.url.path

    def lines(self) -> list[tuple[str, str, str]]:
        """(kind, label, amount) of every cart line shown."""
        return [
            (line.attrs["data-kind"] or "", line.one("line-label").text, line.one("line-amount").text)
            for line in self.all("cart-line")
        ]

    def checked(self, name: str) -> list[str]:
        return [e.attrs["value"] or "" for e in self.inside if e.attrs.get("name") == name and "checked" in e.attrs]


class Site(Protocol):
    """Anything serving the demo site at `url`: a DemoServer in this process, or a SiteProcess of its own."""

    @property
    def url(self) -> str: ...


class Visitor:
    """One browser of any demo shop: its own cookie jar, the pages it gets, the test endpoints it reads."""

    def __init__(self, site: Site) -> None:
        self.http = httpx.Client(base_url=site.url, trust_env=False, follow_redirects=True, timeout=10)

    def get(self, path: str, **params: str) -> Page:
        return Page(self.http.get(path, params=params))

    def post(self, path: str, data: Mapping[str, str | list[str]]) -> Page:
        return Page(self.http.post(path, data=data))

    def charges(self, guest_email: str = GUEST["email"]) -> list[dict[str, str]]:
        charges: list[dict[str, str]] = self.http.get("/__test__/charges", params={"email": guest_email}).json()
        return charges

    def advance_clock(self, seconds: float) -> str:
        now: str = self.http.post("/__test__/clock/advance", params={"seconds": seconds}).json()["now"]
        return now


class Customer(Visitor):
    """A hotel guest's browser, walking the booking journey over real HTTP."""

    def search(self, stay: dict[str, str] = STAY, **params: str) -> Page:
        return self.get("/search", **stay, **params)

    def book(self, room: str = "classic-double", extras: list[str] | None = None, stay: dict[str, str] = STAY) -> Page:
        return self.post("/book", {"room_type": room, **stay, "extras": extras or []})

    def give_guest_details(self, guest: dict[str, str] = GUEST) -> Page:
        return self.post("/checkout/guest", guest)

    def pay(self, card: dict[str, str] = VISA) -> Page:
        return self.post("/checkout/pay", card)

    def reach_payment(self, room: str = "classic-double", guest: dict[str, str] = GUEST) -> Page:
        """Book the room and give guest details, landing on the payment page."""
        assert self.book(room).path == "/cart"
        return self.give_guest_details(guest)

    def sign_in(self, email_address: str, password: str = "correct horse") -> Page:
        return self.post("/signin", {"email": email_address, "password": password})
