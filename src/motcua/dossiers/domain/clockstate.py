"""The clock state of one dossier: running, paused or finished; overdue or not; working time left.

The one home of "overdue" (quá hạn). Every place that shows or counts overdue dossiers asks
this function or its SQL twin, `DossierQuerySet.overdue` (dossiers/models.py), which
tests/dossiers/test_clock_state.py checks against it row by row; the worklist tab, the API
filter and flag, the dashboard and the reports' stock use the queryset method or this function.

Rule (Decree 61/2018/NĐ-CP art. 19 as amended by Decree 107/2021/NĐ-CP; kept in Decree
118/2025/NĐ-CP): the time the agency waits for the citizen's supplement (or, where the rules
pause for it, a financial obligation) does not count in the processing time. So:
- running (received, processing): overdue once `now` is past the due instant;
- paused (supplement or payment requested): the due instant moves by the working time of the
  pause when it ends, so a paused dossier is *not* overdue while it waits — unless it was
  already late when the pause began (the pause cannot undo a lateness that already happened);
- finished or not yet received: no running clock, never "overdue now" (a finished dossier has
  a result instead: `motcua.clock.domain.worktime.classify_finished`).

Plain Python: aware datetimes in, no Django.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from motcua.dossiers.domain.workflow import Status, paused_states, running_states

VN = ZoneInfo("Asia/Ho_Chi_Minh")

RUNNING = "running"
PAUSED = "paused"
FINISHED = "finished"  # result, stop, withdrawal, refusal: the clock no longer runs
NOT_STARTED = "not_started"  # filed online, not yet received

PHASE_LABELS = {
    RUNNING: "Đang tính thời hạn",
    PAUSED: "Tạm dừng tính thời hạn",
    FINISHED: "Đã kết thúc",
    NOT_STARTED: "Chưa tiếp nhận",
}


@dataclass(frozen=True)
class ClockState:
    phase: str
    overdue: bool
    # Working seconds from now (paused: from the pause's start) to the due instant; negative
    # once overdue (working seconds past it). None without a calendar, or without a clock.
    remaining_seconds: int | None = None


def phase_of(status: Status | int) -> str:
    status = Status(status)
    if status in running_states():
        return RUNNING
    if status in paused_states():
        return PAUSED
    if status is Status.NEW:
        return NOT_STARTED
    return FINISHED


def clock_state(
    *,
    status: Status | int,
    due_at: dt.datetime | None,
    now: dt.datetime,
    paused_since: dt.datetime | None = None,
    calendar=None,
) -> ClockState:
    """The dossier's clock at `now`. `paused_since` is the start of its open pause (paused
    dossiers); `calendar` (a `WorkCalendar` of the receiving unit) adds the working time left."""
    phase = phase_of(status)
    if phase in (FINISHED, NOT_STARTED) or due_at is None:
        return ClockState(phase=phase, overdue=False)
    if phase == RUNNING:
        at = now
        overdue = now > due_at
    else:
        at = paused_since
        overdue = paused_since is not None and paused_since > due_at
    remaining = None
    if calendar is not None and at is not None:
        a, b = _wall(at), _wall(due_at)
        if overdue:
            remaining = -calendar.elapsed_seconds(b, a)
        else:
            remaining = calendar.elapsed_seconds(a, b)
    return ClockState(phase=phase, overdue=overdue, remaining_seconds=remaining)


def _wall(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(VN).replace(tzinfo=None)
