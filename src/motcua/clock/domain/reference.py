"""A deliberately plain day-by-day reference for the legal clock.

It walks the calendar one date at a time and one office interval at a time, with no index. The
tests cross-check `WorkCalendar` against it and the benchmark measures the indexed calendar
against it; it shares only the calendar's configuration (`intervals_on`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from motcua.clock.domain.worktime import WorkCalendar

_MIDNIGHT = dt.time()
_ONE_DAY = dt.timedelta(days=1)
_MAX_DAYS = 366 * 50


def _office_intervals(cal: WorkCalendar, day: dt.date) -> list[tuple[dt.datetime, dt.datetime]]:
    midnight = dt.datetime.combine(day, _MIDNIGHT)
    return [
        (midnight + dt.timedelta(minutes=s), midnight + dt.timedelta(minutes=e))
        for s, e in cal.intervals_on(day)
    ]


def _minus_pauses(a, b, pauses):
    """The parts of [a, b) outside every pause."""
    parts = [(a, b)]
    for p0, p1 in pauses:
        next_parts = []
        for x, y in parts:
            if p1 <= x or p0 >= y:
                next_parts.append((x, y))
                continue
            if x < p0:
                next_parts.append((x, p0))
            if p1 < y:
                next_parts.append((p1, y))
        parts = next_parts
    return parts


def naive_clock_start(cal: WorkCalendar, received: dt.datetime) -> dt.datetime:
    received = received.replace(microsecond=0)
    day = received.date()
    for _ in range(_MAX_DAYS):
        for a, b in _office_intervals(cal, day):
            if received < b:
                return max(a, received)
        day += _ONE_DAY
    raise ValueError("no opening found")


def naive_due(
    cal: WorkCalendar,
    start: dt.datetime,
    minutes: int,
    pauses: Iterable[tuple[dt.datetime, dt.datetime]] = (),
) -> dt.datetime:
    start = start.replace(microsecond=0)
    pauses = [(p0.replace(microsecond=0), p1.replace(microsecond=0)) for p0, p1 in pauses]
    remaining = dt.timedelta(minutes=minutes)
    if not remaining:
        return start
    day = start.date()
    for _ in range(_MAX_DAYS):
        for a, b in _office_intervals(cal, day):
            if b <= start:
                continue
            for x, y in _minus_pauses(max(a, start), b, pauses):
                if remaining <= y - x:
                    return x + remaining
                remaining -= y - x
        day += _ONE_DAY
    raise ValueError("no due instant found")


def naive_elapsed_seconds(
    cal: WorkCalendar,
    a: dt.datetime,
    b: dt.datetime,
    pauses: Iterable[tuple[dt.datetime, dt.datetime]] = (),
) -> int:
    a, b = a.replace(microsecond=0), b.replace(microsecond=0)
    pauses = [(p0.replace(microsecond=0), p1.replace(microsecond=0)) for p0, p1 in pauses]
    total = dt.timedelta()
    day = a.date()
    while day <= b.date():
        for x, y in _office_intervals(cal, day):
            lo, hi = max(x, a), min(y, b)
            if lo < hi:
                for p, q in _minus_pauses(lo, hi, pauses):
                    total += q - p
        day += _ONE_DAY
    return int(total.total_seconds())
