"""The seed article's on-time rate: (trước hạn + đúng hạn) ÷ đã giải quyết, in Vietnamese
number format, exact Decimal arithmetic rounded half up to two decimals."""

from decimal import Decimal

import pytest

from motcua.reports.domain.ontime import (
    OnTimeCounts,
    average_days_text,
    format_percent,
    percent,
    seed_sentence,
)

# (period, early, on time, late, rate, sentence) — the seed's three published figures.
SEED = [
    (
        "2021",
        20000,
        5925,
        44,
        Decimal("99.83"),
        "đã giải quyết 25.925/25.969 hồ sơ đúng hạn, đạt tỷ lệ 99,83%",
    ),
    (
        "2022",
        45000,
        817,
        3,
        Decimal("99.99"),
        "đã giải quyết 45.817/45.820 hồ sơ đúng hạn, đạt tỷ lệ 99,99%",
    ),
    (
        "Q1/2023",
        7000,
        834,
        0,
        Decimal("100"),
        "đã giải quyết 7.834/7.834 hồ sơ đúng hạn, đạt tỷ lệ 100%",
    ),
]


@pytest.mark.parametrize("period,early,on_time,late,rate,sentence", SEED, ids=[r[0] for r in SEED])
def test_seed_figures(period, early, on_time, late, rate, sentence):
    counts = OnTimeCounts(resolved_early=early, resolved_on_time=on_time, resolved_late=late)
    assert counts.seed_rate == rate
    assert seed_sentence(counts) == sentence


def test_whole_percentage_prints_without_decimals():
    assert format_percent(Decimal("100.00")) == "100%"
    assert format_percent(Decimal("95.00")) == "95%"


ROUNDING = [
    ("half up, not banker's: 0,625 → 0,63", 1, 160, Decimal("0.63"), "0,63%"),
    ("99,835 → 99,84", 19967, 20000, Decimal("99.84"), "99,84%"),
    ("2/3", 2, 3, Decimal("66.67"), "66,67%"),
    ("trailing zero kept when not whole", 1, 8, Decimal("12.50"), "12,50%"),
    ("thousands in the numerator side", 1234567, 1234567, Decimal("100"), "100%"),
]


@pytest.mark.parametrize("name,num,den,value,text", ROUNDING, ids=[r[0] for r in ROUNDING])
def test_rounding(name, num, den, value, text):
    assert percent(num, den) == value
    assert format_percent(percent(num, den)) == text


def test_nothing_resolved_is_not_a_division_error():
    counts = OnTimeCounts(open_in_time=3)
    assert counts.seed_rate is None
    assert format_percent(counts.seed_rate) == "—"
    assert seed_sentence(counts) == "chưa giải quyết hồ sơ nào trong kỳ"


AVERAGES = [
    ("12,5 days over 3 dossiers", Decimal("12.5"), 3, Decimal("4.17"), "4,17 ngày làm việc"),
    ("whole number", Decimal("10"), 5, Decimal("2"), "2 ngày làm việc"),
    ("half up on the third decimal", Decimal("0.045"), 1, Decimal("0.05"), "0,05 ngày làm việc"),
    ("no timed dossier", Decimal("0"), 0, None, "—"),
]


@pytest.mark.parametrize("name,days,timed,average,text", AVERAGES, ids=[r[0] for r in AVERAGES])
def test_average_processing_days(name, days, timed, average, text):
    counts = OnTimeCounts(resolved_on_time=5, processing_working_days=days, processing_timed=timed)
    assert counts.average_processing_days == average
    assert average_days_text(counts) == text


def test_roll_up_adds_children():
    ward_a = OnTimeCounts(resolved_early=10, resolved_late=1, open_overdue=2)
    ward_b = OnTimeCounts(resolved_on_time=5, open_in_time=4, open_in_time_repeated_supplements=1)
    city = ward_a + ward_b
    assert city == OnTimeCounts(
        resolved_early=10,
        resolved_on_time=5,
        resolved_late=1,
        open_in_time=4,
        open_overdue=2,
        open_in_time_repeated_supplements=1,
    )
    assert city.seed_rate == Decimal("93.75")  # 15/16


INVALID = [
    ("negative count", {"resolved_late": -1}),
    ("repeated supplements above the in-time resolved", {
        "resolved_early": 1, "resolved_in_time_repeated_supplements": 2,
    }),
    ("repeated supplements above the in-time open", {
        "open_in_time": 0, "open_overdue": 3, "open_in_time_repeated_supplements": 1,
    }),
    ("more timed dossiers than resolved", {"resolved_on_time": 1, "processing_timed": 2}),
]  # fmt: skip


@pytest.mark.parametrize("name,kwargs", INVALID, ids=[r[0] for r in INVALID])
def test_inconsistent_counts_are_refused(name, kwargs):
    with pytest.raises(ValueError):
        OnTimeCounts(**kwargs)
