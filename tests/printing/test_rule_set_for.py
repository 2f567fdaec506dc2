"""A dossier keeps the rule set in force when it was received: TT 01/2018 before 1/7/2025,
TT 03/2025 from then (Decree 118/2025/NĐ-CP), judged in Vietnamese local time."""

from datetime import UTC, date, datetime

import pytest

from motcua.printing import FormDataError, rule_set_for, rule_sets

from .conftest import TZ


@pytest.mark.parametrize(
    ("received_at", "expected"),
    [
        (datetime(2021, 3, 15, 8, 0, tzinfo=TZ), "tt01_2018"),
        (datetime(2025, 6, 30, 23, 59, tzinfo=TZ), "tt01_2018"),
        (datetime(2025, 7, 1, 0, 0, tzinfo=TZ), "tt03_2025"),
        # 30/6 17:30 UTC is already 1/7 00:30 in Vietnam.
        (datetime(2025, 6, 30, 17, 30, tzinfo=UTC), "tt03_2025"),
        (datetime(2025, 6, 30, 16, 59, tzinfo=UTC), "tt01_2018"),
        (datetime(2025, 7, 1, 8, 0), "tt03_2025"),  # naive = local wall-clock time
        (date(2025, 6, 30), "tt01_2018"),
        (date(2025, 9, 15), "tt03_2025"),
    ],
)
def test_rule_set_for(received_at, expected):
    assert rule_set_for(received_at) == expected


def test_both_rule_sets_are_installed():
    assert rule_sets() == ("tt01_2018", "tt03_2025")


def test_nothing_applies_before_the_first_rule_set():
    with pytest.raises(FormDataError, match="Không có bộ biểu mẫu áp dụng"):
        rule_set_for(date(2010, 1, 1))
