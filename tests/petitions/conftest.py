# ruff: noqa: F811 - fixtures imported from tests/dossiers are used as arguments here
"""Petition test data: the dossier tests' ward, desk and people, and a petition factory that
goes through the services. Times are in March 2025 (no holidays)."""

import pytest

from motcua.petitions import services
from tests.dossiers.conftest import (  # noqa: F401 - fixtures reused as they are
    people,
    procedure,
    receive,
    units,
)
from tests.support.clock import VN, vn  # noqa: F401 - one vn() for the suite

SENDER = {
    "name": "Trần Thị Mai",
    "phone": "0987654321",
    "email": "mai@example.vn",
    "address": "5 Nguyễn Trãi, phường Hiệp Thành",
}


MON_0800 = vn(3, 8)


@pytest.fixture
def submit(units, people):
    """`submit(**overrides)`: an online petition to the ward, sent by the citizen account."""

    def _submit(**kw):
        kw.setdefault("unit", units["ward"])
        kw.setdefault("subject", "procedure")
        kw.setdefault("title", "Thời hạn đăng ký khai sinh quá dài")
        kw.setdefault("content", "Đề nghị rút ngắn thời gian giải quyết thủ tục đăng ký khai sinh.")
        kw.setdefault("sender", SENDER)
        kw.setdefault("user", people["citizen"])
        kw.setdefault("at", MON_0800)
        return services.petition_submit(**kw)

    return _submit


@pytest.fixture
def act(people):
    """`act(petition, action, who, reason="", at=...)` through the service."""

    def _act(petition, action, who, reason="", at=None, **kw):
        actor = people[who] if isinstance(who, str) else who
        return services.petition_transition(
            petition=petition, action=action, actor=actor, reason=reason, at=at, **kw
        )

    return _act


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    # Attachments written by the tests land in a temporary directory, not in var/media.
    settings.MEDIA_ROOT = tmp_path / "media"
