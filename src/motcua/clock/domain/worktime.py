"""Working-time arithmetic for legal deadlines, exact to the second.

A `WorkCalendar` knows which intervals of which dates are office hours. Every instant is a
naive datetime in Vietnamese wall time (Asia/Ho_Chi_Minh has no daylight saving time).

The calendar precomputes, for a range of dates, the working seconds before each date, so the
working time before any instant is one array lookup plus a walk over that day's two or three
intervals, and a due instant is one bisection: `due()` and `elapsed()` cost O(log days).

Conventions (tested row by row in tests/clock):
- An office interval is half-open, [opening, closing): 11:30 and 17:00 are outside office hours.
- The due instant is the end of the last counted minute, the *earliest* instant at which the
  duration has elapsed: 4 working hours from 07:30 are due at 11:30, not at 13:00.
- Pauses (supplement requested -> complete supplement received) stop the clock; the due instant
  moves by the working time inside them.
"""

from __future__ import annotations

import datetime as dt
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence

MINUTES_PER_WORKING_DAY = 480
DAY = dt.timedelta(days=1)

Interval = tuple[int, int]  # minutes after midnight, [start, end)
Hours = Mapping[int, Sequence[Interval]]  # weekday (Monday = 0) -> intervals

MORNING: Interval = (7 * 60 + 30, 11 * 60 + 30)
AFTERNOON: Interval = (13 * 60, 17 * 60)
DEFAULT_DAY_HOURS: tuple[Interval, ...] = (MORNING, AFTERNOON)
DEFAULT_HOURS: dict[int, tuple[Interval, ...]] = {wd: DEFAULT_DAY_HOURS for wd in range(5)}
DEFAULT_CUTOFF = dt.time(15, 0)

# Results of a finished dossier or step.
TRUOC_HAN = "truoc_han"
DUNG_HAN = "dung_han"
QUA_HAN = "qua_han"
# States of an open one.
CON_HAN = "con_han"
SAP_DEN_HAN = "sap_den_han"

RESULT_LABELS = {
    TRUOC_HAN: "Trước hạn",
    DUNG_HAN: "Đúng hạn",
    QUA_HAN: "Quá hạn",
    CON_HAN: "Còn hạn",
    SAP_DEN_HAN: "Sắp đến hạn",
}


class CalendarError(ValueError):
    """Input the calendar cannot work with (bad hours, a pause ending before it starts...)."""


class Duration:
    """Legal durations expressed in working minutes (one working day = 8 hours = 480 minutes)."""

    @staticmethod
    def working_days(n: float) -> int:
        return _whole_minutes(n * MINUTES_PER_WORKING_DAY, "working_days")

    @staticmethod
    def half_days(n: float) -> int:
        return _whole_minutes(n * MINUTES_PER_WORKING_DAY / 2, "half_days")

    @staticmethod
    def working_hours(h: float) -> int:
        return _whole_minutes(h * 60, "working_hours")


def _whole_minutes(value: float, what: str) -> int:
    minutes = round(value)
    if minutes < 0 or abs(minutes - value) > 1e-9:
        raise CalendarError(f"{what}: cần một số phút làm việc nguyên, không âm (được {value}).")
    return minutes


def normalize_intervals(intervals: Iterable[Sequence[int]]) -> tuple[Interval, ...]:
    """Sort intervals, check they lie inside one day and do not overlap."""
    result = sorted((int(a), int(b)) for a, b in intervals)
    previous_end = 0
    for start, end in result:
        if not 0 <= start < end <= 24 * 60:
            raise CalendarError(f"Khoảng giờ làm việc không hợp lệ: {start}–{end} phút.")
        if start < previous_end:
            raise CalendarError("Các khoảng giờ làm việc trong một ngày bị chồng lên nhau.")
        previous_end = end
    return tuple(result)


def merge_pauses(
    pauses: Iterable[tuple[dt.datetime, dt.datetime]],
) -> list[tuple[dt.datetime, dt.datetime]]:
    """Sort and merge pause intervals; an interval whose end is before its start is an error."""
    items = []
    for start, end in pauses:
        if end < start:
            raise CalendarError(f"Khoảng tạm dừng kết thúc ({end}) trước khi bắt đầu ({start}).")
        items.append((_trunc(start), _trunc(end)))
    items.sort()
    merged: list[tuple[dt.datetime, dt.datetime]] = []
    for start, end in items:
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _trunc(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is not None:
        raise CalendarError("Lịch làm việc dùng giờ địa phương không kèm múi giờ (naive).")
    return moment.replace(microsecond=0) if moment.microsecond else moment


class WorkCalendar:
    """Office hours per weekday, non-working dates and extra working dates.

    `extra_working` maps a date to its hours, or to None for the standard full day
    (`standard_day`, by default Monday's hours). A date in both `non_working` and
    `extra_working` is an error: the caller resolves overrides before building the calendar.
    """

    def __init__(
        self,
        hours: Hours | None = None,
        non_working: Iterable[dt.date] = (),
        extra_working: Mapping[dt.date, Sequence[Interval] | None] | Iterable[dt.date] = (),
        *,
        standard_day: Sequence[Interval] | None = None,
        labels: Mapping[dt.date, str] | None = None,
    ) -> None:
        hours = DEFAULT_HOURS if hours is None else hours
        self.hours: dict[int, tuple[Interval, ...]] = {
            wd: normalize_intervals(hours.get(wd, ())) for wd in range(7)
        }
        if standard_day is None:
            standard_day = self.hours[0] or DEFAULT_DAY_HOURS
        self.standard_day = normalize_intervals(standard_day)
        self.non_working: frozenset[dt.date] = frozenset(non_working)
        if not isinstance(extra_working, Mapping):
            extra_working = dict.fromkeys(extra_working)
        self.extra_working: dict[dt.date, tuple[Interval, ...]] = {
            day: self.standard_day if iv is None else normalize_intervals(iv)
            for day, iv in extra_working.items()
        }
        clash = self.non_working & self.extra_working.keys()
        if clash:
            raise CalendarError(f"Ngày vừa nghỉ vừa làm bù: {sorted(clash)}.")
        self.labels = dict(labels or {})
        self._week_seconds = sum(e - s for ivs in self.hours.values() for s, e in ivs) * 60
        self._base = 0  # ordinal of the first precomputed date
        self._days: list[tuple[Interval, ...]] = []  # per date: intervals in seconds
        self._cum: list[int] = [0]  # _cum[i] = working seconds before date base + i
        # The index is built lazily around the first instant asked about, then extended.

    # -- configuration reads -------------------------------------------------------------

    def intervals_on(self, day: dt.date) -> tuple[Interval, ...]:
        """Office intervals (minutes after midnight) on a date, empty on a non-working date."""
        if day in self.extra_working:
            return self.extra_working[day]
        if day in self.non_working:
            return ()
        return self.hours[day.weekday()]

    def is_working_day(self, day: dt.date) -> bool:
        return bool(self.intervals_on(day))

    def minutes_on(self, day: dt.date) -> int:
        return sum(e - s for s, e in self.intervals_on(day))

    # -- precomputation -------------------------------------------------------------------

    def _build(self, first_ordinal: int, last_ordinal: int) -> None:
        self._base, self._days, self._cum = first_ordinal, [], [0]
        self._extend(last_ordinal)

    def _extend(self, last_ordinal: int) -> None:
        """Append dates up to `last_ordinal`; values for earlier dates do not change."""
        days, cum = self._days, self._cum
        total = cum[-1]
        seconds = {wd: tuple((s * 60, e * 60) for s, e in ivs) for wd, ivs in self.hours.items()}
        extra, closed = self.extra_working, self.non_working
        for ordinal in range(self._base + len(days), last_ordinal + 1):
            day = dt.date.fromordinal(ordinal)
            if day in extra:
                ivs = tuple((s * 60, e * 60) for s, e in extra[day])
            elif day in closed:
                ivs = ()
            else:
                ivs = seconds[(ordinal + 6) % 7]  # date.weekday() from the ordinal
            days.append(ivs)
            for start, end in ivs:
                total += end - start
            cum.append(total)

    def _cover_from(self, moment: dt.datetime) -> None:
        """Build the index, or extend it back, to cover `moment`. Values of `_worked_before`
        count from the first date of the range, so public operations call this for their
        earliest instant *before* comparing any two values; extending forward never changes
        earlier values."""
        ordinal = moment.toordinal()
        if not self._days:
            self._build(ordinal - 366, ordinal + 3 * 366)
        elif ordinal < self._base:
            self._build(ordinal - 366, self._base + len(self._days) - 1)

    def _worked_before(self, moment: dt.datetime) -> int:
        """Working seconds from the start of the precomputed range up to `moment`."""
        i = moment.toordinal() - self._base
        if i >= len(self._days):
            self._extend(moment.toordinal() + 366)
        elif i < 0:  # pragma: no cover - every public operation covers its earliest instant
            raise AssertionError("instant before the precomputed range")
        sec = moment.hour * 3600 + moment.minute * 60 + moment.second
        total = self._cum[i]
        for start, end in self._days[i]:
            if sec <= start:
                break
            total += (sec if sec < end else end) - start
        return total

    def _instant_at(self, target: int) -> dt.datetime:
        """The earliest instant before which exactly `target` working seconds lie (target > 0)."""
        if self._week_seconds == 0 and target > self._cum[-1]:
            raise CalendarError("Lịch không có giờ làm việc nào: không tính được hạn.")
        while target > self._cum[-1]:
            # Extend by roughly the time needed, at least a year.
            needed_days = 7 * (target - self._cum[-1]) // max(self._week_seconds, 1) + 366
            self._extend(self._base + len(self._days) - 1 + needed_days)
        i = bisect_left(self._cum, target) - 1
        remaining = target - self._cum[i]
        for start, end in self._days[i]:
            if remaining <= end - start:
                sec = start + remaining
                break
            remaining -= end - start
        else:  # pragma: no cover - _cum guarantees the day holds the target
            raise AssertionError("working-time index is inconsistent")
        return dt.datetime.fromordinal(self._base + i) + dt.timedelta(seconds=sec)

    # -- operations -----------------------------------------------------------------------

    def clock_start(self, received: dt.datetime) -> dt.datetime:
        """The receipt instant itself inside office hours, else the next opening."""
        received = _trunc(received)
        self._cover_from(received)
        # The next working second starts one second before the instant where it ends.
        return self._instant_at(self._worked_before(received) + 1) - dt.timedelta(seconds=1)

    def due(
        self,
        start: dt.datetime,
        minutes: int,
        pauses: Iterable[tuple[dt.datetime, dt.datetime]] = (),
    ) -> dt.datetime:
        """The earliest instant by which `minutes` working minutes have run since `start`.

        Working time inside `pauses` does not count. `due(start, 0)` is `start` itself; call
        `clock_start` first to get the legal clock start of a receipt.
        """
        if minutes < 0:
            raise CalendarError("Thời hạn không được âm.")
        position = _trunc(start)
        if minutes == 0:
            return position
        self._cover_from(position)
        remaining = int(minutes) * 60
        for pause_start, pause_end in merge_pauses(pauses):
            if pause_end <= position:
                continue
            if pause_start > position:
                available = self._worked_before(pause_start) - self._worked_before(position)
                if remaining <= available:
                    break
                remaining -= available
            position = max(position, pause_end)
        return self._instant_at(self._worked_before(position) + remaining)

    def deadline(
        self,
        received: dt.datetime,
        *,
        minutes: int | None = None,
        same_day_cutoff: dt.time | None = None,
        pauses: Iterable[tuple[dt.datetime, dt.datetime]] = (),
    ) -> tuple[dt.datetime, dt.datetime]:
        """(clock start, due) of a receipt: `minutes` working minutes from the clock start,
        pauses excluded, or the same-day rule at `same_day_cutoff` (which has no pauses). Give
        exactly one of the two. `clock.services.deadline_compute` and the demo's history both
        come here."""
        if (minutes is None) == (same_day_cutoff is None):
            raise ValueError("Give exactly one of minutes and same_day_cutoff.")
        start = self.clock_start(received)
        if same_day_cutoff is not None:
            if any(True for _ in pauses):
                raise CalendarError("Thủ tục trong ngày không có tạm dừng.")
            return start, self.due_same_day(received, same_day_cutoff)
        return start, self.due(start, minutes, pauses)

    def deadlines(
        self, receipts: Sequence[dt.datetime], minutes: Sequence[int]
    ) -> list[dt.datetime]:
        """Batch `due(clock_start(r), m)` for many receipts without pauses (reports, bulk
        recomputation, the benchmark). Same result as the one-by-one calls, several times
        faster: no working second lies between a receipt and its clock start, so the target is
        the working time before the receipt itself plus the duration, and each distinct day
        pattern gets a per-second lookup table instead of an interval walk."""
        if len(receipts) != len(minutes):
            raise CalendarError("Số thời điểm tiếp nhận và số thời hạn khác nhau.")
        if not receipts:
            return []
        if min(minutes) < 0:
            raise CalendarError("Thời hạn không được âm.")
        receipts = [r if r.microsecond == 0 and r.tzinfo is None else _trunc(r) for r in receipts]
        self._cover_from(min(receipts))
        latest = self._worked_before(max(receipts)) + max(minutes) * 60 + 1
        if latest > self._cum[-1]:
            self._instant_at(latest)  # extends the range forward once
        base, days, cum = self._base, self._days, self._cum
        # Day patterns: worked seconds before each second of the day, and the second at which
        # the r-th working second of the day ends.
        patterns: dict[tuple[Interval, ...], int] = {}
        before_tables: list[array] = []
        end_tables: list[array] = []
        pattern_of = []
        for ivs in days:
            p = patterns.get(ivs)
            if p is None:
                p = patterns[ivs] = len(before_tables)
                before = array("i", bytes(4 * 86401))
                ends = array("i", [0])
                total = 0
                previous = 0
                for start, end in ivs:
                    for sec in range(previous, start + 1):
                        before[sec] = total
                    for sec in range(start + 1, end + 1):
                        total += 1
                        before[sec] = total
                        ends.append(sec)
                    previous = end + 1
                for sec in range(previous, 86401):
                    before[sec] = total
                before_tables.append(before)
                end_tables.append(ends)
            pattern_of.append(p)
        midnights = [dt.datetime.fromordinal(base + i) for i in range(len(days))]
        offsets = [dt.timedelta(seconds=sec) for sec in range(86401)]
        out: list[dt.datetime] = []
        append = out.append
        clock_start = self.clock_start
        for received, m in zip(receipts, minutes, strict=True):
            if not m:
                append(clock_start(received))
                continue
            i = received.toordinal() - base
            target = (
                cum[i]
                + before_tables[pattern_of[i]][
                    received.hour * 3600 + received.minute * 60 + received.second
                ]
                + m * 60
            )
            j = bisect_left(cum, target, i + 1) - 1
            append(midnights[j] + offsets[end_tables[pattern_of[j]][target - cum[j]]])
        return out

    def elapsed_seconds(
        self,
        a: dt.datetime,
        b: dt.datetime,
        pauses: Iterable[tuple[dt.datetime, dt.datetime]] = (),
    ) -> int:
        """Working seconds in [a, b), less those inside pauses; 0 when b is not after a."""
        a, b = _trunc(a), _trunc(b)
        if b <= a:
            return 0
        self._cover_from(a)
        total = self._worked_before(b) - self._worked_before(a)
        for pause_start, pause_end in merge_pauses(pauses):
            lo, hi = max(pause_start, a), min(pause_end, b)
            if lo < hi:
                total -= self._worked_before(hi) - self._worked_before(lo)
        return total

    def elapsed(
        self,
        a: dt.datetime,
        b: dt.datetime,
        pauses: Iterable[tuple[dt.datetime, dt.datetime]] = (),
    ) -> int:
        """Working minutes (whole, rounded down) in [a, b), less those inside pauses."""
        return self.elapsed_seconds(a, b, pauses) // 60

    def closing(self, day: dt.date) -> dt.datetime:
        """The end of the last office interval of a working date."""
        ivs = self.intervals_on(day)
        if not ivs:
            raise CalendarError(f"{day:%d/%m/%Y} không phải ngày làm việc.")
        return dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=ivs[-1][1])

    def next_working_day(self, day: dt.date) -> dt.date:
        """The first working date strictly after `day`."""
        end_of_day = dt.datetime.combine(day, dt.time()) + DAY
        return self.clock_start(end_of_day).date()

    def due_same_day(self, received: dt.datetime, cutoff: dt.time = DEFAULT_CUTOFF) -> dt.datetime:
        """Due for "same day" procedures (e.g. certification of copies, Decree 23/2015 art. 7).

        Received (that is, clock started) no later than the cut-off: closing of that working
        day; after it: closing of the next working day. A receipt outside office hours counts
        from the next opening, so one received on Saturday is due at closing on Monday.
        """
        start = self.clock_start(received)
        if start.time() <= cutoff:
            return self.closing(start.date())
        return self.closing(self.next_working_day(start.date()))

    def classify_finished(self, finished: dt.datetime, due: dt.datetime) -> str:
        """The module's `classify_finished` (kept as a method for the calendar's callers)."""
        return classify_finished(finished, due)

    def classify_open(
        self, now: dt.datetime, due: dt.datetime, warning_minutes: int = MINUTES_PER_WORKING_DAY
    ) -> str:
        """còn hạn; sắp đến hạn when at most `warning_minutes` working minutes remain; quá hạn
        once the due instant has passed."""
        now, due = _trunc(now), _trunc(due)
        if now > due:
            return QUA_HAN
        if self.elapsed_seconds(now, due) <= warning_minutes * 60:
            return SAP_DEN_HAN
        return CON_HAN

    def classify_step(
        self,
        started: dt.datetime,
        finished: dt.datetime,
        allotted_minutes: int,
        pauses: Iterable[tuple[dt.datetime, dt.datetime]] = (),
    ) -> str:
        """A step's result: its finish against the due instant of its allotted working time."""
        pauses = list(pauses)
        due = self.due(self.clock_start(started), allotted_minutes, pauses)
        return self.classify_finished(finished, due)


def classify_finished(finished: dt.datetime, due: dt.datetime) -> str:
    """trước hạn: on a date before the due date; đúng hạn: on the due date, no later than
    the due instant; quá hạn: after the due instant (naive Vietnamese wall time, seconds).

    The one home of the early / on-time / late rule: `dossiers.deadlines.result_classify`,
    the reports' snapshots and the SQL reference counts all come back here (the SQL
    equivalent is tested against this function in tests/reports/test_quy_tac_mot_noi_sql.py)."""
    finished, due = _trunc(finished), _trunc(due)
    if finished > due:
        return QUA_HAN
    if finished.date() < due.date():
        return TRUOC_HAN
    return DUNG_HAN


# Decision 766/QĐ-TTg (23/6/2022), indicator 2.1, as computed by the national portal's
# published method (domain.md §5): a dossier the agency asked to supplement more than once
# counts as late in the national indicators, whatever its own clock result; the first request
# is in time (Decree 61/2018/NĐ-CP art. 19 allows one request listing every missing item).
# Not confirmed here against the portal's text: kept as this one constant.
SUPPLEMENT_REQUESTS_IN_TIME = 1


def repeated_supplements(supplement_requests: int) -> bool:
    """True when the number of supplement requests makes the dossier count as late
    nationally (more than `SUPPLEMENT_REQUESTS_IN_TIME`). SQL fast paths use
    `supplement_count > SUPPLEMENT_REQUESTS_IN_TIME`, checked against this by a test."""
    return supplement_requests > SUPPLEMENT_REQUESTS_IN_TIME


def classify_national(result: str, supplement_requests: int) -> str:
    """The national indicator's view: more than one supplement request makes a dossier late
    whatever its own result (Decree 61/2018 as amended; keep both classifications)."""
    if repeated_supplements(supplement_requests):
        return QUA_HAN
    return result
