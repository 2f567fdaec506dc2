"""An override added after dossiers were received: effective immediately for new computations,
while deadlines already computed (stored values) keep their value until recomputed."""

import datetime as dt
import importlib

import pytest

from motcua.accounts.roles import Role
from motcua.clock.models import CalendarOverride
from motcua.clock.services import VN_TZ, calendar_override_create, deadline_compute

pytestmark = pytest.mark.django_db


def aware(text):
    return dt.datetime.fromisoformat(text).replace(tzinfo=VN_TZ)


def test_override_after_receipt_does_not_move_a_stored_deadline(make_user):
    admin = make_user("quantri", Role.ADMINISTRATOR)
    # Received Tue 5/3/2024 16:00, 3 working days: Fri 8/3/2024 16:00.
    stored = deadline_compute(received_at=aware("2024-03-05T16:00"), duration_minutes=3 * 480)
    assert stored.due == aware("2024-03-08T16:00")

    calendar_override_create(
        day=dt.date(2024, 3, 7),
        kind=CalendarOverride.Kind.HOLIDAY,
        note="Nghỉ đột xuất",
        actor=admin,
    )

    # The stored value is untouched: nothing recomputes it behind the dossier's back.
    assert stored.due == aware("2024-03-08T16:00")
    # A dossier received now, or an explicit recomputation, sees the new holiday.
    recomputed = deadline_compute(received_at=aware("2024-03-05T16:00"), duration_minutes=3 * 480)
    assert recomputed.due == aware("2024-03-11T16:00")


def test_deadline_compute_returns_aware_vietnamese_instants():
    utc = dt.UTC
    # 09:30 UTC is 16:30 in Hà Nội: the example.
    result = deadline_compute(
        received_at=dt.datetime(2024, 2, 7, 9, 30, tzinfo=utc), duration_minutes=5 * 480
    )
    assert result.due == aware("2024-02-21T16:30")
    assert result.due.utcoffset() == dt.timedelta(hours=7)
    assert result.start == aware("2024-02-07T16:30")
    assert result.working_minutes == 2400


def test_deadline_compute_with_pause_and_same_day():
    paused = deadline_compute(
        received_at=aware("2024-03-04T07:30"),
        duration_minutes=5 * 480,
        pauses=[(aware("2024-03-05T13:00"), aware("2024-03-07T13:00"))],
    )
    assert paused.due == aware("2024-03-12T17:00")
    assert paused.working_minutes == 2400
    same_day = deadline_compute(
        received_at=aware("2024-03-05T15:01"), same_day_cutoff=dt.time(15, 0)
    )
    assert same_day.due == aware("2024-03-06T17:00")


def test_seeded_new_year_2026_swap_is_in_the_national_calendar():
    # Run the data migration's function again (idempotent): a transactional test elsewhere in
    # the run may have flushed the rows the migration created.
    from django.apps import apps

    seed = importlib.import_module("motcua.clock.migrations.0002_new_year_2026_swap").seed
    seed(apps, None)
    seed(apps, None)
    assert CalendarOverride.objects.filter(day__year=2026, unit__isnull=True).count() == 2
    result = deadline_compute(received_at=aware("2025-12-31T16:00"), duration_minutes=480)
    assert result.due == aware("2026-01-05T16:00")
