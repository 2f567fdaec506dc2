"""Calendars for the legal-clock tests, built once: the package's Vietnamese calendar with the
default office hours, the same with the official 2026 New Year swap, and a desk that also opens
on Saturday morning."""

import datetime as dt

import pytest

from motcua.clock.domain.vncalendar import CANCEL_HOLIDAY, EXTRA_WORKING, HOLIDAY, Override
from motcua.clock.domain.vncalendar import vietnam_calendar as build_vietnam_calendar
from motcua.clock.domain.worktime import DEFAULT_DAY_HOURS, MORNING

# Văn bản 12729/VPCP-KGVX (25/12/2025): Friday 2/1/2026 off, Saturday 10/1/2026 worked.
# holidays 0.109 does not have it yet.
NEW_YEAR_2026_SWAP = (
    Override(dt.date(2026, 1, 2), HOLIDAY, "Nghỉ hoán đổi Tết Dương lịch 2026"),
    Override(dt.date(2026, 1, 10), EXTRA_WORKING, "Làm bù cho ngày 2/1/2026"),
)

__all__ = ["CANCEL_HOLIDAY", "EXTRA_WORKING", "HOLIDAY", "NEW_YEAR_2026_SWAP", "Override", "t"]


def t(text: str) -> dt.datetime:
    """'2024-02-07 16:30' -> naive wall-time datetime."""
    return dt.datetime.fromisoformat(text)


@pytest.fixture(scope="session")
def vn():
    return build_vietnam_calendar()


@pytest.fixture(scope="session")
def vn_official():
    return build_vietnam_calendar(national_overrides=NEW_YEAR_2026_SWAP)


@pytest.fixture(scope="session")
def saturday_desk():
    hours = {wd: DEFAULT_DAY_HOURS for wd in range(5)} | {5: (MORNING,)}
    return build_vietnam_calendar(hours=hours, standard_day=DEFAULT_DAY_HOURS)
