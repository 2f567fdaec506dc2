"""The dossier's view of the legal clock: due instants and step results, in aware datetimes.

Everything goes through `motcua.clock.services` (office hours per unit, holidays, the
administrator's overrides). This module only adapts the dossier's fields to it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.utils import timezone

from motcua.clock import services as clock
from motcua.clock.domain.worktime import classify_finished
from motcua.dossiers.domain.duerule import same_day_cutoff

Pause = tuple[dt.datetime, dt.datetime]


def deadline(
    *,
    received_at: dt.datetime,
    duration_minutes: int,
    procedure_version=None,
    unit=None,
    pauses: Iterable[Pause] = (),
):
    """The clock's `Deadline` (start, due) of `duration_minutes` working minutes, or of the
    same-day rule when it applies (`domain.duerule.same_day_cutoff`)."""
    pauses = tuple(pauses)
    cutoff = None
    if procedure_version is not None:
        cutoff = same_day_cutoff(
            time_unit=procedure_version.time_unit,
            cutoff=procedure_version.same_day_cutoff,
            paused=bool(pauses),
        )
    if cutoff is not None:
        return clock.deadline_compute(received_at=received_at, same_day_cutoff=cutoff, unit=unit)
    return clock.deadline_compute(
        received_at=received_at, duration_minutes=duration_minutes, unit=unit, pauses=pauses
    )


def due_compute(**kwargs) -> dt.datetime:
    """The due instant (aware) of `deadline(**kwargs)`."""
    return deadline(**kwargs).due


def result_classify(finished: dt.datetime, due: dt.datetime) -> str:
    """The clock's `classify_finished` for aware instants, in Vietnamese wall time."""
    return classify_finished(
        timezone.localtime(finished).replace(tzinfo=None),
        timezone.localtime(due).replace(tzinfo=None),
    )


def step_result(
    *,
    started: dt.datetime,
    finished: dt.datetime,
    allotted_minutes: int,
    unit=None,
    pauses: Iterable[Pause] = (),
) -> str:
    """A step's result: its finish against the due instant of its allotted working time."""
    due = due_compute(
        received_at=started, duration_minutes=allotted_minutes, unit=unit, pauses=pauses
    )
    return result_classify(finished, due)
