"""Two workers delivering the same row: exactly one sends it. A worker that died mid-send gives the
row back when its lease ends, and the row is then sent by another."""

import threading
from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.utils import timezone

from motcua.notifications.domain import SEND_LEASE
from motcua.notifications.models import Notification
from motcua.notifications.services import (
    _claim,
    notification_deliver,
    notification_enqueue,
    notifications_send_due,
)


def _pending(settings, context, **recipients):
    # Queue down while enqueuing, so the row stays pending for the test to deliver.
    settings.TASKS = {"default": {"BACKEND": "tests.notifications.fakes.DownQueueBackend"}}
    with transaction.atomic():
        (notification,) = notification_enqueue(
            event="dossier.received",
            context=context,
            ref_type="dossier",
            ref_id=context["code"],
            **recipients,
        )
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    return notification


@pytest.mark.django_db(transaction=True)
def test_second_worker_during_a_send_sends_nothing(settings, received_context, recording_gateway):
    notification = _pending(settings, received_context, recipient_email="hoa@example.vn")
    second_worker = []
    recording_gateway.during_send = lambda: second_worker.append(
        notification_deliver(notification_id=notification.pk)
    )

    assert notification_deliver(notification_id=notification.pk) is True

    assert second_worker == [False]
    assert recording_gateway.sent == [("email", "hoa@example.vn")]
    # And once sent, nobody sends it again.
    assert notification_deliver(notification_id=notification.pk) is False
    assert notifications_send_due(now=timezone.now() + timedelta(days=1)) == 0
    assert len(recording_gateway.sent) == 1


@pytest.mark.django_db(transaction=True)
def test_worker_dying_mid_send_gives_the_row_back_after_its_lease(
    settings, received_context, recording_gateway
):
    notification = _pending(settings, received_context, recipient_phone="0912345678")
    now = timezone.now()
    assert _claim(notification_id=notification.pk, now=now)  # ... and the worker dies here

    assert notifications_send_due(now=now + SEND_LEASE - timedelta(seconds=1)) == 0
    assert notifications_send_due(now=now + SEND_LEASE) == 1
    notification.refresh_from_db()
    assert (notification.status, notification.attempts) == ("sent", 2)
    assert recording_gateway.sent == [("sms", "0912345678")]


@pytest.mark.django_db(transaction=True)
def test_worker_dying_on_the_last_attempt_leaves_a_failed_row(
    settings, received_context, recording_gateway
):
    notification = _pending(settings, received_context, recipient_phone="0912345678")
    Notification.objects.filter(pk=notification.pk).update(max_attempts=1)
    now = timezone.now()
    assert _claim(notification_id=notification.pk, now=now)

    assert notifications_send_due(now=now + SEND_LEASE) == 0
    notification.refresh_from_db()
    assert (notification.status, notification.attempts) == ("failed", 1)
    assert "gián đoạn" in notification.last_error
    assert recording_gateway.sent == []


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_connections_racing_send_once(settings, received_context, recording_gateway):
    notification = _pending(settings, received_context, recipient_email="hoa@example.vn")
    workers = 4
    barrier = threading.Barrier(workers)
    results = []

    def work():
        try:
            barrier.wait(timeout=10)
            results.append(notification_deliver(notification_id=notification.pk))
        finally:
            connection.close()

    threads = [threading.Thread(target=work) for _ in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)

    assert sorted(results) == [False] * (workers - 1) + [True]
    assert recording_gateway.sent == [("email", "hoa@example.vn")]
    notification.refresh_from_db()
    assert (notification.status, notification.attempts) == ("sent", 1)
