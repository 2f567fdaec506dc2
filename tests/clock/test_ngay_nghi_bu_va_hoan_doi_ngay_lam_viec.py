"""Every public holiday, compensatory day (nghỉ bù) and government swap 2021–2026.

One row per case: received at 16:00 on the working day before, one working day is due at 16:00
on the next working day, hand-derived from the official calendars (Labour Code 2019 art. 112
and the yearly announcements of the days off for officials and public employees).
"""

import datetime as dt

import pytest

from motcua.clock.domain.worktime import Duration
from tests.clock.conftest import t

CASES = [
    # name, received (16:00), due (16:00), dates that must be non-working
    ("2021 Tết Dương lịch Fri 1/1", "2020-12-31", "2021-01-04", ["2021-01-01"]),
    ("2021 Giỗ Tổ Wed 21/4", "2021-04-20", "2021-04-22", ["2021-04-21"]),
    (
        "2021 30/4 Fri, 1/5 Sat nghỉ bù Mon 3/5",
        "2021-04-29",
        "2021-05-04",
        ["2021-04-30", "2021-05-03"],
    ),
    ("2021 Quốc khánh Thu 2/9 + Fri 3/9", "2021-09-01", "2021-09-06", ["2021-09-02", "2021-09-03"]),
    ("2022 1/1 Sat nghỉ bù Mon 3/1", "2021-12-31", "2022-01-04", ["2022-01-03"]),
    ("2022 Giỗ Tổ Sun 10/4 nghỉ bù Mon 11/4", "2022-04-08", "2022-04-12", ["2022-04-11"]),
    (
        "2022 30/4 Sat, 1/5 Sun nghỉ bù Mon 2/5, Tue 3/5",
        "2022-04-29",
        "2022-05-04",
        ["2022-05-02", "2022-05-03"],
    ),
    ("2022 Quốc khánh Thu 1/9 + Fri 2/9", "2022-08-31", "2022-09-05", ["2022-09-01", "2022-09-02"]),
    ("2023 1/1 Sun nghỉ bù Mon 2/1", "2022-12-30", "2023-01-03", ["2023-01-02"]),
    (
        "2023 Giỗ Tổ Sat 29/4, 30/4 Sun, 1/5 Mon, nghỉ bù Tue 2/5, Wed 3/5",
        "2023-04-28",
        "2023-05-04",
        ["2023-05-01", "2023-05-02", "2023-05-03"],
    ),
    (
        "2023 Quốc khánh Fri 1/9, Sat 2/9 nghỉ bù Mon 4/9",
        "2023-08-31",
        "2023-09-05",
        ["2023-09-01", "2023-09-04"],
    ),
    ("2024 Tết Dương lịch Mon 1/1", "2023-12-29", "2024-01-02", ["2024-01-01"]),
    ("2024 Giỗ Tổ Thu 18/4", "2024-04-17", "2024-04-19", ["2024-04-18"]),
    (
        "2024 hoán đổi: Mon 29/4 nghỉ, 30/4, 1/5",
        "2024-04-26",
        "2024-05-02",
        ["2024-04-29", "2024-04-30", "2024-05-01"],
    ),
    ("2024 hoán đổi: Sat 4/5 làm bù", "2024-05-03", "2024-05-04", []),
    ("2024 Quốc khánh Mon 2/9 + Tue 3/9", "2024-08-30", "2024-09-04", ["2024-09-02", "2024-09-03"]),
    ("2025 Tết Dương lịch Wed 1/1", "2024-12-31", "2025-01-02", ["2025-01-01"]),
    ("2025 Giỗ Tổ Mon 7/4", "2025-04-04", "2025-04-08", ["2025-04-07"]),
    ("2025 hoán đổi: Sat 26/4 làm bù", "2025-04-25", "2025-04-26", []),
    (
        "2025 hoán đổi: 30/4, 1/5, Fri 2/5 nghỉ",
        "2025-04-29",
        "2025-05-05",
        ["2025-04-30", "2025-05-01", "2025-05-02"],
    ),
    ("2025 Quốc khánh Mon 1/9 + Tue 2/9", "2025-08-29", "2025-09-03", ["2025-09-01", "2025-09-02"]),
    ("2026 Giỗ Tổ Sun 26/4 nghỉ bù Mon 27/4", "2026-04-24", "2026-04-28", ["2026-04-27"]),
    ("2026 30/4 Thu, 1/5 Fri", "2026-04-29", "2026-05-04", ["2026-04-30", "2026-05-01"]),
    ("2026 hoán đổi: Sat 22/8 làm bù", "2026-08-21", "2026-08-22", []),
    (
        "2026 hoán đổi: Mon 31/8 nghỉ, Quốc khánh Tue 1/9 + Wed 2/9",
        "2026-08-28",
        "2026-09-03",
        ["2026-08-31", "2026-09-01", "2026-09-02"],
    ),
    ("2026 Ngày Văn hóa Việt Nam Tue 24/11", "2026-11-23", "2026-11-25", ["2026-11-24"]),
]


@pytest.mark.parametrize("name,received,due,closed", CASES, ids=[c[0] for c in CASES])
def test_one_working_day_across_the_holiday(vn, name, received, due, closed):
    for day in closed:
        assert not vn.is_working_day(dt.date.fromisoformat(day)), day
    start = vn.clock_start(t(f"{received} 16:00"))
    assert vn.due(start, Duration.working_days(1)) == t(f"{due} 16:00")


@pytest.mark.parametrize(
    "day", ["2024-05-04", "2025-04-26", "2026-08-22"], ids=lambda d: f"worked Saturday {d}"
)
def test_worked_saturday_has_full_office_hours(vn, day):
    d = dt.date.fromisoformat(day)
    assert d.weekday() == 5
    assert vn.intervals_on(d) == ((450, 690), (780, 1020))


def test_new_year_2026_swap_is_an_override_on_top_of_the_package(vn, vn_official):
    # holidays 0.109 only knows Thu 1/1/2026; Văn bản 12729/VPCP-KGVX adds Fri 2/1 off and
    # Saturday 10/1 worked. The override table carries it.
    received = t("2025-12-31 16:00")
    assert vn.due(received, Duration.working_days(1)) == t("2026-01-02 16:00")
    assert vn_official.due(received, Duration.working_days(1)) == t("2026-01-05 16:00")
    assert vn_official.due(t("2026-01-09 16:00"), Duration.working_days(1)) == t("2026-01-10 16:00")
