"""Which legal-clock rule gives a dossier's due instant (pure, no Django).

A same-day procedure ("trong ngày": returned the next working day when received after the
cutoff) follows the cutoff rule; once it has been paused it counts its legal working day with
the pauses instead, since the cutoff rule has no notion of a pause. Every other procedure counts
its working minutes from the clock start, pauses excluded. The dossier services
(`dossiers/deadlines.py`) and the demo's history (`demo/history.py`) both ask here, then the
calendar (`WorkCalendar.deadline`).
"""

from __future__ import annotations

import datetime as dt

from motcua.catalogue.domain import SAME_DAY
from motcua.clock.domain.worktime import DEFAULT_CUTOFF


def same_day_cutoff(
    *, time_unit: str | None, cutoff: dt.time | None, paused: bool
) -> dt.time | None:
    """The cutoff of the same-day rule when it applies, else None (count working minutes)."""
    if time_unit == SAME_DAY and not paused:
        return cutoff or DEFAULT_CUTOFF
    return None
