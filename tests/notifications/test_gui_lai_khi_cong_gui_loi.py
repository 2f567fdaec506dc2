"""A gateway that is down: the message is retried with backoff, every attempt and the last error
are visible, and after the retry horizon it is marked failed and never sent again."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from motcua.notifications.models import Notification
from motcua.notifications.services import (
    notification_deliver,
    notification_enqueue,
    notifications_send_due,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_down_gateway_retries_with_backoff_then_fails(received_context, failing_gateway, settings):
    settings.MOTCUA_NOTIFY_RETRY_HORIZON_HOURS = 1
    with transaction.atomic():
        (notification,) = notification_enqueue(
            event="dossier.received",
            recipient_email="hoa@example.vn",
            context=received_context,
            ref_type="dossier",
            ref_id=received_context["code"],
        )

    # First attempt ran at commit and failed.
    notification.refresh_from_db()
    assert notification.status == "pending"
    assert notification.attempts == 1
    assert "Cổng gửi tin không phản hồi" in notification.last_error
    assert "GatewayError" in notification.last_error
    first_retry = notification.next_attempt_at
    assert timedelta(seconds=55) < first_retry - timezone.now() <= timedelta(minutes=1)
    horizon_end = notification.retry_from + timedelta(hours=1)

    # Not due yet: the sweep leaves it alone.
    assert notifications_send_due(now=first_retry - timedelta(seconds=1)) == 0
    notification.refresh_from_db()
    assert notification.attempts == 1

    # Each further failure doubles the wait: 2, 4, 8, 16 minutes; the next one (32) would pass
    # the one-hour horizon, so the last try is made at its end.
    now = first_retry
    for attempts, wait in [(2, 2), (3, 4), (4, 8), (5, 16)]:
        assert notifications_send_due(now=now) == 0
        notification.refresh_from_db()
        assert (notification.status, notification.attempts) == ("pending", attempts)
        assert notification.next_attempt_at == now + timedelta(minutes=wait)
        now = notification.next_attempt_at
    assert notifications_send_due(now=now) == 0
    notification.refresh_from_db()
    assert (notification.status, notification.attempts) == ("pending", 6)
    assert notification.next_attempt_at == horizon_end
    now = horizon_end

    # The try at the end of the horizon is the last.
    assert notifications_send_due(now=now) == 0
    notification.refresh_from_db()
    assert (notification.status, notification.attempts) == ("failed", 7)
    assert notification.next_attempt_at is None
    assert notification.last_error

    # The gateway comes back: a failed row stays failed.
    settings.MOTCUA_EMAIL_GATEWAY = "motcua.notifications.gateways.DjangoEmailGateway"
    later = now + timedelta(days=1)
    assert notifications_send_due(now=later) == 0
    assert notification_deliver(notification_id=notification.pk, now=later) is False
    assert len(mail.outbox) == 0


def test_gateway_back_before_max_sends_on_retry(received_context, failing_gateway, settings):
    with transaction.atomic():
        (notification,) = notification_enqueue(
            event="dossier.received",
            recipient_phone="0912345678",
            context=received_context,
            ref_type="dossier",
            ref_id=received_context["code"],
        )
    notification.refresh_from_db()
    assert notification.status == "pending"

    settings.MOTCUA_SMS_GATEWAY = "tests.notifications.fakes.RecordingGateway"
    from tests.notifications.fakes import RecordingGateway

    assert notifications_send_due(now=notification.next_attempt_at) == 1
    notification.refresh_from_db()
    assert (notification.status, notification.attempts) == ("sent", 2)
    # The earlier error stays visible on the sent row.
    assert "Cổng gửi tin không phản hồi" in notification.last_error
    assert RecordingGateway.sent == [("sms", "0912345678")]


def test_max_attempts_is_per_row(received_context, failing_gateway):
    with transaction.atomic():
        (notification,) = notification_enqueue(
            event="dossier.received",
            recipient_email="hoa@example.vn",
            context=received_context,
            ref_type="dossier",
            ref_id="X",
        )
        Notification.objects.filter(pk=notification.pk).update(max_attempts=1)
    notification.refresh_from_db()
    assert (notification.status, notification.attempts) == ("failed", 1)
