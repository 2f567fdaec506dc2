"""Step and dossier results: trước hạn / đúng hạn / quá hạn for finished ones, còn hạn / sắp đến
hạn / quá hạn for open ones, and the national indicator's view of repeated supplements."""

import pytest

from motcua.clock.domain.worktime import (
    CON_HAN,
    DUNG_HAN,
    QUA_HAN,
    SAP_DEN_HAN,
    TRUOC_HAN,
    classify_national,
)
from tests.clock.conftest import t

DUE = "2024-03-06 14:15"  # Wednesday

FINISHED = [
    ("the day before the due day", "2024-03-05 16:00", TRUOC_HAN),
    ("on the weekend before", "2024-03-02 10:00", TRUOC_HAN),
    ("due day, morning", "2024-03-06 08:00", DUNG_HAN),
    ("exactly the due instant", "2024-03-06 14:15", DUNG_HAN),
    ("one minute late", "2024-03-06 14:16", QUA_HAN),
    ("the next day", "2024-03-07 08:00", QUA_HAN),
]


@pytest.mark.parametrize("name,finished,result", FINISHED, ids=[r[0] for r in FINISHED])
def test_finished(vn, name, finished, result):
    assert vn.classify_finished(t(finished), t(DUE)) == result


OPEN = [
    # Mon 10:00 -> due: 330 + 480 + 315 = 1125 working minutes left.
    ("more than a working day left", "2024-03-04 10:00", CON_HAN),
    ("481 minutes left", "2024-03-05 14:14", CON_HAN),
    ("exactly one working day left", "2024-03-05 14:15", SAP_DEN_HAN),
    ("at the due instant", "2024-03-06 14:15", SAP_DEN_HAN),
    ("past the due instant", "2024-03-06 14:16", QUA_HAN),
]


@pytest.mark.parametrize("name,now,state", OPEN, ids=[r[0] for r in OPEN])
def test_open(vn, name, now, state):
    assert vn.classify_open(t(now), t(DUE)) == state


def test_warning_window_counts_working_time_not_calendar_time(vn):
    # Fri 16:00 -> Mon 09:00 is 150 working minutes although almost three days away.
    assert vn.classify_open(t("2024-03-08 16:00"), t("2024-03-11 09:00")) == SAP_DEN_HAN
    assert (
        vn.classify_open(t("2024-03-08 16:00"), t("2024-03-11 09:00"), warning_minutes=60)
        == CON_HAN
    )


STEPS = [
    ("finished the day before", "2024-03-05 16:00", TRUOC_HAN),
    ("finished on the last day", "2024-03-06 16:59", DUNG_HAN),
    ("finished after closing", "2024-03-06 17:30", QUA_HAN),
]


@pytest.mark.parametrize("name,finished,result", STEPS, ids=[r[0] for r in STEPS])
def test_step_with_three_working_days_allotted_from_monday(vn, name, finished, result):
    # Allotted 3 days from Mon 4/3/2024 07:30 -> due Wed 6/3 17:00.
    assert vn.classify_step(t("2024-03-04 07:30"), t(finished), 3 * 480) == result


@pytest.mark.parametrize(
    "result,requests,national",
    [
        (TRUOC_HAN, 0, TRUOC_HAN),
        (DUNG_HAN, 1, DUNG_HAN),
        (DUNG_HAN, 2, QUA_HAN),
        (TRUOC_HAN, 3, QUA_HAN),
        (QUA_HAN, 0, QUA_HAN),
    ],
)
def test_more_than_one_supplement_request_is_late_nationally(result, requests, national):
    assert classify_national(result, requests) == national
