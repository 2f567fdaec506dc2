"""A dossier keeps the rule set in force when it was received, judged in Vietnamese local time:
TT 01/2018/TT-VPCP from its effective date 8/1/2019, TT 03/2025/TT-VPCP from 30/10/2025 (signed
15/9/2025; the date and the transition are in templates/tt03_2025/forms.json with their source;
dossiers received from 1/7/2025 under Decree 118/2025 but before the circular took effect keep
the 2018 forms)."""

import json
from datetime import UTC, date, datetime

import pytest

from motcua.printing import FormDataError, rule_set_for, rule_sets
from motcua.printing.render import TEMPLATES, manifest

from .conftest import TZ


@pytest.mark.parametrize(
    ("received_at", "expected"),
    [
        (datetime(2021, 3, 15, 8, 0, tzinfo=TZ), "tt01_2018"),
        (date(2019, 1, 8), "tt01_2018"),  # TT 01/2018 effective 8/1/2019
        # Decree 118/2025 in force from 1/7/2025, but TT 03/2025 not yet signed: 2018 forms
        (datetime(2025, 7, 1, 0, 0, tzinfo=TZ), "tt01_2018"),
        (date(2025, 9, 15), "tt01_2018"),  # the day TT 03/2025 was signed
        (datetime(2025, 10, 29, 23, 59, 59, tzinfo=TZ), "tt01_2018"),
        (datetime(2025, 10, 30, 0, 0, tzinfo=TZ), "tt03_2025"),
        # 29/10 17:30 UTC is already 30/10 00:30 in Vietnam.
        (datetime(2025, 10, 29, 17, 30, tzinfo=UTC), "tt03_2025"),
        (datetime(2025, 10, 29, 16, 59, tzinfo=UTC), "tt01_2018"),
        (datetime(2025, 10, 30, 8, 0), "tt03_2025"),  # naive = local wall-clock time
        (date(2026, 12, 1), "tt03_2025"),
    ],
)
def test_rule_set_for(received_at, expected):
    assert rule_set_for(received_at) == expected


def test_both_rule_sets_are_installed():
    assert rule_sets() == ("tt01_2018", "tt03_2025")


def test_nothing_applies_before_the_first_rule_set():
    with pytest.raises(FormDataError, match="Không có bộ biểu mẫu áp dụng"):
        rule_set_for(date(2019, 1, 7))


@pytest.mark.parametrize("key", ["tt01_2018", "tt03_2025"])
def test_each_set_cites_its_source_and_never_applies_before_it_was_signed(key):
    raw = json.loads((TEMPLATES / key / "forms.json").read_text(encoding="utf-8"))
    m = manifest(key)
    assert date.fromisoformat(m["received_from"]) > date.fromisoformat(raw["signed"])
    assert m["name"].split()[-1] in raw["source"]  # the circular's number, e.g. 03/2025/TT-VPCP
    assert raw["transition"] and isinstance(raw["effective_from_confirmed"], bool)
