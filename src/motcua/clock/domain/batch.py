"""Vectorised due instants for many receipts at once (NumPy).

The same index as `WorkCalendar` (working seconds before each date, office intervals per date)
laid out as arrays, so a million receipts cost a few array passes. Used by the benchmark and
available to bulk jobs (reports, an explicit recomputation); results equal
`cal.due(cal.clock_start(r), m)` for every receipt, which the tests check.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from motcua.clock.domain.worktime import CalendarError, WorkCalendar

_UNIX_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()
_DAY_SECONDS = 86400


def deadlines_array(cal: WorkCalendar, receipts: np.ndarray, minutes: np.ndarray) -> np.ndarray:
    """Due instants (datetime64[s]) for receipts (datetime64, naive wall time) and durations
    in working minutes, without pauses."""
    received = np.asarray(receipts).astype("datetime64[s]").astype(np.int64)
    minutes = np.broadcast_to(np.asarray(minutes, dtype=np.int64), received.shape)
    if received.size == 0:
        return received.astype("datetime64[s]")
    if (minutes < 0).any():
        raise CalendarError("Thời hạn không được âm.")
    # Make the calendar's index cover every input and every due instant.
    first = dt.datetime(1970, 1, 1) + dt.timedelta(seconds=int(received.min()))
    last = dt.datetime(1970, 1, 1) + dt.timedelta(seconds=int(received.max()))
    cal._cover_from(first)
    cal._instant_at(cal._worked_before(last) + int(minutes.max()) * 60 + 1)

    base, days, cum_list = cal._base, cal._days, cal._cum
    width = max(1, max(len(ivs) for ivs in days))
    starts = np.zeros((len(days), width), dtype=np.int64)
    lengths = np.zeros((len(days), width), dtype=np.int64)
    for i, ivs in enumerate(days):
        for k, (s, e) in enumerate(ivs):
            starts[i, k] = s
            lengths[i, k] = e - s
    ends_cum = np.cumsum(lengths, axis=1)  # working seconds of the day up to each interval's end
    cum = np.asarray(cum_list, dtype=np.int64)

    day = received // _DAY_SECONDS + (_UNIX_EPOCH_ORDINAL - base)
    sec = received % _DAY_SECONDS
    worked = cum[day] + np.clip(sec[:, None] - starts[day], 0, lengths[day]).sum(axis=1)
    # A zero duration means the clock start: the instant where the next working second begins.
    zero = minutes == 0
    target = worked + np.where(zero, 1, minutes * 60)
    j = np.searchsorted(cum, target, side="left") - 1
    remaining = target - cum[j]
    k = (ends_cum[j] < remaining[:, None]).sum(axis=1)
    sec_due = starts[j, k] + remaining - (ends_cum[j, k] - lengths[j, k]) - zero
    unix = (j + (base - _UNIX_EPOCH_ORDINAL)) * _DAY_SECONDS + sec_due
    return unix.astype("datetime64[s]")
