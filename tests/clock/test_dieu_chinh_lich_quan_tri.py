"""The administrators' override table on top of the package, in plain data: add a holiday,
cancel one, add a worked Saturday, nationwide then per unit."""

import datetime as dt

from motcua.clock.domain.vncalendar import (
    CANCEL_HOLIDAY,
    EXTRA_WORKING,
    HOLIDAY,
    Override,
    vietnam_calendar,
)
from tests.clock.conftest import t


def test_added_holiday_closes_the_day():
    cal = vietnam_calendar(national_overrides=[Override(dt.date(2024, 3, 6), HOLIDAY)])
    assert not cal.is_working_day(dt.date(2024, 3, 6))
    assert cal.due(t("2024-03-05 16:00"), 480) == t("2024-03-07 16:00")


def test_cancelled_holiday_is_worked():
    cal = vietnam_calendar(national_overrides=[Override(dt.date(2024, 4, 18), CANCEL_HOLIDAY)])
    assert cal.is_working_day(dt.date(2024, 4, 18))
    assert cal.due(t("2024-04-17 16:00"), 480) == t("2024-04-18 16:00")


def test_cancelled_swap_saturday_is_not_worked():
    cal = vietnam_calendar(national_overrides=[Override(dt.date(2024, 5, 4), CANCEL_HOLIDAY)])
    assert not cal.is_working_day(dt.date(2024, 5, 4))


def test_extra_working_saturday_has_standard_hours():
    cal = vietnam_calendar(national_overrides=[Override(dt.date(2024, 3, 9), EXTRA_WORKING)])
    assert cal.due(t("2024-03-08 16:00"), 480) == t("2024-03-09 16:00")


def test_unit_override_wins_over_nationwide():
    day = dt.date(2024, 3, 6)
    cal = vietnam_calendar(
        national_overrides=[Override(day, HOLIDAY)],
        unit_overrides=[Override(day, EXTRA_WORKING)],
    )
    assert cal.is_working_day(day)


def test_labels_name_the_day():
    cal = vietnam_calendar()
    assert "Giỗ Tổ" in cal.labels[dt.date(2024, 4, 18)]
    assert dt.date(2024, 5, 4) in cal.labels
