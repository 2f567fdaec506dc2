"""Properties of the legal clock (hypothesis), and agreement with the day-by-day reference."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from motcua.clock.domain.reference import naive_clock_start, naive_due, naive_elapsed_seconds
from motcua.clock.domain.vncalendar import vietnam_calendar
from motcua.clock.domain.worktime import DEFAULT_DAY_HOURS, MORNING

CAL = vietnam_calendar()
SATURDAY_DESK = vietnam_calendar(hours={wd: DEFAULT_DAY_HOURS for wd in range(5)} | {5: (MORNING,)})

instants = st.datetimes(
    min_value=dt.datetime(2021, 1, 1), max_value=dt.datetime(2026, 12, 31, 23, 59)
).map(lambda d: d.replace(microsecond=0))
minute_instants = instants.map(lambda d: d.replace(second=0))
durations = st.integers(min_value=0, max_value=30 * 480)
calendars = st.sampled_from([CAL, SATURDAY_DESK])


@settings(max_examples=300, deadline=None)
@given(cal=calendars, start=instants, a=durations, b=durations)
def test_due_is_additive_without_pauses(cal, start, a, b):
    assert cal.due(start, a + b) == cal.due(cal.due(start, a), b)


@settings(max_examples=300, deadline=None)
@given(cal=calendars, start=instants, d=durations)
def test_elapsed_until_due_is_the_duration(cal, start, d):
    assert cal.elapsed(start, cal.due(start, d)) == d


@settings(max_examples=200, deadline=None)
@given(cal=calendars, start=instants, d=durations, extra=st.integers(1, 480))
def test_due_is_the_earliest_instant(cal, start, d, extra):
    due = cal.due(start, d + extra)
    assert cal.elapsed_seconds(start, due - dt.timedelta(seconds=1)) < (d + extra) * 60
    assert cal.due(start, d) <= due


@settings(max_examples=200, deadline=None)
@given(cal=calendars, received=instants)
def test_clock_start_is_inside_office_hours(cal, received):
    start = cal.clock_start(received)
    assert start >= received
    assert cal.elapsed_seconds(received, start) == 0
    minute = start.hour * 60 + start.minute
    assert any(s <= minute < e for s, e in cal.intervals_on(start.date()))
    assert start == naive_clock_start(cal, received)


pauses = st.lists(
    st.tuples(minute_instants, st.integers(0, 20 * 24 * 60)).map(
        lambda p: (p[0], p[0] + dt.timedelta(minutes=p[1]))
    ),
    max_size=4,
)


@settings(max_examples=300, deadline=None)
@given(cal=calendars, start=minute_instants, d=durations, ps=pauses)
def test_agrees_with_day_by_day_reference(cal, start, d, ps):
    due = cal.due(start, d, ps)
    assert due == naive_due(cal, start, d, ps)
    assert cal.elapsed_seconds(start, due, ps) == naive_elapsed_seconds(cal, start, due, ps)
    if d:
        assert cal.elapsed(start, due, ps) == d


@settings(max_examples=50, deadline=None)
@given(
    cal=calendars,
    rows=st.lists(st.tuples(instants, durations), min_size=1, max_size=50),
)
def test_batch_equals_one_by_one(cal, rows):
    receipts = [r for r, _ in rows]
    minutes = [m for _, m in rows]
    expected = [cal.due(cal.clock_start(r), m) for r, m in rows]
    assert cal.deadlines(receipts, minutes) == expected


def test_numpy_batch_equals_one_by_one():
    import random

    np = __import__("pytest").importorskip("numpy")
    from motcua.clock.domain.batch import deadlines_array

    rng = random.Random(20240207)
    base = dt.datetime(2021, 1, 1)
    receipts = [base + dt.timedelta(seconds=rng.randrange(6 * 366 * 86400)) for _ in range(2000)]
    minutes = [rng.choice([0, 1, 60, 240, 480, 2400, 14400]) for _ in receipts]
    got = deadlines_array(CAL, np.array(receipts, dtype="datetime64[s]"), np.array(minutes))
    assert got.astype(object).tolist() == [
        CAL.due(CAL.clock_start(r), m) for r, m in zip(receipts, minutes, strict=True)
    ]


def test_calendar_extends_beyond_its_precomputed_range():
    far = dt.datetime(2041, 3, 4, 9, 0)  # a Monday, long after the default range
    assert CAL.clock_start(dt.datetime(2041, 3, 2, 9, 0)) == dt.datetime(2041, 3, 4, 7, 30)
    assert CAL.due(far, 480) == naive_due(CAL, far, 480)
    early = dt.datetime(2001, 3, 5, 9, 0)
    assert CAL.due(early, 480 * 3) == naive_due(CAL, early, 480 * 3)
