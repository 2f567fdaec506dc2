"""Instants on Vietnamese wall-clock time (Asia/Ho_Chi_Minh, UTC+7, no daylight saving)."""

import datetime as dt
from zoneinfo import ZoneInfo

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def vn(day: int, hour: int = 0, minute: int = 0, month: int = 3, year: int = 2025) -> dt.datetime:
    """`vn(3, 8)` is Monday 3 March 2025 08:00 in Việt Nam (the default month of the test
    worlds has no holiday)."""
    return dt.datetime(year, month, day, hour, minute, tzinfo=VN)
