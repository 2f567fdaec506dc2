"""'Same day' procedures with a cut-off: certification of copies is done the day it is received,
or on the next working day when received after 15:00 (Decree 23/2015/NĐ-CP art. 7: "nếu tiếp
nhận yêu cầu sau 15 giờ"; 15:00 itself is not after 15:00)."""

import datetime as dt

import pytest

from tests.clock.conftest import t

ROWS = [
    ("morning", "2024-03-05 09:00", "2024-03-05 17:00"),
    ("14:59", "2024-03-05 14:59", "2024-03-05 17:00"),
    ("exactly 15:00", "2024-03-05 15:00", "2024-03-05 17:00"),
    ("15:01", "2024-03-05 15:01", "2024-03-06 17:00"),
    ("16:59", "2024-03-05 16:59", "2024-03-06 17:00"),
    ("evening: clock starts next morning", "2024-03-05 17:30", "2024-03-06 17:00"),
    ("lunch break counts from 13:00", "2024-03-05 12:00", "2024-03-05 17:00"),
    ("Friday after the cut-off", "2024-03-08 15:30", "2024-03-11 17:00"),
    ("Saturday", "2024-03-09 09:00", "2024-03-11 17:00"),
    ("eve of Tết 2024 after the cut-off", "2024-02-07 15:30", "2024-02-15 17:00"),
    ("Friday before the worked Saturday 4/5/2024", "2024-05-03 16:00", "2024-05-04 17:00"),
]


@pytest.mark.parametrize("name,received,due", ROWS, ids=[r[0] for r in ROWS])
def test_same_day_with_15h_cutoff(vn, name, received, due):
    assert vn.due_same_day(t(received)) == t(due)


def test_other_cutoff(vn):
    assert vn.due_same_day(t("2024-03-05 10:30"), cutoff=dt.time(10, 0)) == t("2024-03-06 17:00")


def test_saturday_desk_closes_at_11_30(saturday_desk):
    assert saturday_desk.due_same_day(t("2024-03-09 10:00")) == t("2024-03-09 11:30")
