"""Office hours: when the clock starts for a receipt, and the edges of each interval.

Intervals are half-open: 07:30 and 13:00 are inside, 11:30 and 17:00 are outside.
Tue 5/3/2024 is an ordinary working day; Fri 8/3 is followed by a weekend.
"""

import pytest

from tests.clock.conftest import t

CLOCK_START = [
    ("before opening", "2024-03-05 06:45", "2024-03-05 07:30"),
    ("at opening 07:30", "2024-03-05 07:30", "2024-03-05 07:30"),
    ("during the morning", "2024-03-05 09:10", "2024-03-05 09:10"),
    ("one minute before 11:30", "2024-03-05 11:29", "2024-03-05 11:29"),
    ("exactly 11:30 is lunch", "2024-03-05 11:30", "2024-03-05 13:00"),
    ("lunch break", "2024-03-05 12:15", "2024-03-05 13:00"),
    ("at 13:00", "2024-03-05 13:00", "2024-03-05 13:00"),
    ("one minute before 17:00", "2024-03-05 16:59", "2024-03-05 16:59"),
    ("exactly 17:00 is closed", "2024-03-05 17:00", "2024-03-06 07:30"),
    ("evening (online filing)", "2024-03-05 21:40", "2024-03-06 07:30"),
    ("seconds are kept", "2024-03-05 10:00:42", "2024-03-05 10:00:42"),
    ("Friday 17:00", "2024-03-08 17:00", "2024-03-11 07:30"),
    ("Saturday", "2024-03-09 10:00", "2024-03-11 07:30"),
    ("Sunday", "2024-03-10 23:59", "2024-03-11 07:30"),
    ("holiday Giỗ Tổ 18/4/2024", "2024-04-18 09:00", "2024-04-19 07:30"),
    ("Friday before the 2024 swap", "2024-04-26 17:00", "2024-05-02 07:30"),
    ("worked Saturday 4/5/2024", "2024-05-04 08:00", "2024-05-04 08:00"),
]


@pytest.mark.parametrize("name,received,expected", CLOCK_START, ids=[c[0] for c in CLOCK_START])
def test_clock_start(vn, name, received, expected):
    assert vn.clock_start(t(received)) == t(expected)


DUE_EDGES = [
    # name, start, minutes, due
    ("4 hours from 07:30 end at 11:30, not 13:00", "2024-03-05 07:30", 240, "2024-03-05 11:30"),
    ("1 hour from 11:00 skips lunch", "2024-03-05 11:00", 60, "2024-03-05 13:30"),
    ("1 hour from 16:00 ends at 17:00 the same day", "2024-03-05 16:00", 60, "2024-03-05 17:00"),
    ("1 hour from 16:30 ends next morning", "2024-03-05 16:30", 60, "2024-03-06 08:00"),
    ("1 minute from 11:29", "2024-03-05 11:29", 1, "2024-03-05 11:30"),
    ("1 minute from 16:59", "2024-03-05 16:59", 1, "2024-03-05 17:00"),
    ("1 day from 07:30 ends at 17:00", "2024-03-05 07:30", 480, "2024-03-05 17:00"),
    ("1 day from 13:00 ends 11:30 next day", "2024-03-05 13:00", 480, "2024-03-06 11:30"),
]


@pytest.mark.parametrize("name,start,minutes,due", DUE_EDGES, ids=[c[0] for c in DUE_EDGES])
def test_due_at_interval_edges(vn, name, start, minutes, due):
    assert vn.due(t(start), minutes) == t(due)


RECEIPTS = [
    # name, received, minutes, due (clock start, then duration)
    ("received 11:30 + 4 hours", "2024-03-05 11:30", 240, "2024-03-05 17:00"),
    ("received in lunch + 1 day", "2024-03-05 12:00", 480, "2024-03-06 11:30"),
    ("received 17:00 + 1 day", "2024-03-05 17:00", 480, "2024-03-06 17:00"),
    ("received 06:00 + 1 day", "2024-03-05 06:00", 480, "2024-03-05 17:00"),
    ("received Saturday + 1 day", "2024-03-09 10:00", 480, "2024-03-11 17:00"),
    ("received on Giỗ Tổ + 1 day", "2024-04-18 09:00", 480, "2024-04-19 17:00"),
]


@pytest.mark.parametrize("name,received,minutes,due", RECEIPTS, ids=[c[0] for c in RECEIPTS])
def test_receipt_outside_office_hours_then_due(vn, name, received, minutes, due):
    assert vn.due(vn.clock_start(t(received)), minutes) == t(due)


def test_saturday_morning_desk(saturday_desk):
    # Fri 8/3/2024 16:00 + 1 day: 60 min Friday, 240 Saturday morning, 180 Monday -> 10:30.
    start = saturday_desk.clock_start(t("2024-03-08 16:00"))
    assert saturday_desk.due(start, 480) == t("2024-03-11 10:30")
    assert saturday_desk.clock_start(t("2024-03-09 11:30")) == t("2024-03-11 07:30")
    assert saturday_desk.clock_start(t("2024-03-09 07:00")) == t("2024-03-09 07:30")


def test_zero_duration_is_the_start_itself(vn):
    assert vn.due(t("2024-03-05 12:00"), 0) == t("2024-03-05 12:00")
