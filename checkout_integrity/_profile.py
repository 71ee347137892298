"""A site profile: how to walk one shop's checkout as a customer, written as data (TOML) instead of Python.

The schema speaks a shop's generic words: *offers* (a room type, a product), *extras* (breakfast, gift
wrap), the *cart* and its lines (kinds `room`/`item`, `extra`, `tax`, `fee`, `shipping`), *checkout*
(the customer's details and, for a product shop, the shipping method), *payment* and *confirmation*.
Each storefront action has a URL, steps and what shows it is done; `read` says where the customer reads
prices, lines and totals; `network` says which JSON responses carry prices. Optional parts may be left
out: the promises that need them are then "not checkable on this site" (`NEEDS`).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from babel import Locale, UnknownLocaleError
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from checkout_integrity._budgets import Budgets
from checkout_integrity._exceptions import JourneyError
from checkout_integrity._findings import CATALOGUE
from checkout_integrity._journey import LINE_KINDS, Snapshot
from checkout_integrity._profile_locators import ACTING_KINDS, READING_KINDS, Where, parse_where


def _acting(text: str) -> Where:
    return parse_where(text, ACTING_KINDS)


def _reading(text: str) -> Where:
    return parse_where(text, READING_KINDS)


def _pattern(text: str) -> str:
    try:
        re.compile(text)
    except re.error as broken:
        raise ValueError(f"{text!r} is not a regular expression ({broken})") from None
    return text


def _attribute(text: str) -> str:
    if not re.fullmatch(r"@[A-Za-z_:][-\w:.]*", text):
        raise ValueError(f"{text!r} is not an attribute: write it as @name, such as @data-kind")
    return text[1:]


def _locale(text: str) -> str:
    try:
        Locale.parse(text)
    except (UnknownLocaleError, ValueError):
        raise ValueError(f"Babel does not know the locale {text!r}: use one such as en_GB, it_IT or de_DE") from None
    return text


def _line_kind(text: str) -> str:
    if text not in LINE_KINDS:
        raise ValueError(f"{text!r} is not a line kind the promises read: use one of {', '.join(LINE_KINDS)}")
    return text


def _some(value: object) -> object:
    """A single value where a list is expected is a list of one."""
    return [value] if isinstance(value, str | dict) else value


ActLocator = Annotated[Where, BeforeValidator(_acting)]
ReadLocator = Annotated[Where, BeforeValidator(_reading)]
ReadyLocators = Annotated[tuple[ActLocator, ...], BeforeValidator(_some)]
ReadLocators = Annotated[tuple[ReadLocator, ...], BeforeValidator(_some)]
Pattern = Annotated[str, AfterValidator(_pattern)]
Attribute = Annotated[str, AfterValidator(_attribute)]
LineKind = Annotated[str, AfterValidator(_line_kind)]


class Part(BaseModel):
    """A part of a profile: unknown keys are mistakes, values never change once read."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, arbitrary_types_allowed=True)


DOINGS = ("goto", "click", "fill", "check", "select")


class Step(Part):
    """One thing the customer does: go to a URL, click, fill in, tick or pick an element."""

    goto: str | None = Field(default=None, description="a URL to open", examples=['"/cart"'])
    click: ActLocator | None = Field(default=None, description="what to click", examples=['"button=Pay now"'])
    fill: ActLocator | None = Field(default=None, description="a field to type into", examples=['"label=Email"'])
    check: ActLocator | None = Field(default=None, description="a checkbox to tick", examples=['"label={extra}"'])
    select: ActLocator | None = Field(default=None, description="a list to pick from", examples=['"label=Delivery"'])
    text: str | None = Field(default=None, alias="with", description="what to type or pick", examples=['"{email}"'])

    @model_validator(mode="after")
    def one_thing(self) -> Step:
        doing = [name for name in DOINGS if getattr(self, name) is not None]
        if len(doing) != 1:
            raise ValueError(
                'a step does exactly one of goto, click, fill, check or select, such as { click = "button=Search" }'
            )
        if (self.fill or self.select) is not None and self.text is None:
            raise ValueError(
                'a fill or select step says what with `with`, such as { fill = "label=Email", with = "{email}" }'
            )
        return self

    @property
    def doing(self) -> str:
        return next(name for name in DOINGS if getattr(self, name) is not None)


class Action(Part):
    """A storefront action: open `url` (if given), do the `steps`, then on each page `on` names that the shop
    shows next, that page's steps; then wait until one of `ready` shows."""

    url: str | None = Field(default=None, description="the URL the action starts at", examples=['"/cart"'])
    steps: tuple[Step, ...] = Field(
        default=(), description="what the customer does, in order", examples=['[{ click = "button=Book now" }]']
    )
    on: dict[str, tuple[Step, ...]] = Field(
        default_factory=dict,
        description="page name (of [pages]) -> what the customer does on that page, for an action that crosses "
        "pages (a checkout's email, address and delivery pages): each page once, in the order the shop shows them",
        examples=['{ address = [{ fill = "label=City", with = "{city}" }, { click = "button=Continue" }] }'],
    )
    ready: ReadyLocators = Field(
        default=(), description="what shows the action is done (any one of them)", examples=['["testid=cart-total"]']
    )

    def keyed_steps(self, name: str) -> Iterator[tuple[str, Step]]:
        """Every step of the action `name` with its key: `checkout.steps[0]`, `checkout.on.address[2]`."""
        for index, step in enumerate(self.steps):
            yield f"{name}.steps[{index}]", step
        for page, steps in self.on.items():
            for index, step in enumerate(steps):
                yield f"{name}.on.{page}[{index}]", step


class ChooseOffer(Action):
    """Picking one offer from the results: `choose` is what the customer clicks; no such element means sold out."""

    choose: ActLocator = Field(
        description="what the customer clicks to pick an offer, with {offer} for its name",
        examples=['"link=Choose {offer}"'],
    )


class ChooseExtras(Action):
    """Ticking one extra ({extra}): on the offer's page before booking, or in the cart `after` booking."""

    after: Literal["choose_offer", "add_to_cart"] = Field(
        default="choose_offer",
        description="which action the shop offers its extras after: choose_offer (the offer's page) or "
        "add_to_cart (the cart)",
        examples=['"add_to_cart"'],
    )


class UseCode(Action):
    """Typing a discount code ({code}) in the cart; `code` is one the shop takes, for the stock scenarios."""

    code: str | None = Field(default=None, description="a discount code the shop takes", examples=['"SAVE10"'])


class Checkout(Action):
    """From the cart to the payment page; `deliveries` are the ways of delivery the customer may name."""

    deliveries: dict[str, str] = Field(
        default_factory=dict,
        description="the customer's word for a delivery -> the shop's ({delivery} in the steps), the first the one "
        "a customer who says nothing gets",
        examples=['{ standard = "Standard delivery", express = "Express delivery" }'],
    )


class ChoosePayment(Action):
    """Picking how to pay ({method}) on the payment page; `methods` are the ways the customer may name."""

    methods: dict[str, str] = Field(
        min_length=1,
        description="the customer's word for a way of paying -> the shop's ({method} in the steps); `card` is the "
        "one enter_card types into",
        examples=['{ card = "Card", "bank transfer" = "Pay by bank transfer" }'],
    )


class Pay(Action):
    """Paying: `request` is the URL of the request that pays, which a retry or double click sends again."""

    request: Pattern | None = Field(
        default=None,
        description="a regular expression for the URL of the payment request",
        examples=['"/checkout/pay"'],
    )


class PageRule(Part):
    """How to tell a page: its address matches `url` (a regular expression), or `shows` is on it."""

    url: Pattern | None = Field(
        default=None,
        description="a regular expression searched in the path, query and fragment",
        examples=['"^/cart"'],
    )
    shows: ReadLocator | None = Field(
        default=None, description="an element only this page has", examples=['"css=[data-view=cart]"']
    )

    @model_validator(mode="after")
    def told_apart(self) -> PageRule:
        if self.url is None and self.shows is None:
            raise ValueError('a page is told by url or shows, such as { url = "^/cart" }')
        return self


class Lines(Part):
    """Priced lines (cart, payment, confirmation): each line element and, inside it, its label, amount and kind."""

    each: ReadLocator = Field(description="one element per line", examples=['"testid=cart-line"'])
    label: ReadLocator = Field(description="the line's name, inside the line", examples=['"testid=line-label"'])
    amount: ReadLocator = Field(description="the line's price, inside the line", examples=['"testid=line-amount"'])
    kind: Attribute | ReadLocator | None = Field(
        default=None,
        description="the line's kind: an attribute of the line (@name) or an element inside it",
        examples=['"@data-kind"'],
    )
    kinds: dict[str, LineKind] = Field(
        default_factory=dict,
        description="the shop's words (kinds or label beginnings) -> the harness's line kinds",
        examples=['{ "Delivery" = "shipping", "VAT" = "tax" }'],
    )
    default_kind: LineKind = Field(
        default="item", description="the kind of a line nothing else names", examples=['"item"']
    )
    keep: tuple[Pattern, ...] = Field(
        default=(),
        description="regular expressions searched in each line's label: only the lines one of them fits are lines",
        examples=['["^Room", "tax$"]'],
    )
    drop: tuple[Pattern, ...] = Field(
        default=(),
        description="regular expressions searched in each line's label: the rows they fit are no lines (totals rows)",
        examples=['["^Basket total", "^Order total"]'],
    )

    def counts(self, label: str | None) -> bool:
        """Whether the row labelled `label` is a priced line, by `keep` and `drop`."""
        text = label or ""
        kept = not self.keep or any(re.search(pattern, text) for pattern in self.keep)
        return kept and not any(re.search(pattern, text) for pattern in self.drop)


class Offers(Part):
    """The offers in the results: each one, its name and total, how many are left, and the shop's id for it."""

    each: ReadLocator = Field(description="one element per offer", examples=['"testid=offer"'])
    name: Attribute | ReadLocator = Field(
        description="the offer's name, inside the offer (an attribute where the shop cuts the title short)",
        examples=['"testid=offer-name"', '"css=h3 a@title"'],
    )
    total: ReadLocator | None = Field(
        default=None, description="the offer's total price", examples=['"testid=offer-total"']
    )
    left: ReadLocator | None = Field(
        default=None,
        description="how many are left (the first number in it; none: 0)",
        examples=['"testid=offer-rooms-left"'],
    )
    id: Attribute | ReadLocator | None = Field(
        default=None,
        description="the shop's id for the offer: an attribute of it (@name) or of an element inside it",
        examples=['"@data-room-type"', '"css=a@href"'],
    )
    sold_out: ReadLocator | None = Field(
        default=None,
        description="what says this offer cannot be bought, inside the offer",
        examples=['"text=Unavailable"'],
    )


class Form(Part):
    """The fields the customer fills in, read by their labels; secret ones are masked before they are kept."""

    fields: str = Field(
        default="input:not([type=hidden]), select, textarea",
        description="CSS for the fields to read",
        examples=['"form input"'],
    )
    secret: tuple[str, ...] = Field(
        default=("Card number", "Security code"),
        description="labels of card secrets, the card number first",
        examples=['["Card number", "CVC"]'],
    )
    mask: str = Field(
        default="input[autocomplete^='cc-']",
        description="CSS for fields blacked out in screenshots",
        examples=['"input[name^=card]"'],
    )


class Read(Part):
    """Where the customer reads what the shop says; every key but `total` and `offers` is optional, and each
    takes one locator or a list of them (the first that shows on a page is read)."""

    total: ReadLocators = Field(
        min_length=1,
        description="the total to pay (the first of these found on a page)",
        examples=['["testid=cart-total", "testid=payment-total"]'],
    )
    offers: Offers = Field(
        description="the offers in the results", examples=['{ each = "testid=offer", name = "testid=offer-name" }']
    )
    lines: Lines | None = Field(
        default=None,
        description="the priced lines of cart, payment and confirmation",
        examples=['{ each = "testid=cart-line", label = "testid=line-label", amount = "testid=line-amount" }'],
    )
    charged: ReadLocators | None = Field(
        default=None, description="the amount charged, on the confirmation", examples=['"testid=amount-charged"']
    )
    reference: ReadLocators | None = Field(
        default=None, description="the order or booking reference", examples=['"testid=booking-reference"']
    )
    error: ReadLocators | None = Field(
        default=None, description="the payment error message", examples=['"css=[role=alert]"']
    )
    sold_out: ReadLocators | None = Field(
        default=None, description="what says the offer is gone", examples=['"testid=sold-out"']
    )
    countdown: ReadLocators | None = Field(
        default=None, description="the hold countdown, as MM:SS", examples=['"testid=hold-countdown"']
    )
    guest: ReadLocators | None = Field(
        default=None, description="the customer's details as the shop repeats them", examples=['"testid=guest-summary"']
    )
    busy: ReadLocator | None = Field(
        default=None,
        description="what the page has only while it is still loading",
        examples=['"css=main[aria-busy=true]"'],
    )
    form: Form = Field(default=Form(), description="the fields the customer fills in", examples=["{}"])


class NetworkLines(Part):
    """Lines in a JSON response: the list, and each line's label, amount and kind inside it."""

    each: str = Field(description="JSON path of the list of lines", examples=['"lines"'])
    label: str = Field(description="JSON path of a line's name", examples=['"label"'])
    amount: str = Field(description="JSON path of a line's amount", examples=['"amount"'])
    kind: str | None = Field(default=None, description="JSON path of a line's kind", examples=['"kind"'])


class NetworkPrices(Part):
    """JSON responses that carry prices: which ones (`url`, `method`) and where the prices are in them."""

    url: Pattern = Field(description="a regular expression searched in the response's URL", examples=['"/api/cart$"'])
    method: str = Field(default="GET", description="the request method", examples=['"GET"'])
    amounts: dict[Literal["total", "charged"], str] = Field(
        default_factory=dict, description="amount name (total, charged) -> JSON path", examples=['{ total = "total" }']
    )
    currency: str = Field(description="JSON path of the ISO currency, or the code itself", examples=['"currency"'])
    lines: NetworkLines | None = Field(
        default=None,
        description="the lines the response carries",
        examples=['{ each = "lines", label = "label", amount = "amount" }'],
    )


def _imap_url(text: str) -> str:
    parts = urlsplit(text)
    if parts.scheme not in ("imap", "imaps") or not parts.hostname or not parts.username:
        raise ValueError(f"{text!r} is not a mailbox address: write it as imap://user@host:port/folder (imaps:// for "
                         "TLS), the password in the environment variable password_env names")
    return text


class Mailbox(Part):
    """Where the harness reads the confirmation email (an SMTP sink it listens with, a folder the shop's mail
    lands in, or an IMAP mailbox), and how: the words before the reference and the amount."""

    @model_validator(mode="after")
    def one_way_in(self) -> Mailbox:
        if sum(way is not None for way in (self.smtp_port, self.folder, self.imap)) > 1:
            raise ValueError("a mailbox is read one way: give smtp_port (the harness listens), folder or imap, "
                             "not two of them")
        return self

    smtp_port: int | None = Field(
        default=None,
        ge=1,
        le=65535,
        description="the loopback port the harness listens on for the shop's mail (the demo site: any free one)",
        examples=["2525"],
    )
    folder: Path | None = Field(
        default=None,
        description="a folder the shop's mail lands in instead, one message a file (a maildir, or .eml files)",
        examples=['"/var/mail/staging-shop"'],
    )
    imap: Annotated[str, AfterValidator(_imap_url)] | None = Field(
        default=None,
        description="an IMAP mailbox the shop's mail lands in, read as the customer reads theirs",
        examples=['"imaps://qa@mail.example.com/INBOX"'],
    )
    password_env: str = Field(
        default="CHECKOUT_INTEGRITY_MAIL_PASSWORD",
        description="the environment variable that holds the IMAP mailbox's password (never the profile)",
        examples=['"STAGING_MAIL_PASSWORD"'],
    )
    reference: str = Field(
        default="Booking reference", description="the words before the order reference", examples=['"Order number"']
    )
    charged: str = Field(
        default="Total charged", description="the words before the amount charged", examples=['"Amount paid"']
    )


class Site(Part):
    """The shop as a whole: its name, how it prints prices, and how long a customer waits for a page."""

    name: str = Field(description="the shop's name, for reports", examples=['"Demo Hotel"'])
    locale: Annotated[str, AfterValidator(_locale)] = Field(
        default="en_GB", description="the locale the shop prints prices in", examples=['"en_GB"']
    )
    languages: dict[str, str] = Field(
        default_factory=dict,
        description="customer locale -> the shop's {lang} value; prices are then read in it",
        examples=['{ en_GB = "en", it_IT = "it" }'],
    )
    currency: str | None = Field(
        default=None, description="the currency of prices printed without one", examples=['"EUR"']
    )
    timeout: float = Field(
        default=30.0, gt=0, description="seconds to wait for an element before the key is wrong", examples=["30"]
    )
    foreign_scenarios: Literal["not checkable", "in the shop's language"] = Field(
        default="not checkable",
        description="a scenario in a language the shop does not speak (site.locale and site.languages): not "
        "checkable, or walked by a customer of the shop's own locale",
        examples=['"in the shop\'s language"'],
    )
    base_url: str | None = Field(
        default=None, description="where the shop is, when --base-url is not given", examples=['"https://shop.example"']
    )
    orders: bool = Field(
        default=True,
        description="false for a live shop: no run ever places an order there (as --no-orders), and the promises "
        "that need one are not checkable",
        examples=["false"],
    )


class Demo(Part):
    """The bundled demo site this profile is for, started when no --base-url is given."""

    shop: Literal["hotel", "goods"] = Field(
        default="hotel",
        description="which bundled demo shop: the hotel, or the shop selling goods",
        examples=['"goods"'],
    )
    ui: Literal["pages", "spa"] = Field(
        default="pages", description="the demo hotel's pages or single-page app", examples=['"spa"']
    )


class TestCard(Part):
    """A card the shop's payment sandbox accepts (or declines)."""

    number: str = Field(description="the card number", examples=['"4242424242424242"'])
    expiry: str = Field(default="12/30", description="MM/YY", examples=['"12/30"'])
    cvc: str = Field(default="123", description="the security code", examples=['"123"'])


class Doctor(Part):
    """What `check-profile` does on its walk: which offer and extras to choose, which cards to pay with."""

    offer: str | None = Field(
        default=None, description="the offer to choose (default: the first one on sale)", examples=['"Classic Double"']
    )
    extras: tuple[str, ...] = Field(
        default=(), description="extras to tick, to check choose_extras", examples=['["Breakfast"]']
    )
    card: TestCard = Field(
        default=TestCard(number="4242424242424242", expiry="12/30", cvc="123"),
        description="a card the sandbox approves",
        examples=['{ number = "4242424242424242" }'],
    )
    declined_card: TestCard | None = Field(
        default=None,
        description="a card the sandbox declines, to check read.error",
        examples=['{ number = "4000000000000002" }'],
    )


def _budgets_read(table: dict[str, Any]) -> dict[str, Any]:
    """A [budgets] table that Budgets can read, or the sentence naming its wrong key."""
    try:
        Budgets.from_table(table, "budgets")
    except JourneyError as wrong:
        raise ValueError(str(wrong).rstrip(".")) from None
    return table


class Role(Part):
    """The shop's offer that plays a part the stock scenarios need, and for `with_extra` the extra it is sold with."""

    offer: str = Field(description="the offer's name as the shop shows it", examples=['"Classic Double"'])
    extra: str | None = Field(default=None, description="the extra sold with it", examples=['"Breakfast"'])


def _role(value: object) -> object:
    """A role given as just the offer's name."""
    return {"offer": value} if isinstance(value, str) else value


def _roles(roles: dict[str, Role]) -> dict[str, Role]:
    for name, role in roles.items():
        if name not in ROLES:
            nearest = difflib.get_close_matches(name, ROLES, n=1, cutoff=0.0)[0]
            raise ValueError(f"{name!r} is no role the stock scenarios use (the nearest is {nearest!r}): "
                             f"use {', '.join(ROLES)}")
        if name == "with_extra" and role.extra is None:
            raise ValueError('the role with_extra names its extra too, such as '
                             'with_extra = { offer = "Classic Double", extra = "Breakfast" }')
    return roles


class Profile(Part):
    """A whole site profile; `path` is where it was read from."""

    path: Path = Field(default=Path("profile.toml"), exclude=True)
    site: Site = Field(description="the shop as a whole")
    demo: Demo | None = Field(
        default=None, description="the bundled demo site this profile is for", examples=['{ ui = "spa" }']
    )
    pages: dict[str, PageRule] = Field(
        description="page name -> how to tell it, first match wins; cart, payment and confirmation are required",
        examples=['{ cart = { url = "^/cart" } }'],
    )
    roles: Annotated[dict[str, Annotated[Role, BeforeValidator(_role)]], AfterValidator(_roles)] = Field(
        default_factory=dict,
        description="role -> the shop's offer that plays it in the stock scenarios (ordinary, with_extra, last_one)",
        examples=['{ ordinary = "Classic Double", last_one = "Family Suite" }'],
    )
    find_offers: Action = Field(description="searching for offers", examples=['{ url = "/search" }'])
    choose_offer: ChooseOffer = Field(
        description="picking an offer from the results", examples=['{ choose = "link=Choose {offer}" }']
    )
    choose_extras: ChooseExtras | None = Field(
        default=None, description="ticking one extra ({extra})", examples=['{ steps = [{ check = "label={extra}" }] }']
    )
    add_to_cart: Action = Field(
        description="putting the offer in the cart (booking it)",
        examples=['{ steps = [{ click = "button=Add to cart" }] }'],
    )
    use_code: UseCode | None = Field(
        default=None,
        description="typing a discount code in the cart",
        examples=['{ code = "SAVE10", steps = [{ fill = "label=Coupon code", with = "{code}" }] }'],
    )
    checkout: Checkout = Field(
        description="from the cart to the payment page: details, shipping",
        examples=['{ steps = [{ click = "button=Checkout" }] }'],
    )
    choose_payment: ChoosePayment | None = Field(
        default=None,
        description="picking how to pay, for a shop that offers more than one way",
        examples=['{ methods = { card = "Card", invoice = "Invoice" }, steps = [{ check = "label={method}" }] }'],
    )
    enter_card: Action | None = Field(
        default=None,
        description="typing the card; a shop paid only another way (invoice, bank transfer, at the hotel) leaves "
        "it out, and a shop that offers both names its ways in choose_payment",
        examples=['{ steps = [{ fill = "label=Card number", with = "{card_number}" }] }'],
    )
    pay: Pay = Field(description="pressing the pay button", examples=['{ steps = [{ click = "button=Pay" }] }'])
    sign_in: Action | None = Field(default=None, description="signing in", examples=['{ url = "/login" }'])
    open_cart: Action | None = Field(default=None, description="opening the cart", examples=['{ url = "/cart" }'])
    open_order: Action | None = Field(
        default=None,
        description="opening the page where the shop shows an order once it is placed ({reference}): what it says "
        "was charged (read.charged) is one more receipt",
        examples=['{ url = "/account/orders/{reference}" }'],
    )
    read: Read = Field(description="where the customer reads prices, lines and totals")
    mailbox: Mailbox | None = Field(
        default=None,
        description="the confirmation email: where the shop sends it, and the words its lines start with",
        examples=['{ smtp_port = 2525, reference = "Order number", charged = "Amount paid" }'],
    )
    network: tuple[NetworkPrices, ...] = Field(
        default=(),
        description="JSON responses that carry prices",
        examples=['[{ url = "/api/cart", currency = "currency" }]'],
    )
    doctor: Doctor = Field(default=Doctor(), description="what check-profile chooses", examples=["{}"])
    budgets: Annotated[dict[str, Any], AfterValidator(_budgets_read)] = Field(
        default_factory=dict,
        description="how long each step may keep the customer waiting and how much it may move, over the "
        "project's [tool.checkout_integrity.budgets] (see checkout_integrity/_budgets.py)",
        examples=['{ wait_ms = 3000, steps = { payment = { wait_ms = 4000 } } }'],
    )

    @model_validator(mode="after")
    def tells_the_checkout_pages(self) -> Profile:
        missing = [name for name in REQUIRED_PAGES if name not in self.pages]
        if missing:
            such = f'pages.{missing[0]} = {{ url = "^/{missing[0]}" }}'
            raise ValueError(f"pages must tell {' and '.join(missing)} apart: add them, such as {such}")
        return self

    @model_validator(mode="after")
    def acts_on_pages_it_tells(self) -> Profile:
        for name in VARIABLES:  # every action
            action: Action | None = getattr(self, name)
            unknown = [page for page in (action.on if action is not None else ()) if page not in self.pages]
            if unknown:
                nearest = difflib.get_close_matches(unknown[0], self.pages, n=1, cutoff=0.0)
                meant = f" (the nearest is {nearest[0]!r})" if nearest else ""
                raise ValueError(f"{name}.on names the page {unknown[0]!r}, which [pages] does not tell{meant}: "
                                 f"name one of {', '.join(self.pages)}, or add a rule for it to [pages]")
        return self

    @property
    def name(self) -> str:
        return self.path.stem

    def has(self, key: str) -> bool:
        """Whether the dotted `key` (`read.countdown`, `pay.request`, `roles.ordinary`) is set."""
        part: object = self
        for name in key.split("."):
            part = part.get(name) if isinstance(part, dict) else getattr(part, name, None)
            if part is None:
                return False
        return True

    def speaks(self, language: str) -> bool:
        """Whether the shop speaks `language` ("it"): its own locale's, or one of site.languages."""
        return any(Locale.parse(locale).language == language for locale in (self.site.locale, *self.site.languages))

    def customer_locale(self, language: str, wanted: str) -> str:
        """The locale of a scenario's customer: `wanted` where the shop speaks the scenario's language, else
        the shop's own (a profile that lets such scenarios run in its language)."""
        return wanted if self.speaks(language) else self.site.locale

    def unspoken(self, language: str) -> NotCheckable | None:
        """Why a scenario in `language` is not checkable here, if the shop does not speak it and says so."""
        if self.speaks(language) or self.site.foreign_scenarios != "not checkable":
            return None
        return NotCheckable(
            f"not checkable on this site: the scenario is in {Locale.parse(language).english_name}, which the shop "
            f"does not speak (site.locale {self.site.locale}, site.languages "
            f"{', '.join(self.site.languages) or 'none'} in the site profile {self.path}); set "
            "site.foreign_scenarios = \"in the shop's language\" to walk it in the shop's language"
        )

    def price_locale(self, customer_locale: str) -> str:
        """The customer's locale when the shop speaks it, else the shop's."""
        return customer_locale if customer_locale in self.site.languages else self.site.locale

    def missing_for(self, promise_ids: Iterable[str], senses: frozenset[str] = frozenset()) -> dict[str, list[str]]:
        """promise id -> what it needs that this site does not give (only promises missing some): profile keys,
        or `senses` the harness has beside the shop's pages (`statement`: a demo gateway's ledger); a need of
        alternatives (`read.charged or statement`) is met by any one of them."""
        gaps = {
            promise: [" or ".join(either) for either in NEEDS.get(promise, ())
                      if not any(self.has(key) or key in senses for key in either)]
            for promise in promise_ids
        }
        return {promise: keys for promise, keys in gaps.items() if keys}

    def cannot_check(self, promise_ids: Iterable[str], senses: frozenset[str] = frozenset()) -> NotCheckable | None:
        """Why the first of these promises that this site cannot provide for is not checkable, if any."""
        for promise, keys in self.missing_for(promise_ids, senses).items():
            what = f'the promise {promise} ("{CATALOGUE[promise].customer_says}")'
            return never_buying(self, what) if ORDERS in keys else not_checkable(self, what, keys)
        return None


class NotCheckable(Exception):
    """A promise or action the site profile gives the harness no way to check: the scenario is skipped with
    this reason, never passed."""


class SoldOut(NotCheckable):
    """The shop says the offer cannot be bought: an outcome of the shop, told in its own words, not a misfit."""

    def __init__(self, offer: str, said: str, seen: Snapshot) -> None:
        super().__init__(f'sold out on this site: the shop said "{said}" of {offer!r} on {seen.url}')
        self.offer = offer
        self.said = said
        self.seen = seen  # the page that said so, for the journey's evidence


def not_checkable(profile: Profile, what: str, keys: list[str]) -> NotCheckable:
    """'not checkable on this site: resending a payment needs pay.request in the site profile ...'."""
    them = "it" if len(keys) == 1 else "them"
    return NotCheckable(
        f"not checkable on this site: {what} needs {' and '.join(keys)} in the site profile {profile.path}, "
        f"which does not set {them}"
    )


def never_buying(profile: Profile, what: str) -> NotCheckable:
    """'not checkable in a run that never buys: the promise double-charge needs an order placed ...'."""
    why = "site.orders = false" if not profile.site.orders else "--no-orders"
    return NotCheckable(
        f"not checkable in a run that never buys: {what} needs an order placed, and this run places none ({why}"
        f"{' in the site profile ' + str(profile.path) if not profile.site.orders else ''})"
    )


REQUIRED_PAGES = ("cart", "payment", "confirmation")
ORDERS = "orders"
# The parts the stock scenarios ask a shop's offers to play; `roles.<name>` says which offer plays each.
ROLES: dict[str, str] = {
    "ordinary": "an ordinary offer",
    "with_extra": "an offer sold with an extra",
    "last_one": "an offer the shop can run out of",
}
# What each promise must read or do on a site, each need a tuple of alternatives any one of which serves:
# profile keys, or what the harness has beside them: `statement` (the card's charges: a demo site's gateway
# ledger), `orders` (the run may place orders: not with --no-orders, nor where site.orders is false). A receipt besides the
# confirmation is the email (`mailbox`), the statement, or the shop's page for the order (`open_order`). A site without one of
# them cannot check the promise.
NEEDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "price-drift": (("read.charged", "statement"), (ORDERS,)),
    "hidden-fee": (("read.lines",),),
    "hold-broken": (("read.offers.left",), ("roles.last_one",), (ORDERS,)),
    "input-lost": (("read.error",), ("enter_card",), (ORDERS,)),
    "double-charge": (("pay.request",), ("statement",), (ORDERS,)),
    "receipt-mismatch": (("read.charged",), ("mailbox", "statement", "open_order"), (ORDERS,)),
    "basket-sneak": (("read.lines",), ("choose_extras",), ("roles.with_extra",)),
    "cart-lost": (("read.lines",), ("sign_in",), ("open_cart",)),
    "fake-urgency": (("read.countdown",),),
    "total-mismatch": (("read.lines",),),
    "fake-scarcity": (("read.offers.left",), ("roles.ordinary",), (ORDERS,)),
}
# What the customer looks for, and who they are, as a checkout form asks it (Faker, in the customer's locale).
WANTED = ("check_in", "check_out", "nights", "guests", "quantity")
DETAILS = ("name", "first_name", "last_name", "email", "phone", "company", "address", "address_2", "city",
           "postcode", "region", "country", "country_code")
# The variables each action's URL, steps and locators may use; {lang} is everywhere.
VARIABLES: dict[str, tuple[str, ...]] = {
    "find_offers": WANTED,
    "choose_offer": ("offer", *WANTED),
    "choose_extras": ("extra", *WANTED),
    "add_to_cart": WANTED,
    "use_code": ("code", *WANTED),
    "checkout": (*DETAILS, *WANTED, "delivery"),
    "choose_payment": ("method",),
    "enter_card": ("card_number", "expiry", "cvc", "card_name", *DETAILS),
    "pay": (),
    "sign_in": ("email", "password"),
    "open_cart": (),
    "open_order": ("reference", "email"),
}
