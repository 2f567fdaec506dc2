"""Calendar overrides and office hours per unit through the services, with their audit trail."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from motcua.accounts.roles import Role
from motcua.clock.models import CalendarOverride, CalendarOverrideAudit
from motcua.clock.selectors import office_hours_for, work_calendar_for
from motcua.clock.services import (
    VN_TZ,
    calendar_override_create,
    calendar_override_delete,
    calendar_override_update,
    deadline_compute,
    office_hours_set,
)
from tests.factories import small_tree

pytestmark = pytest.mark.django_db

H = dt.time


def aware(text):
    return dt.datetime.fromisoformat(text).replace(tzinfo=VN_TZ)


def test_create_update_delete_are_audited_with_the_actor(make_user):
    admin = make_user("quantri", Role.ADMINISTRATOR)
    units = small_tree()
    o = calendar_override_create(
        day=dt.date(2024, 3, 9), kind="extra_working", unit=units["N"], note="Làm bù", actor=admin
    )
    calendar_override_update(override=o, kind="holiday", note="Đổi ý", actor=admin)
    calendar_override_delete(override=o, actor=admin)
    audit = list(CalendarOverrideAudit.objects.order_by("id").exclude(details__startswith="Dữ"))
    assert [a.action for a in audit] == ["create", "update", "delete"]
    assert all(a.actor == admin and a.unit_code == "N" for a in audit)
    assert audit[0].day == dt.date(2024, 3, 9)
    assert "09/03/2024" in audit[0].details
    assert not CalendarOverride.objects.filter(day=dt.date(2024, 3, 9)).exists()


def test_duplicate_override_for_the_same_day_and_unit_is_refused(make_user):
    calendar_override_create(day=dt.date(2024, 3, 6), kind="holiday")
    with pytest.raises(ValidationError):
        calendar_override_create(day=dt.date(2024, 3, 6), kind="extra_working")
    units = small_tree()
    # The same day for one unit is a different row.
    calendar_override_create(day=dt.date(2024, 3, 6), kind="extra_working", unit=units["N"])


def test_unknown_kind_is_refused():
    with pytest.raises(ValidationError):
        calendar_override_create(day=dt.date(2024, 3, 6), kind="nghi_vui")


def test_unit_override_applies_to_the_unit_and_its_bodies_only():
    units = small_tree()
    calendar_override_create(day=dt.date(2025, 7, 2), kind="holiday", unit=units["N"])
    assert not work_calendar_for(units["N"]).is_working_day(dt.date(2025, 7, 2))
    assert not work_calendar_for(units["N.TT"]).is_working_day(dt.date(2025, 7, 2))
    assert work_calendar_for(units["M"]).is_working_day(dt.date(2025, 7, 2))
    assert work_calendar_for(None).is_working_day(dt.date(2025, 7, 2))


def test_saturday_morning_hours_for_one_desk(make_user):
    admin = make_user("quantri", Role.ADMINISTRATOR)
    units = small_tree()
    weekday = [(H(7, 30), H(11, 30)), (H(13, 0), H(17, 0))]
    office_hours_set(
        unit=units["N.TT"],
        hours={**{wd: weekday for wd in range(5)}, 5: [(H(7, 30), H(11, 30))]},
        actor=admin,
    )
    assert office_hours_for(units["N.TT"])[5] == ((450, 690),)
    assert 5 not in office_hours_for(units["N"])
    # Fri 4/7/2025 16:00 + 1 day at the desk: Saturday morning is reception time, not legal
    # working time (issue 13 item 7; Decision 188/1999/QĐ-TTg): due Mon 7/7 16:00, as at
    # the ward.
    desk = deadline_compute(
        received_at=aware("2025-07-04T16:00"), duration_minutes=480, unit=units["N.TT"]
    )
    assert desk.due == aware("2025-07-07T16:00")
    ward = deadline_compute(
        received_at=aware("2025-07-04T16:00"), duration_minutes=480, unit=units["N"]
    )
    assert ward.due == aware("2025-07-07T16:00")
    last = CalendarOverrideAudit.objects.first()
    assert last.action == "office_hours" and last.actor == admin
    assert "Thứ Bảy 07:30–11:30" in last.details


def test_nationwide_hours_change_reaches_every_unit():
    units = small_tree()
    office_hours_set(hours={wd: [(H(8, 0), H(12, 0)), (H(13, 30), H(17, 30))] for wd in range(5)})
    assert office_hours_for(units["N"])[0] == ((480, 720), (810, 1050))
    assert office_hours_for(None)[0] == ((480, 720), (810, 1050))


def test_overlapping_hours_are_refused():
    with pytest.raises(ValidationError):
        office_hours_set(hours={0: [(H(7, 30), H(12, 0)), (H(11, 0), H(17, 0))]})
