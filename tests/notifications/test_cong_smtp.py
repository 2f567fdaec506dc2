"""E-mail through Django's SMTP backend configured from settings (EMAIL_HOST, EMAIL_PORT,
credentials) against an aiosmtpd server on loopback; the Message-ID is the row's stable id."""

import socket

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from django.db import transaction

from motcua.notifications.services import notification_enqueue

pytestmark = pytest.mark.django_db(transaction=True)


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, envelope.content.decode("utf-8", "replace")))
        return "250 OK"


def _authenticator(server, session, envelope, mechanism, auth_data):
    ok = auth_data.login == b"motcua" and auth_data.password == b"mat-khau-smtp"
    return AuthResult(success=ok)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    inbox = Inbox()
    port = _free_port()
    controller = Controller(
        inbox,
        hostname="127.0.0.1",
        port=port,
        authenticator=_authenticator,
        auth_require_tls=False,
    )
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_HOST_USER = "motcua"
    settings.EMAIL_HOST_PASSWORD = "mat-khau-smtp"
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5
    settings.DEFAULT_FROM_EMAIL = "motcua@phucuong.example.gov.vn"
    yield inbox
    controller.stop()


def _enqueue(context):
    with transaction.atomic():
        (n,) = notification_enqueue(
            event="dossier.received",
            recipient_email="hoa@example.vn",
            context=context,
            ref_type="dossier",
            ref_id=context["code"],
        )
    n.refresh_from_db()
    return n


def test_email_goes_through_the_configured_smtp_server(received_context, smtp_server):
    n = _enqueue(received_context)
    assert n.status == "sent"
    ((rcpt, content),) = smtp_server.messages
    assert rcpt == ["hoa@example.vn"]
    assert f"Message-ID: <motcua-{n.pk}@phucuong.example.gov.vn>" in content
    assert n.provider_ref == f"<motcua-{n.pk}@phucuong.example.gov.vn>"


def test_wrong_credentials_are_retried_not_lost(received_context, smtp_server, settings):
    settings.EMAIL_HOST_PASSWORD = "sai"
    n = _enqueue(received_context)
    assert (n.status, n.attempts) == ("pending", 1)
    assert n.last_error.startswith("SMTP")  # refused or cut off by the server: retried
    assert n.next_attempt_at is not None
    assert smtp_server.messages == []
