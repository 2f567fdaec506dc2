"""How times, fees and phone numbers read on the portal (pure)."""

from datetime import time
from decimal import Decimal

import pytest

from motcua.portal.domain.text import minutes_words, money_words, phone_normalize, time_words


@pytest.mark.parametrize(
    ("unit", "value", "cutoff", "expected"),
    [
        ("working_days", Decimal("5"), None, "05 ngày làm việc"),
        ("working_days", Decimal("5.00"), None, "05 ngày làm việc"),
        ("working_days", Decimal("15"), None, "15 ngày làm việc"),
        ("working_days", Decimal("1.5"), None, "1,5 ngày làm việc"),
        ("working_hours", Decimal("4"), None, "04 giờ làm việc"),
        ("same_day", Decimal("1"), time(15, 0), "Trong ngày (nộp trước 15:00)"),
        ("same_day", Decimal("1"), None, "Trong ngày"),
    ],
)
def test_time_words(unit, value, cutoff, expected):
    assert time_words(unit, value, cutoff) == expected


@pytest.mark.parametrize(
    ("minutes", "expected"),
    [
        (120, "02 giờ làm việc"),
        (480, "01 ngày làm việc"),
        (720, "1,5 ngày làm việc"),
        (500, "1,04 ngày làm việc"),
        (90, "90 phút làm việc"),
    ],
)
def test_minutes_words(minutes, expected):
    assert minutes_words(minutes) == expected


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (50000, "50.000 đồng"),
        (2000, "2.000 đồng"),
        (1500000, "1.500.000 đồng"),
        (100, "100 đồng"),
        (0, "Miễn phí"),
    ],
)
def test_money_words(amount, expected):
    assert money_words(amount) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0912345678", "0912345678"),
        ("0912 345 678", "0912345678"),
        ("+84 912.345.678", "0912345678"),
        ("84912345678", "0912345678"),
        ("0312-345-678", "0312345678"),
        ("091234567", None),  # nine digits
        ("0212345678", None),  # landline prefix
        ("09123456789", None),
        ("abc", None),
        ("", None),
    ],
)
def test_phone_normalize(text, expected):
    assert phone_normalize(text) == expected
