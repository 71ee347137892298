"""A shop walked through its site profile: actions by profile key, reads in one script, and every element
the shop does not show turned into a `ProfileError` that names the key, the page and what was on it.

Both the storefront of the scenarios (`pages/profiled`) and the profile doctor drive a shop through this.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import reduce
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator, Page, Request, Route
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from checkout_integrity._camera import snap
from checkout_integrity._exceptions import OrderRefused, ProfileError
from checkout_integrity._hands import Hands
from checkout_integrity._profile import Action, ChooseOffer, Profile, Step
from checkout_integrity._profile_locators import Where, fill_in
from checkout_integrity._profile_network import Carried, Listening
from checkout_integrity._profile_reading import (
    ABOUT_NEAR,
    GATHER,
    LEFT,
    REFUSED,
    Seen,
    gathering_spec,
    leaving_spec,
    understand,
    what_was_there,
)


class ProfiledShop:
    """One customer's browser tab on a shop, driven by the profile; `locale` is the customer's.

    `resolved(key, what)` hears of every action key that found its element (the doctor lists them); with
    the customer's `hands`, every press and keystroke is theirs (recorded, keyboard-only when they are);
    `passing()` is told, before the customer acts, of a page they reached since the last look (`looked_at`,
    which whoever looks sets): a page passed on the way, between two actions or two steps of one, is then
    looked at, once loaded, before they leave it. Without `orders` (a run that never buys) the shop refuses
    to pay, and the browser sends no request that `pay.request` names but to read a page.
    """

    def __init__(
        self,
        page: Page,
        profile: Profile,
        locale: str,
        resolved: Callable[[str, str], None] | None = None,
        hands: Hands | None = None,
        passing: Callable[[], object] | None = None,
        orders: bool = True,
    ) -> None:
        self.page = page
        self.resolved = resolved
        self.passing = passing
        self.looked_at = "about:blank"
        self.hands = hands
        self.profile = profile
        languages = profile.site.languages
        self.lang = languages.get(locale, languages.get(profile.site.locale, ""))
        self.price_locale = profile.price_locale(locale)
        self.timeout = profile.site.timeout * 1000
        self.listening = Listening(page, profile)
        self.payment: Request | None = None
        self.orders = orders
        self._spec = gathering_spec(profile)
        if profile.pay.request is not None:
            page.on("request", self._note_payment)
            if not orders:
                pattern = profile.pay.request
                page.route(lambda url: re.search(pattern, url) is not None, self._only_reading)

    def can(self, action: str) -> bool:
        """Whether the profile says how to do `action` (`sign_in`, `choose_extras`, ...)."""
        return getattr(self.profile, action) is not None

    def act(self, name: str, variables: Mapping[str, str] | None = None, offer: int | None = None) -> None:
        """Do the action the profile describes under `name`, with the customer's values for its variables;
        `choose_offer.choose` is pressed inside the `offer`-th offer of the results when it does not name {offer}."""
        action: Action = getattr(self.profile, name)
        values = {**(variables or {}), "lang": self.lang}
        self._on_the_way()
        if action.url is not None:
            self._goto(f"{name}.url", fill_in(action.url, values))
        self._do_all(f"{name}.steps", action.steps, values)
        if action.on:
            self._through_pages(name, action.on, values)
        if isinstance(action, ChooseOffer):
            where = action.choose.filled(values)
            scope = self._offer_scope(offer)
            self._attempt(f"{name}.choose", str(where), lambda: self._press(where.on(scope), where.value))
        self._settle()
        if action.ready:
            ready = [where.filled(values) for where in action.ready]
            shown = reduce(Locator.or_, (where.on(self.page) for where in ready))
            self._attempt(
                f"{name}.ready", " or ".join(map(str, ready)), lambda: shown.first.wait_for(timeout=self.timeout)
            )

    def _do_all(self, key: str, steps: tuple[Step, ...], values: Mapping[str, str]) -> None:
        for index, step in enumerate(steps):
            self._on_the_way()
            self._do(f"{key}[{index}]", step, values)

    def _through_pages(self, name: str, on: Mapping[str, tuple[Step, ...]], values: Mapping[str, str]) -> None:
        """Do on each page the shop shows what `{name}.on` says of it, in the shop's order (a signed-in customer
        may skip one), until it shows a page `on` says nothing of; a page that comes back refused its steps."""
        done: set[str] = set()
        while (here := self._page_now()) in on:
            key = f"{name}.on.{here}"
            if here in done:
                raise self._refused(key, here)
            self._do_all(key, on[here], values)
            done.add(here)
            try:
                self.page.wait_for_function(
                    LEFT, arg=leaving_spec(self.profile, here, self.page.url), timeout=self.timeout
                )
            except PlaywrightTimeoutError:
                raise self.misfit(
                    key,
                    f"left the customer on the {here} page for {self.profile.site.timeout:g} s",
                    f"end {key} with the step that takes the customer on, such as the page's Continue button",
                ) from None

    def _refused(self, key: str, here: str) -> ProfileError:
        """The customer is still on the `here` page after its steps: what the shop or the browser told them."""
        said = self.read().facts.get("error", "")
        unsendable: list[str] = self.page.evaluate(REFUSED)
        told = [f'the shop said "{said}"'] if said else []
        told += [f"the browser would not send {'; '.join(unsendable)}"] if unsendable else []
        return self.misfit(
            key,
            f"did not take the customer past the {here} page" + (f" ({', '.join(told)})" if told else ""),
            f"fix {key} so that it fills in every field the {here} page asks for, with values the shop takes",
            near=said,
        )

    def _page_now(self) -> str:
        """The name of the page the customer is on, once it has loaded."""
        self.page.wait_for_load_state(timeout=self.timeout)
        self._settle()
        return self.read().step

    def choose_payment(self, method: str) -> None:
        """Pick the way of paying the customer calls `method` (`card`, `bank transfer`), where the profile's
        choose_payment offers it."""
        chooser = self.profile.choose_payment
        if chooser is not None and method in chooser.methods:
            self.act("choose_payment", {"method": chooser.methods[method]})

    def offers(self, offer: str, index: int | None = None) -> bool:
        """Whether the results let the customer choose `offer` (what `choose_offer.choose` names is there;
        inside the `index`-th offer when it does not name {offer})."""
        where = self.profile.choose_offer.choose.filled({"offer": offer, "lang": self.lang})
        return where.on(self._offer_scope(index)).count() > 0

    def _offer_scope(self, index: int | None) -> Page | Locator:
        """Where `choose_offer.choose` is looked for: the page when it names {offer}, else the `index`-th offer."""
        if index is None or "{offer}" in self.profile.choose_offer.choose.value:
            return self.page
        return self.profile.read.offers.each.on(self.page).nth(index)

    def _goto(self, key: str, url: str) -> None:
        self._attempt(key, url, lambda: self.page.goto(url, timeout=self.timeout))
        self._settle()

    def reload(self) -> None:
        self.page.reload(timeout=self.timeout)
        self._settle()

    def _on_the_way(self) -> None:
        """Tell `passing` of a page reached since the last look, once it has loaded and settled."""
        if self.passing is not None and self.page.url not in (self.looked_at, "about:blank"):
            self.page.wait_for_load_state(timeout=self.timeout)
            self._settle()
            self.passing()

    def _settle(self) -> None:
        """Wait until the page has nothing that matches `read.busy` (a single-page shop still fetching)."""
        if self.profile.read.busy is not None:
            busy = self.profile.read.busy.on(self.page).first
            self._attempt(
                "read.busy", str(self.profile.read.busy), lambda: busy.wait_for(state="detached", timeout=self.timeout)
            )

    def read(self) -> Seen:
        """What the page shows now, read through `read`; a text that is not what its key promised raises."""
        raw = self.page.evaluate(GATHER, self._spec)
        return understand(raw, self.profile, self.page.url, self.price_locale)

    def carried(self) -> list[Carried]:
        """The prices the profile's JSON responses carried since the last call."""
        return self.listening.carried()

    def pay(self) -> None:
        """Press pay, noting the request it sends (`pay.request`) for a retry to send again."""
        self._may_order()
        self.payment = None
        self.act("pay")

    def reach_for_pay(self) -> None:
        """All a customer of a run that never buys does at payment: the steps of `pay` before its first click,
        then the hand comes to rest on what that click would press, and stops."""
        steps = self.profile.pay.steps
        first_click = next((index for index, step in enumerate(steps) if step.click is not None), len(steps))
        self._do_all("pay.steps", steps[:first_click], {"lang": self.lang})
        where = steps[first_click].click if first_click < len(steps) else None
        if where is None:
            return
        control = where.filled({"lang": self.lang})
        element = control.on(self.page)
        key = f"pay.steps[{first_click}].click"
        if self.hands is None:
            self._attempt(key, str(control), lambda: element.hover(timeout=self.timeout))
        else:
            hands = self.hands
            self._attempt(key, str(control), lambda: hands.reach_for(element, control.value))

    def _may_order(self) -> None:
        if not self.orders:
            raise OrderRefused(
                f"The harness refused to place an order on {self.page.url}: this run never buys (--no-orders, or "
                f"site.orders = false in the site profile {self.profile.path})."
            )

    def _only_reading(self, route: Route) -> None:
        """A run that never buys lets through only the reading of a page whose address `pay.request` fits."""
        if route.request.method in ("GET", "HEAD"):
            route.continue_()
        else:
            route.abort("blockedbyclient")

    def pay_again(self) -> None:
        """Send the payment request of the last pay once more, as a double click or a retry does."""
        self._may_order()
        sent = self.payment
        if sent is None:
            raise self.misfit(
                "pay.request",
                f"({self.profile.pay.request}) matched no request when the customer paid",
                "set it to the URL the pay button sends its request to (the browser's network panel shows it)",
            )
        headers = {name: value for name, value in sent.headers.items() if name.lower() == "content-type"}
        self.page.request.fetch(sent.url, method=sent.method, headers=headers, data=sent.post_data_buffer)
        self.reload()

    def screenshot(self, path: Path) -> str:
        """The page as the customer sees it, card fields blacked out."""
        return snap(self.page, path, self.profile.read.form.mask)

    def about(self, near: str = "") -> str:
        """The page's address and its text, for messages about it: the part near `near` (the words a key looked
        for) where the page shows them further down, else its start."""
        try:  # through a locator, whose wait is bounded: a page whose next one never comes must not hang this
            shown = str(self.page.locator(":root").evaluate(ABOUT_NEAR, near, timeout=self.timeout))
        except PlaywrightError:
            shown = ""
        return what_was_there(self.page.url, shown)

    def _note_payment(self, request: Request) -> None:
        pattern = self.profile.pay.request
        if pattern is not None and request.method != "GET" and re.search(pattern, request.url):
            self.payment = request

    def _do(self, key: str, step: Step, values: Mapping[str, str]) -> None:
        doing = step.doing
        if doing == "goto":
            self._goto(f"{key}.goto", fill_in(step.goto or "", values))
            return
        where: Where = getattr(step, doing).filled(values)
        element = where.on(self.page)
        text = fill_in(step.text or "", values)
        acts: dict[str, Callable[[], object]] = {
            "click": lambda: self._press(element, where.value),
            "fill": lambda: element.fill(text, timeout=self.timeout),
            "check": lambda: element.check(timeout=self.timeout),
            "select": lambda: element.select_option(label=text, timeout=self.timeout),
        }
        if (hands := self.hands) is not None:
            typed = step.text or ""
            acts |= {
                "click": lambda: hands.press(element, where.value, watch_shift=key.startswith("pay.")),
                "fill": lambda: hands.type(
                    element, where.value, text, card_number="{card_number}" in typed, secret="{cvc}" in typed
                ),
                "check": lambda: hands.tick(element, where.value),
            }
        self._attempt(f"{key}.{doing}", str(where), acts[doing])

    def _press(self, element: Locator, name: str) -> None:
        if self.hands is None:
            element.click(timeout=self.timeout)
        else:
            self.hands.press(element, name)

    def misfit(self, key: str, problem: str, fix: str, near: str = "") -> ProfileError:
        """One sentence: which key of which profile, what it did on which page showing what (near `near`), and
        the fix."""
        return ProfileError(
            f"The site profile {self.profile.path} key {key} {problem} on {self.about(near)}: {fix}.", key=key
        )

    def _attempt(self, key: str, what: str, doing: Callable[[], object]) -> None:
        """Do it; when the shop does not show what the key names, say so in one sentence with the fix."""
        try:
            doing()
        except PlaywrightTimeoutError:
            raise self.misfit(
                key,
                f"({what}) found nothing within {self.profile.site.timeout:g} s",
                f"fix {key} so that it names what the shop shows there (`checkout-integrity check-profile` walks "
                "every key with a screenshot per page)",
                near=what.partition("=")[2],
            ) from None
        except PlaywrightError as error:
            problem = error.message.splitlines()[0]
            if "strict mode violation" in problem:
                problem = "found more than one element"
            raise self.misfit(
                key, f"({what}) failed ({problem})", f"fix {key} so that it names exactly one thing the customer uses"
            ) from None
        if self.resolved is not None:
            self.resolved(key, what)
