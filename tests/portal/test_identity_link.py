"""The extension point for VNeID/OIDC: one external identity maps to one local account."""

import pytest
from django.core.exceptions import ValidationError

from motcua.accounts.roles import Role
from motcua.portal.accounts import identity
from motcua.portal.accounts.selectors import user_for_identity
from motcua.portal.accounts.services import identity_link_create

pytestmark = pytest.mark.django_db


def test_link_and_find(make_user):
    dan = make_user("dan", Role.CITIZEN)
    identity_link_create(user=dan, provider="VNeID", subject=" 0123-abc ")
    assert user_for_identity(provider="vneid", subject="0123-abc") == dan
    assert user_for_identity(provider="vneid", subject="other") is None


def test_one_subject_cannot_point_at_two_accounts(make_user):
    identity_link_create(user=make_user("dan", Role.CITIZEN), provider="vneid", subject="s1")
    with pytest.raises(ValidationError, match="đã được liên kết với một tài khoản khác"):
        identity_link_create(user=make_user("dan2", Role.CITIZEN), provider="vneid", subject="s1")


def test_no_provider_ships_and_a_registered_one_is_listed(client, monkeypatch):
    assert identity.providers() == []
    monkeypatch.setattr(identity, "_PROVIDERS", {})

    class Fake:
        key, label = "vneid", "Tài khoản định danh điện tử VNeID"

    identity.provider_register(Fake())
    assert (
        "Tài khoản định danh điện tử VNeID" in client.get("/cong-dan/dang-nhap/").content.decode()
    )
