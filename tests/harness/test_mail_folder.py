"""A shop's mail read from the folder it lands in: the customer's latest confirmation, in the profile's words."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from email.message import EmailMessage
from pathlib import Path

import pytest
from pydantic import ValidationError

from checkout_integrity import Money
from checkout_integrity._profile import Mailbox as MailboxWords
from fixtures.customers import make_customer
from fixtures.mailbox import MailFolder, confirmation_email

WORDS = MailboxWords(reference="Order number", charged="Amount paid")
AT = datetime(2030, 5, 1, 9, 0, tzinfo=UTC)


def delivered(folder: Path, name: str, to: str, body: str) -> None:
    message = EmailMessage()
    message["To"], message["From"], message["Subject"] = to, "orders@shop.test", "Your order"
    message.set_content(body)
    (folder / name).write_bytes(bytes(message))


def test_the_customers_confirmation_is_read_from_the_folder_in_the_profiles_words(tmp_path: Path) -> None:
    customer = make_customer(7, "mail folder")
    (tmp_path / "new").mkdir()
    delivered(tmp_path / "new", "1.eml", "someone.else@example.com", "Order number: W0000001\nAmount paid: £9.99\n")
    delivered(tmp_path / "new", "2.eml", customer.email, "Thanks!\nOrder number: W1234567\nAmount paid: £87.75\n")

    seen = confirmation_email(MailFolder(tmp_path), customer, AT, WORDS, "en_GB")

    assert seen is not None
    assert seen.amounts == {"charged": Money(Decimal("87.75"), "GBP")} and seen.facts["reference"] == "W1234567"


def test_a_folder_without_the_customers_mail_gives_no_email(tmp_path: Path) -> None:
    delivered(tmp_path, "1.eml", "someone.else@example.com", "Order number: W0000001\nAmount paid: £9.99\n")
    assert confirmation_email(MailFolder(tmp_path), make_customer(7, "none"), AT, WORDS, "en_GB") is None


def test_a_mailbox_is_read_one_way() -> None:
    with pytest.raises(ValidationError, match=r"give smtp_port \(the harness listens\), folder or imap, not two of them"):
        MailboxWords(smtp_port=2525, folder=Path("/var/mail/shop"))
