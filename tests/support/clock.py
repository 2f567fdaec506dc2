"""Instants on Vietnamese wall-clock time (Asia/Ho_Chi_Minh, UTC+7, no daylight saving), and
the fake clock tests inject into the system's clock seam (`motcua.core.clock`)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from motcua.core import clock as system_clock

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def vn(day: int, hour: int = 0, minute: int = 0, month: int = 3, year: int = 2025) -> dt.datetime:
    """`vn(3, 8)` is Monday 3 March 2025 08:00 in Việt Nam (the default month of the test
    worlds has no holiday)."""
    return dt.datetime(year, month, day, hour, minute, tzinfo=VN)


class FakeClock:
    """A clock a test sets: `fake_clock.at = vn(4, 10)`, `fake_clock.advance(minutes=30)`."""

    def __init__(self, at: dt.datetime):
        self.at = at

    def now(self) -> dt.datetime:
        return self.at

    def advance(self, **delta) -> dt.datetime:
        self.at += dt.timedelta(**delta)
        return self.at


def clock_at(at: dt.datetime):
    """`with clock_at(vn(4, 9)):` runs the block with the system's clock stopped at `at`."""
    return system_clock.use(FakeClock(at))


@pytest.fixture
def fake_clock():
    """The system's clock (`motcua.core.clock`) replaced by a `FakeClock` at Monday 3 March
    2025 10:00 for the test: every request's `request.now`, and every service or selector
    that defaults to now, read it. Nothing is patched."""
    fake = FakeClock(vn(3, 10))
    with system_clock.use(fake):
        yield fake
