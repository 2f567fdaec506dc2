"""Legal processing times given in working hours, half-days and working days.

From Mon 4/3/2024 07:30 (no holiday until Giỗ Tổ 18/4/2024) and across April–May 2024.
"""

import pytest

from motcua.clock.domain.worktime import CalendarError, Duration
from tests.clock.conftest import t

MONDAY = "2024-03-04 07:30"

ROWS = [
    ("1 working hour", Duration.working_hours(1), "2024-03-04 08:30"),
    ("4 working hours", Duration.working_hours(4), "2024-03-04 11:30"),
    ("5 working hours", Duration.working_hours(5), "2024-03-04 14:00"),
    ("8 working hours", Duration.working_hours(8), "2024-03-04 17:00"),
    ("16 working hours", Duration.working_hours(16), "2024-03-05 17:00"),
    ("1 half-day", Duration.half_days(1), "2024-03-04 11:30"),
    ("3 half-days", Duration.half_days(3), "2024-03-05 11:30"),
    ("1 working day", Duration.working_days(1), "2024-03-04 17:00"),
    ("3 working days", Duration.working_days(3), "2024-03-06 17:00"),
    ("5 working days", Duration.working_days(5), "2024-03-08 17:00"),
    ("7 working days", Duration.working_days(7), "2024-03-12 17:00"),
    ("10 working days", Duration.working_days(10), "2024-03-15 17:00"),
    ("15 working days", Duration.working_days(15), "2024-03-22 17:00"),
    ("20 working days", Duration.working_days(20), "2024-03-29 17:00"),
    ("30 working days", Duration.working_days(30), "2024-04-12 17:00"),
]


@pytest.mark.parametrize("name,minutes,due", ROWS, ids=[r[0] for r in ROWS])
def test_duration_from_monday_opening(vn, name, minutes, due):
    assert vn.due(t(MONDAY), minutes) == t(due)


def test_durations_in_minutes():
    assert Duration.working_days(1) == 480
    assert Duration.working_days(30) == 14_400
    assert Duration.half_days(1) == 240
    assert Duration.working_hours(1.5) == 90
    assert Duration.working_days(0.5) == 240
    with pytest.raises(CalendarError):
        Duration.working_hours(-1)
    with pytest.raises(CalendarError):
        Duration.working_hours(0.001)


def test_one_day_from_mid_afternoon_is_same_time_next_working_day(vn):
    # 14:15–17:00 = 165 min, then 240 + 75 on Wednesday.
    assert vn.due(t("2024-03-05 14:15"), 480) == t("2024-03-06 14:15")


def test_fifteen_days_across_gio_to_and_the_2024_swap(vn):
    # From Wed 10/4/2024 09:00: Thu 11, Fri 12, Mon 15, Tue 16, Wed 17, (Giỗ Tổ Thu 18), Fri 19,
    # Mon 22 … Fri 26, (29/4 swap, 30/4, 1/5), Thu 2/5, Fri 3/5, Sat 4/5 worked, Mon 6/5.
    assert vn.due(t("2024-04-10 09:00"), Duration.working_days(15)) == t("2024-05-06 09:00")


def test_negative_duration_is_refused(vn):
    with pytest.raises(CalendarError):
        vn.due(t(MONDAY), -1)
