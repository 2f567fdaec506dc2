"""Reads of payments: what a dossier owes now, and its payments."""

from __future__ import annotations

from django.db.models import QuerySet

from motcua.dossiers.domain.workflow import Action, Status
from motcua.payments.models import Payment


def payment_request_event(*, dossier):
    """The audit event of the dossier's latest financial-obligation request, or None."""
    return dossier.events.filter(action=Action.REQUEST_PAYMENT.value).order_by("-at", "-id").first()


def payment_amount_due(*, dossier, event=None) -> int | None:
    """The amount asked for while the dossier waits for payment (status 6), in đồng.

    The officer's request records the amount (`dossier_request_payment(amount=...)`, kept in the
    event's data); when it did not, the procedure version's flat fees (those not counted per
    page or copy) are summed. None when nothing is due now or the amount cannot be known
    (fees per page: the desk must say how much)."""
    if dossier.status != Status.PAYMENT_REQUESTED:
        return None
    event = event or payment_request_event(dossier=dossier)
    amount = (event.data or {}).get("amount") if event is not None else None
    if amount is not None:
        return int(amount) or None
    fees = list(dossier.procedure_version.fees.all())
    if not fees or any((f.unit or "").strip() for f in fees):
        return None
    return sum(f.amount for f in fees) or None


def dossier_payments(*, dossier) -> QuerySet[Payment]:
    return Payment.objects.filter(dossier=dossier).order_by("-created_at", "-id")


def payment_get(*, reference: str) -> Payment:
    """DoesNotExist for an unknown reference."""
    return Payment.objects.select_related("dossier").get(reference=reference)


def payments_summary(*, first, last, unit_ids=None) -> dict:
    """Fees paid between the days `first` and `last` (local) on dossiers received by
    `unit_ids` (None: all): number and total_amount, at the counter and online (one query)."""
    import datetime as dt

    from django.db.models import Count, Q, Sum
    from django.utils import timezone

    start = timezone.make_aware(dt.datetime.combine(first, dt.time.min))
    end = timezone.make_aware(dt.datetime.combine(last + dt.timedelta(days=1), dt.time.min))
    qs = Payment.objects.filter(status=Payment.Status.PAID, paid_at__gte=start, paid_at__lt=end)
    if unit_ids is not None:
        qs = qs.filter(dossier__unit_id__in=unit_ids)
    counter = Q(method=Payment.Method.COUNTER)
    online = Q(method=Payment.Method.ONLINE)
    out = qs.aggregate(
        total=Count("id"),
        total_amount=Sum("amount", default=0),
        counter=Count("id", filter=counter),
        counter_amount=Sum("amount", filter=counter, default=0),
        online=Count("id", filter=online),
        online_amount=Sum("amount", filter=online, default=0),
    )
    return out
