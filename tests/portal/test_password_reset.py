"""Resetting a forgotten password with a code sent to the phone, or with an e-mailed link."""

import re

import pytest
from django.core import mail

from motcua.accounts.models import User
from motcua.accounts.roles import Role
from tests.portal.helpers import sms_code, sms_count

pytestmark = pytest.mark.django_db


@pytest.fixture
def citizen(make_user):
    return make_user("dan", Role.CITIZEN, phone="0912345678", email="dan@ex.vn")


def test_reset_by_phone_code(client, citizen):
    response = client.post("/cong-dan/quen-mat-khau/", {"phone": "0912 345 678"})
    assert response["Location"] == "/cong-dan/quen-mat-khau/ma/"
    code = sms_code("0912345678")
    response = client.post(
        "/cong-dan/quen-mat-khau/ma/",
        {"code": code, "new_password1": "mat-khau-moi-9", "new_password2": "mat-khau-moi-9"},
    )
    assert response["Location"] == "/cong-dan/dang-nhap/"
    citizen.refresh_from_db()
    assert citizen.check_password("mat-khau-moi-9")


def test_weak_new_password_keeps_the_code_and_the_old_password(client, citizen, password):
    client.post("/cong-dan/quen-mat-khau/", {"phone": "0912345678"})
    code = sms_code("0912345678")
    text = client.post(
        "/cong-dan/quen-mat-khau/ma/",
        {"code": code, "new_password1": "12345678", "new_password2": "12345678"},
    ).content.decode()
    assert "Mật khẩu không được chỉ gồm chữ số." in text
    citizen.refresh_from_db()
    assert citizen.check_password(password)
    client.post(
        "/cong-dan/quen-mat-khau/ma/",
        {"code": code, "new_password1": "mat-khau-moi-9", "new_password2": "mat-khau-moi-9"},
    )
    citizen.refresh_from_db()
    assert citizen.check_password("mat-khau-moi-9")


def test_unknown_phone_gets_the_same_answer_and_no_sms(client, citizen):
    response = client.post("/cong-dan/quen-mat-khau/", {"phone": "0999999999"}, follow=True)
    assert "Nếu số điện thoại đã đăng ký, mã xác thực đã được gửi" in response.content.decode()
    assert sms_count("0999999999") == 0
    text = client.post(
        "/cong-dan/quen-mat-khau/ma/",
        {"code": "123456", "new_password1": "mat-khau-moi-9", "new_password2": "mat-khau-moi-9"},
    ).content.decode()
    assert "Chưa có mã xác thực nào đang chờ" in text


def test_reset_by_email_link(client, citizen):
    response = client.post("/cong-dan/quen-mat-khau/email/", {"email": "DAN@ex.vn"})
    assert response["Location"] == "/cong-dan/quen-mat-khau/email/da-gui/"
    (message,) = mail.outbox
    assert message.subject == "Đặt lại mật khẩu trên Hệ thống Một cửa điện tử"
    assert "Kính gửi Ông/Bà Dan," in message.body
    link = re.search(r"https?://[^/]+(/cong-dan/dat-lai-mat-khau/\S+)", message.body).group(1)
    form_url = client.get(link)["Location"]  # Django swaps the token for a session marker
    text = client.post(form_url, {"new_password1": "abc", "new_password2": "abc"}).content.decode()
    assert "Mật khẩu quá ngắn: cần ít nhất 8 ký tự." in text
    assert "This password" not in text
    response = client.post(
        form_url, {"new_password1": "mat-khau-moi-9", "new_password2": "mat-khau-moi-9"}
    )
    assert response["Location"] == "/cong-dan/dat-lai-mat-khau/xong/"
    assert User.objects.get(pk=citizen.pk).check_password("mat-khau-moi-9")
    # the link works once
    assert "không hợp lệ" in client.get(link, follow=True).content.decode()


def test_email_reset_for_an_unknown_address_sends_nothing(client, citizen):
    response = client.post("/cong-dan/quen-mat-khau/email/", {"email": "ai@ex.vn"})
    assert response.status_code == 302
    assert mail.outbox == []
