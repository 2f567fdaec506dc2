"""The SQL fast paths say the same as the pure rules they stand for (issue 10: one home per
rule). The pure rules: `clock.domain.worktime.classify_finished` (trước / đúng / quá hạn,
seconds, Vietnamese wall time) and `repeated_supplements` (more than one supplement request
counts late, Decision 766 indicator 2.1). The SQL: `reports.selectors.ontime_counts_direct`
(the GROUP BY reference), the reports' pre-aggregated facts, and `REPEATED_SUPPLEMENTS_SQL`
(the bulk path's fragment)."""

import datetime as dt

import pytest
from django.db import connection

from motcua.clock.domain.worktime import (
    DUNG_HAN,
    QUA_HAN,
    TRUOC_HAN,
    classify_finished,
    classify_national,
    repeated_supplements,
)
from motcua.dossiers.domain.workflow import Status
from motcua.reports.domain.periods import year
from motcua.reports.selectors import ontime_counts_direct, ontime_report
from motcua.reports.services import REPEATED_SUPPLEMENTS_SQL, facts_rebuild
from tests.reports.conftest import VN

DUE = dt.datetime(2024, 5, 15, 10, 0, 0, tzinfo=VN)  # Wednesday 15/5/2024 10:00
SECOND = dt.timedelta(seconds=1)
# (finished, supplement requests): every boundary of both rules.
CASES = [
    (DUE - dt.timedelta(days=1), 0),  # the day before: trước hạn
    (DUE.replace(hour=0, minute=0), 0),  # the due day's first second: đúng hạn
    (DUE - SECOND, 1),  # one second before the due instant, one request: đúng hạn
    (DUE, 0),  # at the due instant: đúng hạn
    (DUE + SECOND, 0),  # one second after: quá hạn
    (DUE + dt.timedelta(microseconds=999_999), 0),  # sub-second after: still đúng hạn
    (DUE - dt.timedelta(days=2), 2),  # early, but two requests: late nationally
    (DUE, 3),
    (DUE + dt.timedelta(days=1), 2),
]


@pytest.mark.parametrize(
    ("requests", "repeated", "national_of_early"),
    [(0, False, TRUOC_HAN), (1, False, TRUOC_HAN), (2, True, QUA_HAN), (7, True, QUA_HAN)],
)
def test_repeated_supplements_table(requests, repeated, national_of_early):
    # Source: Decision 766/QĐ-TTg (2022) indicator 2.1 as the national portal computes it.
    assert repeated_supplements(requests) is repeated
    assert classify_national(TRUOC_HAN, requests) == national_of_early


@pytest.mark.parametrize("requests", range(5))
def test_repeated_supplements_sql_fragment_matches_the_function(db, requests):
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT CASE WHEN {REPEATED_SUPPLEMENTS_SQL} THEN 1 ELSE 0 END "
            "FROM (SELECT %s AS supplement_count) AS d",
            [requests],
        )
        (value,) = cursor.fetchone()
    assert bool(value) is repeated_supplements(requests)


def _wall(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(VN).replace(tzinfo=None)


def test_sql_classification_matches_the_pure_rules(tree, make_dossier):
    ward = tree["A"]
    for finished, requests in CASES:
        make_dossier(
            ward,
            received=DUE - dt.timedelta(days=10),
            due=DUE,
            finished=finished,
            status=Status.RETURNED,
            returned=finished,
            supplements=requests,
        )
    expected = {TRUOC_HAN: 0, DUNG_HAN: 0, QUA_HAN: 0}
    in_time_repeated = 0
    for finished, requests in CASES:
        result = classify_finished(_wall(finished), _wall(DUE))
        expected[result] += 1
        if result != QUA_HAN and repeated_supplements(requests):
            in_time_repeated += 1
    assert expected == {TRUOC_HAN: 2, DUNG_HAN: 5, QUA_HAN: 2}  # the table above, by hand
    period = year(2024)
    ((direct, _extra),) = ontime_counts_direct(period=period, today=dt.date(2025, 1, 1)).values()
    facts_rebuild()
    report = ontime_report(period=period, today=dt.date(2025, 1, 1)).total.counts
    for counts in (direct, report):
        assert (counts.resolved_early, counts.resolved_on_time, counts.resolved_late) == (
            expected[TRUOC_HAN],
            expected[DUNG_HAN],
            expected[QUA_HAN],
        )
        assert counts.resolved_in_time_repeated_supplements == in_time_repeated == 2


def _buckets():
    from motcua.reports.domain.facts import COUNTERS
    from motcua.reports.models import DossierFact

    return sorted(
        (f.grain, f.start, f.unit_id, f.procedure_id, tuple(getattr(f, c) for c in COUNTERS))
        for f in DossierFact.objects.all()
    )


@pytest.mark.postgres
def test_bulk_sql_contribution_equals_the_python_one(tree, make_dossier):
    """`facts_add_from_states` (set-based SQL over the snapshot rows) adds exactly what
    `domain.facts.contribution` adds, for every boundary case of both rules and the 766
    endings (stopped / withdrawn in time or late, with one or two supplement requests)."""
    from motcua.reports.models import DossierFact
    from motcua.reports.services import facts_add_from_states

    ward = tree["A"]
    first = None
    for finished, requests in CASES:
        for status in (Status.RETURNED, Status.STOPPED, Status.WITHDRAWN):
            d = make_dossier(
                ward,
                received=DUE - dt.timedelta(days=10),
                due=DUE,
                finished=finished,
                status=status,
                returned=finished if status == Status.RETURNED else None,
                supplements=requests,
            )
            first = first or d.pk
    make_dossier(ward, received=DUE - dt.timedelta(days=3), due=DUE, supplements=2)
    facts_rebuild()
    python_buckets = _buckets()
    assert python_buckets
    DossierFact.objects.all().delete()
    facts_add_from_states(first_dossier_id=first)
    assert _buckets() == python_buckets
