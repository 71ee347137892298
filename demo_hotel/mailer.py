"""The confirmation emails of both demo shops, sent through the SMTP server on 127.0.0.1 that --smtp-port
names: the hotel's booking confirmation and the goods shop's order confirmation, in each shop's own words."""

from __future__ import annotations

import logging
import smtplib
from email.message import EmailMessage

SENDER = "bookings@demo-hotel.test"
GOODS_SENDER = "orders@demo-goods.test"
log = logging.getLogger(__name__)


def confirmation_email(to: str, reference: str, total_charged: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = SENDER
    message["To"] = to
    message["Subject"] = f"Your booking {reference}"
    message.set_content(
        f"Thank you for booking with the Demo Hotel.\n\n"
        f"Booking reference: {reference}\n"
        f"Total charged: {total_charged}\n"
    )
    return message


def order_email(to: str, order_number: str, amount: str, *, paid: bool) -> EmailMessage:
    """The goods shop's confirmation: the amount paid by card, or the amount still to pay by bank transfer."""
    message = EmailMessage()
    message["From"] = GOODS_SENDER
    message["To"] = to
    message["Subject"] = f"Order {order_number} confirmed"
    message.set_content(
        f"Thanks for shopping at Demo Goods. We have your order.\n\n"
        f"Order number: {order_number}\n"
        f"{'Amount paid' if paid else 'Amount to pay by bank transfer'}: {amount}\n"
    )
    return message


def send(message: EmailMessage, smtp_port: int) -> None:
    """Deliver the message; a mail failure is logged, never turned into a failed booking."""
    try:
        with smtplib.SMTP("127.0.0.1", smtp_port, timeout=10) as smtp:
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as error:
        log.warning("could not send %r to %s: %s", message["Subject"], message["To"], error)
