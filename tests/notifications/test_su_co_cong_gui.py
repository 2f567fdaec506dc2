"""Fault tests with a fake clock (no real waiting): the SMS provider on loopback is down for
300 seconds, then for two hours, while dossiers keep coming in (one message every 30 s); the
periodic sweep runs every 30 s. Afterwards every message reached the provider exactly once:
0 lost, 0 duplicates. And a worker killed after the provider accepted a message, before the row
was marked sent: the row is sent again after its lease with the same id, which the provider
de-duplicates, so the citizen gets one SMS."""

from datetime import UTC, datetime, timedelta
from unittest import mock

import pytest
from django.db import transaction
from django.utils import timezone

from motcua.notifications import services
from motcua.notifications.domain import SEND_LEASE
from motcua.notifications.models import Notification
from motcua.notifications.services import notification_enqueue, notifications_send_due
from tests.notifications.fakes import FakeClock

pytestmark = pytest.mark.django_db(transaction=True)

START = datetime(2026, 11, 30, 1, 0, tzinfo=UTC)
STEP = timedelta(seconds=30)


def _intake(context, i):
    with transaction.atomic():
        notification_enqueue(
            event="dossier.received",
            recipient_phone=f"09{i:08d}",
            context={**context, "code": f"H57-{i:06d}"},
            ref_type="dossier",
            ref_id=f"H57-{i:06d}",
        )


@pytest.mark.parametrize("outage", [timedelta(seconds=300), timedelta(hours=2)])
def test_outage_under_continuous_intake_loses_nothing_and_sends_nothing_twice(
    outage, received_context, sms_provider
):
    clock = FakeClock(START)
    outage_start = START + timedelta(minutes=2)
    intake_end = outage_start + outage + timedelta(minutes=3)
    i = 0
    with mock.patch.object(timezone, "now", clock):
        # Intake before, during and after the outage; the sweep every 30 s.
        while clock.now < intake_end:
            sms_provider.down = outage_start <= clock.now < outage_start + outage
            _intake(received_context, i)
            i += 1
            notifications_send_due(now=clock.now)
            clock.advance(STEP)
        # Then the sweep alone until the outbox is drained (at most the one-hour retry cap).
        deadline = clock.now + timedelta(hours=2)
        while Notification.objects.exclude(status="sent").exists() and clock.now < deadline:
            notifications_send_due(now=clock.now)
            clock.advance(STEP)

    rows = Notification.objects.all()
    assert rows.count() == i
    assert set(rows.values_list("status", flat=True)) == {"sent"}  # 0 lost, 0 failed
    ids = {f"motcua-{pk}" for pk in rows.values_list("pk", flat=True)}
    assert set(sms_provider.delivered) == ids  # every message reached the provider...
    assert set(sms_provider.accepted.values()) == {1}  # ...and was handed over successfully once
    during = [r for r in rows if outage_start <= r.created_at < outage_start + outage]
    assert during and all(r.attempts >= 2 for r in during)


def test_worker_killed_after_the_provider_accepted_sends_once(received_context, sms_provider):
    clock = FakeClock(START)
    real_mine = services._mine
    with mock.patch.object(timezone, "now", clock):
        # The worker dies between the provider's acceptance and the row's update.
        with mock.patch.object(services, "_mine", side_effect=KeyboardInterrupt):
            with pytest.raises(KeyboardInterrupt):
                _intake(received_context, 1)
        n = Notification.objects.get()
        assert n.status == "sending"
        assert len(sms_provider.delivered) == 1

        # Before the lease ends nobody touches it; after, the sweep sends it again.
        assert notifications_send_due(now=clock.now + SEND_LEASE - timedelta(seconds=1)) == 0
        clock.advance(SEND_LEASE)
        assert services._mine is real_mine
        assert notifications_send_due(now=clock.now) == 1

    n.refresh_from_db()
    assert (n.status, n.attempts) == ("sent", 2)
    assert len(sms_provider.requests) == 2  # the same message handed over twice...
    assert {r["RequestId"] for r in sms_provider.requests} == {f"motcua-{n.pk}"}
    assert len(sms_provider.delivered) == 1  # ...delivered once, under one provider id
    assert n.provider_ref == sms_provider.delivered[f"motcua-{n.pk}"]
