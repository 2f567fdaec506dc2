"""Payment gateways behind one interface; the setting `MOTCUA_PAYMENT_GATEWAY` (a dotted class
path) picks one, default the local sandbox. No real gateway ships: a provider adapter (VNPay,
the national portal's payment platform...) implements `PaymentGateway` and is named in the
setting."""

from __future__ import annotations

import hashlib
from typing import Protocol
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils.module_loading import import_string

from motcua.payments.domain.callback import CallbackResult, callback_sign, callback_verify

DEFAULT_GATEWAY = "motcua.payments.gateways.SandboxGateway"


class PaymentGateway(Protocol):
    name: str

    def payment_start(self, *, payment) -> str:
        """Register the payment with the gateway; return the URL to send the citizen to."""

    def callback_verify(self, *, data) -> CallbackResult:
        """Check the gateway's answer (query string or POST body); raise
        `motcua.payments.domain.callback.CallbackInvalid` when it is not authentic."""


def _sandbox_key() -> bytes:
    # A key derived from SECRET_KEY for this purpose only.
    return hashlib.sha256(f"motcua.payments.sandbox|{settings.SECRET_KEY}".encode()).digest()


class SandboxGateway:
    """A local gateway for demonstrations and tests: its own page (/thanh-toan/sandbox/<ref>/)
    shows the amount and reference with "Chấp nhận" / "Từ chối"; the choice comes back to the
    payment's return URL signed with HMAC (SECRET_KEY). Nothing leaves the server."""

    name = "sandbox"

    def payment_start(self, *, payment) -> str:
        return reverse("payments:sandbox", args=[payment.reference])

    def outcome_url(self, *, payment, outcome: str) -> str:
        query = {
            "ma": payment.reference,
            "so_tien": payment.amount,
            "ket_qua": outcome,
            "chu_ky": callback_sign(
                key=_sandbox_key(),
                reference=payment.reference,
                amount=payment.amount,
                outcome=outcome,
            ),
        }
        return f"{payment.return_url}?{urlencode(query)}"

    def callback_verify(self, *, data) -> CallbackResult:
        return callback_verify(key=_sandbox_key(), data=data)


def gateway_problem() -> str | None:
    """Why the configured gateway may not be used under these settings, or None.

    In development the sandbox is the default. In production `MOTCUA_PAYMENT_GATEWAY` must
    name the gateway, and the sandbox (which approves without money) also needs the explicit
    opt-in `MOTCUA_PAYMENT_SANDBOX_ALLOWED` (env `MOTCUA_PAYMENT_SANDBOX=1`): a demonstration
    server, never a real office.
    """
    if settings.DEVELOPMENT:
        return None
    configured = settings.MOTCUA_PAYMENT_GATEWAY
    if not configured:
        return (
            "Thiếu MOTCUA_PAYMENT_GATEWAY: khi chạy thật (MOTCUA_ENV=production) phải chỉ rõ "
            "cổng thanh toán; cổng thử nghiệm không được dùng mặc định."
        )
    if configured == DEFAULT_GATEWAY and not settings.MOTCUA_PAYMENT_SANDBOX_ALLOWED:
        return (
            "Cổng thanh toán thử nghiệm (SandboxGateway) chỉ được dùng khi chạy thật nếu đặt "
            "rõ MOTCUA_PAYMENT_SANDBOX=1 (máy trình diễn)."
        )
    return None


def gateway_path() -> str:
    problem = gateway_problem()
    if problem:
        raise ImproperlyConfigured(problem)
    return settings.MOTCUA_PAYMENT_GATEWAY or DEFAULT_GATEWAY


def gateway_get() -> PaymentGateway:
    return import_string(gateway_path())()
