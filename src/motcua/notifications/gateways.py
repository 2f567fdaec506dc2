"""Pluggable senders. Settings name the class by dotted path:

- `MOTCUA_EMAIL_GATEWAY` (default `motcua.notifications.gateways.DjangoEmailGateway`: Django's
  mail, i.e. the console backend in development, locmem in tests, SMTP in production);
- `MOTCUA_SMS_GATEWAY` (default `motcua.notifications.gateways.OutboxSmsGateway`: sends nothing,
  the Notification row is the outbox officers and tests read; a real SMS provider is a class
  with `send_sms`).

`FailingGateway` always raises: it stands for a gateway that is down.
"""

import logging
from typing import Protocol

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

DEFAULT_EMAIL_GATEWAY = "motcua.notifications.gateways.DjangoEmailGateway"
DEFAULT_SMS_GATEWAY = "motcua.notifications.gateways.OutboxSmsGateway"


class GatewayError(Exception):
    """The gateway did not accept the message; the outbox will try again."""


class EmailGateway(Protocol):
    def send_email(self, *, to: str, subject: str, body: str) -> None: ...


class SmsGateway(Protocol):
    def send_sms(self, *, to: str, body: str) -> None: ...


class DjangoEmailGateway:
    def send_email(self, *, to: str, subject: str, body: str) -> None:
        EmailMessage(subject=subject, body=body, to=[to]).send(fail_silently=False)


def _mask_phone(phone: str) -> str:
    return f"{phone[:3]}****{phone[-3:]}" if len(phone) > 6 else "****"


class OutboxSmsGateway:
    """Development and test SMS: the outbox row is the message; only a log line is written.

    The log line never holds the text (it may carry a one-time code) nor the whole number.
    """

    def send_sms(self, *, to: str, body: str) -> None:
        logger.info("SMS (outbox only) to %s: %s characters", _mask_phone(to), len(body))


class DevelopmentConsoleSmsGateway:
    """Development only, opt-in (`MOTCUA_SMS_GATEWAY`): prints the SMS, one-time codes
    included, on the server's console so a developer can finish a phone registration. Refuses
    to send under production settings."""

    def send_sms(self, *, to: str, body: str) -> None:
        if not getattr(settings, "DEVELOPMENT", False):
            raise GatewayError("Cổng SMS in ra màn hình chỉ dùng khi phát triển.")
        print(f"SMS tới {to}: {body}")  # noqa: T201


class FailingGateway:
    """A gateway that is down: every send raises."""

    message = "Cổng gửi tin không phản hồi (cổng thử nghiệm luôn lỗi)."

    def send_email(self, *, to: str, subject: str, body: str) -> None:
        raise GatewayError(self.message)

    def send_sms(self, *, to: str, body: str) -> None:
        raise GatewayError(self.message)


def email_gateway() -> EmailGateway:
    return import_string(getattr(settings, "MOTCUA_EMAIL_GATEWAY", DEFAULT_EMAIL_GATEWAY))()


def sms_gateway() -> SmsGateway:
    return import_string(getattr(settings, "MOTCUA_SMS_GATEWAY", DEFAULT_SMS_GATEWAY))()
