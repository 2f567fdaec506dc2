"""Two named on-time metrics (issue 13, item 3).

- `seed_rate`: resolved early or on time ÷ resolved (the seed article; Decree 61/2018
  periodic reporting). Stopped, withdrawn and refused dossiers are on neither side.
- `rate_766`: Decision 766/QĐ-TTg indicator 2.1 as the national portal computes it: ended early
  or on time + open in time ÷ ended + open, where "ended" includes refused, stopped and
  withdrawn-after-reception dossiers, each against its due instant; more than one supplement
  request counts late.
"""

import datetime as dt

import pytest

from motcua.clock.domain.worktime import DUNG_HAN, QUA_HAN, TRUOC_HAN
from motcua.reports.domain import facts as F
from motcua.reports.domain.ontime import OnTimeCounts

D = dt.date(2024, 3, 4)


def _counters(snapshot):
    return {c for _day, c, _n in F.contribution(snapshot)}


@pytest.mark.parametrize(
    ("outcome", "received", "result", "supplements", "ended", "in_time"),
    [
        (F.STOPPED, D, TRUOC_HAN, 0, True, True),
        (F.STOPPED, D, DUNG_HAN, 1, True, True),
        (F.STOPPED, D, QUA_HAN, 0, True, False),  # stopped after its due instant
        (F.STOPPED, D, DUNG_HAN, 2, True, False),  # two supplement requests count late
        (F.WITHDRAWN, D, TRUOC_HAN, 0, True, True),
        (F.WITHDRAWN, None, "", 0, False, False),  # withdrawn before reception: not counted
        (F.REFUSED, None, "", 0, False, False),  # counted by its own counter, `refused`
    ],
)
def test_which_unresolved_endings_count_for_766(
    outcome, received, result, supplements, ended, in_time
):
    snap = F.Snapshot(
        channel=2,
        outcome=outcome,
        received_day=received,
        closed_day=D + dt.timedelta(days=2),
        due_day=D + dt.timedelta(days=3) if received else None,
        result=result,
        supplement_count=supplements,
    )
    counters = _counters(snap)
    assert ("ended_unresolved" in counters) is ended
    assert ("ended_unresolved_in_time" in counters) is in_time


def test_a_result_on_an_open_dossier_is_refused():
    with pytest.raises(ValueError):
        F.Snapshot(channel=1, outcome=F.OPEN, received_day=D, result=DUNG_HAN)


@pytest.mark.parametrize(
    ("counts", "seed", "rate_766"),
    [
        # The seed's 2021 figure: nothing stopped, withdrawn, refused or open: both agree.
        (OnTimeCounts(resolved_early=25_000, resolved_on_time=925, resolved_late=44), "99.83",
         "99.83"),
        # 1 resolved late; 2 stopped/withdrawn of which 1 in time; 1 refused; 1 open in time.
        # seed: 0/1. 766: (0 + 1 + 1 + 1) ÷ (1 + 2 + 1 + 1) = 60%.
        (OnTimeCounts(resolved_late=1, ended_unresolved=2, ended_unresolved_in_time=1,
                      refused=1, open_in_time=1), "0.00", "60.00"),
        # Only stopped dossiers: the seed rate does not exist, the 766 rate does.
        (OnTimeCounts(ended_unresolved=4, ended_unresolved_in_time=3), None, "75.00"),
        (OnTimeCounts(), None, None),
    ],
)  # fmt: skip
def test_the_two_metrics(counts, seed, rate_766):
    assert (None if counts.seed_rate is None else str(counts.seed_rate)) == seed
    assert (None if counts.rate_766 is None else str(counts.rate_766)) == rate_766
    assert counts.national_rate == counts.rate_766


def test_in_time_cannot_exceed_ended():
    with pytest.raises(ValueError):
        OnTimeCounts(ended_unresolved=1, ended_unresolved_in_time=2)
