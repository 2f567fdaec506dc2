"""Rate limits against guessing passwords and codes: per phone/identifier and per address."""

import pytest

from motcua.accounts import ratelimit
from motcua.accounts.roles import Role
from tests.portal.helpers import sms_code

pytestmark = pytest.mark.django_db


def test_window_counts_and_resets():
    now = 1_000_000 * 900.0  # start of a 15-minute window
    key = ratelimit.pair_key("0912345678", "10.0.0.1")
    for _ in range(5):
        assert ratelimit.ratelimit_hit(scope="login:pair", key=key, now=now)
    assert ratelimit.ratelimit_blocked(scope="login:pair", key=key, now=now + 10)
    assert not ratelimit.ratelimit_hit(scope="login:pair", key=key, now=now + 20)
    # another key, another scope: untouched
    other = ratelimit.pair_key("0912345678", "10.0.0.2")
    assert not ratelimit.ratelimit_blocked(scope="login:pair", key=other, now=now)
    assert not ratelimit.ratelimit_blocked(scope="otp:pair", key=key, now=now)
    # two windows later nothing is left
    assert not ratelimit.ratelimit_blocked(scope="login:pair", key=key, now=now + 1800)
    ratelimit.ratelimit_reset(scope="login:pair", key=key, now=now)
    assert not ratelimit.ratelimit_blocked(scope="login:pair", key=key, now=now)


def _login(client, username, password):
    return client.post("/cong-dan/dang-nhap/", {"username": username, "password": password})


def test_five_wrong_passwords_lock_the_account_from_that_address_for_a_while(
    client, make_user, password
):
    make_user("dan", Role.CITIZEN, phone="0912345678")
    for _ in range(5):
        text = _login(client, "0912 345 678", "sai-mat-khau").content.decode()
        assert "Số điện thoại, thư điện tử hoặc mật khẩu không đúng." in text
    response = _login(client, "0912345678", password)  # right password, but locked
    assert response.status_code == 200
    assert "Bạn đã thử quá nhiều lần. Vui lòng thử lại sau" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_right_password_clears_the_count(client, make_user, password):
    make_user("dan", Role.CITIZEN, phone="0912345678")
    for _ in range(4):
        _login(client, "0912345678", "sai")
    assert _login(client, "0912345678", password).status_code == 302
    client.logout()
    for _ in range(4):
        _login(client, "0912345678", "sai")
    assert _login(client, "0912345678", password)["Location"] == "/cong-dan/"


def test_one_address_cannot_try_many_accounts(client, make_user, password):
    make_user("dan", Role.CITIZEN, phone="0912345678")
    for i in range(20):
        _login(client, f"ai-do-{i}", "sai")
    response = _login(client, "0912345678", password)
    assert "Bạn đã thử quá nhiều lần" in response.content.decode()


def test_code_guessing_is_limited_per_phone_beyond_the_code_itself(client):
    client.post(
        "/cong-dan/dang-ky/",
        {
            "full_name": "Võ Thị Em",
            "phone": "0933333333",
            "password1": "em-vo-2025!",
            "password2": "em-vo-2025!",
        },
    )
    code = sms_code("0933333333")
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    for _ in range(ratelimit.LIMITS["otp:pair"][0]):
        client.post("/cong-dan/xac-thuc/", {"code": wrong})
    response = client.post("/cong-dan/xac-thuc/", {"code": code})
    assert "Bạn đã thử quá nhiều lần" in response.content.decode()


def test_an_unverified_registration_is_told_how_to_finish(client):
    from motcua.portal.accounts.services import citizen_register

    citizen_register(full_name="Đỗ Văn Giang", password="giang-do-2025!", phone="0944444444")
    wrong = _login(client, "0944444444", "sai").content.decode()
    assert "Số điện thoại, thư điện tử hoặc mật khẩu không đúng." in wrong
    right = _login(client, "0944444444", "giang-do-2025!").content.decode()
    assert "Tài khoản chưa xác thực số điện thoại. Hãy đăng ký lại" in right
    assert "_auth_user_id" not in client.session
