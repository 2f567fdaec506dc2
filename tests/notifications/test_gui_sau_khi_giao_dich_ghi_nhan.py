"""The outbox is written in the caller's transaction: rollback sends nothing, commit sends once,
and a task queue that is down delays the message until the sweep instead of losing it."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction

from motcua.notifications.models import Notification
from motcua.notifications.services import notification_enqueue, notifications_send_due

pytestmark = pytest.mark.django_db(transaction=True)


class Boom(Exception):
    pass


def _enqueue(context, **recipients):
    return notification_enqueue(
        event="dossier.received",
        context=context,
        ref_type="dossier",
        ref_id=context["code"],
        **recipients,
    )


def test_rolled_back_change_leaves_no_row_and_sends_nothing(received_context, recording_gateway):
    with pytest.raises(Boom), transaction.atomic():
        _enqueue(received_context, recipient_email="hoa@example.vn", recipient_phone="0912345678")
        assert Notification.objects.count() == 2  # visible inside the transaction
        raise Boom

    assert Notification.objects.count() == 0
    assert recording_gateway.sent == []


def test_committed_change_sends_each_message_exactly_once(received_context):
    with transaction.atomic():
        _enqueue(received_context, recipient_email="hoa@example.vn", recipient_phone="0912 345 678")
        # Nothing leaves before the commit.
        assert len(mail.outbox) == 0
        assert set(Notification.objects.values_list("status", flat=True)) == {"pending"}

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["hoa@example.vn"]
    assert mail.outbox[0].subject == "Hồ sơ 000.00.25.H57-250715-0001 đã được tiếp nhận"
    rows = {n.channel: n for n in Notification.objects.all()}
    assert rows["email"].status == rows["sms"].status == "sent"
    assert rows["email"].attempts == rows["sms"].attempts == 1
    assert rows["sms"].recipient == "0912345678"
    assert rows["sms"].sent_at is not None and rows["sms"].next_attempt_at is None

    # A later sweep finds nothing due: no second send.
    assert notifications_send_due() == 0
    assert len(mail.outbox) == 1


def test_queue_down_at_commit_keeps_the_row_for_the_sweep(received_context, settings):
    settings.TASKS = {"default": {"BACKEND": "tests.notifications.fakes.DownQueueBackend"}}
    with transaction.atomic():
        _enqueue(received_context, recipient_email="hoa@example.vn")

    notification = Notification.objects.get()
    assert notification.status == "pending" and notification.attempts == 0
    assert len(mail.outbox) == 0

    call_command("notifications-send")
    notification.refresh_from_db()
    assert notification.status == "sent"
    assert len(mail.outbox) == 1


def test_applicant_without_email_or_phone_gets_nothing(received_context):
    with transaction.atomic():
        assert _enqueue(received_context) == []
    assert Notification.objects.count() == 0
