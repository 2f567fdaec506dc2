"""Reading the notification outbox in dossier tests."""

from motcua.notifications.models import Notification


def outbox(dossier, event: str | None = None) -> dict[str, Notification]:
    """The dossier's outbox rows by channel ("email", "sms"), optionally for one event only;
    fails if a channel got two rows for the same event."""
    rows = Notification.objects.filter(ref_type="dossier", ref_id=dossier.code)
    if event is not None:
        rows = rows.filter(event=event)
    by_channel: dict[str, Notification] = {}
    for row in rows.order_by("id"):
        key = row.channel if event is not None else f"{row.event}/{row.channel}"
        assert key not in by_channel, f"two {key} notifications for {dossier.code}"
        by_channel[key] = row
    return by_channel


def events_sent(dossier) -> list[str]:
    """The notification events of the dossier, in order, one per event (e-mail rows)."""
    return list(
        Notification.objects.filter(ref_type="dossier", ref_id=dossier.code, channel="email")
        .order_by("id")
        .values_list("event", flat=True)
    )
