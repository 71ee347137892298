"""Fixtures for the demo site's own tests: a fresh site per test, customers with their own cookie jars,
and an SMTP sink that keeps the emails the site sends."""

from __future__ import annotations

import email
import email.policy
import socket
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from email.message import EmailMessage
from pathlib import Path
from typing import Protocol

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from demo_hotel import DemoServer
from tests.demo_site.customer import Customer

CustomerAt = Callable[[DemoServer], Customer]


class SiteWith(Protocol):
    def __call__(
        self,
        *faults: str,
        smtp_port: int | None = None,
        demo_mode: bool = True,
        db_path: Path | None = None,
        shop: str = "hotel",
    ) -> DemoServer: ...


class Mailbox:
    """An SMTP sink on a loopback port; delivery completes before the site's SMTP call returns."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:  # noqa: N802
        self.messages.append(email.message_from_bytes(envelope.original_content or b"", policy=email.policy.default))
        return "250 OK"


def free_port() -> int:
    """A loopback port free right now (aiosmtpd needs a number before it listens)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def site_with() -> Iterator[SiteWith]:
    """`site_with("price-drift", smtp_port=N)` starts a fresh site with those faults, stopped after the test;
    `shop="goods"` starts the goods shop instead of the hotel."""
    with ExitStack() as stack:

        def start(
            *faults: str,
            smtp_port: int | None = None,
            demo_mode: bool = True,
            db_path: Path | None = None,
            shop: str = "hotel",
        ) -> DemoServer:
            server = DemoServer(faults, smtp_port=smtp_port, db_path=db_path, demo_mode=demo_mode, shop=shop)
            return stack.enter_context(server)

        yield start


@pytest.fixture
def site(site_with: SiteWith) -> DemoServer:
    return site_with()


@pytest.fixture
def customer_at() -> Iterator[CustomerAt]:
    """`customer_at(site)` is a new customer with an empty cookie jar."""
    customers: list[Customer] = []

    def arrive(site: DemoServer) -> Customer:
        customers.append(Customer(site))
        return customers[-1]

    yield arrive
    for customer in customers:
        customer.http.close()


@pytest.fixture
def customer(site: DemoServer, customer_at: CustomerAt) -> Customer:
    return customer_at(site)


@pytest.fixture
def mailbox() -> Iterator[Mailbox]:
    box = Mailbox(free_port())
    controller = Controller(box, hostname="127.0.0.1", port=box.port)
    controller.start()
    yield box
    controller.stop()
