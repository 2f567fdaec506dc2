"""Reads of the outbox."""

from django.db.models import QuerySet

from motcua.notifications.models import Notification


def notification_list_visible(*, user) -> QuerySet:
    """The rows `user` may read in the outbox: messages about dossiers `user` may read.

    Messages about anything else (account codes, `ref_type="user"`) only for a global scope
    (superuser, administrator without a unit); their codes are sealed anyway.
    """
    from motcua.accounts.scoping import scope_is_global
    from motcua.dossiers.selectors import dossier_list_visible

    qs = Notification.objects.all()
    if scope_is_global(user):
        return qs
    codes = dossier_list_visible(user=user).values("code")
    return qs.filter(ref_type="dossier", ref_id__in=codes)


def notification_list(
    *, status: str = "", ref_type: str = "", ref_id: str = "", user=None
) -> QuerySet:
    """Newest first, optionally filtered by status and by what the messages are about; only
    what `user` may read when given."""
    qs = Notification.objects.all() if user is None else notification_list_visible(user=user)
    qs = qs.order_by("-created_at", "-id")
    if status:
        qs = qs.filter(status=status)
    if ref_type:
        qs = qs.filter(ref_type=ref_type)
    if ref_id:
        qs = qs.filter(ref_id=ref_id)
    return qs


def notification_status_counts(*, user=None) -> dict[str, int]:
    from django.db.models import Count

    qs = Notification.objects.all() if user is None else notification_list_visible(user=user)
    counts = dict(qs.values_list("status").annotate(n=Count("id")).order_by())
    return {s: counts.get(s, 0) for s in Notification.Status.values}
