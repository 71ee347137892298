"""The demo goods shop over real HTTP: its journeys by card and by bank transfer, the sold-out product, the
coupon, the strict Content-Security-Policy, and each catalogue fault the goods way, on and off."""

from __future__ import annotations

import re
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from email.message import EmailMessage

import pytest

from demo_hotel import FAULTS, DemoServer
from demo_hotel.goods import GOODS_FAULTS
from demo_hotel.goods.app import CONTENT_SECURITY_POLICY
from tests.demo_site.conftest import Mailbox, SiteWith
from tests.demo_site.customer import Page
from tests.demo_site.shopper import (
    ADDRESS,
    BY_BANK_TRANSFER,
    BY_CARD,
    CHAIR,
    DECLINED,
    EMAIL,
    LAMP,
    ORGANISER,
    THROW,
    Shopper,
    summary,
    total,
)
from tests.demo_site.test_cli import REPO

CLEAN, FAULTY = False, True
GoodsWith = Callable[..., DemoServer]
ShopperAt = Callable[[DemoServer], Shopper]
ORGANISERS = ("Walnut Desk Organiser - Large, Three Compartments", "2 × £34.50", "£69.00")
BASKET = [ORGANISERS, ("VAT (20%)", "", "£13.80")]
PAYMENT = [ORGANISERS, ("Standard delivery", "", "£4.95"), ("VAT (20%)", "", "£13.80")]
CARD_LABELS = {
    "card-number": "Card number", "card-expiry": "Expiry date (MM/YY)", "card-cvc": "Security code",
    "card-name": "Name on card",
}  # fmt: skip


@pytest.fixture
def goods_with(site_with: SiteWith) -> GoodsWith:
    """`goods_with("hidden-fee", smtp_port=N)` starts a fresh goods shop with those faults."""

    def start(*faults: str, smtp_port: int | None = None) -> DemoServer:
        return site_with(*faults, smtp_port=smtp_port, shop="goods")

    return start


@pytest.fixture
def shopper_at() -> Iterator[ShopperAt]:
    """`shopper_at(site)` is a new shopper with an empty cookie jar."""
    shoppers: list[Shopper] = []

    def arrive(site: DemoServer) -> Shopper:
        shoppers.append(Shopper(site))
        return shoppers[-1]

    yield arrive
    for shopper in shoppers:
        shopper.http.close()


@pytest.fixture
def shopper(goods_with: GoodsWith, shopper_at: ShopperAt) -> Shopper:
    return shopper_at(goods_with())


def switched(fault: str, on: bool) -> tuple[str, ...]:
    return (fault,) if on else ()


def said(message: EmailMessage) -> list[str]:
    """The email's lines."""
    return str(message.get_content()).splitlines()


def labels(page: Page) -> dict[str | None, str]:
    return {element.attrs.get("for"): element.text for element in page.inside if element.tag == "label"}


def test_the_catalogue_truncates_titles_keeps_full_names_in_the_title_and_shows_price_and_stock(
    shopper: Shopper,
) -> None:
    catalogue = shopper.get("/")

    cards = [
        (card.the("product-card-title").text, link.attrs["title"], card.the("unit-price").text, card.the("stock-level").text)
        for card in catalogue.classed("product-card")
        for link in card.inside if link.tag == "a"
    ]  # fmt: skip
    assert cards == [
        ("Walnut Desk Organiser - Lar…", ORGANISERS[0], "£34.50 excl. VAT", "25 in stock"),
        ("Ergonomic Office Chair with…", "Ergonomic Office Chair with Adjustable Lumbar Support", "£249.00 excl. VAT", "10 in stock"),
        ("Hand-Finished Brass Table L…", "Hand-Finished Brass Table Lamp, Limited Edition", "£120.00 excl. VAT", "1 in stock"),
        ("Solid Oak Extending Dining…", "Solid Oak Extending Dining Table, Seats Eight", "£1,234.56 excl. VAT", "4 in stock"),
        ("Stonewashed Linen Throw Bla…", "Stonewashed Linen Throw Blanket in Sage Green", "£65.00 excl. VAT", "Unavailable"),
    ]  # fmt: skip
    assert shopper.get("/catalogue").classed("product-card")


def test_a_guest_buys_two_organisers_by_card_through_the_four_checkout_steps(
    goods_with: GoodsWith, shopper_at: ShopperAt, mailbox: Mailbox
) -> None:
    shopper = shopper_at(goods_with(smtp_port=mailbox.port))
    product = shopper.get(f"/product/{ORGANISER}")
    assert (product.the("product-name").text, product.the("price").text) == (ORGANISERS[0], "£34.50")
    assert labels(product) == {"quantity": "Quantity"}

    basket = shopper.add(ORGANISER, 2)
    assert (basket.path, summary(basket), total(basket)) == ("/basket", BASKET, "£82.80")
    assert basket.the("delivery-pending").text == "Delivery: calculated at checkout"
    assert basket.the("reservation-timer").text in ("14:59", "15:00")
    assert [label for label in labels(basket).values()] == ["Coupon code", "Gift wrap"]
    email_step = shopper.keep_extras(go="checkout")
    assert (email_step.path, labels(email_step)) == ("/checkout/email", {"email": "Email"})
    address_step = shopper.post("/checkout/email", {"email": EMAIL})
    assert list(labels(address_step).values()) == [
        "First name", "Last name", "Address line 1", "City", "Postcode", "Country", "Phone"
    ]  # fmt: skip
    delivery_step = shopper.post("/checkout/address", ADDRESS)
    assert list(labels(delivery_step).values()) == ["Standard delivery", "Express delivery"]
    assert [price.text for price in delivery_step.classed("option-price")] == ["£4.95", "£9.95"]

    payment = shopper.post("/checkout/delivery", {"delivery": "standard"})
    assert (payment.path, summary(payment), total(payment)) == ("/checkout/payment", PAYMENT, "£87.75")
    assert payment.the("delivery-address").text == "Giulia Rossi, 1 High Street, London, SW1A 1AA, United Kingdom"
    assert labels(payment) == {"method-card": "Card", "method-bank-transfer": "Pay by bank transfer", **CARD_LABELS}
    assert payment.field("card_name") == "Giulia Rossi"

    order = shopper.place_order()
    number = order.the("order-number").text
    assert re.fullmatch(r"W\d{7}", number) and order.path == f"/order/{number}"
    assert [dt.text for dt in order.inside if dt.tag == "dt"] == ["Order number", "Amount paid"]
    assert (order.the("order-amount").text, summary(order)) == ("£87.75", PAYMENT)
    assert [(c["reference"], c["amount"], c["currency"]) for c in shopper.charges()] == [(number, "87.75", "GBP")]
    (message,) = mailbox.messages
    assert (message["To"], message["Subject"]) == (EMAIL, f"Order {number} confirmed")
    assert said(message)[-2:] == [f"Order number: {number}", "Amount paid: £87.75"]
    assert shopper.get(f"/product/{ORGANISER}").the("stock-level").text == "23 in stock"


def test_a_signed_in_customer_goes_from_the_basket_straight_to_the_address_step(shopper: Shopper) -> None:
    shopper.sign_in("ada@example.com")
    shopper.add(ORGANISER, 1)

    address_step = shopper.keep_extras(go="checkout")

    assert address_step.path == "/checkout/address"  # the shop knows the email of the account
    assert shopper.post("/checkout/address", ADDRESS).path == "/checkout/delivery"  # and the email step is done


def test_a_bank_transfer_places_the_order_and_charges_no_card(
    goods_with: GoodsWith, shopper_at: ShopperAt, mailbox: Mailbox
) -> None:
    shopper = shopper_at(goods_with(smtp_port=mailbox.port))
    shopper.reach_payment()

    order = shopper.place_order(BY_BANK_TRANSFER)

    number = order.the("order-number").text
    assert [dt.text for dt in order.inside if dt.tag == "dt"] == ["Order number", "Amount to pay by bank transfer"]
    assert order.the("order-amount").text == "£87.75"
    assert "sort code 20-00-00" in order.the("bank-details").text
    assert shopper.charges() == []
    (message,) = mailbox.messages
    assert said(message)[-2:] == [f"Order number: {number}", "Amount to pay by bank transfer: £87.75"]


def test_the_sold_out_product_says_unavailable_and_offers_no_button(shopper: Shopper) -> None:
    product = shopper.get(f"/product/{THROW}")

    assert product.the("unavailable").text == "Unavailable"
    assert [element for element in product.inside if element.tag in ("button", "form")] == []
    refused = shopper.add(THROW, 1)
    assert (refused.status, refused.the("unavailable").text) == (409, "Unavailable")
    assert shopper.get("/basket").the("empty-basket").text.startswith("Your basket is empty.")


def test_coupon_save10_takes_ten_percent_off_the_items_before_vat_and_an_unknown_code_is_refused(
    shopper: Shopper,
) -> None:
    shopper.add(CHAIR, 1)
    shopper.keep_extras("protection")

    refused = shopper.apply_coupon("SAVE50")
    basket = shopper.apply_coupon(" save10 ")

    assert (refused.status, refused.the("form-problem").text) == (400, "That coupon code is not valid.")
    assert summary(basket) == [
        ("Ergonomic Office Chair with Adjustable Lumbar Support", "1 × £249.00", "£249.00"),
        ("Protection plan", "", "£29.99"),
        ("Coupon SAVE10", "", "-£24.90"),
        ("VAT (20%)", "", "£44.82"),
    ]
    assert total(basket) == "£298.91"
    assert basket.checked("extras") == ["protection"]


def test_every_page_and_file_sends_the_strict_policy_and_carries_no_inline_code_nor_test_hook(
    goods_with: GoodsWith, shopper_at: ShopperAt
) -> None:
    shopper = shopper_at(goods_with("layout-shift"))
    shopper.sign_in("ada@example.com")
    answers = [shopper.http.get(path) for path in ("/", f"/product/{CHAIR}", f"/product/{THROW}", "/account/signin")]
    shopper.add(CHAIR, 1)
    answers += [shopper.http.get("/basket")]
    shopper.reach_payment()
    answers += [shopper.http.get(path) for path in ("/checkout/email", "/checkout/address", "/checkout/delivery")]
    answers += [shopper.http.get("/checkout/payment"), shopper.http.post("/checkout/place-order", data=DECLINED)]
    answers += [shopper.http.post("/checkout/place-order", data=BY_CARD)]
    files = ("/static/shop.css", "/static/basket.js", "/static/payment.js", "/static/late_banner.js", "/nowhere")
    answers += [shopper.http.get(path) for path in files]
    answers += [shopper.http.get("/__test__/faults")]

    assert [answer.status_code for answer in answers] == [200] * 9 + [402, 200, 200, 200, 200, 200, 404, 200]
    assert {answer.headers["content-security-policy"] for answer in answers} == {CONTENT_SECURITY_POLICY}
    for answer in answers:
        if answer.headers["content-type"].startswith("text/html"):
            page = Page(answer)
            assert all(e.attrs.get("src") and not e.text for e in page.inside if e.tag == "script"), answer.url
            assert not [e for e in page.inside if e.tag == "style" or "style" in e.attrs], answer.url
            assert "data-testid" not in answer.text and "data-kind" not in answer.text, answer.url


@pytest.mark.parametrize(
    ("on", "dwell", "unit", "charged"),
    [(CLEAN, 60, "£34.50", "£87.75"), (FAULTY, 59, "£34.50", "£87.75"), (FAULTY, 60, "£51.75", "£129.15")],
)
def test_price_drift_raises_the_unit_price_after_60_seconds_on_the_payment_page(
    goods_with: GoodsWith, shopper_at: ShopperAt, on: bool, dwell: int, unit: str, charged: str
) -> None:
    shopper = shopper_at(goods_with(*switched("price-drift", on)))
    assert total(shopper.reach_payment()) == "£87.75"

    shopper.advance_clock(dwell)
    order = shopper.place_order()

    assert order.the("order-amount").text == charged
    assert summary(order)[0][1] == f"2 × {unit}"
    assert shopper.charges()[0]["amount"] == charged.lstrip("£")


@pytest.mark.parametrize(
    ("on", "fees", "charged"), [(CLEAN, [], "£87.75"), (FAULTY, [("Handling fee", "", "£2.95")], "£90.70")]
)
def test_hidden_fee_adds_a_handling_fee_on_the_payment_page_only(
    goods_with: GoodsWith, shopper_at: ShopperAt, on: bool, fees: list[tuple[str, str, str]], charged: str
) -> None:
    shopper = shopper_at(goods_with(*switched("hidden-fee", on)))
    basket = shopper.add()

    payment = shopper.check_out()

    assert (summary(basket), total(basket)) == (BASKET, "£82.80")
    assert summary(payment) == PAYMENT + fees
    assert total(payment) == charged
    assert shopper.place_order().the("order-amount").text == charged



@pytest.mark.parametrize(("on", "rival_gets_the_lamp"), [(CLEAN, False), (FAULTY, True)])
def test_hold_broken_lets_a_second_customer_buy_the_last_lamp_while_the_first_pays(
    goods_with: GoodsWith, shopper_at: ShopperAt, on: bool, rival_gets_the_lamp: bool
) -> None:
    site = goods_with(*switched("hold-broken", on))
    first, rival = shopper_at(site), shopper_at(site)
    first.reach_payment(LAMP, 1)

    lamp_for_rival = rival.get(f"/product/{LAMP}")
    rival_basket = rival.add(LAMP, 1)

    if not rival_gets_the_lamp:
        assert lamp_for_rival.the("unavailable").text == "Unavailable"
        assert (rival_basket.status, rival_basket.the("unavailable").text) == (409, "Unavailable")
        assert first.place_order().classed("order-number")
        return
    assert lamp_for_rival.the("stock-level").text == "1 in stock"
    assert rival_basket.path == "/basket"
    rival.check_out("rival@example.com")
    assert rival.place_order().classed("order-number")
    too_late = first.place_order()
    assert (too_late.status, too_late.the("unavailable").text) == (409, "Unavailable")
    assert first.charges() == []


@pytest.mark.parametrize(
    ("on", "address", "kept"),
    [
        (CLEAN, "Giulia Rossi, 1 High Street, London, SW1A 1AA, United Kingdom", {"expiry": "12/39", "card_name": "Giulia Rossi"}),
        (FAULTY, "", {"expiry": "", "card_name": ""}),
    ],
)  # fmt: skip
def test_input_lost_clears_the_address_and_card_fields_after_a_decline(
    goods_with: GoodsWith, shopper_at: ShopperAt, on: bool, address: str, kept: dict[str, str]
) -> None:
    shopper = shopper_at(goods_with(*switched("input-lost", on)))
    shopper.reach_payment()

    declined = shopper.place_order(DECLINED)

    assert (declined.status, declined.the("payment-problem").text) == (402, "Your card was declined.")
    assert declined.the("delivery-address").text == address
    fields = {name: declined.field(name) for name in ("card_number", "expiry", "cvc", "card_name")}
    assert fields == {"card_number": "", "cvc": "", **kept}
    assert shopper.get("/checkout/address").field("first_name") == ("" if on else "Giulia")


@pytest.mark.parametrize(("on", "charges"), [(CLEAN, 1), (FAULTY, 2)])
def test_double_charge_charges_again_when_the_order_is_placed_twice(
    goods_with: GoodsWith, shopper_at: ShopperAt, on: bool, charges: int
) -> None:
    shopper = shopper_at(goods_with(*switched("double-charge", on)))
    shopper.reach_payment()

    first, again = shopper.place_order(), shopper.place_order()

    number = first.the("order-number").text
    assert again.the("order-number").text == number
    assert [(c["reference"], c["amount"]) for c in shopper.charges()] == [(number, "87.75")] * charges


@pytest.mark.parametrize(("on", "emailed"), [(CLEAN, "£87.75"), (FAULTY, "£73.95")])
def test_receipt_mismatch_emails_the_amount_before_vat(
    goods_with: GoodsWith, shopper_at: ShopperAt, mailbox: Mailbox, on: bool, emailed: str
) -> None:
    shopper = shopper_at(goods_with(*switched("receipt-mismatch", on), smtp_port=mailbox.port))
    shopper.reach_payment()

    order = shopper.place_order()

    (message,) = mailbox.messages
    assert said(message)[-1] == f"Amount paid: {emailed}"
    assert order.the("order-amount").text == "£87.75"


@pytest.mark.parametrize(
    ("on", "ticked", "plan_lines"),
    [(CLEAN, [], []), (FAULTY, ["protection", "gift-wrap"], [("Protection plan", "", "£29.99")])],
)
def test_basket_sneak_pre_ticks_the_protection_plan_on_the_basket_page_and_adds_it(
    goods_with: GoodsWith, shopper_at: ShopperAt, on: bool, ticked: list[str], plan_lines: list[tuple[str, str, str]]
) -> None:
    shopper = shopper_at(goods_with(*switched("basket-sneak", on)))
    product = shopper.get(f"/product/{CHAIR}")
    assert [e for e in product.inside if e.attrs.get("type") == "checkbox"] == []

    basket = shopper.add(CHAIR, 1)

    assert basket.checked("extras") == ticked
    assert [line for line in summary(basket) if line[0] == "Protection plan"] == plan_lines
    assert [line for line in summary(shopper.check_out()) if line[0] == "Protection plan"] == plan_lines


@pytest.mark.parametrize(("on", "ticked"), [(CLEAN, []), (FAULTY, ["gift-wrap"])])
def test_basket_sneak_pre_ticks_gift_wrap_for_a_product_without_a_protection_plan(
    goods_with: GoodsWith, shopper_at: ShopperAt, on: bool, ticked: list[str]
) -> None:
    shopper = shopper_at(goods_with(*switched("basket-sneak", on)))

    basket = shopper.add(ORGANISER, 1)

    assert basket.checked("extras") == ticked
    assert [line[0] for line in summary(basket) if line[0] == "Gift wrap"] == ["Gift wrap"] * len(ticked)


@pytest.mark.parametrize(("on", "lines_on_phone"), [(CLEAN, BASKET), (FAULTY, [])])
def test_cart_lost_keeps_the_basket_on_the_device_that_filled_it(
    goods_with: GoodsWith, shopper_at: ShopperAt, on: bool, lines_on_phone: list[tuple[str, str, str]]
) -> None:
    site = goods_with(*switched("cart-lost", on))
    laptop, phone = shopper_at(site), shopper_at(site)
    laptop.sign_in("marco@example.com")
    laptop.add()

    basket_on_phone = phone.sign_in("marco@example.com")

    assert (basket_on_phone.path, basket_on_phone.the("account-email").text) == ("/basket", "marco@example.com")
    assert summary(basket_on_phone) == lines_on_phone
    assert summary(laptop.get("/basket")) == BASKET


@pytest.mark.parametrize(("on", "after_reload"), [(CLEAN, ("12:59", "13:00")), (FAULTY, ("14:59", "15:00"))])
def test_fake_urgency_restarts_the_basket_reservation_on_every_page_load(
    goods_with: GoodsWith, shopper_at: ShopperAt, on: bool, after_reload: tuple[str, str]
) -> None:
    shopper = shopper_at(goods_with(*switched("fake-urgency", on)))
    basket = shopper.add()
    assert basket.the("reservation").text.startswith("Your basket is reserved for")
    assert basket.the("reservation-timer").text in ("14:59", "15:00")

    shopper.advance_clock(120)

    assert shopper.get("/basket").the("reservation-timer").text in after_reload


@pytest.mark.parametrize(
    ("on", "prices", "charged", "ledger"),
    [
        (CLEAN, ["£69.00", "£4.95", "£13.80"], "£87.75", ("87.75", "GBP")),
        (FAULTY, ["US$87.63", "US$6.29", "US$17.53"], "US$111.45", ("111.45", "USD")),
    ],
)
def test_currency_switch_shows_and_charges_dollars_on_the_payment_page(
    goods_with: GoodsWith, shopper_at: ShopperAt, on: bool, prices: list[str], charged: str, ledger: tuple[str, str]
) -> None:
    shopper = shopper_at(goods_with(*switched("currency-switch", on)))
    assert total(shopper.add()) == "£82.80"

    payment = shopper.check_out()
    order = shopper.place_order()

    assert [price for _, _, price in summary(payment)] == prices
    assert (total(payment), order.the("order-amount").text) == (charged, charged)
    assert [(c["amount"], c["currency"]) for c in shopper.charges()] == [ledger]


@pytest.mark.parametrize(("on", "basket_total"), [(CLEAN, "£82.80"), (FAULTY, "£69.00")])
def test_total_mismatch_leaves_the_listed_vat_out_of_the_basket_total(
    goods_with: GoodsWith, shopper_at: ShopperAt, on: bool, basket_total: str
) -> None:
    shopper = shopper_at(goods_with(*switched("total-mismatch", on)))

    basket = shopper.add()

    assert (summary(basket), total(basket)) == (BASKET, basket_total)


@pytest.mark.parametrize(("on", "at_least", "under"), [(CLEAN, 0.0, 1.5), (FAULTY, 3.0, 6.0)])
def test_slow_step_answers_the_payment_page_after_3_seconds(
    goods_with: GoodsWith, shopper_at: ShopperAt, on: bool, at_least: float, under: float
) -> None:
    shopper = shopper_at(goods_with(*switched("slow-step", on)))
    shopper.add()
    shopper.keep_extras(go="checkout")
    shopper.post("/checkout/email", {"email": EMAIL})
    shopper.post("/checkout/address", ADDRESS)
    chosen = shopper.http.post("/checkout/delivery", data={"delivery": "standard"}, follow_redirects=False)
    assert chosen.status_code == 303

    started = time.monotonic()
    payment = shopper.get("/checkout/payment")
    waited = time.monotonic() - started

    assert total(payment) == "£87.75"
    assert at_least <= waited < under
    started = time.monotonic()
    assert shopper.get("/basket").status == 200
    assert time.monotonic() - started < 1.5


@pytest.mark.parametrize(
    ("on", "banners"), [(CLEAN, []), (FAULTY, [("/static/late_banner.js", "Place order", "late-notice", "")])]
)
def test_layout_shift_puts_the_late_banner_above_place_order(
    goods_with: GoodsWith, shopper_at: ShopperAt, on: bool, banners: list[tuple[str, str, str, str]]
) -> None:
    shopper = shopper_at(goods_with(*switched("layout-shift", on)))

    payment = shopper.reach_payment()

    scripts = [e.attrs for e in payment.inside if e.tag == "script" and e.attrs.get("src") != "/static/payment.js"]
    told = [(s["src"], s["data-button"], s["data-banner-class"], s["data-banner-testid"]) for s in scripts]
    assert told == banners
    script = shopper.http.get("/static/late_banner.js").text
    assert "pointerover" in script and "currentScript" in script


@pytest.mark.parametrize(("on", "card_labels"), [(CLEAN, CARD_LABELS), (FAULTY, {})])
def test_inaccessible_step_takes_the_labels_off_the_card_fields(
    goods_with: GoodsWith, shopper_at: ShopperAt, on: bool, card_labels: dict[str, str]
) -> None:
    shopper = shopper_at(goods_with(*switched("inaccessible-step", on)))

    payment = shopper.reach_payment()

    methods = {"method-card": "Card", "method-bank-transfer": "Pay by bank transfer"}
    assert labels(payment) == {**methods, **card_labels}
    card_fields = [e.attrs for e in payment.inside if (e.attrs.get("autocomplete") or "").startswith("cc-")]
    assert [field["autocomplete"] for field in card_fields] == ["cc-number", "cc-exp", "cc-csc", "cc-name"]
    assert not [field for field in card_fields if {"aria-label", "title", "placeholder"} & field.keys()]
    assert ({span.text for span in payment.classed("field-name")} == set(CARD_LABELS.values())) is on
    assert shopper.place_order().classed("order-number")


@pytest.mark.parametrize(("on", "asked"), [(CLEAN, []), (FAULTY, ["Email address"])])
def test_retyping_asks_for_the_email_again_and_refuses_the_order_without_it(
    goods_with: GoodsWith, shopper_at: ShopperAt, on: bool, asked: list[str]
) -> None:
    shopper = shopper_at(goods_with(*switched("retyping", on)))

    payment = shopper.reach_payment()
    without_email = shopper.place_order()

    assert [text for text in labels(payment).values() if "mail" in text] == asked
    if not on:
        assert without_email.classed("order-number")
        return
    assert payment.field("email") == ""
    assert (without_email.status, without_email.the("payment-problem").text) == (402, "Enter your email address.")
    assert shopper.charges() == []
    assert shopper.place_order({**BY_CARD, "email": EMAIL}).classed("order-number")


def test_twenty_shoppers_racing_for_the_last_lamp_make_one_order(goods_with: GoodsWith, shopper_at: ShopperAt) -> None:
    site = goods_with()
    racers = [shopper_at(site) for _ in range(20)]
    start = threading.Barrier(len(racers), timeout=30)

    def race(number: int) -> str:
        start.wait()
        if racers[number].add(LAMP, 1).status == 409:
            return "unavailable"
        racers[number].check_out(f"racer{number}@example.com")
        return "ordered" if racers[number].place_order().classed("order-number") else "stuck"

    with ThreadPoolExecutor(max_workers=len(racers)) as pool:
        outcomes = list(pool.map(race, range(len(racers))))

    assert sorted(outcomes) == ["ordered"] + ["unavailable"] * (len(racers) - 1)
    assert racers[0].get(f"/product/{LAMP}").the("unavailable").text == "Unavailable"


def test_the_goods_shop_words_every_catalogue_fault_and_switches_them_through_the_test_endpoint(
    shopper: Shopper,
) -> None:
    listing = subprocess.run(
        [sys.executable, "-m", "demo_hotel", "--shop", "goods", "--list-faults"],
        cwd=REPO, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert list(GOODS_FAULTS) == list(FAULTS)
    assert listing.stdout.splitlines() == [f"{fault:<18} {words}" for fault, words in GOODS_FAULTS.items()]
    assert total(shopper.reach_payment()) == "£87.75"

    switched_on = shopper.http.post("/__test__/faults", params={"on": "hidden-fee"}).json()

    assert switched_on == {"active": ["hidden-fee"], "known": list(FAULTS)}
    assert total(shopper.get("/checkout/payment")) == "£90.70"
    assert shopper.http.post("/__test__/faults", params={"on": ""}).json()["active"] == []
    assert total(shopper.get("/checkout/payment")) == "£87.75"


def test_restock_puts_the_last_lamp_back_for_the_next_scenario(shopper: Shopper) -> None:
    shopper.reach_payment(LAMP, 1)
    assert shopper.place_order().the("order-number").text
    assert shopper.get(f"/product/{LAMP}").the("unavailable").text == "Unavailable"

    assert shopper.http.post("/__test__/restock").json() == {"restocked": True}

    assert shopper.get(f"/product/{LAMP}").the("stock-level").text == "1 in stock"


@pytest.mark.parametrize(("on", "claims"), [(CLEAN, ["25 in stock", "10 in stock", "1 in stock", "4 in stock"]),
                                            (FAULTY, ["Only 1 left!"] * 4)])
def test_fake_scarcity_says_only_one_is_left_of_every_product_in_stock(
    goods_with: GoodsWith, shopper_at: ShopperAt, on: bool, claims: list[str]
) -> None:
    shopper = shopper_at(goods_with(*switched("fake-scarcity", on)))

    levels = [card.the("stock-level").text for card in shopper.get("/").classed("product-card")]

    assert levels == [*claims, "Unavailable"]  # the sold-out throw stays sold out
    assert shopper.get(f"/product/{ORGANISER}").the("stock-level").text == claims[0]
    assert shopper.add(ORGANISER, 3).path == "/basket"  # the claim is only words: three can still be bought
