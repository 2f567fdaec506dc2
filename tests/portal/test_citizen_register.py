"""Registering a citizen account: Vietnamese messages for bad input, nothing written on error,
a code by SMS for a phone, role cong_dan."""

import pytest
from django.core.exceptions import ValidationError

from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.portal.accounts.services import citizen_register
from motcua.portal.models import OneTimeCode
from tests.portal.helpers import sms_code, sms_count

pytestmark = pytest.mark.django_db

GOOD = {"full_name": "Nguyễn Thị Hoà", "password": "hoa-sen-2025!", "phone": "0912 345 678"}


def test_phone_registration_creates_an_inactive_citizen_and_texts_a_code():
    user = citizen_register(**GOOD)
    assert user.username == user.phone == "0912345678"
    assert user.has_role(Role.CITIZEN)
    assert not user.is_active
    assert user.check_password("hoa-sen-2025!")
    code = sms_code("0912345678")
    row = OneTimeCode.objects.get(user=user)
    assert code not in row.code_hash and len(row.code_hash) == 64  # hashed at rest
    assert (row.expires_at - row.created_at).total_seconds() == 300


def test_email_only_registration_is_active_at_once():
    user = citizen_register(full_name="Trần Văn An", password="an-khang-2025!", email="An@Ex.vn")
    assert user.is_active and user.email == "an@ex.vn" and user.username == "an@ex.vn"
    assert OneTimeCode.objects.count() == 0


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"full_name": "  "}, "full_name", "Vui lòng nhập họ và tên."),
        ({"phone": "12345"}, "phone", "Số điện thoại không hợp lệ (10 chữ số, ví dụ 0912345678)."),
        ({"phone": ""}, "phone", "Vui lòng nhập số điện thoại hoặc địa chỉ thư điện tử."),
        ({"email": "khong-phai-email"}, "email", "Địa chỉ thư điện tử không hợp lệ."),
        ({"password": "abc1"}, "password", "Mật khẩu quá ngắn: cần ít nhất 8 ký tự."),
        ({"password": "12345678912"}, "password", "Mật khẩu không được chỉ gồm chữ số."),
        (
            {"password": "password123"},
            "password",
            "Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác.",
        ),
    ],
)
def test_bad_input_is_refused_in_vietnamese_and_writes_nothing(changes, field, message):
    with pytest.raises(ValidationError) as exc:
        citizen_register(**{**GOOD, **changes})
    assert message in exc.value.message_dict[field]
    assert User.objects.count() == 0 and OneTimeCode.objects.count() == 0


def test_a_verified_phone_or_known_email_cannot_register_again(make_user):
    make_user("someone", Role.CITIZEN, phone="0912345678", email="hoa@ex.vn")
    with pytest.raises(ValidationError) as exc:
        citizen_register(**GOOD, email="HOA@ex.vn")
    assert exc.value.message_dict["phone"] == [
        "Số điện thoại này đã được đăng ký. Hãy đăng nhập hoặc lấy lại mật khẩu."
    ]
    assert exc.value.message_dict["email"] == [
        "Thư điện tử này đã được đăng ký. Hãy đăng nhập hoặc lấy lại mật khẩu."
    ]


def test_registering_again_an_unverified_phone_takes_the_pending_account_over(settings):
    first = citizen_register(**GOOD)
    OneTimeCode.objects.update(created_at=OneTimeCode.objects.get().created_at.replace(year=2020))
    again = citizen_register(**{**GOOD, "full_name": "Nguyễn Thị Hòa", "password": "moi-hon-2025!"})
    assert again.pk == first.pk and User.objects.count() == 1
    again.refresh_from_db()
    assert again.full_name == "Nguyễn Thị Hòa" and again.check_password("moi-hon-2025!")
    assert sms_count("0912345678") == 2


def test_register_page_shows_messages_next_to_fields(client):
    response = client.post(
        "/cong-dan/dang-ky/",
        {"full_name": "", "phone": "0912", "password1": "abc", "password2": "abd"},
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "Vui lòng nhập thông tin này." in text
    assert "Số điện thoại không hợp lệ" in text
    assert "Hai mật khẩu không giống nhau." in text
    assert 'aria-invalid="true"' in text
    assert User.objects.count() == 0


def test_register_page_password_rules_in_vietnamese(client):
    response = client.post(
        "/cong-dan/dang-ky/",
        {
            "full_name": "Lê Văn Cường",
            "phone": "0912345678",
            "password1": "1234",
            "password2": "1234",
        },
    )
    text = response.content.decode()
    assert "Mật khẩu quá ngắn: cần ít nhất 8 ký tự." in text
    assert "Mật khẩu không được chỉ gồm chữ số." in text
    assert "This password" not in text
    assert User.objects.count() == 0


def test_register_then_verify_through_the_pages(client):
    response = client.post(
        "/cong-dan/dang-ky/",
        {
            "full_name": "Lê Văn Cường",
            "phone": "0912345678",
            "password1": "cuong-2025!",
            "password2": "cuong-2025!",
        },
    )
    assert response["Location"] == "/cong-dan/xac-thuc/"
    page = client.get("/cong-dan/xac-thuc/").content.decode()
    assert "091****678" in page and "0912345678" not in page
    response = client.post("/cong-dan/xac-thuc/", {"code": sms_code("0912345678")})
    assert response["Location"] == "/cong-dan/"
    user = User.objects.get(phone="0912345678")
    assert user.is_active and user.citizen_profile.phone_verified_at is not None
    assert client.get("/cong-dan/").context["user"] == user
