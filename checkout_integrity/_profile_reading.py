"""Reading a page through a site profile: one script gathers every `read` key in a single round trip, and
`understand` turns the texts into money, lines and form values, naming the key of any text that is not
what the profile promised (a price that is no price, a countdown that is no countdown)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from checkout_integrity._exceptions import PriceParseError, ProfileError
from checkout_integrity._journey import LINE_KINDS, Line, Snapshot
from checkout_integrity._masking import FIELD_VALUE_JS
from checkout_integrity._money import Money
from checkout_integrity._profile import Lines, Profile
from checkout_integrity._profile_locators import Where
from checkout_integrity.promises._steps import LEFT_OF

ABOUT_NEAR = """(root, near) => {
  const text = (document.title + ' | ' + (document.body ? document.body.innerText : '')).replace(/\\s+/g, ' ').trim();
  const lower = text.toLowerCase(), wanted = (near || '').toLowerCase();
  const words = [wanted, ...wanted.split(/[^\\p{L}\\p{N}]+/u).filter(word => word.length > 2)].filter(Boolean);
  const found = words.map(word => lower.indexOf(word)).find(at => at >= 0);
  const start = found === undefined || found < 120 ? 0 : found - 80;
  const part = text.slice(start, start + 240);
  return (start ? '…' : '') + part + (start + 240 < text.length ? '…' : '');
}"""
FINDING = """
  const shown = (el) => el.getClientRects().length > 0;
  const has = (el, text) => el.innerText && el.innerText.includes(text);
  const byText = (root, text) => [...root.querySelectorAll('*')]
    .filter(el => has(el, text) && ![...el.children].some(child => has(child, text)));
  const all = (root, where) =>
    (where.css ? [...root.querySelectorAll(where.css)] : byText(root, where.text)).filter(shown);
  const each = (where) => !where ? [] : Array.isArray(where) ? where : [where];  // a key: one locator or a list
  const shows = (where) => each(where).some(one => all(document, one).length > 0);
"""
GATHER = """(spec) => {FINDING
  const text = (root, where) => {
    for (const one of each(where)) {
      const el = all(root, one)[0];
      if (el) return el.innerText.trim();
    }
    return null;
  };
  const part = (el, how) => {
    if (!how || !how.attribute) return text(el, how);
    const inner = how.css || how.text ? all(el, how)[0] : el;
    return inner ? inner.getAttribute(how.attribute) : null;
  };
  const total = spec.total.map(where => text(document, where));
  const texts = {};
  for (const [key, where] of Object.entries(spec.texts)) texts[key] = text(document, where);
  const pages = {};
  for (const [name, where] of Object.entries(spec.pages)) pages[name] = shows(where);
  const lines = !spec.lines ? [] : all(document, spec.lines.each).map(line => ({
    label: part(line, spec.lines.label), amount: part(line, spec.lines.amount), kind: part(line, spec.lines.kind)}));
  const offers = all(document, spec.offers.each).map(offer => ({
      name: part(offer, spec.offers.name), total: part(offer, spec.offers.total),
      left: part(offer, spec.offers.left), id: part(offer, spec.offers.id),
      gone: spec.offers.sold_out && all(offer, spec.offers.sold_out).length
        ? part(offer, spec.offers.sold_out) || 'sold out' : null}));
  const form = {};
  for (const input of document.querySelectorAll(spec.fields)) {
    if (!shown(input)) continue;
    const label = input.labels && input.labels[0] ? input.labels[0].innerText.trim() : input.name;
    form[label] = input.type === 'checkbox' ? (input.checked ? 'yes' : '') : (FIELD_VALUE)(input);
  }
  const sold_out = shows(spec.sold_out) ? text(document, spec.sold_out) || 'sold out' : null;
  return {total, texts, sold_out, pages, lines, offers, form, about: (ABOUT_NEAR)(document, '')};
}""".replace("FINDING", FINDING).replace("ABOUT_NEAR", ABOUT_NEAR).replace("FIELD_VALUE", FIELD_VALUE_JS)
# The fields the browser will not send as they are: "City: Please fill in this field."
UNSENDABLE = """
  const unsendable = () => [...document.querySelectorAll('input, select, textarea')]
    .filter(field => shown(field) && !field.checkValidity())
    .map(field => `${field.labels && field.labels[0] ? field.labels[0].innerText.trim() : field.name}: `
                  + field.validationMessage);
"""
# True once the page `spec.rule` tells is gone (its url no longer fits, or what it shows is no longer there;
# a pattern JavaScript cannot read: the address changed), or once the customer is told why not: the shop
# shows `spec.error`, or the browser will not send a field.
LEFT = """(spec) => {FINDING UNSENDABLE
  const address = location.pathname + location.search + location.hash;
  let fits = location.href === spec.href;
  try { fits = spec.rule.url === null || new RegExp(spec.rule.url).test(address); } catch (unreadable) {}
  const here = fits && (spec.rule.shows === null || shows(spec.rule.shows));
  return !here || shows(spec.error) || unsendable().length > 0;
}""".replace("FINDING", FINDING).replace("UNSENDABLE", UNSENDABLE)
REFUSED = """() => {FINDING UNSENDABLE return unsendable(); }""".replace("FINDING", FINDING).replace(
    "UNSENDABLE", UNSENDABLE
)
TEXT_KEYS = ("charged", "reference", "error", "countdown", "guest")
# What a page of this name always shows, so a read key set in the profile that misses it there is wrong.
ALWAYS_ON = {
    "results": ("read.offers",),
    "payment": ("read.total", "read.lines"),
    "payment declined": ("read.total", "read.lines"),
    "confirmation": ("read.charged", "read.reference", "read.lines"),
}


@dataclass(frozen=True)
class Seen:
    """What the customer sees on one page, read through the profile, before it is stamped with time and actor."""

    step: str
    url: str
    amounts: dict[str, Money]
    lines: tuple[Line, ...]
    form: dict[str, str]
    facts: dict[str, str]
    hold_remaining: int | None
    offers: dict[str, dict[str, str]]
    found: dict[str, bool] = field(default_factory=dict)  # read key -> whether this page showed it
    about: str = ""

    def snapshot(self, step: str, at: datetime, actor: str, facts: dict[str, str], screenshot: str | None) -> Snapshot:
        """The snapshot the journey records, under the step the storefront decided (a reload, another device)."""
        currencies = {money.currency for money in [*self.amounts.values(), *(line.amount for line in self.lines)]}
        return Snapshot(
            step=step,
            at=at,
            actor=actor,
            url=self.url,
            amounts=self.amounts,
            lines=self.lines,
            currency=currencies.pop() if len(currencies) == 1 else None,
            form=self.form,
            hold_remaining=self.hold_remaining,
            facts={**facts, **self.facts, **{f"{LEFT_OF}{name}": offer["left"] for name, offer in self.offers.items()
                                             if offer.get("left", "0") != "0" and "sold_out" not in offer}},
            screenshot=screenshot,
        )


def gathering_spec(profile: Profile) -> dict[str, Any]:
    """The `read` part of the profile as the gathering script takes it."""
    read = profile.read

    def how(where: Where | str | None) -> dict[str, str] | None:
        if where is None:
            return None
        return {"attribute": where} if isinstance(where, str) else where.for_script()

    def either(wheres: tuple[Where, ...] | None) -> list[dict[str, str]] | None:
        return None if wheres is None else [where.for_script() for where in wheres]

    lines: Lines | None = read.lines
    return {
        "total": [where.for_script() for where in read.total],
        "texts": {key: either(getattr(read, key)) for key in TEXT_KEYS},
        "sold_out": either(read.sold_out),
        "pages": {name: how(rule.shows) for name, rule in profile.pages.items()},
        "lines": None if lines is None else {
            "each": lines.each.for_script(),
            "label": how(lines.label),
            "amount": how(lines.amount),
            "kind": how(lines.kind),
        },
        "offers": {
            "each": read.offers.each.for_script(),
            "name": how(read.offers.name),
            "total": how(read.offers.total),
            "left": how(read.offers.left),
            "id": how(read.offers.id),
            "sold_out": how(read.offers.sold_out),
        },
        "fields": read.form.fields,
    }


def leaving_spec(profile: Profile, page: str, href: str) -> dict[str, Any]:
    """What `LEFT` takes to tell that the customer has left the page named `page`, at `href`."""
    rule = profile.pages[page]
    return {
        "rule": {"url": rule.url, "shows": None if rule.shows is None else rule.shows.for_script()},
        "href": href,
        "error": [where.for_script() for where in profile.read.error or ()],
    }


def understand(raw: dict[str, Any], profile: Profile, url: str, locale: str) -> Seen:
    """What the gathering script found, as money, lines and form values; ProfileError names a key that misreads."""
    reader = _Reader(profile, url, locale, raw["about"])
    step = page_step(profile, url, raw)
    amounts: dict[str, Money] = {}
    found: dict[str, bool] = {}
    index = next((i for i, text in enumerate(raw["total"]) if text), None)
    found["read.total"] = index is not None
    if index is not None:
        amounts["total"] = reader.price(f"read.total[{index}]", raw["total"][index])
    texts: dict[str, str | None] = raw["texts"]
    if texts["charged"]:
        amounts["charged"] = reader.price("read.charged", texts["charged"])
    offers: dict[str, dict[str, str]] = {}
    for number, offer in enumerate(raw["offers"]):
        name = reader.needed(f"read.offers.name (offer {number + 1})", offer["name"])
        offers[name] = {"id": offer["id"] or name}
        if profile.read.offers.left is not None:
            offers[name]["left"] = _first_number(offer["left"])
        if offer["gone"]:
            offers[name]["sold_out"] = offer["gone"]
        if offer["total"]:
            amounts[f"{name} total"] = reader.price("read.offers.total", offer["total"])
    lines_read = profile.read.lines
    rows = [line for line in raw["lines"] if lines_read is not None and lines_read.counts(line["label"])]
    lines = tuple(reader.line(number, line) for number, line in enumerate(rows))
    form = {label: _masked(label, value, profile.read.form.secret) for label, value in raw["form"].items()}
    if texts["guest"] is not None:
        form["Guest"] = texts["guest"]
    facts = {key: text for key in ("reference", "error") if (text := texts[key])}
    if raw["sold_out"]:
        facts["sold out"] = raw["sold_out"]
    found |= {"read.lines": bool(rows), "read.offers": bool(raw["offers"])}
    found |= {f"read.{key}": bool(texts[key]) for key in TEXT_KEYS}
    found["read.sold_out"] = bool(raw["sold_out"])
    for key in ALWAYS_ON.get(step, ()):
        if profile.has(key) and not found[key]:
            raise reader.fault(key, f"found nothing on the {step} page", f"point {key} at what the {step} page shows")
    return Seen(
        step=step,
        url=url,
        amounts=amounts,
        lines=lines,
        form=form,
        facts=facts,
        hold_remaining=reader.countdown(texts["countdown"]),
        offers=offers,
        found=found,
        about=raw["about"],
    )


def page_step(profile: Profile, url: str, raw: dict[str, Any]) -> str:
    """The customer's name for the page: sold out, a declined payment, else the first page rule that fits."""
    if raw["sold_out"]:
        return "sold out"
    parts = urlsplit(url)
    address = parts.path + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
    step = next(
        (
            name
            for name, rule in profile.pages.items()
            if (rule.url is None or re.search(rule.url, address)) and (rule.shows is None or raw["pages"][name])
        ),
        "page",
    )
    return "payment declined" if step == "payment" and raw["texts"]["error"] else step


def what_was_there(url: str, about: str) -> str:
    """'http://shop/cart, which showed "Your cart | Classic Double €240.00 ..."'."""
    return f'{url}, which showed "{about}"' if about else f"{url}, which showed nothing"


class _Reader:
    """Turns the texts of one page into values, or says which profile key read something else."""

    def __init__(self, profile: Profile, url: str, locale: str, about: str) -> None:
        self.profile = profile
        self.url = url
        self.locale = locale
        self.about = about

    def fault(self, key: str, problem: str, fix: str) -> ProfileError:
        where = what_was_there(self.url, self.about)
        return ProfileError(f"The site profile {self.profile.path} key {key} {problem} on {where}: {fix}.", key=key)

    def price(self, key: str, text: str) -> Money:
        try:
            return Money.parse(text, locale=self.locale, currency=self.profile.site.currency)
        except PriceParseError:
            raise self.fault(
                key,
                f"found {text!r}, which is not a price in locale {self.locale}",
                f"point {key} at the element that shows just the amount, or set site.locale (and site.currency "
                "for prices printed without one) to how the shop prints prices",
            ) from None

    def needed(self, key: str, text: str | None) -> str:
        if not text:
            raise self.fault(key, "found nothing inside its element", f"point {key} at an element inside it")
        return text

    def line(self, number: int, raw: dict[str, str | None]) -> Line:
        lines = self.profile.read.lines
        assert lines is not None  # the script reads lines only when the profile says where they are
        label = self.needed(f"read.lines.label (line {number + 1})", raw["label"])
        amount = self.price("read.lines.amount", self.needed(f"read.lines.amount (line {number + 1})", raw["amount"]))
        word = raw["kind"]
        kind = lines.kinds.get(word or "") or next(
            (kind for start, kind in lines.kinds.items() if label.startswith(start)), None
        )
        kind = kind or (word if word in LINE_KINDS else None) or (lines.default_kind if word is None else None)
        if kind is None:
            raise self.fault(
                "read.lines.kind",
                f"gave {word!r} for the line {label!r}, which is not a kind the promises read",
                f'map it in read.lines.kinds, such as kinds = {{ "{word}" = "fee" }} (kinds: {", ".join(LINE_KINDS)})',
            )
        return Line(label, amount, kind)

    def countdown(self, text: str | None) -> int | None:
        if text is None:
            return None
        if not re.fullmatch(r"\d{1,2}(:\d{2}){1,2}", text.strip()):
            raise self.fault(
                "read.countdown",
                f"found {text!r}, which is not a countdown such as 09:59",
                "point read.countdown at the element that shows just the time left, as MM:SS",
            )
        seconds = 0
        for number in text.strip().split(":"):
            seconds = seconds * 60 + int(number)
        return seconds


def _first_number(text: str | None) -> str:
    """'2 rooms left' -> '2'; 'Sold out' -> '0'."""
    found = re.search(r"\d+", text or "")
    return found.group() if found else "0"


def _masked(label: str, value: str, secret: tuple[str, ...]) -> str:
    """Card secrets never leave the page: a number keeps its last four digits, a code nothing."""
    if label not in secret or not value:
        return value
    digits = "".join(ch for ch in value if ch.isdigit())
    return f"•••• {digits[-4:]}" if label == secret[0] else "•••"
