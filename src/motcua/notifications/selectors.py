"""Reads of the outbox."""

from django.db.models import QuerySet

from motcua.notifications.models import Notification


def notification_list(*, status: str = "", ref_type: str = "", ref_id: str = "") -> QuerySet:
    """Newest first, optionally filtered by status and by what the messages are about."""
    qs = Notification.objects.all().order_by("-created_at", "-id")
    if status:
        qs = qs.filter(status=status)
    if ref_type:
        qs = qs.filter(ref_type=ref_type)
    if ref_id:
        qs = qs.filter(ref_id=ref_id)
    return qs


def notification_status_counts() -> dict[str, int]:
    from django.db.models import Count

    counts = dict(Notification.objects.values_list("status").annotate(n=Count("id")).order_by())
    return {s: counts.get(s, 0) for s in Notification.Status.values}
