"""The on-time report on hand-built dossiers: period boundaries in Vietnamese time, open
dossiers at the period's end, roll-up of the unit tree, successors of restructured units —
and the pre-aggregated buckets agree with a plain GROUP BY over the dossiers."""

import datetime as dt

import pytest

from motcua.dossiers.domain.workflow import Status
from motcua.reports import services
from motcua.reports.domain.periods import Period, quarter, year
from motcua.reports.selectors import ontime_counts_direct, ontime_report
from tests.reports.conftest import vn

Q1 = quarter(2024, 1)
TODAY = dt.date(2026, 1, 1)


@pytest.fixture
def q1_dossiers(tree, make_dossier):
    desk = tree["A.MC"]
    m = make_dossier
    return {
        # received in 2023, resolved early in Q1
        "early": m(desk, received=vn(2023, 12, 29), due=vn(2024, 1, 3, 17),
                   finished=vn(2024, 1, 2), status=Status.RETURNED, returned=vn(2024, 1, 2, 15)),
        # on the due instant: on time
        "on_time": m(desk, received=vn(2024, 2, 5), due=vn(2024, 2, 8, 10),
                     finished=vn(2024, 2, 8, 10), status=Status.RESOLVED),
        # 23:30 on 31/3 local time (16:30 UTC): late, and still inside Q1
        "late": m(desk, received=vn(2024, 3, 27), due=vn(2024, 3, 29, 17),
                  finished=vn(2024, 3, 31, 23, 30), status=Status.RESOLVED, procedure="dd"),
        # 00:10 on 1/4 local time (17:10 UTC on 31/3): belongs to Q2, open in time at 31/3
        "after_midnight": m(desk, received=vn(2024, 3, 28), due=vn(2024, 4, 1, 10),
                            finished=vn(2024, 4, 1, 0, 10), status=Status.RESOLVED),
        # still open, due before the end: overdue at 31/3
        "open_overdue": m(desk, received=vn(2024, 3, 25), due=vn(2024, 3, 29, 17),
                          supplements=2),
        # open, due 31/3 at 17:00: at the end of 31/3 it is overdue
        "due_last_day": m(desk, received=vn(2024, 3, 26), due=vn(2024, 3, 31, 17)),
        # open and in time, two supplement requests: late for Decision 766
        "open_repeated": m(desk, received=vn(2024, 3, 29), due=vn(2024, 4, 5), supplements=2,
                           channel=2),
        "refused": m(desk, finished=vn(2024, 2, 1), status=Status.NOT_RECEIVED, channel=2),
        "stopped": m(desk, received=vn(2024, 1, 10), due=vn(2024, 1, 15),
                     finished=vn(2024, 1, 12), status=Status.STOPPED),
        "withdrawn": m(desk, received=vn(2024, 1, 10), due=vn(2024, 1, 15),
                       finished=vn(2024, 1, 11), status=Status.WITHDRAWN),
        # finished in Q2 before Q1's report is asked: not in Q1 at all
        "q2": m(desk, received=vn(2024, 4, 2), due=vn(2024, 4, 5), finished=vn(2024, 4, 3),
                status=Status.RESOLVED),
    }  # fmt: skip


def test_period_boundaries_and_open_dossiers_at_the_end(q1_dossiers, tree):
    services.facts_rebuild()
    report = ontime_report(period=Q1, unit=tree["D"], today=TODAY)
    c, extra = report.total.counts, report.total.extra
    assert (c.resolved_early, c.resolved_on_time, c.resolved_late) == (1, 1, 1)
    assert str(c.seed_rate) == "66.67"
    # open at the end of 31/3: after_midnight and open_repeated in time; two overdue
    assert (c.open_in_time, c.open_overdue) == (2, 2)
    assert c.open_in_time_repeated_supplements == 1
    # 2.1 (Decision 766, issue 13 item 3): ended = 3 resolved + refused + stopped + withdrawn
    # after reception, the last three ended by their due instant; plus 4 open.
    # (2 in time resolved + 3 other ended in time + 2 open in time − 1 repeated) ÷ (3 + 3 + 4)
    assert (c.ended_unresolved, c.ended_unresolved_in_time, c.refused) == (2, 2, 1)
    assert (c.national_numerator, c.national_denominator) == (6, 10)
    assert c.rate_766 == c.national_rate and str(c.rate_766) == "60.00"
    assert extra["received"] == 8  # the 2023 receipt and the Q2 one are outside
    assert (extra["refused"], extra["stopped"], extra["withdrawn"]) == (1, 1, 1)
    assert extra["returned"] == 1
    assert extra["received_online"] == 1
    assert extra["received_supplement"] == 2 and extra["supplement_requests"] == 4


def test_month_and_custom_range(q1_dossiers, tree):
    services.facts_rebuild()
    march = ontime_report(period=Period(dt.date(2024, 3, 1), dt.date(2024, 3, 31)), today=TODAY)
    assert march.total.counts.resolved_late == 1 and march.total.counts.resolved == 1
    # 2/1..31/3: the early dossier of 2/1 counts, and the 1/4 one still does not
    custom = ontime_report(period=Period(dt.date(2024, 1, 2), dt.date(2024, 3, 31)), today=TODAY)
    assert custom.total.counts.resolved == 3
    jan3 = ontime_report(period=Period(dt.date(2024, 1, 3), dt.date(2024, 3, 31)), today=TODAY)
    assert jan3.total.counts.resolved == 2


@pytest.mark.parametrize("dim", [None, "unit", "procedure", "field", "channel"])
@pytest.mark.parametrize(
    "period",
    [Q1, year(2024), Period(dt.date(2024, 3, 15), dt.date(2024, 4, 1)), year(2023)],
    ids=["q1", "2024", "custom", "2023"],
)
def test_buckets_agree_with_a_plain_group_by(q1_dossiers, dim, period):
    services.facts_rebuild()
    group = dim or "unit"
    report = ontime_report(period=period, group_by=group, today=TODAY)
    direct = ontime_counts_direct(period=period, dim=None, today=TODAY)
    ((counts, extra),) = direct.values()
    assert report.total.counts.resolved_early == counts.resolved_early
    assert report.total.counts.resolved_on_time == counts.resolved_on_time
    assert report.total.counts.resolved_late == counts.resolved_late
    assert report.total.counts.open_in_time == counts.open_in_time
    assert report.total.counts.open_overdue == counts.open_overdue
    assert (
        report.total.counts.open_in_time_repeated_supplements
        == counts.open_in_time_repeated_supplements
    )
    assert report.total.extra == extra
    if dim in ("procedure", "field", "channel"):
        by_dim = ontime_counts_direct(period=period, dim=dim, today=TODAY)
        shown = {
            k: v for k, v in by_dim.items() if v[0].resolved or v[0].open or any(v[1].values())
        }
        assert {r.key: r.counts.resolved for r in report.rows} == {
            k: counts.resolved for k, (counts, _) in shown.items()
        }


def test_roll_up_of_the_unit_tree(tree, make_dossier):
    done = {"status": Status.RESOLVED}
    for unit, n in (("A.MC", 2), ("A", 1), ("B.MC", 3), ("D.TP", 4)):
        for i in range(n):
            make_dossier(tree[unit], received=vn(2024, 5, 6 + i), due=vn(2024, 5, 20),
                         finished=vn(2024, 5, 10 + i), **done)  # fmt: skip
    services.facts_rebuild()
    period = year(2024)
    by_d = ontime_report(period=period, unit=tree["D"], today=TODAY)
    assert {r.code: r.counts.resolved for r in by_d.rows} == {"A": 3, "B": 3, "D": 4}
    by_p = ontime_report(period=period, unit=tree["P1"], today=TODAY)
    assert {r.code: r.counts.resolved for r in by_p.rows} == {"D": 10}
    by_a = ontime_report(period=period, unit=tree["A"], today=TODAY)
    assert {r.code: r.counts.resolved for r in by_a.rows} == {"A": 3}
    assert ontime_report(period=period, unit=tree["B"], today=TODAY).total.counts.resolved == 3


def test_restructured_units_reported_under_their_successors(tree, make_dossier):
    done = {"status": Status.RESOLVED}
    for unit, n in (("A.MC", 1), ("B", 2), ("S", 4)):
        for _ in range(n):
            make_dossier(tree[unit], received=vn(2024, 5, 6), due=vn(2024, 5, 20),
                         finished=vn(2024, 5, 10), **done)  # fmt: skip
    services.facts_rebuild()
    day = dt.date(2025, 7, 1)
    report = ontime_report(period=year(2024), successors_on=day, today=TODAY)
    # A and B merged into N; S split between M and N goes to the first by code, M
    assert {r.code: r.counts.resolved for r in report.rows} == {"N": 3, "M": 4}
    only_n = ontime_report(period=year(2024), unit=tree["N"], successors_on=day, today=TODAY)
    assert only_n.total.counts.resolved == 3
    # without mapping the same dossiers stay under the old wards
    plain = ontime_report(period=year(2024), unit=tree["D"], today=TODAY)
    assert {r.code: r.counts.resolved for r in plain.rows} == {"A": 1, "B": 2, "S": 4}


def test_future_period_counts_open_dossiers_up_to_today(tree, make_dossier):
    make_dossier(tree["A"], received=vn(2024, 5, 6), due=vn(2024, 5, 9))
    services.facts_rebuild()
    report = ontime_report(period=year(2024), today=dt.date(2024, 5, 8))
    assert (report.total.counts.open_in_time, report.total.counts.open_overdue) == (1, 0)
    assert report.as_of == dt.date(2024, 5, 8) and report.notes
    later = ontime_report(period=year(2024), today=dt.date(2024, 5, 10))
    assert later.total.counts.open_overdue == 1


@pytest.mark.parametrize("group_by, queries", [("unit", 3), ("procedure", 4), ("field", 4),
                                               ("channel", 3)])  # fmt: skip
def test_report_query_count_does_not_grow_with_dossiers(
    q1_dossiers, tree, make_dossier, django_assert_num_queries, group_by, queries
):
    services.facts_rebuild()
    with django_assert_num_queries(queries):
        ontime_report(period=Q1, unit=tree["D"], group_by=group_by, today=TODAY)
    for i in range(20):
        make_dossier(tree["B.MC"], received=vn(2024, 2, 1 + i % 20), due=vn(2024, 2, 28),
                     finished=vn(2024, 2, 27), status=Status.RESOLVED, procedure="dd")  # fmt: skip
    services.facts_rebuild()
    with django_assert_num_queries(queries):
        ontime_report(period=Q1, unit=tree["D"], group_by=group_by, today=TODAY)
