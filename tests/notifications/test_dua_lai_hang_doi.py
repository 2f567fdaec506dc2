"""Failed messages are re-queued by an administrator (command or admin action): they get a new
retry window and are sent; sent and pending ones are never touched; the outbox shows an alert
while any message is failed."""

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from motcua.accounts.roles import Role
from motcua.notifications.models import Notification
from motcua.notifications.services import notification_enqueue, notifications_requeue
from tests.notifications.fakes import RecordingGateway

pytestmark = pytest.mark.django_db(transaction=True)


def _failed(context, n=2):
    rows = []
    for i in range(n):
        with transaction.atomic():
            (row,) = notification_enqueue(
                event="dossier.received",
                recipient_phone=f"091234567{i}",
                context=context,
                ref_type="dossier",
                ref_id=f"X{i}",
            )
        rows.append(row)
    Notification.objects.filter(pk__in=[r.pk for r in rows]).update(
        status="failed", attempts=80, next_attempt_at=None, last_error="GatewayError: hỏng"
    )
    RecordingGateway.reset()  # forget the first sends: the rows now stand for failed ones
    return rows


def test_requeue_sends_failed_messages_again(received_context, recording_gateway):
    a, b = _failed(received_context)
    sent = Notification.objects.create(
        channel="sms", recipient="0900000000", event="dossier.received", body="x", status="sent"
    )
    picked = notifications_requeue(ids=[a.pk, sent.pk], actor="test")
    assert picked == [a.pk]
    a.refresh_from_db()
    b.refresh_from_db()
    sent.refresh_from_db()
    # Delivered at commit (immediate backend): a new window, attempt count restarted.
    assert (a.status, a.attempts, a.requeue_count) == ("sent", 1, 1)
    assert a.last_error == "GatewayError: hỏng"
    assert b.status == "failed"
    assert sent.status == "sent"
    assert RecordingGateway.sent == [("sms", "0912345670")]


def test_command_requeues_all_failed(received_context, recording_gateway, capsys):
    _failed(received_context)
    call_command("notifications", "requeue", "--all-failed", "--dry-run")
    assert Notification.objects.filter(status="failed").count() == 2
    call_command("notifications", "requeue", "--all-failed")
    assert "Đã đưa lại 2 thông báo" in capsys.readouterr().out
    assert Notification.objects.filter(status="sent").count() == 2


def test_command_needs_a_selection_and_checks_the_event(received_context):
    with pytest.raises(CommandError, match="Chọn thông báo"):
        call_command("notifications", "requeue")
    with pytest.raises(CommandError, match="Sự kiện không xác định"):
        call_command("notifications", "requeue", "--event", "khong.co")
    with pytest.raises(CommandError, match="Ngày không hợp lệ"):
        call_command("notifications", "requeue", "--since", "30/11/2026")


def test_admin_action_requeues(client, django_user_model, received_context, recording_gateway):
    a, b = _failed(received_context)
    admin = django_user_model.objects.create_superuser("quantri", password="x-Mat-khau-9")
    client.force_login(admin)
    response = client.post(
        "/quan-tri/notifications/notification/",
        {"action": "requeue_failed", "_selected_action": [a.pk]},
        follow=True,
    )
    assert response.status_code == 200
    assert "Đã đưa lại 1 thông báo" in response.content.decode()
    a.refresh_from_db()
    assert a.status == "sent"
    assert Notification.objects.get(pk=b.pk).status == "failed"


def test_outbox_alerts_on_failed_messages(client, make_user, received_context):
    _failed(received_context)
    # Rows about no dossier a ward officer may read: the system administrator (global scope)
    # reads every row, and the alert counts what the reader sees.
    client.force_login(make_user("quantri", Role.ADMINISTRATOR))
    html = client.get("/thong-bao/").content.decode()
    assert 'data-testid="failed-alert"' in html
    assert "2 thông báo không gửi được" in html
