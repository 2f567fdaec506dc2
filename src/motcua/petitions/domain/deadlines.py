"""The time limits of a petition, read from `data/time_limits.toml` (each with its legal
source), and the due instants they give on the legal clock.

Pure functions over a `WorkCalendar` (motcua.clock.domain.worktime) with naive Vietnamese wall
times; the services convert to aware datetimes through `motcua.clock.services`.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from motcua.clock.domain.worktime import Duration, WorkCalendar

DATA = Path(__file__).resolve().parent.parent / "data" / "time_limits.toml"
STEPS = ("refuse", "forward", "classify", "request_info", "answer", "publish")


@dataclass(frozen=True)
class TimeLimit:
    step: str
    working_days: float
    label: str
    source: str
    counts_from: str  # "received" or "answered"

    @property
    def minutes(self) -> int:
        return Duration.working_days(self.working_days)


@cache
def _file_limits() -> dict[str, TimeLimit]:
    raw = tomllib.loads(DATA.read_text(encoding="utf-8"))
    return {
        step: TimeLimit(
            step=step,
            working_days=row["working_days"],
            label=row["label"],
            source=row["source"],
            counts_from=row["from"],
        )
        for step, row in raw.items()
    }


def time_limits(overrides: Mapping[str, float] | None = None) -> dict[str, TimeLimit]:
    """The limits of the data file, with `working_days` replaced where `overrides` says so."""
    limits = dict(_file_limits())
    for step, days in (overrides or {}).items():
        if step not in limits:
            raise ValueError(f"Không có thời hạn “{step}” (có: {', '.join(limits)}).")
        if float(days) <= 0:
            raise ValueError(f"Thời hạn “{step}” phải lớn hơn 0 ngày làm việc.")
        old = limits[step]
        limits[step] = TimeLimit(step, float(days), old.label, old.source, old.counts_from)
    return limits


def due(
    cal: WorkCalendar,
    *,
    limit: TimeLimit,
    start: dt.datetime,
    pauses: Iterable[tuple[dt.datetime, dt.datetime]] = (),
) -> dt.datetime:
    """The due instant of `limit` counted on `cal` from `start` (naive wall time), the working
    time inside `pauses` (information requested → received) not counted."""
    return cal.due(cal.clock_start(start), limit.minutes, list(pauses))


def near_due(
    cal: WorkCalendar, *, due_at: dt.datetime, now: dt.datetime, within_days: float = 2
) -> bool:
    """Still in time but with no more than `within_days` working days left."""
    if now >= due_at:
        return False
    return cal.elapsed(now, due_at) <= Duration.working_days(within_days)
