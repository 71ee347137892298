"""The goods shop's pages: catalogue, product, basket, the checkout's email, address, delivery and payment
steps, the order confirmation and sign-in.

Faults that change what the shop does (rather than what it charges, see `demo_hotel.goods.checkout`) are
decided here; where the hotel decides the same thing the same way (the payment form's layout, the slow
payment page, the countdown) its code serves both.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from demo_hotel import mailer
from demo_hotel.checkout import receipt_total
from demo_hotel.clock import stamp
from demo_hotel.gateway import Card, decline_reason
from demo_hotel.goods.catalogue import (
    COUNTRIES,
    COUPONS,
    DELIVERIES,
    GIFT_WRAPPING,
    LOCALE,
    MAX_QUANTITY,
    PRODUCTS,
    PROTECTION,
    Product,
    offered_extras,
)
from demo_hotel.goods.checkout import basket_page_lines, basket_total, charged_bill, payment_page_bill
from demo_hotel.goods.store import BANK_TRANSFER, CARD, PRODUCT, Address, Basket, GoodsStore, Unavailable
from demo_hotel.pricing import format_money
from demo_hotel.shop import SLOW_PAYMENT_SECONDS, Counter, PaymentLayout, countdown, see_other
from demo_hotel.store import Account

RESERVE_FOR = timedelta(minutes=15)
QUANTITY_NEEDED = f"Enter a quantity from 1 to {MAX_QUANTITY}."
COUPON_NEEDED = "Enter a coupon code."
COUPON_UNKNOWN = "That coupon code is not valid."
EMAIL_NEEDED = "Enter a valid email address."
ADDRESS_NEEDED = "Enter your first name, last name, address, city, postcode and country."
DELIVERY_NEEDED = "Choose a delivery method."
EMAIL_AGAIN = "Enter your email address."
SIGN_IN_NEEDED = "Enter your email address and a password."
WRONG_PASSWORD = "That email address and password do not match."
CARD_FIELDS = ("card_number", "expiry", "cvc", "card_name")
ADDRESS_FIELDS = ("first_name", "last_name", "line1", "city", "postcode", "country", "phone")
STEPS = {"basket": "/basket", "email": "/checkout/email", "address": "/checkout/address",
         "delivery": "/checkout/delivery"}  # fmt: skip


@dataclass(frozen=True)
class NotYet:
    """The customer cannot pay yet: `step` is the checkout page they go back to."""

    step: str


@dataclass(frozen=True)
class Stocked:
    """A product as this customer finds it: how many units are left to them, and what the shop says of it."""

    product: Product
    left: int
    claim: str  # "23 in stock"; fault fake-scarcity: "Only 1 left!" whatever is left


def quantity_from(form: FormData) -> int:
    try:
        quantity = int(str(form.get("quantity", "1")))
    except ValueError:
        raise HTTPException(400, QUANTITY_NEEDED) from None
    if not 1 <= quantity <= MAX_QUANTITY:
        raise HTTPException(400, QUANTITY_NEEDED)
    return quantity


def product_of(slug: str) -> Product:
    if slug not in PRODUCT:
        raise HTTPException(404, "We do not sell that product.")
    return PRODUCT[slug]


def deliver_to(address: Address) -> str:
    return address.one_line(COUNTRIES.get(address.country, address.country))


class GoodsShop(Counter[GoodsStore]):
    """The goods shop's request handlers."""

    @property
    def reservations_hold(self) -> bool:
        """Whether a basket's reservation keeps its units from other customers; fault hold-broken: never."""
        return "hold-broken" not in self.faults

    def open_basket(self, request: Request) -> Basket | None:
        """The basket a page shows: the owner's latest unordered basket with something in it.

        Fault fake-urgency restarts the reservation's 15 minutes on every page load.
        """
        basket = self.store.basket(self.owner(request))
        if basket is None or basket.reference is not None or not basket.items:
            return None
        if "fake-urgency" in self.faults:
            reserved_until = self.clock.now() + RESERVE_FOR
            self.store.restart_reservation(basket.id, reserved_until)
            basket = replace(basket, reserved_until=reserved_until)
        return basket

    def stocked(self, request: Request, product: Product) -> Stocked:
        basket = self.store.basket(self.owner(request))
        left = self.store.stock_left(
            product.slug,
            self.clock.now(),
            cart_id=basket.id if basket is not None and basket.reference is None else None,
            count_holds=self.reservations_hold,
        )
        claim = "Only 1 left!" if "fake-scarcity" in self.faults else f"{left} in stock"
        return Stocked(product, left, claim)

    async def catalogue(self, request: Request) -> Response:
        return self.render(request, "catalogue.html", products=[self.stocked(request, p) for p in PRODUCTS])

    async def product_page(self, request: Request) -> Response:
        stocked = self.stocked(request, product_of(request.path_params["slug"]))
        return self.render(request, "product.html", stocked=stocked, max_quantity=min(stocked.left, MAX_QUANTITY))

    async def add_to_basket(self, request: Request) -> Response:
        """Put units in the basket and reserve it for 15 minutes; fault basket-sneak adds every extra the basket
        offers with the product (its protection plan, where it has one, and gift wrap), shown ticked."""
        form = await request.form()
        product = product_of(str(form.get("product", "")))
        quantity = quantity_from(form)
        now = self.clock.now()
        offered = {GIFT_WRAPPING.slug, *([PROTECTION.slug] if product.protection else [])}
        sneaked = frozenset(offered) if "basket-sneak" in self.faults else frozenset()
        try:
            self.store.add_to_basket(
                self.owner(request), product, quantity, now, now + RESERVE_FOR,
                count_holds=self.reservations_hold, extras=sneaked,
            )  # fmt: skip
        except Unavailable as gone:
            return self.unavailable(request, gone.product)
        return see_other("/basket")

    def unavailable(self, request: Request, product: Product) -> Response:
        return self.render(request, "unavailable.html", status_code=409, product=product)

    async def basket_page(self, request: Request) -> Response:
        return self.basket_view(request, self.open_basket(request))

    def basket_view(
        self, request: Request, basket: Basket | None, coupon_error: str | None = None, status_code: int = 200
    ) -> Response:
        context: dict[str, Any] = {"basket": basket, "coupon_error": coupon_error}
        if basket is not None:
            now = self.clock.now()
            context |= {
                "lines": basket_page_lines(basket),
                "total": basket_total(basket, self.faults),
                "extras": offered_extras(basket.items),
                "now": stamp(now),
            }
            if basket.reserved_until is not None:
                context |= {
                    "reserved_until": stamp(basket.reserved_until),
                    "countdown": countdown(basket.reserved_until, now),
                }
        return self.render(request, "basket.html", status_code=status_code, **context)

    async def update_basket(self, request: Request) -> Response:
        """Keep the extras ticked on the basket page; "Proceed to checkout" goes on to the email step, or for a
        customer who signed in (whose email the shop knows) straight to the address step."""
        basket = self.open_basket(request)
        if basket is None:
            return see_other("/basket")
        form = await request.form()
        offered = {extra.slug for extra, _ in offered_extras(basket.items)}
        self.store.choose_extras(basket.id, frozenset(str(slug) for slug in form.getlist("extras")) & offered)
        if form.get("go") != "checkout":
            return see_other(STEPS["basket"])
        account: Account | None = request.state.account
        if account is None:
            return see_other(STEPS["email"])
        self.store.save_email(basket.id, account.email)
        return see_other(STEPS["address"])

    async def apply_coupon(self, request: Request) -> Response:
        basket = self.open_basket(request)
        if basket is None:
            return see_other("/basket")
        code = str((await request.form()).get("coupon", "")).strip().upper()
        if code not in COUPONS:
            return self.basket_view(request, basket, COUPON_UNKNOWN if code else COUPON_NEEDED, status_code=400)
        self.store.apply_coupon(basket.id, code)
        return see_other("/basket")

    def needs(self, basket: Basket | None, *steps: str) -> Basket | NotYet:
        """The open basket when the checkout steps before this page are done, else the first step to go back to."""
        if basket is None:
            return NotYet("basket")
        done = {"email": "@" in basket.email, "address": basket.address.complete, "delivery": basket.delivery}
        return next((NotYet(step) for step in steps if not done[step]), basket)

    async def email_page(self, request: Request) -> Response:
        basket = self.open_basket(request)
        if basket is None:
            return see_other("/basket")
        account: Account | None = request.state.account
        return self.render(request, "email.html", email=basket.email or (account.email if account else ""))

    async def save_email(self, request: Request) -> Response:
        basket = self.open_basket(request)
        if basket is None:
            return see_other("/basket")
        email = str((await request.form()).get("email", "")).strip()
        if "@" not in email:
            return self.render(request, "email.html", status_code=400, email=email, error=EMAIL_NEEDED)
        self.store.save_email(basket.id, email)
        return see_other(STEPS["address"])

    async def address_page(self, request: Request) -> Response:
        due = self.needs(self.open_basket(request), "email")
        if isinstance(due, NotYet):
            return see_other(STEPS[due.step])
        return self.render(request, "address.html", address=due.address, countries=COUNTRIES)

    async def save_address(self, request: Request) -> Response:
        due = self.needs(self.open_basket(request), "email")
        if isinstance(due, NotYet):
            return see_other(STEPS[due.step])
        form = await request.form()
        address = Address(*(str(form.get(field, "")).strip() for field in ADDRESS_FIELDS))
        if not address.complete or address.country not in COUNTRIES:
            return self.render(
                request, "address.html", status_code=400, address=address, countries=COUNTRIES, error=ADDRESS_NEEDED
            )
        self.store.save_address(due.id, address)
        return see_other(STEPS["delivery"])

    async def delivery_page(self, request: Request) -> Response:
        due = self.needs(self.open_basket(request), "email", "address")
        if isinstance(due, NotYet):
            return see_other(STEPS[due.step])
        return self.render(request, "delivery.html", deliveries=DELIVERIES.values(), chosen=due.delivery or "standard")

    async def choose_delivery(self, request: Request) -> Response:
        due = self.needs(self.open_basket(request), "email", "address")
        if isinstance(due, NotYet):
            return see_other(STEPS[due.step])
        delivery = str((await request.form()).get("delivery", ""))
        if delivery not in DELIVERIES:
            return self.render(
                request, "delivery.html", status_code=400, deliveries=DELIVERIES.values(), chosen="",
                error=DELIVERY_NEEDED,
            )  # fmt: skip
        self.store.choose_delivery(due.id, delivery)
        return see_other("/checkout/payment")

    async def payment_page(self, request: Request) -> Response:
        """The bill to pay and the payment form; fault slow-step answers after 3 s of real time."""
        due = self.needs(self.open_basket(request), "email", "address", "delivery")
        if isinstance(due, NotYet):
            return see_other(STEPS[due.step])
        self.store.open_payment(due.id, self.clock.now())
        if "slow-step" in self.faults:
            await asyncio.sleep(SLOW_PAYMENT_SECONDS)
        name = f"{due.address.first_name} {due.address.last_name}"
        return self.payment_form(request, due, {"method": CARD, "card_name": name})

    def payment_form(
        self, request: Request, basket: Basket, kept: dict[str, str], error: str | None = None, status_code: int = 200
    ) -> Response:
        return self.render(
            request,
            "payment.html",
            status_code=status_code,
            bill=payment_page_bill(basket, self.faults),
            email=basket.email,
            deliver_to=deliver_to(basket.address),
            kept=kept,
            error=error,
            layout=PaymentLayout.under(self.faults),
        )

    def declined(self, request: Request, basket: Basket, form: FormData, reason: str) -> Response:
        """The payment form back with the reason: the customer retypes only the card number and security code.

        Fault input-lost clears the delivery address and every card field as well.
        """
        if "input-lost" in self.faults:
            self.store.save_address(basket.id, Address())
            return self.payment_form(request, replace(basket, address=Address()), {}, reason, status_code=402)
        kept = {field: str(form.get(field, "")) for field in ("method", "expiry", "card_name", "email")}
        return self.payment_form(request, basket, kept, reason, status_code=402)

    async def place_order(self, request: Request) -> Response:
        """Place the order once per basket: placing it again leads to the same order.

        Fault double-charge charges the card again instead; fault retyping refuses the order until the
        customer gives their email address again. A bank transfer charges no card.
        """
        basket = self.store.basket(self.owner(request))
        if basket is None or not basket.items:
            return see_other("/basket")
        if basket.reference is not None and "double-charge" not in self.faults:
            return see_other(f"/order/{basket.reference}")
        if basket.reference is None:
            due = self.needs(basket, "email", "address", "delivery")
            if isinstance(due, NotYet):
                return see_other(STEPS[due.step])
        form = await request.form()
        if "retyping" in self.faults and "@" not in str(form.get("email", "")):
            return self.declined(request, basket, form, EMAIL_AGAIN)
        now = self.clock.now()
        by_card = form.get("method", CARD) != BANK_TRANSFER
        card = Card(*(str(form.get(field, "")) for field in CARD_FIELDS))
        reason = decline_reason(card, now.date()) if by_card else None
        if reason is not None:
            return self.declined(request, basket, form, reason)
        bill = charged_bill(basket, self.faults, now)
        try:
            placed = self.store.place_order(
                basket.id, bill, deliver_to(basket.address), now,
                card_last4=card.last4 if by_card else None,
                count_holds=self.reservations_hold,
                repeat_charge="double-charge" in self.faults,
            )  # fmt: skip
        except Unavailable as gone:
            return self.unavailable(request, gone.product)
        if placed.first and self.smtp_port is not None:
            amount = format_money(receipt_total(bill, self.faults), bill.currency, LOCALE)
            email = mailer.order_email(basket.email, placed.reference, amount, paid=by_card)
            await run_in_threadpool(mailer.send, email, self.smtp_port)
        return see_other(f"/order/{placed.reference}")

    async def order_page(self, request: Request) -> Response:
        order = self.store.order(request.path_params["reference"])
        if order is None:
            raise HTTPException(404, "We have no order with that number.")
        return self.render(request, "order.html", order=order)

    async def order_status(self, request: Request) -> Response:
        """The order's own page, which the confirmation email links to; fault receipt-mismatch states the amount
        before VAT here too, as the email does."""
        order = self.store.order(request.path_params["reference"])
        if order is None:
            raise HTTPException(404, "We have no order with that number.")
        return self.render(request, "order_status.html", order=order, amount=receipt_total(order.bill, self.faults))

    async def signin_page(self, request: Request) -> Response:
        return self.render(request, "signin.html", email="")

    async def sign_in(self, request: Request) -> Response:
        """Sign the browser in, creating the account for a new email; the open basket follows the account
        (fault cart-lost leaves it with the browser)."""
        form = await request.form()
        email, password = str(form.get("email", "")).strip(), str(form.get("password", ""))
        if "@" not in email or not password:
            return self.render(request, "signin.html", 400, email=email, error=SIGN_IN_NEEDED)
        account = self.store.sign_in(request.state.session, email, password, adopt_cart="cart-lost" not in self.faults)
        if account is None:
            return self.render(request, "signin.html", 401, email=email, error=WRONG_PASSWORD)
        return see_other("/basket")

