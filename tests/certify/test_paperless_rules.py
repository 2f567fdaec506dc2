"""The paperless roadmap's pure rules (Decree 45/2020/NĐ-CP art. 25, provincial roadmaps)."""

import datetime as dt

import pytest

from motcua.certify.domain.paperless import (
    Cutover,
    cutover_date,
    digitised_share,
    paper_accepted,
)

D1, D2, D3 = dt.date(2026, 1, 1), dt.date(2026, 7, 1), dt.date(2027, 1, 1)


@pytest.mark.parametrize(
    ("rules", "expected"),
    [
        ([], None),
        ([Cutover(1, False, D1)], D1),
        ([Cutover(1, False, D1), Cutover(0, False, D2)], D2),  # nearest unit wins
        ([Cutover(0, False, D1), Cutover(2, True, D3)], D3),  # procedure rule beats unit-wide
        ([Cutover(2, True, D3), Cutover(0, True, D2)], D2),
    ],
)
def test_which_rule_applies(rules, expected):
    assert cutover_date(rules) == expected


@pytest.mark.parametrize(
    ("cutover", "day", "accepted"),
    [
        (None, D2, True),
        (D2, D1, True),
        (D2, D2 - dt.timedelta(days=1), True),
        (D2, D2, False),
        (D2, D3, False),
    ],
)
def test_paper_accepted(cutover, day, accepted):
    assert paper_accepted(cutover=cutover, day=day) is accepted


def test_digitised_share():
    assert digitised_share(digitised=0, total=0) is None
    assert digitised_share(digitised=3, total=4) == 0.75
