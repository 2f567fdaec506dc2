"""Pins for what mutation testing found unpinned (issue 13, item 9): the batch `deadlines()`
path at boundary seconds, aware and microsecond inputs and durations beyond its precomputed
range; `classify_step` with pauses; `tally` with two dossiers in one bucket; the
`transition_check` defaults; the role filter of `actions_available`; and `FINAL_STATES` checked
against the table without reading the set itself."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from motcua.clock.domain.worktime import (
    DUNG_HAN,
    QUA_HAN,
    TRUOC_HAN,
    CalendarError,
    WorkCalendar,
)
from motcua.dossiers.domain import workflow as wf
from motcua.dossiers.domain.errors import TransitionNotAllowed
from motcua.reports.domain.ontime import DossierTiming, tally

S, A = wf.Status, wf.Action
MON = dt.date(2025, 3, 3)  # a Monday without holidays


def at(h, m=0, s=0, day=MON, us=0):
    return dt.datetime.combine(day, dt.time(h, m, s, us))


SATURDAY = dt.date(2025, 3, 8)
BOUNDARIES = [at(7, 30), at(11, 29, 59), at(12, 59, 59), at(13, 0), at(11, 30), at(17, 0),
              at(6, 0), at(16, 59, 59), at(23, 59, 59), at(8, 0, day=SATURDAY)]  # fmt: skip
DURATIONS = [0, 1, 60, 240, 241, 480, 1440, 481]


@pytest.mark.parametrize("receipt", BOUNDARIES, ids=str)
def test_batch_deadlines_equal_the_one_by_one_path_at_boundary_seconds(receipt):
    cal = WorkCalendar()
    batch = cal.deadlines([receipt] * len(DURATIONS), DURATIONS)
    one_by_one = [cal.due(cal.clock_start(receipt), m) for m in DURATIONS]
    assert batch == one_by_one


@pytest.mark.parametrize(
    ("receipt", "minutes", "due"),
    [
        (at(7, 30), 240, at(11, 30)),  # the morning exactly
        (at(11, 29, 59), 1, at(13, 0, 59)),  # 1 s before lunch + 59 s after
        (at(12, 59, 59), 1, at(13, 1)),  # lunch: the clock starts at 13:00
        (at(13, 0), 240, at(17, 0)),
        (at(11, 29, 59), 0, at(11, 29, 59)),  # 0 minutes: the clock start itself
        (at(12, 59, 59), 0, at(13, 0)),
    ],
)
def test_batch_deadlines_table(receipt, minutes, due):
    assert WorkCalendar().deadlines([receipt], [minutes]) == [due]


def test_batch_microseconds_are_dropped_like_the_one_by_one_path():
    cal = WorkCalendar()
    receipt = at(11, 29, 59, us=999_999)
    assert cal.deadlines([receipt], [1]) == [cal.due(cal.clock_start(receipt), 1)]
    assert cal.deadlines([receipt], [1]) == [at(13, 0, 59)]


def test_batch_refuses_aware_inputs():
    aware = at(9).replace(tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    with pytest.raises(CalendarError, match="naive"):
        WorkCalendar().deadlines([aware], [60])


def test_batch_beyond_the_precomputed_range():
    # The index covers about three years after the first receipt; ten years of working
    # minutes force it to extend, and the batch must still agree with `due`.
    cal = WorkCalendar()
    long = 480 * 260 * 10
    batch = cal.deadlines([at(9), at(9, day=dt.date(2031, 6, 2))], [long, 480])
    fresh = WorkCalendar()
    assert batch == [
        fresh.due(fresh.clock_start(at(9)), long),
        fresh.due(fresh.clock_start(at(9, day=dt.date(2031, 6, 2))), 480),
    ]
    assert batch[0] == dt.datetime(2035, 2, 19, 9, 0)  # 2,600 weekdays = 520 weeks later


def test_batch_input_errors():
    cal = WorkCalendar()
    with pytest.raises(CalendarError):
        cal.deadlines([at(9)], [1, 2])
    with pytest.raises(CalendarError):
        cal.deadlines([at(9)], [-1])
    assert cal.deadlines([], []) == []


@pytest.mark.parametrize(
    ("finished", "pauses", "result"),
    [
        # 2 working hours from Monday 09:00: due 11:00 without a pause.
        (at(11, 0), [], DUNG_HAN),
        (at(11, 1), [], QUA_HAN),
        # A pause 10:00–14:00: 1 h worked before it, 1 h after: due 15:00.
        (at(15, 0), [(at(10), at(14))], DUNG_HAN),
        (at(15, 0, 1), [(at(10), at(14))], QUA_HAN),
        # A pause over the whole of Tuesday: due Wednesday 11:00; finished Tuesday: early.
        (at(16, day=dt.date(2025, 3, 4)), [(at(10), at(10, day=dt.date(2025, 3, 5)))],
         TRUOC_HAN),
        # A pause after the due instant does not help.
        (at(12), [(at(11, 30), at(15))], QUA_HAN),
    ],
)  # fmt: skip
def test_classify_step_with_pauses(finished, pauses, result):
    assert WorkCalendar().classify_step(at(9), finished, 120, pauses) == result


def test_tally_two_dossiers_in_one_bucket():
    counts = tally(
        [
            DossierTiming(TRUOC_HAN, resolved=True, working_days=None),
            DossierTiming(TRUOC_HAN, resolved=True, supplement_requests=2),
            DossierTiming(QUA_HAN, resolved=False),
            DossierTiming(QUA_HAN, resolved=False, supplement_requests=3),
        ]
    )
    assert counts.resolved_early == 2
    assert counts.resolved_in_time_repeated_supplements == 1
    assert counts.open_overdue == 2
    assert counts.open_in_time_repeated_supplements == 0


def test_transition_check_defaults():
    # reason "" is refused where a reason is required; without now/due an apology is refused;
    # supplement_count 0 makes a first request not late.
    with pytest.raises(TransitionNotAllowed, match="lý do"):
        wf.transition_check(state=S.PROCESSING, action=A.STOP, roles=["chuyen_vien"])
    with pytest.raises(TransitionNotAllowed, match="chưa có hạn"):
        wf.transition_check(
            state=S.PROCESSING, action=A.APOLOGISE, roles=["chuyen_vien"], reason="x"
        )
    first = wf.transition_check(
        state=S.PROCESSING, action=A.REQUEST_SUPPLEMENT, roles=["chuyen_vien"], reason="x"
    )
    assert first.marks_late is False
    assert (first.from_state, first.to_state) == (S.PROCESSING, S.SUPPLEMENT_REQUESTED)
    assert (first.pauses_clock, first.resumes_clock) == (True, False)


def test_actions_available_filters_by_role():
    # From "processing", a citizen may only withdraw; a postal clerk nothing; the signing
    # leader signs, stops, apologises, forwards... but never requests a supplement.
    assert wf.actions_available(state=S.PROCESSING, roles=["cong_dan"]) == [A.WITHDRAW]
    assert wf.actions_available(state=S.PROCESSING, roles=["buu_chinh"]) == []
    leader = wf.actions_available(state=S.PROCESSING, roles=["lanh_dao_ky"])
    assert A.SIGN in leader and A.REQUEST_SUPPLEMENT not in leader
    assert A.APPROVE not in leader  # the department head's
    assert wf.actions_available(state=S.PROCESSING, roles=[]) == []


def test_final_states_are_exactly_the_states_no_action_leaves():
    # Written out from domain.md §3, not read from FINAL_STATES.
    expected = {S.NOT_RECEIVED, S.WITHDRAWN, S.STOPPED, S.RETURNED}
    every_role = {r for t in wf.TRANSITIONS.values() for r in t.roles}
    left = {s for s in S if wf.actions_available(state=s, roles=every_role)}
    assert set(S) - left == expected
    assert wf.FINAL_STATES == expected
