"""What one dossier contributes to the report's pre-aggregated counts, and how a period is cut
into the day / month / year buckets those counts are kept in. Plain Python, no Django.

Why pre-aggregate: a report over a year of a city with 10,000,000 dossiers must not read
millions of rows. Each dossier adds a handful of +1s to counters of the buckets of the days
it was received, finished, due...; buckets exist per day, month and year, so a period reads one
row per (unit, procedure, channel) and bucket, whatever the number of dossiers.

Flow counters (what happened *inside* the period) are summed over the period's buckets.
Stock counters (what is *open at the period's end*) are differences of two flows summed from
the beginning of time to the end of the period:
- open at E      = Σ received ≤ E − Σ closed ≤ E (closed: resolved, stopped, withdrawn);
- overdue at E   = Σ due ≤ E − Σ (due and closed) ≤ E, the second counted on the later of the
  due day and the closing day, so both conditions hold exactly when that day is ≤ E;
- the same pair for dossiers with more than one supplement request (Decision 766 counts them
  late even when the clock says they are in time).
Day granularity is exact because a period ends at the end of a day: a dossier due at 17:00 on
the last day and still open at midnight is overdue.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from motcua.clock.domain.worktime import DUNG_HAN, QUA_HAN, TRUOC_HAN, repeated_supplements

# Bucket grains.
DAY, MONTH, YEAR = 1, 2, 3

# How a dossier ended (or not).
RESOLVED = "resolved"  # result issued (status 9 or 10)
STOPPED = "stopped"
WITHDRAWN = "withdrawn"
REFUSED = "refused"  # online filing not received (status 3): never entered the clock
OPEN = "open"

# Counters summed over the period's buckets.
FLOW_COUNTERS = (
    "received",
    "received_online",
    "received_postal",
    "received_assisted",
    "received_supplement",  # received in the period, supplement requested at least once
    "supplement_requests",  # number of requests of those dossiers
    "received_apologised",
    "resolved_early",
    "resolved_on_time",
    "resolved_late",
    "resolved_in_time_repeated",
    "processing_seconds",
    "processing_timed",
    "refused",
    "stopped",
    "withdrawn",
    "returned",
    # Stopped or withdrawn after reception (Decision 766's "ended"), and those of them that
    # ended no later than their due instant with at most one supplement request.
    "ended_unresolved",
    "ended_unresolved_in_time",
)
# Counters summed from the beginning of time (see the module docstring).
STOCK_COUNTERS = (
    "open_in",
    "open_out",
    "due_in",
    "due_out",
    "rep_open_in",
    "rep_open_out",
    "rep_due_in",
    "rep_due_out",
)
COUNTERS = FLOW_COUNTERS + STOCK_COUNTERS


@dataclass(frozen=True)
class Snapshot:
    """The dossier as the reports see it: local (Vietnamese) dates, the clock's result.

    `result` is trước hạn / đúng hạn / quá hạn for a resolved dossier, and for one stopped or
    withdrawn after reception (computed by the clock's classify rule from finished and due;
    Decision 766 compares every ended dossier with its due instant), "" otherwise.
    """

    channel: int
    outcome: str  # RESOLVED, STOPPED, WITHDRAWN, REFUSED, OPEN
    received_day: dt.date | None = None
    closed_day: dt.date | None = None  # finished_at's day for every outcome but OPEN
    due_day: dt.date | None = None
    returned_day: dt.date | None = None
    result: str = ""
    supplement_count: int = 0
    assisted: bool = False
    apologised: bool = False
    processing_seconds: int | None = None  # working seconds, resolved dossiers only

    def __post_init__(self) -> None:
        if self.outcome not in (RESOLVED, STOPPED, WITHDRAWN, REFUSED, OPEN):
            raise ValueError(f"Kết thúc hồ sơ không hợp lệ: {self.outcome!r}.")
        if self.outcome == RESOLVED and self.result not in (TRUOC_HAN, DUNG_HAN, QUA_HAN):
            raise ValueError("Hồ sơ đã giải quyết phải có kết quả trước/đúng/quá hạn.")
        if self.result and self.outcome not in (RESOLVED, STOPPED, WITHDRAWN):
            raise ValueError("Chỉ hồ sơ đã kết thúc sau tiếp nhận mới có kết quả đúng/quá hạn.")
        if self.outcome != OPEN and self.closed_day is None:
            raise ValueError("Hồ sơ đã kết thúc phải có ngày kết thúc.")


Contribution = list[tuple[dt.date, str, int]]  # (day, counter, amount)


def contribution(s: Snapshot) -> Contribution:
    """The +1s (and sums) one dossier adds, each on its day."""
    out: Contribution = []
    add = out.append
    received = s.received_day
    if s.outcome == REFUSED:
        add((s.closed_day, "refused", 1))
        return out
    if received is not None:
        add((received, "received", 1))
        if s.channel == 2:
            add((received, "received_online", 1))
        elif s.channel == 3:
            add((received, "received_postal", 1))
        if s.assisted:
            add((received, "received_assisted", 1))
        if s.supplement_count:
            add((received, "received_supplement", 1))
            add((received, "supplement_requests", s.supplement_count))
        if s.apologised:
            add((received, "received_apologised", 1))
    closed = s.closed_day if s.outcome != OPEN else None
    if s.outcome == RESOLVED:
        key = {TRUOC_HAN: "resolved_early", DUNG_HAN: "resolved_on_time"}.get(
            s.result, "resolved_late"
        )
        add((closed, key, 1))
        if repeated_supplements(s.supplement_count) and s.result != QUA_HAN:
            add((closed, "resolved_in_time_repeated", 1))
        if s.processing_seconds is not None:
            add((closed, "processing_seconds", s.processing_seconds))
            add((closed, "processing_timed", 1))
    elif s.outcome in (STOPPED, WITHDRAWN):
        add((closed, "stopped" if s.outcome == STOPPED else "withdrawn", 1))
        if received is not None:
            add((closed, "ended_unresolved", 1))
            if s.result in (TRUOC_HAN, DUNG_HAN) and not repeated_supplements(s.supplement_count):
                add((closed, "ended_unresolved_in_time", 1))
    if s.returned_day is not None:
        add((s.returned_day, "returned", 1))
    # Stocks: only dossiers the clock ran for (received), see the module docstring.
    if received is not None:
        repeated = repeated_supplements(s.supplement_count)
        add((received, "open_in", 1))
        if repeated:
            add((received, "rep_open_in", 1))
        if closed is not None:
            add((closed, "open_out", 1))
            if repeated:
                add((closed, "rep_open_out", 1))
        if s.due_day is not None:
            add((s.due_day, "due_in", 1))
            if repeated:
                add((s.due_day, "rep_due_in", 1))
            if closed is not None:
                later = max(s.due_day, closed)
                add((later, "due_out", 1))
                if repeated:
                    add((later, "rep_due_out", 1))
    return out


def bucket_starts(day: dt.date) -> tuple[tuple[int, dt.date], ...]:
    """The day, month and year buckets a day belongs to."""
    return ((DAY, day), (MONTH, day.replace(day=1)), (YEAR, day.replace(month=1, day=1)))


def _month_end(day: dt.date) -> dt.date:
    nxt = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return nxt - dt.timedelta(days=1)


def decompose(first: dt.date, last: dt.date) -> dict[int, list[dt.date]]:
    """Cover [first, last] with the fewest buckets: whole years, then whole months, then days.

    Returns {grain: [bucket starts]} (days as a list too; callers may turn runs into ranges).
    """
    out: dict[int, list[dt.date]] = {DAY: [], MONTH: [], YEAR: []}
    if last < first:
        return out
    day = first
    while day <= last:
        if day.month == 1 and day.day == 1 and dt.date(day.year, 12, 31) <= last:
            out[YEAR].append(day)
            day = dt.date(day.year + 1, 1, 1)
        elif day.day == 1 and _month_end(day) <= last:
            out[MONTH].append(day)
            day = _month_end(day) + dt.timedelta(days=1)
        else:
            out[DAY].append(day)
            day += dt.timedelta(days=1)
    return out


def day_runs(days: list[dt.date]) -> Iterator[tuple[dt.date, dt.date]]:
    """Consecutive days as (first, last) ranges: a period's partial months at either end."""
    start = prev = None
    for d in days:
        if start is None:
            start = prev = d
        elif d == prev + dt.timedelta(days=1):
            prev = d
        else:
            yield start, prev
            start = prev = d
    if start is not None:
        yield start, prev
