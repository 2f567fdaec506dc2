"""`motcua notifications-send` sends what is due and says what is left, in Vietnamese."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from motcua.notifications.services import notification_enqueue

pytestmark = pytest.mark.django_db


def test_command_sends_due_rows_and_reports(received_context):
    # Under the `db` fixture nothing commits, so the rows wait for the sweep.
    notification_enqueue(
        event="dossier.received",
        recipient_email="hoa@example.vn",
        recipient_phone="0912345678",
        context=received_context,
        ref_type="dossier",
        ref_id=received_context["code"],
    )
    out = StringIO()
    call_command("notifications-send", stdout=out)
    assert out.getvalue().strip() == "Đã gửi 2; còn chờ gửi 0; không gửi được 0."
    assert len(mail.outbox) == 1

    out = StringIO()
    call_command("notifications-send", stdout=out)
    assert out.getvalue().strip() == "Đã gửi 0; còn chờ gửi 0; không gửi được 0."
