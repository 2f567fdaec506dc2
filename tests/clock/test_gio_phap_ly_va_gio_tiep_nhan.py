"""Legal working hours are not a desk's reception hours (issue 13, item 7): a desk open on
Saturday morning receives then, but its Saturday never counts in a legal deadline (Decision
188/1999/QĐ-TTg, 40-hour week Monday–Friday; Labour Code 2019 art. 105). A swapped Saturday
that the government makes a working day still counts (an extra working date)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ImproperlyConfigured

from motcua.clock.domain.legalhours import LegalHoursError, parse_legal_hours
from motcua.clock.selectors import work_calendar_for
from motcua.clock.services import deadline_compute, office_hours_set
from motcua.org.models import OrgUnit

VN = ZoneInfo("Asia/Ho_Chi_Minh")
MORNING = (dt.time(7, 30), dt.time(11, 30))
AFTERNOON = (dt.time(13, 0), dt.time(17, 0))


def test_a_saturday_desk_does_not_shorten_deadlines(db):
    desk = OrgUnit.objects.create(code="D.MC", name="Bộ phận Một cửa", kind="one_stop_desk")
    week = {wd: [MORNING, AFTERNOON] for wd in range(5)}
    office_hours_set(unit=desk, hours={**week, 5: [MORNING]})
    # Friday 8/3/2024 16:00 + 1 working day: Monday 16:00 (not Monday 10:30 as it would be
    # if Saturday morning counted).
    received = dt.datetime(2024, 3, 8, 16, tzinfo=VN)
    due = deadline_compute(received_at=received, duration_minutes=480, unit=desk).due
    assert due == dt.datetime(2024, 3, 11, 16, tzinfo=VN)
    # Received at the desk on Saturday morning: the clock starts on Monday's opening.
    start = deadline_compute(
        received_at=dt.datetime(2024, 3, 9, 9, tzinfo=VN), duration_minutes=60, unit=desk
    ).start
    assert start == dt.datetime(2024, 3, 11, 7, 30, tzinfo=VN)


def test_a_worked_saturday_of_a_swap_still_counts(db):
    # holidays 0.109: Saturday 4/5/2024 worked in exchange for Monday 29/4/2024.
    cal = work_calendar_for(None)
    assert cal.is_working_day(dt.date(2024, 5, 4))
    assert not cal.is_working_day(dt.date(2024, 5, 11))


# --- MOTCUA_LEGAL_HOURS: legal working hours as a setting (clock/domain/legalhours.py) --------

EARLY = (dt.time(7, 0), dt.time(11, 30))
LATE = (dt.time(13, 0), dt.time(17, 30))


@pytest.mark.parametrize(
    "setting, received, minutes, due",
    [
        # source: Decision 188/1999 (Mon–Fri) + the province's daily times, 07:30–11:30,
        # 13:00–17:00. The desk receives 07:00–11:30, 13:00–17:30 and on Saturday morning.
        # Set: Friday 16:00 + 1 working day = Monday 16:00 on the legal hours.
        ("07:30-11:30,13:00-17:00", (2024, 3, 8, 16, 0), 480, (2024, 3, 11, 16, 0)),
        # Set: received at the desk's 07:00 opening, the clock starts at 07:30: +60 → 08:30.
        ("07:30-11:30,13:00-17:00", (2024, 3, 11, 7, 0), 60, (2024, 3, 11, 8, 30)),
        # Unset: the desk's own weekday hours count (07:00 start, +60 → 08:00) ...
        ("", (2024, 3, 11, 7, 0), 60, (2024, 3, 11, 8, 0)),
        # ... and its 17:00–17:30 too (Friday 16:00 + 480 → Monday 15:00 on 9-hour days);
        # Saturday still never counts.
        ("", (2024, 3, 8, 16, 0), 480, (2024, 3, 11, 15, 0)),
    ],
)
def test_legal_hours_setting_is_apart_from_the_desk_hours(
    db, settings, setting, received, minutes, due
):
    settings.MOTCUA_LEGAL_HOURS = setting
    desk = OrgUnit.objects.create(code="D.MC", name="Bộ phận Một cửa", kind="one_stop_desk")
    week = {wd: [EARLY, LATE] for wd in range(5)}
    office_hours_set(unit=desk, hours={**week, 5: [MORNING]})
    got = deadline_compute(
        received_at=dt.datetime(*received, tzinfo=VN), duration_minutes=minutes, unit=desk
    ).due
    assert got == dt.datetime(*due, tzinfo=VN)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("", ()),
        ("07:30-11:30,13:00-17:00", ((450, 690), (780, 1020))),
        (" 13:00-17:00 , 7:30-11:30 ", ((450, 690), (780, 1020))),
    ],
)
def test_parse_legal_hours(text, expected):
    assert parse_legal_hours(text) == expected


@pytest.mark.parametrize(
    "text, message",
    [
        ("7h30-11h30", "không hợp lệ"),
        ("11:30-07:30", "bắt đầu phải trước"),
        ("07:30-12:00,11:00-17:00", "chồng lên nhau"),
        ("25:00-26:00", "giờ không hợp lệ"),
        ("07:30-11:30\x00", "NUL"),
    ],
)
def test_bad_legal_hours_get_a_vietnamese_message(db, settings, text, message):
    with pytest.raises(LegalHoursError, match=message):
        parse_legal_hours(text)
    settings.MOTCUA_LEGAL_HOURS = text
    with pytest.raises(ImproperlyConfigured, match=message):
        work_calendar_for(None)


def test_a_mistyped_setting_stops_the_start(settings):
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    settings.MOTCUA_LEGAL_HOURS = "7h30-17h"
    with pytest.raises(SystemCheckError, match="motcua.E020"):
        call_command("check")
    settings.MOTCUA_LEGAL_HOURS = "07:30-11:30,13:00-17:00"
    call_command("check")
