"""The Vietnamese calendar of non-working and extra working dates.

Public holidays, compensatory days, the swapped days off and the worked Saturdays come from the
`holidays` package (country VN, pinned in pyproject.toml); the override table that
administrators edit is applied on top, nationwide overrides first, then the unit's own.
New government swaps reach the package only in later releases: until then, they are overrides.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import holidays

from motcua.clock.domain.worktime import Hours, Interval, WorkCalendar

HOLIDAY = "holiday"  # an extra non-working date (ngày nghỉ)
CANCEL_HOLIDAY = "cancel_holiday"  # a package holiday that is worked after all
EXTRA_WORKING = "extra_working"  # a worked date that is normally off (e.g. a swapped Saturday)
OVERRIDE_KINDS = (HOLIDAY, CANCEL_HOLIDAY, EXTRA_WORKING)

DEFAULT_YEARS = range(2015, 2036)


@dataclass(frozen=True)
class Override:
    day: dt.date
    kind: str
    note: str = ""

    def __post_init__(self) -> None:
        if self.kind not in OVERRIDE_KINDS:
            raise ValueError(f"Loại điều chỉnh lịch không hợp lệ: {self.kind!r}.")


@dataclass(frozen=True)
class VietnamDates:
    non_working: Mapping[dt.date, str]  # date -> name, as listed (weekends included)
    extra_working: Mapping[dt.date, str]  # date -> why it is worked


@lru_cache(maxsize=8)
def _package_dates(years: tuple[int, ...]) -> VietnamDates:
    vn = holidays.country_holidays("VN", years=years, language="vi")
    non_working = {day: str(name) for day, name in vn.items()}
    wanted = set(years)
    # Saturdays (or Sundays) worked in exchange for a swapped day off, e.g. 4/5/2024.
    extra = {
        day: "Làm bù (hoán đổi ngày làm việc)"
        for day in getattr(vn, "weekend_workdays", ())
        if day.year in wanted
    }
    return VietnamDates(non_working=non_working, extra_working=extra)


def package_dates(years: Iterable[int] = DEFAULT_YEARS) -> VietnamDates:
    """Non-working and extra working dates for VN from the `holidays` package."""
    return _package_dates(tuple(sorted(set(years))))


def apply_overrides(base: VietnamDates, *layers: Sequence[Override]) -> VietnamDates:
    """Apply override layers in order (nationwide, then a unit's); later ones win per date."""
    non_working = dict(base.non_working)
    extra = dict(base.extra_working)
    for layer in layers:
        for item in sorted(layer, key=lambda o: o.day):
            note = item.note or ""
            if item.kind == HOLIDAY:
                extra.pop(item.day, None)
                non_working[item.day] = note or "Ngày nghỉ (điều chỉnh)"
            elif item.kind == CANCEL_HOLIDAY:
                non_working.pop(item.day, None)
                extra.pop(item.day, None)
            else:
                non_working.pop(item.day, None)
                extra[item.day] = note or "Ngày làm việc bổ sung (điều chỉnh)"
    return VietnamDates(non_working=non_working, extra_working=extra)


def vietnam_calendar(
    *,
    hours: Hours | None = None,
    standard_day: Sequence[Interval] | None = None,
    national_overrides: Sequence[Override] = (),
    unit_overrides: Sequence[Override] = (),
    years: Iterable[int] = DEFAULT_YEARS,
) -> WorkCalendar:
    """A `WorkCalendar` for Vietnam: package dates, then overrides, with the given hours."""
    dates = apply_overrides(package_dates(years), national_overrides, unit_overrides)
    return WorkCalendar(
        hours=hours,
        non_working=dates.non_working.keys(),
        extra_working=dates.extra_working.keys(),
        standard_day=standard_day,
        labels={**dates.non_working, **dates.extra_working},
    )
