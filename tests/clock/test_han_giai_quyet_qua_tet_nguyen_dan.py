"""Deadlines across every civil-service Tết break 2021–2026.

Expected values are read off the official announcements (the break for officials and public
employees each year), not computed: received at 16:00 on the last working day before the break,
one working day is due at 16:00 on the first working day after it.
"""

import datetime as dt

import pytest

from motcua.clock.domain.worktime import Duration
from tests.clock.conftest import t

# year, last working day before, days off (weekdays inside the break), first working day after
TET_BREAKS = [
    # 2021: Wed 10/2 – Tue 16/2 (29 Tết – mùng 5).
    (
        2021,
        "2021-02-09",
        ["2021-02-10", "2021-02-11", "2021-02-12", "2021-02-15", "2021-02-16"],
        "2021-02-17",
    ),
    # 2022: Sat 29/1 – Sun 6/2.
    (
        2022,
        "2022-01-28",
        ["2022-01-31", "2022-02-01", "2022-02-02", "2022-02-03", "2022-02-04"],
        "2022-02-07",
    ),
    # 2023: Fri 20/1 – Thu 26/1.
    (
        2023,
        "2023-01-19",
        ["2023-01-20", "2023-01-23", "2023-01-24", "2023-01-25", "2023-01-26"],
        "2023-01-27",
    ),
    # 2024: Thu 8/2 – Wed 14/2.
    (
        2024,
        "2024-02-07",
        ["2024-02-08", "2024-02-09", "2024-02-12", "2024-02-13", "2024-02-14"],
        "2024-02-15",
    ),
    # 2025: Sat 25/1 – Sun 2/2 (Thông báo 6150/TB-BLĐTBXH).
    (
        2025,
        "2025-01-24",
        ["2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31"],
        "2025-02-03",
    ),
    # 2026: Sat 14/2 – Sun 22/2 (27 tháng Chạp – mùng 6).
    (
        2026,
        "2026-02-13",
        ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"],
        "2026-02-23",
    ),
]


@pytest.mark.parametrize("year,before,days_off,after", TET_BREAKS, ids=[r[0] for r in TET_BREAKS])
def test_tet_break_is_closed_and_framed_by_working_days(vn, year, before, days_off, after):
    assert vn.is_working_day(dt.date.fromisoformat(before))
    assert vn.is_working_day(dt.date.fromisoformat(after))
    for day in days_off:
        assert not vn.is_working_day(dt.date.fromisoformat(day)), day
    # Nothing else in between is worked either (weekends included).
    d = dt.date.fromisoformat(before) + dt.timedelta(days=1)
    while d < dt.date.fromisoformat(after):
        assert not vn.is_working_day(d), d
        d += dt.timedelta(days=1)


@pytest.mark.parametrize("year,before,days_off,after", TET_BREAKS, ids=[r[0] for r in TET_BREAKS])
def test_one_working_day_received_before_tet_is_due_after_it(vn, year, before, days_off, after):
    start = vn.clock_start(t(f"{before} 16:00"))
    assert vn.due(start, Duration.working_days(1)) == t(f"{after} 16:00")


@pytest.mark.parametrize("year,before,days_off,after", TET_BREAKS, ids=[r[0] for r in TET_BREAKS])
def test_receipt_during_tet_starts_the_clock_at_the_first_opening_after(
    vn, year, before, days_off, after
):
    assert vn.clock_start(t(f"{days_off[2]} 09:00")) == t(f"{after} 07:30")


@pytest.mark.parametrize(
    "received,expected",
    [
        ("2021-02-09 16:00", "2021-02-19 16:00"),  # Wed 17, Thu 18, Fri 19
        ("2022-01-28 16:00", "2022-02-09 16:00"),  # Mon 7, Tue 8, Wed 9
        ("2023-01-19 16:00", "2023-01-31 16:00"),  # Fri 27, Mon 30, Tue 31
        ("2024-02-07 16:00", "2024-02-19 16:00"),  # Thu 15, Fri 16, Mon 19
        ("2025-01-24 16:00", "2025-02-05 16:00"),  # Mon 3, Tue 4, Wed 5
        ("2026-02-13 16:00", "2026-02-25 16:00"),  # Mon 23, Tue 24, Wed 25
    ],
)
def test_three_working_days_across_tet(vn, received, expected):
    assert vn.due(vn.clock_start(t(received)), Duration.working_days(3)) == t(expected)


def test_issue_example_five_days_from_tet_eve_2024(vn):
    # 7/2/2024 16:30 is the last afternoon before the 2024 break: 30 minutes that day, then
    # Thu 15, Fri 16, Mon 19, Tue 20 and 7h30 of Wed 21.
    start = vn.clock_start(t("2024-02-07 16:30"))
    assert start == t("2024-02-07 16:30")
    assert vn.due(start, Duration.working_days(5)) == t("2024-02-21 16:30")


def test_saturday_desk_is_closed_on_a_tet_saturday(saturday_desk):
    assert not saturday_desk.is_working_day(dt.date(2024, 2, 10))
    assert saturday_desk.is_working_day(dt.date(2024, 2, 17))
