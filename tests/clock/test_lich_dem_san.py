"""The unit calendar is built once and reused until the calendar changes (issue 12 §5).

`work_calendar_for` costs one query when the calendar has not changed since the last build;
any change (through the audited services, or a row written without them) is seen by the next
call, in this process or any other (the version is read from the database each time).
"""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from motcua.clock.models import CalendarOverride, OfficeHours
from motcua.clock.selectors import work_calendar_for
from motcua.clock.services import (
    calendar_override_create,
    calendar_override_update,
    office_hours_set,
)
from motcua.org.models import OrgUnit

pytestmark = pytest.mark.django_db

MONDAY = dt.date(2031, 3, 3)


@pytest.fixture
def ward():
    city = OrgUnit.objects.create(code="C1", name="Thành phố", kind="district")
    return OrgUnit.objects.create(code="W1", name="Phường 1", kind="ward", parent=city)


def test_second_read_is_one_query_and_the_same_calendar(ward):
    first = work_calendar_for(ward)
    with CaptureQueriesContext(connection) as ctx:
        again = work_calendar_for(ward)
    assert again is first
    assert len(ctx) == 1
    # A fresh instance of the same unit (another request) reuses it too.
    assert work_calendar_for(OrgUnit.objects.get(pk=ward.pk)) is first


def test_override_through_the_service_is_seen_at_once(ward):
    assert work_calendar_for(ward).is_working_day(MONDAY)
    override = calendar_override_create(day=MONDAY, kind="holiday", unit=ward, note="Bão")
    assert not work_calendar_for(ward).is_working_day(MONDAY)
    calendar_override_update(override=override, kind="cancel_holiday")
    assert work_calendar_for(ward).is_working_day(MONDAY)


def test_a_parent_override_reaches_the_child(ward):
    assert work_calendar_for(ward).is_working_day(MONDAY)
    calendar_override_create(day=MONDAY, kind="holiday", unit=ward.parent)
    assert not work_calendar_for(ward).is_working_day(MONDAY)


def test_rows_written_without_the_services_are_seen_too(ward):
    assert work_calendar_for(None).is_working_day(MONDAY)
    row = CalendarOverride.objects.create(day=MONDAY, kind="holiday")
    assert not work_calendar_for(None).is_working_day(MONDAY)
    row.delete()
    assert work_calendar_for(None).is_working_day(MONDAY)
    OfficeHours.objects.create(unit=ward, weekday=0, start=dt.time(8), end=dt.time(9))
    assert work_calendar_for(ward).minutes_on(MONDAY) == 60


def test_office_hours_change_rebuilds(ward):
    assert work_calendar_for(ward).minutes_on(MONDAY) == 480
    office_hours_set(unit=ward, hours={0: [(dt.time(7, 30), dt.time(11, 30))]})
    assert work_calendar_for(ward).minutes_on(MONDAY) == 240
    assert work_calendar_for(ward.parent).minutes_on(MONDAY) == 480


def test_a_change_keeping_count_and_ids_is_seen(ward):
    """Same count, same last id (as when SQLite reuses a rolled-back id): a save in this
    process still rebuilds."""
    row = CalendarOverride.objects.create(day=MONDAY, kind="holiday")
    assert not work_calendar_for(None).is_working_day(MONDAY)
    row.day = MONDAY + dt.timedelta(days=2)
    row.save()
    cal = work_calendar_for(None)
    assert cal.is_working_day(MONDAY) and not cal.is_working_day(row.day)
