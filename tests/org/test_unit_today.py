"""A dossier of a dissolved unit shows who carries on its work today."""

import datetime as dt

import pytest

from motcua.demo.units import load
from motcua.org.models import OrgUnit
from motcua.org.templatetags.org_units import unit_today

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def december_2026(monkeypatch):
    monkeypatch.setattr(
        "motcua.org.templatetags.org_units.timezone.localdate", lambda: dt.date(2026, 12, 1)
    )
    load()


@pytest.mark.parametrize(
    ("code", "shown"),
    [
        ("79.25747", "Phường Thủ Dầu Một"),
        ("25747", "Phường Phú Cường (nay: Phường Thủ Dầu Một)"),
        ("25741", "Phường Hiệp Thành (nay: Phường Thủ Dầu Một, Phường Phú Lợi)"),
        (
            "25747.MC",
            "Bộ phận Tiếp nhận và Trả kết quả phường Phú Cường (nay: Trung tâm Phục vụ hành "
            "chính công phường Thủ Dầu Một — Phường Thủ Dầu Một)",
        ),
        ("718", "Thành phố Thủ Dầu Một (đã giải thể)"),
    ],
)
def test_unit_today(code, shown):
    assert unit_today(OrgUnit.objects.get(code=code)) == shown
