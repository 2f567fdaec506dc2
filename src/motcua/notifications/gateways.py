"""Pluggable senders. Settings name the class by dotted path:

- `MOTCUA_EMAIL_GATEWAY` (default `DjangoEmailGateway`: Django's mail, i.e. the console backend
  in development, locmem in tests, SMTP in production with `EMAIL_HOST`, `EMAIL_PORT`,
  `EMAIL_USE_TLS`/`EMAIL_USE_SSL`, `EMAIL_HOST_USER`, `EMAIL_HOST_PASSWORD`);
- `MOTCUA_SMS_GATEWAY` (default `OutboxSmsGateway`: sends nothing, the Notification row is the
  outbox officers and tests read; `HttpSmsGateway` posts to a brandname-SMS provider's HTTP API).

A gateway's `send_email`/`send_sms` returns the provider's acknowledgement (its message id, or
"" when it gives none) or raises. Each call carries `message_id`, stable across retries of the
same outbox row (`motcua-<id>`): the SMTP Message-ID and the SMS provider's RequestId, so a
provider that de-duplicates never delivers a retried message twice.

`FailingGateway` always raises: it stands for a gateway that is down.
"""

import json
import logging
import string
import urllib.error
import urllib.request
from typing import Protocol

from django.conf import settings
from django.core.mail import EmailMessage
from django.core.mail.message import make_msgid
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


class GatewayError(Exception):
    """The gateway did not accept the message; the outbox will try again."""


class EmailGateway(Protocol):
    def send_email(self, *, to: str, subject: str, body: str, message_id: str = "") -> str: ...


class SmsGateway(Protocol):
    def send_sms(self, *, to: str, body: str, message_id: str = "") -> str: ...


class DjangoEmailGateway:
    def send_email(self, *, to: str, subject: str, body: str, message_id: str = "") -> str:
        headers = {}
        if message_id:
            domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2] or "motcua.local"
            headers["Message-ID"] = f"<{message_id}@{domain}>"
        else:
            headers["Message-ID"] = make_msgid()
        EmailMessage(subject=subject, body=body, to=[to], headers=headers).send(fail_silently=False)
        return headers["Message-ID"]


def _mask_phone(phone: str) -> str:
    return f"{phone[:3]}****{phone[-3:]}" if len(phone) > 6 else "****"


class OutboxSmsGateway:
    """Development and test SMS: the outbox row is the message; only a log line is written.

    The log line never holds the text (it may carry a one-time code) nor the whole number.
    """

    def send_sms(self, *, to: str, body: str, message_id: str = "") -> str:
        logger.info("SMS (outbox only) to %s: %s characters", _mask_phone(to), len(body))
        return ""


class DevelopmentConsoleSmsGateway:
    """Development only, opt-in (`MOTCUA_SMS_GATEWAY`): prints the SMS, one-time codes
    included, on the server's console so a developer can finish a phone registration. Refuses
    to send under production settings."""

    def send_sms(self, *, to: str, body: str, message_id: str = "") -> str:
        if not settings.DEVELOPMENT:
            raise GatewayError("Cổng SMS in ra màn hình chỉ dùng khi phát triển.")
        print(f"SMS tới {to}: {body}")  # noqa: T201
        return ""


def phone_international(phone: str) -> str:
    """0912345678 → 84912345678 (Vietnamese numbers); other forms lose only a leading +."""
    phone = phone.strip().lstrip("+")
    if phone.startswith("0"):
        return "84" + phone[1:]
    return phone


class HttpSmsGateway:
    """A brandname-SMS provider's JSON-over-HTTP API (`MOTCUA_SMS_HTTP_*` settings).

    The request body is `MOTCUA_SMS_HTTP_TEMPLATE` with its `$placeholders` filled (each value
    JSON-escaped); the answer must be JSON whose `MOTCUA_SMS_HTTP_SUCCESS_FIELD` equals
    `MOTCUA_SMS_HTTP_SUCCESS_VALUE`, and `MOTCUA_SMS_HTTP_ID_FIELD` is the provider's message id.
    Anything else (refusal, HTTP error, timeout, non-JSON) raises GatewayError: the outbox retries.
    """

    def send_sms(self, *, to: str, body: str, message_id: str = "") -> str:
        url = settings.MOTCUA_SMS_HTTP_URL
        if not url:
            raise GatewayError("Chưa cấu hình địa chỉ cổng SMS (MOTCUA_SMS_HTTP_URL).")

        def esc(value: str) -> str:
            return json.dumps(value, ensure_ascii=False)[1:-1]

        values = {
            "phone": to,
            "phone84": phone_international(to),
            "body": body,
            "brandname": settings.MOTCUA_SMS_BRANDNAME,
            "request_id": message_id,
            "api_key": settings.MOTCUA_SMS_HTTP_API_KEY,
            "secret_key": settings.MOTCUA_SMS_HTTP_SECRET_KEY,
        }
        payload = string.Template(settings.MOTCUA_SMS_HTTP_TEMPLATE).substitute(
            {k: esc(v) for k, v in values.items()}
        )
        request = urllib.request.Request(
            url,
            data=payload.encode("utf-8"),
            headers={"Content-Type": "application/json; charset=utf-8"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(  # noqa: S310 (URL from the operator's settings)
                request, timeout=settings.MOTCUA_SMS_HTTP_TIMEOUT
            ) as response:
                raw = response.read(65536)
        except urllib.error.HTTPError as exc:
            raise GatewayError(f"Cổng SMS trả lỗi HTTP {exc.code}.") from exc
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise GatewayError(f"Không kết nối được cổng SMS: {exc}") from exc
        try:
            answer = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise GatewayError("Cổng SMS trả về nội dung không phải JSON.") from exc
        if not isinstance(answer, dict):
            raise GatewayError("Cổng SMS trả về nội dung không đúng dạng.")
        code = answer.get(settings.MOTCUA_SMS_HTTP_SUCCESS_FIELD)
        if str(code) != settings.MOTCUA_SMS_HTTP_SUCCESS_VALUE:
            raise GatewayError(f"Cổng SMS từ chối tin nhắn (mã {code!s:.40}).")
        return str(answer.get(settings.MOTCUA_SMS_HTTP_ID_FIELD) or "")[:128]


class FailingGateway:
    """A gateway that is down: every send raises."""

    message = "Cổng gửi tin không phản hồi (cổng thử nghiệm luôn lỗi)."

    def send_email(self, *, to: str, subject: str, body: str, message_id: str = "") -> str:
        raise GatewayError(self.message)

    def send_sms(self, *, to: str, body: str, message_id: str = "") -> str:
        raise GatewayError(self.message)


def email_gateway() -> EmailGateway:
    return import_string(settings.MOTCUA_EMAIL_GATEWAY)()


def sms_gateway() -> SmsGateway:
    return import_string(settings.MOTCUA_SMS_GATEWAY)()
