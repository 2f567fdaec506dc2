"""Reads for the legal clock: a unit's office hours and overrides, as a domain `WorkCalendar`."""

from __future__ import annotations

import calendar as pycalendar
import datetime as dt
import functools
import threading
from dataclasses import dataclass

from django.conf import settings
from django.db import connection

from motcua.clock.domain.legalhours import LegalHoursError, parse_legal_hours
from motcua.clock.domain.vncalendar import Override, vietnam_calendar
from motcua.clock.domain.worktime import DEFAULT_HOURS, WorkCalendar
from motcua.clock.models import CalendarOverride, CalendarOverrideAudit, OfficeHours


def _minutes(t: dt.time) -> int:
    return t.hour * 60 + t.minute


def office_hours_source(unit=None):
    """The unit whose hours apply to `unit` (itself or its nearest ancestor with hours), or
    None for the nationwide rows / built-in default."""
    current = unit
    while current is not None:
        if OfficeHours.objects.filter(unit=current).exists():
            return current
        current = current.parent
    return None


# Decision 188/1999/QĐ-TTg (40-hour week) and Labour Code 2019 art. 105: officials work
# Monday to Friday; Saturday and Sunday are the weekly rest days.
LEGAL_WORKING_WEEKDAYS = frozenset(range(5))


def office_hours_for(unit=None) -> dict[int, tuple[tuple[int, int], ...]]:
    """Office intervals per weekday (minutes after midnight) that apply to `unit`."""
    source = office_hours_source(unit)
    rows = OfficeHours.objects.filter(unit=source)
    if source is None and not rows.exists():
        return dict(DEFAULT_HOURS)
    hours: dict[int, list[tuple[int, int]]] = {}
    for row in rows:
        hours.setdefault(row.weekday, []).append((_minutes(row.start), _minutes(row.end)))
    return {wd: tuple(sorted(ivs)) for wd, ivs in hours.items()}


def _overrides(qs) -> list[Override]:
    return [Override(o.day, o.kind, o.note) for o in qs]


def legal_hours(hours: dict[int, tuple[tuple[int, int], ...]]):
    """The hours that count in legal deadlines. With `MOTCUA_LEGAL_HOURS` set
    (`clock/domain/legalhours.py`): those intervals Monday to Friday, whatever the desk's
    reception hours. Otherwise the office hours restricted to the legal working week: a desk's
    Saturday or Sunday hours are reception time, not legal working time, and never shorten a
    deadline (issue 13, item 7). Worked Saturdays of a government swap still count: they are
    extra working dates.
    """
    configured = _configured_legal_hours(settings.MOTCUA_LEGAL_HOURS)
    if configured:
        return {wd: configured for wd in sorted(LEGAL_WORKING_WEEKDAYS)}
    return {wd: ivs for wd, ivs in hours.items() if wd in LEGAL_WORKING_WEEKDAYS}


@functools.lru_cache(maxsize=4)
def _configured_legal_hours(text: str) -> tuple[tuple[int, int], ...]:
    from django.core.exceptions import ImproperlyConfigured

    try:
        return parse_legal_hours(text)
    except LegalHoursError as e:
        raise ImproperlyConfigured(str(e)) from e


def calendar_version() -> tuple:
    """What the calendars are built from, in one cheap query: the last audited change (every
    change goes through the audited services) and the size and last row of both tables (so a
    row written or removed without the services, a restore or a flushed test database also
    changes it)."""
    hours, overrides, audit = (
        connection.ops.quote_name(m._meta.db_table)
        for m in (OfficeHours, CalendarOverride, CalendarOverrideAudit)
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT (SELECT COUNT(*) FROM {hours}), (SELECT MAX(id) FROM {hours}), "
            f"(SELECT COUNT(*) FROM {overrides}), (SELECT MAX(id) FROM {overrides}), "
            f"(SELECT MAX(id) FROM {audit})"
        )
        return tuple(cursor.fetchone())


# Built calendars, per thread (a calendar's lazy index is not shared between threads), for the
# current `calendar_version` only: any calendar change anywhere empties it on the next read.
_calendars = threading.local()
CALENDAR_CACHE_SIZE = 256
# Bumped by every save or delete of a calendar row in this process (`apps.ClockConfig`): a
# change another process makes shows in `calendar_version`; this one is seen even when the
# database reuses ids (a rolled-back transaction on SQLite).
_generation = [0]


def calendar_changed(**kwargs) -> None:
    _generation[0] += 1


def work_calendar_for(unit=None) -> WorkCalendar:
    """The legal calendar as of now for `unit` (None: nationwide), cached per process and
    thread and rebuilt when `calendar_version` (one query) changes. See `calendar_build`."""
    version = (calendar_version(), _generation[0], settings.MOTCUA_LEGAL_HOURS)
    if getattr(_calendars, "version", None) != version:
        _calendars.version, _calendars.built = version, {}
    # The unit's path names its ancestors: a unit moved elsewhere gets a fresh calendar.
    key = None if unit is None else (unit.pk, unit.path)
    cal = _calendars.built.get(key)
    if cal is None:
        if len(_calendars.built) >= CALENDAR_CACHE_SIZE:
            _calendars.built.clear()
        cal = _calendars.built[key] = calendar_build(unit)
    return cal


def calendar_build(unit=None) -> WorkCalendar:
    """The legal calendar as of now for `unit` (None: nationwide): the unit's office hours on
    the legal working week (`legal_hours`), the package's Vietnamese dates, nationwide
    overrides, then overrides of the unit and its ancestors (nearest last)."""
    hours = legal_hours(office_hours_for(unit))
    national = _overrides(CalendarOverride.objects.filter(unit__isnull=True))
    chain = []
    current = unit
    while current is not None:
        chain.append(current)
        current = current.parent
    unit_layers: list[Override] = []
    for ancestor in reversed(chain):
        unit_layers.extend(_overrides(CalendarOverride.objects.filter(unit=ancestor)))
    # The hours of an extra working day: the unit's Monday, or the default full day.
    standard_day = hours.get(0) or DEFAULT_HOURS[0]
    return vietnam_calendar(
        hours=hours,
        standard_day=standard_day,
        national_overrides=national,
        unit_overrides=unit_layers,
    )


def calendar_overrides(*, unit=None, include_national=True):
    qs = CalendarOverride.objects.select_related("unit", "created_by")
    if unit is None:
        return qs.filter(unit__isnull=True)
    if include_national:
        return qs.filter(unit__isnull=True) | qs.filter(unit=unit)
    return qs.filter(unit=unit)


def calendar_audit(*, limit: int = 100):
    return CalendarOverrideAudit.objects.select_related("unit", "actor")[:limit]


@dataclass(frozen=True)
class MonthDay:
    day: dt.date
    in_month: bool
    status: str  # "working" | "non_working" | "extra_working" | "weekend"
    label: str
    minutes: int
    override: CalendarOverride | None


def calendar_month(*, year: int, month: int, unit=None, cal: WorkCalendar | None = None):
    """Weeks (Monday first) of `month`, each day with its status for the month view."""
    cal = cal or work_calendar_for(unit)
    overrides = {
        (o.day, o.unit_id): o
        for o in calendar_overrides(unit=unit).filter(day__year=year, day__month=month)
    }
    weeks = []
    for week in pycalendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        row = []
        for day in week:
            override = overrides.get((day, getattr(unit, "pk", None))) or overrides.get((day, None))
            minutes = cal.minutes_on(day)
            regular = bool(cal.hours[day.weekday()])
            if minutes and not regular:
                status = "extra_working"
            elif minutes:
                status = "working"
            elif regular or day in cal.non_working:
                status = "non_working"
            else:
                status = "weekend"
            label = cal.labels.get(day, "")
            if override and override.note:
                label = override.note
            row.append(
                MonthDay(
                    day=day,
                    in_month=day.month == month,
                    status=status,
                    label=label,
                    minutes=minutes,
                    override=override,
                )
            )
        weeks.append(row)
    return weeks
