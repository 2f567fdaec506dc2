"""Legal working hours are not a desk's reception hours (issue 13, item 7): a desk open on
Saturday morning receives then, but its Saturday never counts in a legal deadline (Decision
188/1999/QĐ-TTg, 40-hour week Monday–Friday; Labour Code 2019 art. 105). A swapped Saturday
that the government makes a working day still counts (an extra working date)."""

import datetime as dt
from zoneinfo import ZoneInfo

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
