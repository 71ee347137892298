"""The test-only endpoints: the customer clock, the ledger, the faults; absent outside demo mode and loopback."""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette

from demo_hotel import FAULTS, create_app
from tests.demo_site.conftest import CustomerAt, SiteWith
from tests.demo_site.customer import Customer

TEST_ENDPOINTS = ["/__test__/health", "/__test__/clock", "/__test__/charges?email=a@b.c", "/__test__/faults"]


def test_the_clock_endpoint_reads_and_advances_the_customer_clock(customer: Customer) -> None:
    before = datetime.fromisoformat(customer.http.get("/__test__/clock").json()["now"])

    advanced = datetime.fromisoformat(customer.advance_clock(90))

    assert 90 <= (advanced - before).total_seconds() < 95
    after = datetime.fromisoformat(customer.http.get("/__test__/clock").json()["now"])
    assert after >= advanced


def test_advancing_needs_a_number_of_seconds(customer: Customer) -> None:
    assert customer.http.post("/__test__/clock/advance", params={"seconds": "soon"}).status_code == 400


def test_health_and_faults_endpoints(site_with: SiteWith, customer_at: CustomerAt) -> None:
    customer = customer_at(site_with("hidden-fee", "cart-lost"))

    assert customer.http.get("/__test__/health").json() == {"ok": True}
    faults = customer.http.get("/__test__/faults").json()
    assert faults == {"active": ["cart-lost", "hidden-fee"], "known": list(FAULTS)}


def test_faults_are_switched_for_the_next_request_and_an_unknown_id_is_refused(customer: Customer) -> None:
    assert customer.reach_payment().one("payment-total").text == "€256.00"

    switched = customer.http.post("/__test__/faults", params={"on": "hidden-fee"})

    assert switched.json()["active"] == ["hidden-fee"]
    assert customer.get("/checkout/payment").one("payment-total").text == "€275.00"
    assert customer.http.post("/__test__/faults", params={"on": ""}).json()["active"] == []
    assert customer.get("/checkout/payment").one("payment-total").text == "€256.00"
    refused = customer.http.post("/__test__/faults", params={"on": "hiden-fee"})
    assert refused.status_code == 400 and 'the nearest known id is "hidden-fee"' in refused.text
    assert customer.http.post("/__test__/faults").status_code == 400


def test_the_ledger_lists_the_charges_of_one_guest_email(customer: Customer) -> None:
    customer.reach_payment()
    reference = customer.pay().one("booking-reference").text

    (charge,) = customer.charges("GIULIA@example.com")

    assert {key: charge[key] for key in ("reference", "amount", "currency")} == {
        "reference": reference,
        "amount": "256.00",
        "currency": "EUR",
    }
    assert datetime.fromisoformat(charge["at"]).tzinfo is not None
    assert customer.charges("someone.else@example.com") == []


@pytest.mark.parametrize("path", TEST_ENDPOINTS)
def test_test_endpoints_do_not_exist_outside_demo_mode(site_with: SiteWith, customer_at: CustomerAt, path: str) -> None:
    customer = customer_at(site_with(demo_mode=False))

    assert customer.http.get(path).status_code == 404
    assert customer.http.post("/__test__/clock/advance", params={"seconds": 60}).status_code == 404
    assert customer.http.post("/__test__/faults", params={"on": "hidden-fee"}).status_code == 404


async def status_from(app: Starlette, client_host: str, path: str) -> int:
    """GET path as a client at client_host (in process: a real remote client cannot reach 127.0.0.1)."""
    transport = httpx.ASGITransport(app=app, client=(client_host, 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://hotel.test") as client:
        return (await client.get(path)).status_code


@pytest.mark.parametrize("path", TEST_ENDPOINTS)
def test_test_endpoints_answer_only_loopback_clients(tmp_path: Path, path: str) -> None:
    app = create_app(frozenset(), tmp_path / "hotel.sqlite3")

    assert asyncio.run(status_from(app, "192.0.2.7", path)) == 404
    assert asyncio.run(status_from(app, "127.0.0.1", path)) == 200
    assert asyncio.run(status_from(app, "::1", path)) == 200
