"""Hole 7 of issue 9: every sign-in form is throttled per account-and-address and per address,
with a sliding window; the owner signing in from another address is never locked out."""

import pytest

from motcua.accounts import ratelimit
from motcua.accounts.models import User
from motcua.accounts.roles import Role
from tests.portal.helpers import sms_code

pytestmark = pytest.mark.django_db

ATTACKER, OWNER = "203.0.113.66", "198.51.100.7"


def test_sliding_window_lets_no_burst_through_across_a_boundary():
    """The old fixed window let 10 checks through in 8 s straddling a boundary; no more."""
    window = ratelimit.LIMITS["login:pair"][1]
    boundary = 1_000_000 * window
    key = ratelimit.pair_key("0912345678", ATTACKER)
    passed = sum(
        ratelimit.ratelimit_hit(scope="login:pair", key=key, now=boundary - 4 + i * 0.8)
        for i in range(10)
    )
    assert passed == ratelimit.LIMITS["login:pair"][0]
    # Half a window later half of the old events still weigh: still blocked ...
    assert ratelimit.ratelimit_blocked(scope="login:pair", key=key, now=boundary + window / 2)
    # ... and the "try again in" is honest: free once that time has passed.
    wait = ratelimit.ratelimit_seconds_left(scope="login:pair", key=key, now=boundary + 10)
    assert 0 < wait <= 2 * window
    assert not ratelimit.ratelimit_blocked(scope="login:pair", key=key, now=boundary + 10 + wait)


def test_limits_are_settings(settings):
    settings.MOTCUA_RATELIMITS = {"login:pair": (2, 60)}
    key = ratelimit.pair_key("x", ATTACKER)
    assert ratelimit.ratelimit_hit(scope="login:pair", key=key, now=6000)
    assert ratelimit.ratelimit_hit(scope="login:pair", key=key, now=6001)
    assert not ratelimit.ratelimit_hit(scope="login:pair", key=key, now=6002)


@pytest.fixture
def citizen(make_user):
    return make_user("dan", Role.CITIZEN, phone="0912345678")


@pytest.mark.parametrize("url", ["/tai-khoan/dang-nhap/", "/cong-dan/dang-nhap/"])
def test_login_forms_slow_the_attacker_not_the_owner(client, citizen, password, url):
    for _ in range(5):
        response = client.post(
            url, {"username": "0912345678", "password": "sai"}, REMOTE_ADDR=ATTACKER
        )
        assert "không đúng" in response.content.decode()
    # The attacker now gets "too many tries" even with the right password ...
    response = client.post(
        url, {"username": "0912345678", "password": password}, REMOTE_ADDR=ATTACKER
    )
    assert "Bạn đã thử quá nhiều lần" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # ... while the owner, from their own address, signs in.
    response = client.post(
        url, {"username": "0912 345 678", "password": password}, REMOTE_ADDR=OWNER
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(citizen.pk)


def test_admin_login_refuses_the_right_password_after_many_wrong_ones(client):
    """Reproduction: /quan-tri/login/ accepted 40 wrong passwords, then the right one."""
    User.objects.create_superuser("root", "root@example.vn", "mat-khau-quan-tri-9")
    for _ in range(40):
        client.post(
            "/quan-tri/login/",
            {"username": "root", "password": "sai-mat-khau"},
            REMOTE_ADDR=ATTACKER,
        )
    response = client.post(
        "/quan-tri/login/",
        {"username": "root", "password": "mat-khau-quan-tri-9"},
        REMOTE_ADDR=ATTACKER,
    )
    assert response.status_code == 200
    assert "Bạn đã thử quá nhiều lần" in response.content.decode()
    assert "_auth_user_id" not in client.session
    response = client.post(
        "/quan-tri/login/",
        {"username": "root", "password": "mat-khau-quan-tri-9"},
        REMOTE_ADDR=OWNER,
    )
    assert response.status_code == 302 and "_auth_user_id" in client.session


def test_one_address_cannot_try_many_admin_accounts(client):
    User.objects.create_superuser("root", "root@example.vn", "mat-khau-quan-tri-9")
    for i in range(ratelimit.LIMITS["login:ip"][0]):
        client.post(
            "/quan-tri/login/", {"username": f"u{i}", "password": "x"}, REMOTE_ADDR=ATTACKER
        )
    response = client.post(
        "/quan-tri/login/",
        {"username": "root", "password": "mat-khau-quan-tri-9"},
        REMOTE_ADDR=ATTACKER,
    )
    assert "Bạn đã thử quá nhiều lần" in response.content.decode()


def test_otp_verification_is_throttled_per_phone_and_address(client, settings):
    # A generous per-code allowance, so the address limit is what stops the guesser here.
    settings.MOTCUA_RATELIMITS = {"otp:pair": (3, 900)}
    form = {
        "full_name": "Võ Thị Em",
        "phone": "0933333333",
        "password1": "em-vo-2025!",
        "password2": "em-vo-2025!",
    }
    client.post("/cong-dan/dang-ky/", form, REMOTE_ADDR=OWNER)
    code = sms_code("0933333333")
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    for _ in range(3):
        client.post("/cong-dan/xac-thuc/", {"code": wrong}, REMOTE_ADDR=ATTACKER)
    blocked = client.post("/cong-dan/xac-thuc/", {"code": code}, REMOTE_ADDR=ATTACKER)
    assert "Bạn đã thử quá nhiều lần" in blocked.content.decode()
    # The same session from the owner's address is not blocked by the attacker's tries.
    response = client.post("/cong-dan/xac-thuc/", {"code": code}, REMOTE_ADDR=OWNER)
    assert response.status_code == 302
    assert User.objects.get(phone="0933333333").is_active
