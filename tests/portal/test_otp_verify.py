"""Checking one-time codes: 5-minute expiry, 5 wrong tries, resend throttle, single use."""

from datetime import timedelta

import pytest
from django.utils import timezone

from motcua.notifications.models import Notification
from motcua.portal.accounts import services
from motcua.portal.accounts.services import OtpInvalid, OtpThrottled
from motcua.portal.models import OneTimeCode
from tests.portal.helpers import sms_code, sms_count

pytestmark = pytest.mark.django_db

PHONE = "0987654321"
VERIFY = services.Purpose.VERIFY_PHONE


@pytest.fixture
def pending():
    now = timezone.now()
    user = services.citizen_register(
        full_name="Phạm Minh Đức", password="duc-minh-2025!", phone=PHONE, now=now
    )
    return user, now


def _wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


def test_right_code_within_five_minutes_activates(pending):
    user, t0 = pending
    services.citizen_phone_verify(user=user, code=sms_code(PHONE), now=t0 + timedelta(minutes=4))
    user.refresh_from_db()
    assert user.is_active


def test_code_expires_after_five_minutes(pending):
    user, t0 = pending
    with pytest.raises(OtpInvalid, match="hết hạn"):
        services.citizen_phone_verify(
            user=user, code=sms_code(PHONE), now=t0 + timedelta(minutes=5)
        )
    user.refresh_from_db()
    assert not user.is_active


def test_five_wrong_tries_burn_the_code_even_the_right_one_after(pending):
    user, t0 = pending
    code = sms_code(PHONE)
    for left in (4, 3, 2, 1):
        with pytest.raises(OtpInvalid, match=f"Còn {left} lần thử"):
            services.otp_verify(user=user, purpose=VERIFY, code=_wrong(code), now=t0)
    with pytest.raises(OtpInvalid, match="quá số lần"):
        services.otp_verify(user=user, purpose=VERIFY, code=_wrong(code), now=t0)
    assert OneTimeCode.objects.get().attempts == 5  # counted although each call raised
    with pytest.raises(OtpInvalid, match="quá số lần"):
        services.otp_verify(user=user, purpose=VERIFY, code=code, now=t0)


def test_a_code_works_once(pending):
    user, t0 = pending
    code = sms_code(PHONE)
    services.otp_verify(user=user, purpose=VERIFY, code=code, now=t0)
    with pytest.raises(OtpInvalid, match="đã được sử dụng"):
        services.otp_verify(user=user, purpose=VERIFY, code=code, now=t0)


def test_resend_waits_a_minute_and_only_the_newest_code_works(pending):
    user, t0 = pending
    first = sms_code(PHONE)
    with pytest.raises(OtpThrottled, match="chờ 30 giây"):
        services.otp_send(user=user, purpose=VERIFY, now=t0 + timedelta(seconds=30))
    assert sms_count(PHONE) == 1
    services.otp_send(user=user, purpose=VERIFY, now=t0 + timedelta(seconds=60))
    second = sms_code(PHONE)
    if second != first:  # one chance in a million that both are equal
        with pytest.raises(OtpInvalid, match="không đúng"):
            services.otp_verify(
                user=user, purpose=VERIFY, code=first, now=t0 + timedelta(seconds=61)
            )
    services.otp_verify(user=user, purpose=VERIFY, code=second, now=t0 + timedelta(seconds=61))


def test_at_most_five_codes_an_hour_to_one_phone(pending):
    user, t0 = pending
    for i in range(1, 5):
        services.otp_send(user=user, purpose=VERIFY, now=t0 + timedelta(minutes=2 * i))
    with pytest.raises(OtpThrottled, match="quá nhiều mã"):
        services.otp_send(user=user, purpose=VERIFY, now=t0 + timedelta(minutes=10))
    assert sms_count(PHONE) == 5
    services.otp_send(user=user, purpose=VERIFY, now=t0 + timedelta(minutes=61))
    assert sms_count(PHONE) == 6


def test_sms_text(pending):
    from motcua.notifications.models import Notification

    sms = Notification.objects.get(event="account.otp")
    assert sms.channel == "sms" and sms.recipient == PHONE
    # Without diacritics, in one 160-character SMS (notifications.domain.sms_text).
    assert sms.body == (
        "•••••• la ma xac thuc (xac thuc so dien thoai) tren He thong Mot cua dien "
        "tu, co hieu luc 5 phut. Khong cung cap ma nay cho bat ky ai."
    )
    assert len(sms.body) <= 160


def test_resend_button_is_throttled_too(client):
    client.post(
        "/cong-dan/dang-ky/",
        {
            "full_name": "Phạm Minh Đức",
            "phone": PHONE,
            "password1": "duc-minh-2025!",
            "password2": "duc-minh-2025!",
        },
    )
    response = client.post("/cong-dan/xac-thuc/gui-lai/", follow=True)
    assert "Vui lòng chờ" in response.content.decode()
    assert sms_count(PHONE) == 1


def test_code_goes_out_in_the_account_language(pending):
    """A citizen who reads the site in English gets the code's SMS in English (notification
    texts follow `User.language`); the code in it still works."""
    user, t0 = pending
    user.language = "en"
    user.save(update_fields=["language"])
    later = t0 + timedelta(minutes=2)
    services.otp_send(user=user, purpose=VERIFY, now=later)
    sms = Notification.objects.filter(event="account.otp", recipient=PHONE).order_by("-id")[0]
    assert "verification code" in sms.body
    assert "mã xác thực" not in sms.body.lower()
    services.citizen_phone_verify(user=user, code=sms_code(PHONE), now=later)
    user.refresh_from_db()
    assert user.is_active
