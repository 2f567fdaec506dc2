"""Every petition time limit, row by row, with the source line it comes from.

Expected instants are worked out by hand on the standard office day (07:30–11:30, 13:00–17:00;
8 working hours): received Monday 3/3/2025 08:00 leaves 450 working minutes that day.
"""

import datetime as dt

import pytest

from motcua.clock.domain.vncalendar import vietnam_calendar
from motcua.clock.domain.worktime import WorkCalendar
from motcua.petitions.domain import deadlines

MON = dt.datetime(2025, 3, 3, 8, 0)

# step, working days, words of the source that must be cited, start, pauses, expected due
ROWS = [
    # Refuse within 2 working days: Mon 450 + Tue 480 + Wed 30 minutes.
    ("refuse", 2, "từ chối trong 02 ngày làm việc", MON, [], dt.datetime(2025, 3, 5, 8, 0)),
    # Forward outside competence within 5 working days (Decree 20/2008 as amended by 92/2017).
    ("forward", 5, "Nghị định 92/2017/NĐ-CP", MON, [], dt.datetime(2025, 3, 10, 8, 0)),
    ("classify", 5, "05 ngày làm việc", MON, [], dt.datetime(2025, 3, 10, 8, 0)),
    ("request_info", 5, "bổ sung thông tin trong 05 ngày", MON, [], dt.datetime(2025, 3, 10, 8, 0)),
    # Answer within 15 working days: three whole weeks.
    ("answer", 15, "trả lời trong 15 ngày làm việc", MON, [], dt.datetime(2025, 3, 24, 8, 0)),
    # ... not counting the wait for more information (Tue 08:00 → Thu 08:00 = 2 working days).
    (
        "answer", 15, "không tính thời gian chờ bổ sung", MON,
        [(dt.datetime(2025, 3, 4, 8, 0), dt.datetime(2025, 3, 6, 8, 0))],
        dt.datetime(2025, 3, 26, 8, 0),
    ),
    # Publish within 2 working days of the answer; an answer at 16:30 starts at once.
    (
        "publish", 2, "công khai kết quả trong 02 ngày", dt.datetime(2025, 3, 7, 16, 30), [],
        dt.datetime(2025, 3, 11, 16, 30),
    ),
    # An answer after office hours counts from the next opening: Fri 18:00 → Mon 07:30.
    (
        "publish", 2, "công khai", dt.datetime(2025, 3, 7, 18, 0), [],
        dt.datetime(2025, 3, 11, 17, 0),
    ),
]  # fmt: skip


@pytest.mark.parametrize("step, days, cited, start, pauses, expected", ROWS)
def test_time_limit(step, days, cited, start, pauses, expected):
    limit = deadlines.time_limits()[step]
    assert limit.working_days == days
    assert cited in limit.source
    assert deadlines.due(WorkCalendar(), limit=limit, start=start, pauses=pauses) == expected


def test_every_limit_of_the_data_file_has_a_row_and_a_source():
    limits = deadlines.time_limits()
    assert set(limits) == set(deadlines.STEPS) == {r[0] for r in ROWS}
    for limit in limits.values():
        assert limit.source.strip() and limit.label.strip()
        assert limit.counts_from in ("received", "answered")


def test_tet_break_is_not_counted():
    # Tết 2025: officials off Mon 27/1 – Fri 31/1. Refusal received Fri 24/1 08:00
    # (450 minutes that day) is due Tue 4/2 08:00, after Mon 3/2's 480 minutes.
    cal = vietnam_calendar(years=[2025])
    limit = deadlines.time_limits()["refuse"]
    assert deadlines.due(cal, limit=limit, start=dt.datetime(2025, 1, 24, 8)) == dt.datetime(
        2025, 2, 4, 8, 0
    )


def test_limits_are_configurable_and_keep_their_source():
    limits = deadlines.time_limits({"answer": 10})
    assert limits["answer"].working_days == 10
    assert "15 ngày" in limits["answer"].source  # the cited rule, now overridden locally
    assert deadlines.due(WorkCalendar(), limit=limits["answer"], start=MON) == dt.datetime(
        2025, 3, 17, 8, 0
    )
    with pytest.raises(ValueError, match="Không có thời hạn"):
        deadlines.time_limits({"nope": 3})
    with pytest.raises(ValueError, match="lớn hơn 0"):
        deadlines.time_limits({"answer": 0})


@pytest.mark.parametrize(
    "now, near",
    [
        (dt.datetime(2025, 3, 20, 8, 0), True),  # 2 working days left
        (dt.datetime(2025, 3, 19, 16, 0), False),  # 2 days and 1 hour left
        (dt.datetime(2025, 3, 24, 8, 0), False),  # due: overdue, not near
    ],
)
def test_near_due(now, near):
    due_at = dt.datetime(2025, 3, 24, 8, 0)
    assert deadlines.near_due(WorkCalendar(), due_at=due_at, now=now) is near
