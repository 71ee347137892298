"""The demo site's single-page mode (`--ui spa`): one page, and a JSON API that answers from the same shop,
so the amounts and the faults are those of the server-rendered pages."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import httpx
import pytest

from demo_hotel import DemoServer
from demo_hotel.__main__ import arguments
from tests.demo_site.customer import GUEST, STAY, VISA

ROOM = {"room_type": "classic-double", **STAY, "extras": []}
CLEAN_LAYOUT = {"labelled": True, "asks_email": False, "late_banner": False}
AppWith = Callable[..., httpx.Client]


@pytest.fixture
def app_with() -> Iterator[AppWith]:
    """`app_with("fault")`: an HTTP client of a fresh single-page site with those faults on."""
    with_sites: list[tuple[DemoServer, httpx.Client]] = []

    def start(*faults: str) -> httpx.Client:
        site = DemoServer(faults, ui="spa").__enter__()
        client = httpx.Client(base_url=site.url, trust_env=False, timeout=10)
        with_sites.append((site, client))
        return client

    yield start
    for site, client in with_sites:
        client.close()
        site.__exit__(None, None, None)


def test_the_one_page_carries_the_customers_locale_and_the_app(app_with: AppWith) -> None:
    app = app_with()

    assert 'data-locale="en_GB"' in app.get("/").text
    page = app.get("/", params={"lang": "it"}).text
    assert 'data-locale="it_IT"' in page and '<script src="/static/spa.js">' in page
    assert app.get("/static/spa.js").headers["content-type"].startswith("text/javascript")
    assert app.get("/search", params=STAY).status_code == 404  # no server-rendered pages in this mode


def test_a_booking_through_the_api_has_the_amounts_of_the_pages(app_with: AppWith) -> None:
    app = app_with()

    offers = app.get("/api/shop/offers", params=STAY).json()
    assert [(o["slug"], o["total"], o["rooms_left"]) for o in offers["offers"]] == [
        ("classic-double", "256.00", 3), ("deluxe-king", "376.00", 2), ("family-suite", "496.00", 1)]
    assert app.post("/api/shop/cart", json=ROOM).status_code == 201
    cart = app.get("/api/shop/cart").json()
    kinds = [line["kind"] for line in cart["lines"]]
    assert (cart["total"], cart["currency"], kinds) == ("256.00", "EUR", ["room", "tax"])
    assert cart["expires_at"] > cart["now"]
    assert app.get("/api/shop/payment").json() == {"back": "guest"}
    assert app.post("/api/shop/guest", json=GUEST).json() == {"ok": True}
    assert app.get("/api/shop/payment").json()["guest"]["email"] == GUEST["email"]
    paid = app.post("/api/shop/pay", json=VISA).json()
    booking = app.get(f"/api/shop/bookings/{paid['reference']}").json()
    assert (booking["total"], booking["guest"]["name"]) == ("256.00", GUEST["full_name"])
    assert app.post("/api/shop/pay", json=VISA).json() == paid  # paying again: the same booking, no new charge
    assert len(app.get("/__test__/charges", params={"email": GUEST["email"]}).json()) == 1


def test_a_declined_card_keeps_the_guest_and_the_expiry(app_with: AppWith) -> None:
    app = app_with()
    app.post("/api/shop/cart", json=ROOM)
    app.post("/api/shop/guest", json=GUEST)

    declined = app.post("/api/shop/pay", json={**VISA, "cvc": "000"})

    assert declined.status_code == 402
    body = declined.json()
    assert (body["error"], body["guest"]["email"], body["card"]) == (
        "The security code is incorrect.", GUEST["email"], {"expiry": VISA["expiry"], "card_name": VISA["card_name"]})


def test_basket_sneak_ticks_travel_insurance_in_the_api_too(app_with: AppWith) -> None:
    def ticked(app: httpx.Client) -> list[str]:
        extras = app.get("/api/shop/rooms/classic-double", params=STAY).json()["extras"]
        return [extra["label"] for extra in extras if extra["checked"]]

    assert (ticked(app_with()), ticked(app_with("basket-sneak"))) == ([], ["Travel insurance"])


def test_total_mismatch_leaves_the_city_tax_out_of_the_api_cart_total(app_with: AppWith) -> None:
    def cart_total(app: httpx.Client) -> str:
        app.post("/api/shop/cart", json=ROOM)
        return str(app.get("/api/shop/cart").json()["total"])

    assert (cart_total(app_with()), cart_total(app_with("total-mismatch"))) == ("256.00", "240.00")


def test_currency_switch_asks_for_dollars_in_the_api_payment(app_with: AppWith) -> None:
    def payment_currency(app: httpx.Client) -> str:
        app.post("/api/shop/cart", json=ROOM)
        app.post("/api/shop/guest", json=GUEST)
        return str(app.get("/api/shop/payment").json()["currency"])

    assert (payment_currency(app_with()), payment_currency(app_with("currency-switch"))) == ("EUR", "USD")


def test_the_last_room_held_in_one_cart_is_sold_out_to_another(app_with: AppWith) -> None:
    first = app_with()
    family = {**ROOM, "room_type": "family-suite"}
    assert first.post("/api/shop/cart", json=family).status_code == 201
    second = httpx.Client(base_url=str(first.base_url), trust_env=False, timeout=10)

    taken = second.post("/api/shop/cart", json=family)

    assert (taken.status_code, taken.json()) == (409, {"sold_out": "Family Suite"})
    second.close()


def test_the_command_line_serves_the_single_page_app_on_request() -> None:
    assert arguments().parse_args(["--port", "8000", "--ui", "spa"]).ui == "spa"
    assert arguments().parse_args(["--port", "8000"]).ui == "pages"


def at_payment(app: httpx.Client) -> httpx.Response:
    """Book the room, give the guest's details and open the payment step."""
    app.post("/api/shop/cart", json=ROOM)
    app.post("/api/shop/guest", json=GUEST)
    return app.get("/api/shop/payment")


def test_the_api_payment_step_fills_the_name_on_card_with_the_guests_name(app_with: AppWith) -> None:
    payment = at_payment(app_with()).json()

    assert (payment["card"], payment["layout"]) == ({"card_name": GUEST["full_name"]}, CLEAN_LAYOUT)


@pytest.mark.parametrize(
    ("fault", "layout"),
    [
        ("layout-shift", {**CLEAN_LAYOUT, "late_banner": True}),
        ("inaccessible-step", {**CLEAN_LAYOUT, "labelled": False}),
        ("retyping", {**CLEAN_LAYOUT, "asks_email": True}),
    ],
)
def test_the_payment_layout_faults_change_how_the_app_draws_the_payment_form(
    app_with: AppWith, fault: str, layout: dict[str, bool]
) -> None:
    assert at_payment(app_with(fault)).json()["layout"] == layout
    script = app_with().get("/static/spa.js").text
    assert 'el("span", { text: label })' in script and "/static/late_banner.js" in script


@pytest.mark.parametrize(("fault", "at_least", "under"), [(None, 0.0, 1.5), ("slow-step", 3.0, 6.0)])
def test_slow_step_answers_the_api_payment_step_after_3_seconds(
    app_with: AppWith, fault: str | None, at_least: float, under: float
) -> None:
    app = app_with(*filter(None, [fault]))
    app.post("/api/shop/cart", json=ROOM)
    started = time.monotonic()
    assert app.post("/api/shop/guest", json=GUEST).json() == {"ok": True}
    assert time.monotonic() - started < 1.5  # only the payment step is slowed

    started = time.monotonic()
    assert app.get("/api/shop/payment").status_code == 200
    assert at_least <= time.monotonic() - started < under


@pytest.mark.parametrize(("fault", "refused"), [(None, False), ("retyping", True)])
def test_retyping_refuses_to_pay_in_the_api_until_the_email_is_given_again(
    app_with: AppWith, fault: str | None, refused: bool
) -> None:
    app = app_with(*filter(None, [fault]))
    at_payment(app)

    first = app.post("/api/shop/pay", json=VISA)

    if not refused:
        assert first.status_code == 200
        return
    assert (first.status_code, first.json()["error"]) == (402, "Enter your email address.")
    assert app.post("/api/shop/pay", json={**VISA, "email": GUEST["email"]}).status_code == 200


def test_the_api_guest_form_starts_with_the_signed_in_accounts_email(app_with: AppWith) -> None:
    app = app_with()
    app.post("/api/shop/signin", json={"email": "marco@example.com", "password": "correct horse"})
    app.post("/api/shop/cart", json=ROOM)

    assert app.get("/api/shop/guest").json()["guest"] == {"name": "", "email": "marco@example.com", "phone": ""}
