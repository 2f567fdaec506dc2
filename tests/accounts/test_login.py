"""Signing in: by username, email or phone; demo accounts never work in production."""

import pytest
from django.conf import global_settings
from django.contrib.auth import authenticate
from django.test import override_settings

from motcua.accounts.roles import Role
from motcua.accounts.services import user_create


@pytest.mark.django_db
@pytest.mark.parametrize("login", ["lan", "LAN", "lan@ubnd.gov.vn", "0912345678"])
def test_login_by_username_email_or_phone(login):
    user_create(
        username="lan",
        password="Mật-khẩu-dài-1",
        email="lan@ubnd.gov.vn",
        phone="0912345678",
        roles=[Role.CITIZEN],
    )
    assert authenticate(username=login, password="Mật-khẩu-dài-1").username == "lan"
    assert authenticate(username=login, password="sai") is None


@pytest.mark.django_db
def test_passwords_are_hashed_with_pbkdf2_in_production_settings(settings):
    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS  # what production runs
    user = user_create(username="lan", password="Mật-khẩu-dài-1", roles=[Role.CITIZEN])
    assert user.password.startswith("pbkdf2_sha256$")
    assert "Mật-khẩu-dài-1" not in user.password


@pytest.mark.django_db
def test_demo_account_refused_in_production_settings(settings):
    user_create(username="demo", password="motcua-demo", roles=[Role.SUPERVISOR], is_demo=True)
    assert authenticate(username="demo", password="motcua-demo") is not None
    with override_settings(DEVELOPMENT=False):
        assert authenticate(username="demo", password="motcua-demo") is None


@pytest.mark.django_db
def test_demo_account_created_in_production_has_no_usable_password():
    with override_settings(DEVELOPMENT=False):
        user = user_create(username="demo", password="motcua-demo", roles=[], is_demo=True)
    assert not user.has_usable_password()


@pytest.mark.django_db
def test_login_page_in_vietnamese_and_wrong_password_message(client):
    page = client.get("/tai-khoan/dang-nhap/").content.decode()
    assert "Đăng nhập" in page and 'lang="vi"' in page
    bad = client.post("/tai-khoan/dang-nhap/", {"username": "x", "password": "y"})
    assert "Số điện thoại, thư điện tử hoặc mật khẩu không đúng" in bad.content.decode()
