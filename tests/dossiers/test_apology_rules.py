"""`dossiers.domain.apology.apology_check` as a table (sources in the module docstring:
Decree 61/2018/NĐ-CP art. 19 as amended by Decree 107/2021/NĐ-CP; Decree 118/2025/NĐ-CP)."""

import datetime as dt

import pytest

from motcua.dossiers.domain.apology import ApologyRefused, apology_check
from motcua.dossiers.domain.errors import DossierError

from .conftest import DUE, vn

LATER = vn(11, 16)


@pytest.mark.parametrize(
    ("now", "due", "new", "given", "left", "notice", "refusal"),
    [
        (vn(5, 9), DUE, LATER, 0, None, 0, None),
        (DUE - dt.timedelta(seconds=1), DUE, LATER, 0, None, 0, None),
        (DUE, DUE, LATER, 0, None, 0, "đã quá hạn"),  # at the due instant: too late
        (vn(5, 9), DUE, LATER, 1, None, 0, "không quá một lần"),  # once only
        (vn(5, 9), None, LATER, 0, None, 0, "chưa có hạn"),
        (vn(5, 9), DUE, DUE, 0, None, 0, "Ngày hẹn mới"),  # not after the due instant
        (vn(5, 9), DUE, None, 0, None, 0, "Ngày hẹn mới"),
        (vn(5, 9), DUE, LATER, 0, 479, 480, "chậm nhất 8 giờ"),  # one working day notice
        (vn(5, 9), DUE, LATER, 0, 480, 480, None),
        (vn(5, 9), DUE, LATER, 0, 30, 0, None),  # no notice configured
    ],
)
def test_apology_table(now, due, new, given, left, notice, refusal):
    kwargs = dict(
        now=now,
        due_at=due,
        new_appointment=new,
        apologies_given=given,
        working_minutes_left=left,
        notice_minutes=notice,
    )
    if refusal is None:
        apology_check(**kwargs)
    else:
        with pytest.raises(ApologyRefused, match=refusal):
            apology_check(**kwargs)


def test_refusal_is_a_dossier_error_for_the_views_and_api():
    assert issubclass(ApologyRefused, DossierError)
