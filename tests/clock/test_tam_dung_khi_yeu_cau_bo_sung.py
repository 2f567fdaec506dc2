"""Supplement requests pause the clock: from the request until the complete supplement arrives,
working time does not count; time already spent still counts (domain.md §3)."""

import pytest

from motcua.clock.domain.worktime import CalendarError, Duration
from tests.clock.conftest import t

ROWS = [
    (
        # Paused Tue 13:00 – Thu 13:00 = 240 + 480 + 240 = 2 days: Fri 8/3 -> Tue 12/3.
        "one pause of two working days",
        "2024-03-04 07:30",
        5,
        [("2024-03-05 13:00", "2024-03-07 13:00")],
        "2024-03-12 17:00",
    ),
    (
        # Counted: Mon 5/2 480, Tue 6/2 150 before the request; the supplement arrives Mon
        # 19/2 10:00 after the Tết break: 330 that day, then 8 full days to Thu 29/2.
        "pause spanning Tết 2024",
        "2024-02-05 07:30",
        10,
        [("2024-02-06 10:00", "2024-02-19 10:00")],
        "2024-02-29 17:00",
    ),
    (
        # Counted: Mon 21/4 480, Tue 22/4 360, Wed 23/4 120, Thu 24/4 480, Fri 25/4 420 = 1860;
        # second pause spans the worked Saturday 26/4 and the 30/4–2/5/2025 holidays; from Mon
        # 5/5 08:30: 420, Tue 480, Wed 480 = 3240, then 120 on Thu 8/5 -> 09:30.
        "two pauses, the second over the 2025 swap and holidays",
        "2025-04-21 07:30",
        7,
        [("2025-04-22 15:00", "2025-04-23 15:00"), ("2025-04-25 16:00", "2025-05-05 08:30")],
        "2025-05-08 09:30",
    ),
    (
        "overlapping pauses count once",
        "2024-03-04 07:30",
        5,
        [("2024-03-05 13:00", "2024-03-06 17:00"), ("2024-03-06 12:00", "2024-03-07 13:00")],
        "2024-03-12 17:00",
    ),
    (
        "pause over a weekend changes nothing",
        "2024-03-04 07:30",
        7,
        [("2024-03-08 17:00", "2024-03-11 07:30")],
        "2024-03-12 17:00",
    ),
    (
        "pause after the due instant changes nothing",
        "2024-03-04 07:30",
        1,
        [("2024-03-04 17:00", "2024-03-05 10:00")],
        "2024-03-04 17:00",
    ),
    (
        # Three requests: 09:30–10:30 Mon, 16:00 Mon – 08:00 Tue, 14:00–15:00 Tue = 60+90+60.
        "three short pauses",
        "2024-03-04 07:30",
        2,
        [
            ("2024-03-04 09:30", "2024-03-04 10:30"),
            ("2024-03-04 16:00", "2024-03-05 08:00"),
            ("2024-03-05 14:00", "2024-03-05 15:00"),
        ],
        "2024-03-06 11:00",
    ),
]


@pytest.mark.parametrize("name,start,days,pauses,due", ROWS, ids=[r[0] for r in ROWS])
def test_due_with_pauses(vn, name, start, days, pauses, due):
    pauses = [(t(a), t(b)) for a, b in pauses]
    assert vn.due(t(start), Duration.working_days(days), pauses) == t(due)


def test_elapsed_excludes_paused_time(vn):
    pauses = [(t("2024-03-05 13:00"), t("2024-03-07 13:00"))]
    assert vn.elapsed(t("2024-03-04 07:30"), t("2024-03-12 17:00"), pauses) == 2400


def test_pause_ending_before_it_starts_is_refused(vn):
    with pytest.raises(CalendarError):
        vn.due(t("2024-03-04 07:30"), 480, [(t("2024-03-05 10:00"), t("2024-03-05 09:00"))])
