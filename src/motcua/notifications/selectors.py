"""Reads of the outbox."""

from collections.abc import Callable

from django.db.models import Q, QuerySet

from motcua.notifications.models import Notification

# What each kind of subject (`ref_type`) lets a user read: ref_type → f(user) giving the
# visible `ref_id`s (a queryset of one column). Registered by the app that owns the subject in
# its AppConfig.ready() (dossiers registers "dossier"), so the outbox needs none of them.
REF_VISIBILITY: dict[str, Callable[..., QuerySet]] = {}


def ref_visibility_register(ref_type: str, visible_ids: Callable[..., QuerySet]) -> None:
    """Let users read the messages about `ref_type` whose `ref_id` is in `visible_ids(user=)`."""
    REF_VISIBILITY[ref_type] = visible_ids


def notification_list_visible(*, user) -> QuerySet:
    """The rows `user` may read in the outbox: messages about dossiers `user` may read.

    Messages about anything else (account codes, `ref_type="user"`) only for a global scope
    (superuser, administrator without a unit); their codes are sealed anyway.
    """
    from motcua.accounts.scoping import scope_is_global

    qs = Notification.objects.all()
    if scope_is_global(user):
        return qs
    visible = Q(pk__in=[])
    for ref_type, visible_ids in REF_VISIBILITY.items():
        visible |= Q(ref_type=ref_type, ref_id__in=visible_ids(user=user))
    return qs.filter(visible)


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


def notifications_failed(
    *,
    ids: list[int] | None = None,
    event: str = "",
    channel: str = "",
    created_since=None,
) -> QuerySet:
    """The failed messages a re-queue picks (`notifications_requeue`, and the command's dry
    run): all of them, narrowed by ids, event, channel and creation time when given."""
    qs = Notification.objects.filter(status=Notification.Status.FAILED)
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    if event:
        qs = qs.filter(event=event)
    if channel:
        qs = qs.filter(channel=channel)
    if created_since is not None:
        qs = qs.filter(created_at__gte=created_since)
    return qs.order_by("pk")
