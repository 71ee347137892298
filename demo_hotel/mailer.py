"""The confirmation email, sent through the SMTP server on 127.0.0.1 that --smtp-port names."""

from __future__ import annotations

import logging
import smtplib
from email.message import EmailMessage

SENDER = "bookings@demo-hotel.test"
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


def send(message: EmailMessage, smtp_port: int) -> None:
    """Deliver the message; a mail failure is logged, never turned into a failed booking."""
    try:
        with smtplib.SMTP("127.0.0.1", smtp_port, timeout=10) as smtp:
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as error:
        log.warning("could not send %r to %s: %s", message["Subject"], message["To"], error)
