"""Writes of payments: start an online payment, take the gateway's answer, record cash at the
counter. The dossier leaves "Yêu cầu thực hiện nghĩa vụ tài chính" (status 6) only through
`dossier_payment_received`, in the same transaction as the payment's record."""

from __future__ import annotations

import secrets

from django.db import transaction
from django.utils import timezone

from motcua.core import clock as system_clock
from motcua.dossiers import permissions
from motcua.dossiers.domain.errors import DossierError
from motcua.dossiers.domain.policy import Task, Via
from motcua.dossiers.domain.workflow import Status
from motcua.dossiers.models import Dossier
from motcua.dossiers.services import dossier_payment_received
from motcua.payments import selectors
from motcua.payments.domain.callback import CallbackInvalid
from motcua.payments.gateways import PaymentGateway, gateway_get
from motcua.payments.models import Payment


class PaymentError(DossierError):
    """The payment operation is refused; `message` is in Vietnamese."""


def _reference() -> str:
    # Unguessable: the sandbox page is reached by reference alone.
    return "TT" + secrets.token_hex(10).upper()


def _owner_check(*, dossier: Dossier, actor) -> None:
    if dossier.applicant_user_id != actor.pk:
        raise PaymentError("Bạn chỉ có thể thanh toán cho hồ sơ của mình.")


@transaction.atomic
def payment_start(
    *, dossier: Dossier, actor, return_url: str, gateway: PaymentGateway | None = None
) -> tuple[Payment, str]:
    """Start paying what the dossier owes online; return the payment and the gateway URL.

    A pending online payment of the same amount is reused (a double click opens one payment)."""
    gateway = gateway or gateway_get()
    _owner_check(dossier=dossier, actor=actor)
    dossier = Dossier.objects.select_for_update().get(pk=dossier.pk)
    if dossier.status != Status.PAYMENT_REQUESTED:
        raise PaymentError("Hồ sơ hiện không có khoản phí, lệ phí nào cần thanh toán.")
    amount = selectors.payment_amount_due(dossier=dossier)
    if not amount:
        raise PaymentError(
            "Chưa xác định được số tiền cần nộp cho hồ sơ này: vui lòng liên hệ Bộ phận Một cửa."
        )
    payment = Payment.objects.filter(
        dossier=dossier,
        method=Payment.Method.ONLINE,
        status=Payment.Status.PENDING,
        amount=amount,
        gateway=gateway.name,
    ).first()
    if payment is None:
        payment = Payment.objects.create(
            dossier=dossier,
            reference=_reference(),
            amount=amount,
            method=Payment.Method.ONLINE,
            gateway=gateway.name,
            return_url=return_url,
            payer=actor,
        )
    return payment, gateway.payment_start(payment=payment)


@transaction.atomic
def payment_callback(*, data, gateway: PaymentGateway | None = None) -> Payment:
    """Take the gateway's signed answer. Paid: the payment is recorded and the dossier resumes
    (`dossier_payment_received`, actor: the citizen who paid). Declined: only the payment is
    marked, the dossier still waits. A forged answer, or one for a payment that already has its
    outcome (a replay), raises `PaymentError` and changes nothing."""
    gateway = gateway or gateway_get()
    try:
        result = gateway.callback_verify(data=data)
    except CallbackInvalid as exc:
        raise PaymentError(exc.message) from None
    payment = (
        Payment.objects.select_for_update()
        .select_related("dossier")
        .filter(reference=result.reference, method=Payment.Method.ONLINE, gateway=gateway.name)
        .first()
    )
    if payment is None:
        raise PaymentError("Không tìm thấy giao dịch thanh toán.")
    if payment.status != Payment.Status.PENDING:
        raise PaymentError(f"Giao dịch {payment.reference} đã được xử lý trước đó.")
    if result.amount != payment.amount:
        raise PaymentError("Số tiền trong kết quả thanh toán không khớp với giao dịch.")
    now = timezone.now()
    if not result.paid:
        payment.status, payment.finished_at = Payment.Status.DECLINED, now
        payment.save(update_fields=["status", "finished_at"])
        return payment
    payment.status, payment.paid_at, payment.finished_at = Payment.Status.PAID, now, now
    payment.save(update_fields=["status", "paid_at", "finished_at"])
    dossier = payment.dossier
    if dossier.status == Status.PAYMENT_REQUESTED:
        dossier_payment_received(
            dossier=dossier,
            actor=payment.payer,
            note=f"Thanh toán trực tuyến, mã giao dịch {payment.reference}",
            at=now,
            via=Via.PAYMENT,
        )
    return payment


@transaction.atomic
def payment_record_counter(
    *, dossier: Dossier, actor, amount: int, note: str = "", at=None
) -> Payment:
    """The desk records fees paid in cash at the counter; the dossier resumes."""
    verdict = permissions.task_decide(user=actor, dossier=dossier, task=Task.COUNTER_CASH)
    if not verdict:
        raise PaymentError(verdict.reason)
    if amount is None or int(amount) <= 0:
        raise PaymentError("Số tiền đã nộp phải lớn hơn 0 đồng.")
    at = at or system_clock.now()
    # The dossier service checks the state, the desk's role and unit scope, and the version.
    dossier_payment_received(
        dossier=dossier,
        actor=actor,
        note=(note or "").strip() or "Nộp phí, lệ phí tại Bộ phận Một cửa",
        at=at,
        via=Via.PAYMENT,
    )
    return Payment.objects.create(
        dossier=dossier,
        reference=_reference(),
        amount=int(amount),
        method=Payment.Method.COUNTER,
        status=Payment.Status.PAID,
        recorded_by=actor,
        note=(note or "").strip()[:500],
        paid_at=at,
        finished_at=at,
    )
