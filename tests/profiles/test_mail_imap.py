"""A shop's mail read from an IMAP mailbox (a real IMAP server, pymap, on loopback): the customer's latest
confirmation in the profile's words, and a mailbox that cannot be read named with its fix."""

from __future__ import annotations

import imaplib
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from email.message import EmailMessage
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from aiosmtpd.controller import Controller

from checkout_integrity import Money
from checkout_integrity._exceptions import ProfileError
from checkout_integrity._profile import Mailbox as MailboxWords
from checkout_integrity._profile_loading import load_profile
from demo_hotel import DemoServer
from fixtures.customers import make_customer
from fixtures.mailbox import ImapBox, confirmation_email, free_port, imap_box
from tests.profiles.conftest import MisMade
from tests.suite.running import run_suite

WORDS = MailboxWords(reference="Order number", charged="Amount paid")
AT = datetime(2030, 5, 1, 9, 0, tzinfo=UTC)
USER, PASSWORD = "shop-mail", "mail-secret-1"
START = "from pymap.main import main; main()"
NO_ORDER_PAGE = '[open_order]\nurl = "/orders/{reference}"\nready = "css=.order-status"\n'  # the email alone


@pytest.fixture(scope="module")
def imap_url() -> Iterator[str]:
    """A pymap IMAP server on a free loopback port, for the module, stopped at its end."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-c", START, "--host", "127.0.0.1", "--port", str(port), "--no-tls", "dict", "--demo-data",
         "--demo-user", USER, "--demo-password", PASSWORD],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 20
        while not _answers(port):
            assert server.poll() is None and time.monotonic() < deadline, "pymap did not start"
        yield f"imap://{USER}@127.0.0.1:{port}/INBOX"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _answers(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
    except OSError:
        return False
    return True


def deliver(url: str, to: str, body: str) -> None:
    """Put a message in the mailbox, as the shop's mail server does."""
    message = EmailMessage()
    message["To"], message["From"], message["Subject"] = to, "orders@shop.test", "Your order"
    message.set_content(body)
    appended(url, bytes(message))


def appended(url: str, message: bytes) -> None:
    server = urlsplit(url)
    with imaplib.IMAP4(server.hostname or "", server.port or 143) as imap:
        imap.login(USER, PASSWORD)
        imap.append("INBOX", "", "", message)  # no flags, no date: now


def test_the_customers_confirmation_is_read_from_the_imap_mailbox_in_the_profiles_words(imap_url: str) -> None:
    customer = make_customer(7, "imap")
    deliver(imap_url, "someone.else@example.com", "Order number: W0000001\nAmount paid: £9.99\n")
    deliver(imap_url, customer.email, "Thanks!\nOrder number: W7654321\nAmount paid: £87.75\n")

    seen = confirmation_email(ImapBox(imap_url, PASSWORD, 10), customer, AT, WORDS, "en_GB")

    assert seen is not None
    assert seen.amounts == {"charged": Money(Decimal("87.75"), "GBP")} and seen.facts["reference"] == "W7654321"


def test_a_mailbox_without_the_customers_mail_gives_no_email(imap_url: str) -> None:
    assert confirmation_email(ImapBox(imap_url, PASSWORD, 10), make_customer(8, "none"), AT, WORDS, "en_GB") is None


def test_a_wrong_password_names_the_mailbox_and_the_fix(imap_url: str) -> None:
    with pytest.raises(ProfileError) as refused:
        ImapBox(imap_url, "not-the-password", 10).messages_to("ada@example.com")

    assert refused.value.key == "mailbox.imap"
    assert str(refused.value).startswith(f"The mailbox {imap_url} of the site profile's mailbox.imap could not be read (")
    assert str(refused.value).endswith("check the address, the user and the password in the environment variable "
                                       "mailbox.password_env names.")


def test_a_password_missing_from_the_environment_is_named(
    mismade: MisMade, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = mismade("demo_goods", {"[mailbox]\n": '[mailbox]\nimap = "imap://qa@mail.test/INBOX"\n'})
    monkeypatch.delenv("CHECKOUT_INTEGRITY_MAIL_PASSWORD", raising=False)
    profile = load_profile(path)
    assert profile.mailbox is not None

    with pytest.raises(ProfileError) as missing:
        imap_box(profile, profile.mailbox, "imap://qa@mail.test/INBOX")

    assert str(missing.value) == (
        f"The site profile {path} reads its mail from imap://qa@mail.test/INBOX (mailbox.imap), whose password is "
        "not in the environment: export CHECKOUT_INTEGRITY_MAIL_PASSWORD=... (or set mailbox.password_env to the "
        "variable that holds it)."
    )


class IntoImap:
    """The shop's mail server: what the shop sends by SMTP lands in the IMAP mailbox."""

    def __init__(self, url: str) -> None:
        self.url = url

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 (aiosmtpd's name)
        appended(self.url, envelope.content)
        return "250 Message accepted for delivery"


def test_a_suite_run_reads_the_shops_email_from_imap_and_holds_it_to_the_confirmation(
    imap_url: str, mismade: MisMade, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = mismade("demo_goods", {"[mailbox]\n": f'[mailbox]\nimap = "{imap_url}"\n', NO_ORDER_PAGE: ""})
    monkeypatch.setenv("CHECKOUT_INTEGRITY_MAIL_PASSWORD", PASSWORD)
    relay = Controller(IntoImap(imap_url), hostname="127.0.0.1", port=free_port())
    relay.start()
    try:
        with DemoServer(faults=["receipt-mismatch"], shop="goods", smtp_port=relay.port) as shop:
            run = run_suite(tmp_path, f"--site={path}", f"--base-url={shop.url}", "-k", "bank_statement_show")
    finally:
        relay.stop()

    (finding,) = run.report["findings"]
    assert (finding["id"], finding["step"]) == ("receipt-mismatch", "confirmation email"), run.output
    assert ", but the email says £" in finding["message"]
