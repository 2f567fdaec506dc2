"""Decision 766 indicator 2.1 against the seed rate: dossiers still open at the period's end
enter the denominator (in time: on time; overdue: late), and a dossier with more than one
supplement request counts as late nationally while the clock, and the seed rate, say on time."""

from decimal import Decimal

import pytest

from motcua.clock.domain.worktime import CON_HAN, DUNG_HAN, QUA_HAN, SAP_DEN_HAN, TRUOC_HAN
from motcua.reports.domain.ontime import (
    DossierTiming,
    OnTimeCounts,
    format_percent,
    national_sentence,
    seed_sentence,
    tally,
)


def resolved(result, supplements=0, days=None):
    return DossierTiming(result, resolved=True, supplement_requests=supplements, working_days=days)


def still_open(result, supplements=0):
    return DossierTiming(result, resolved=False, supplement_requests=supplements)


# (case, dossiers, seed rate, national numerator, national denominator, national rate)
CASES = [
    ("on time, no supplement", [resolved(DUNG_HAN)], Decimal("100"), 1, 1, Decimal("100")),
    ("on time, one supplement", [resolved(DUNG_HAN, 1)], Decimal("100"), 1, 1, Decimal("100")),
    ("on time, two supplements: late nationally", [resolved(DUNG_HAN, 2)],
     Decimal("100"), 0, 1, Decimal("0")),
    ("early, three supplements", [resolved(TRUOC_HAN, 3)], Decimal("100"), 0, 1, Decimal("0")),
    ("late with two supplements is counted late once", [resolved(QUA_HAN, 2)],
     Decimal("0"), 0, 1, Decimal("0")),
    ("open in time at the period's end", [still_open(CON_HAN)], None, 1, 1, Decimal("100")),
    ("open, due soon, still in time", [still_open(SAP_DEN_HAN)], None, 1, 1, Decimal("100")),
    ("open and overdue at the period's end", [still_open(QUA_HAN)], None, 0, 1, Decimal("0")),
    ("open in time with two supplements", [still_open(CON_HAN, 2)], None, 0, 1, Decimal("0")),
    (
        "mixed: 2/3 resolved in time, 2 of 6 nationally",
        [
            resolved(TRUOC_HAN),
            resolved(DUNG_HAN, 2),
            resolved(QUA_HAN, 3),
            still_open(CON_HAN),
            still_open(SAP_DEN_HAN, 2),
            still_open(QUA_HAN),
        ],
        Decimal("66.67"), 2, 6, Decimal("33.33"),
    ),
]  # fmt: skip


@pytest.mark.parametrize("name,dossiers,seed,num,den,national", CASES, ids=[c[0] for c in CASES])
def test_seed_and_national_rates(name, dossiers, seed, num, den, national):
    counts = tally(dossiers)
    assert counts.seed_rate == seed
    assert counts.national_numerator == num
    assert counts.national_denominator == den
    assert counts.national_rate == national


def test_tally_of_the_mixed_case():
    counts = tally(CASES[-1][1])
    assert counts == OnTimeCounts(
        resolved_early=1,
        resolved_on_time=1,
        resolved_late=1,
        open_in_time=2,
        open_overdue=1,
        resolved_in_time_repeated_supplements=1,
        open_in_time_repeated_supplements=1,
    )


def test_open_dossiers_change_the_national_rate_not_the_seed_rate():
    counts = OnTimeCounts(
        resolved_early=90, resolved_on_time=5, resolved_late=5, open_in_time=40, open_overdue=10
    )
    assert seed_sentence(counts) == "đã giải quyết 95/100 hồ sơ đúng hạn, đạt tỷ lệ 95%"
    assert counts.national_rate == Decimal("90")  # (95 + 40) / 150
    assert national_sentence(counts) == (
        "chỉ số 2.1 (QĐ 766): 135/150 hồ sơ trước hạn, đúng hạn hoặc đang trong hạn, đạt tỷ lệ 90%"
    )


def test_nothing_in_the_period():
    counts = tally([])
    assert counts.national_rate is None
    assert format_percent(counts.national_rate) == "—"
    assert national_sentence(counts) == (
        "chỉ số 2.1: không có hồ sơ đã giải quyết hoặc đang xử lý trong kỳ"
    )


def test_processing_time_counts_only_resolved_dossiers_with_a_time():
    counts = tally(
        [
            resolved(TRUOC_HAN, days=Decimal("3")),
            resolved(DUNG_HAN, days=Decimal("4.5")),
            resolved(QUA_HAN, days=Decimal("5")),
            resolved(DUNG_HAN),  # time not recorded
            still_open(CON_HAN),
        ]
    )
    assert counts.processing_working_days == Decimal("12.5")
    assert counts.processing_timed == 3
    assert counts.average_processing_days == Decimal("4.17")


INVALID = [
    ("resolved cannot be còn hạn", dict(result=CON_HAN, resolved=True)),
    ("open cannot be đúng hạn", dict(result=DUNG_HAN, resolved=False)),
    ("negative supplements", dict(result=DUNG_HAN, resolved=True, supplement_requests=-1)),
]


@pytest.mark.parametrize("name,kwargs", INVALID, ids=[r[0] for r in INVALID])
def test_invalid_dossier_timing(name, kwargs):
    with pytest.raises(ValueError):
        DossierTiming(**kwargs)
