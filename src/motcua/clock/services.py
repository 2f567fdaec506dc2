"""Writes for the legal clock, and the deadline computation that dossiers call.

Every change to the calendar goes through these functions (keyword-only, atomic) so that it is
audited. A change takes effect for every computation made after it; deadlines computed before
it are stored values and stay as they are until someone recomputes them explicitly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from motcua.clock.domain.worktime import CalendarError, WorkCalendar, normalize_intervals
from motcua.clock.models import CalendarOverride, CalendarOverrideAudit, OfficeHours
from motcua.clock.selectors import work_calendar_for

# The legal clock always runs on Vietnamese wall time, whatever the request's time zone.
VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def to_wall_time(moment: dt.datetime) -> dt.datetime:
    """Aware datetime -> naive Vietnamese wall time; a naive one is taken as wall time."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(VN_TZ).replace(tzinfo=None)


def from_wall_time(moment: dt.datetime) -> dt.datetime:
    return moment.replace(tzinfo=VN_TZ)


def _unit_label(unit) -> str:
    return f"{unit.code} ({unit.name})" if unit is not None else "toàn quốc"


def _audit(*, action, actor, override=None, day=None, kind="", unit=None, details=""):
    CalendarOverrideAudit.objects.create(
        action=action,
        day=override.day if override else day,
        kind=override.kind if override else kind,
        unit=override.unit if override else unit,
        unit_code=getattr(override.unit if override else unit, "code", ""),
        details=details,
        actor=actor,
    )


@transaction.atomic
def calendar_override_create(
    *, day: dt.date, kind: str, unit=None, note: str = "", actor=None
) -> CalendarOverride:
    if kind not in CalendarOverride.Kind.values:
        raise ValidationError({"kind": "Loại điều chỉnh không hợp lệ."})
    override = CalendarOverride(day=day, kind=kind, unit=unit, note=note.strip(), created_by=actor)
    override.full_clean()
    try:
        with transaction.atomic():
            override.save()
    except IntegrityError as exc:  # a concurrent insert of the same unit and day
        raise ValidationError("Đã có điều chỉnh cho ngày và đơn vị này.") from exc
    _audit(
        action=CalendarOverrideAudit.Action.CREATE,
        actor=actor,
        override=override,
        details=f"{override.get_kind_display()} ngày {day:%d/%m/%Y}, {_unit_label(unit)}"
        + (f": {override.note}" if override.note else ""),
    )
    return override


@transaction.atomic
def calendar_override_update(
    *, override: CalendarOverride, kind: str, note: str = "", actor=None
) -> CalendarOverride:
    if kind not in CalendarOverride.Kind.values:
        raise ValidationError({"kind": "Loại điều chỉnh không hợp lệ."})
    before = override.get_kind_display()
    override.kind = kind
    override.note = note.strip()
    override.full_clean()
    override.save(update_fields=["kind", "note"])
    _audit(
        action=CalendarOverrideAudit.Action.UPDATE,
        actor=actor,
        override=override,
        details=f"Ngày {override.day:%d/%m/%Y}, {_unit_label(override.unit)}: {before} → "
        f"{override.get_kind_display()}" + (f" ({override.note})" if override.note else ""),
    )
    return override


@transaction.atomic
def calendar_override_delete(*, override: CalendarOverride, actor=None) -> None:
    _audit(
        action=CalendarOverrideAudit.Action.DELETE,
        actor=actor,
        override=override,
        details=f"Xóa: {override.get_kind_display()} ngày {override.day:%d/%m/%Y}, "
        f"{_unit_label(override.unit)}",
    )
    override.delete()


def _fmt(t: dt.time) -> str:
    return f"{t:%H:%M}"


@transaction.atomic
def office_hours_set(
    *,
    unit=None,
    hours: Mapping[int, Sequence[tuple[dt.time, dt.time]]],
    actor=None,
) -> list[OfficeHours]:
    """Replace the office hours of `unit` (None: nationwide default) with `hours`
    (weekday -> intervals). An empty mapping removes the unit's own hours (it then inherits)."""
    rows = []
    for weekday, intervals in sorted(hours.items()):
        if weekday not in range(7):
            raise ValidationError("Thứ trong tuần không hợp lệ.")
        try:
            normalize_intervals(
                (s.hour * 60 + s.minute, e.hour * 60 + e.minute) for s, e in intervals
            )
        except CalendarError as exc:
            raise ValidationError(str(exc)) from exc
        rows.extend(OfficeHours(unit=unit, weekday=weekday, start=s, end=e) for s, e in intervals)
    OfficeHours.objects.filter(unit=unit).delete()
    OfficeHours.objects.bulk_create(rows)
    summary = "; ".join(
        f"{dict(OfficeHours._meta.get_field('weekday').choices)[wd]} "
        + ", ".join(f"{_fmt(s)}–{_fmt(e)}" for s, e in ivs)
        for wd, ivs in sorted(hours.items())
        if ivs
    )
    _audit(
        action=CalendarOverrideAudit.Action.OFFICE_HOURS,
        actor=actor,
        unit=unit,
        details=f"Giờ làm việc {_unit_label(unit)}: {summary or 'dùng giờ của cấp trên'}",
    )
    return rows


@dataclass(frozen=True)
class Deadline:
    received_at: dt.datetime  # aware
    start: dt.datetime  # aware: the clock start
    due: dt.datetime  # aware
    working_minutes: int  # working minutes between start and due, pauses excluded


def deadline_compute(
    *,
    received_at: dt.datetime,
    duration_minutes: int | None = None,
    same_day_cutoff: dt.time | None = None,
    unit=None,
    pauses: Iterable[tuple[dt.datetime, dt.datetime]] = (),
    calendar: WorkCalendar | None = None,
) -> Deadline:
    """The legal deadline of a receipt with the calendar as of now.

    Give either `duration_minutes` (working minutes; see `Duration`) or `same_day_cutoff`.
    Datetimes in and out are aware (a naive input is taken as Vietnamese wall time). The caller
    stores the result: later calendar changes never alter it unless it calls this again.
    """
    if (duration_minutes is None) == (same_day_cutoff is None):
        raise ValueError("Give exactly one of duration_minutes and same_day_cutoff.")
    cal = calendar or work_calendar_for(unit)
    received = to_wall_time(received_at)
    wall_pauses = [(to_wall_time(a), to_wall_time(b)) for a, b in pauses]
    start, due = cal.deadline(
        received, minutes=duration_minutes, same_day_cutoff=same_day_cutoff, pauses=wall_pauses
    )
    return Deadline(
        received_at=from_wall_time(received),
        start=from_wall_time(start),
        due=from_wall_time(due),
        working_minutes=cal.elapsed(start, due, wall_pauses),
    )
