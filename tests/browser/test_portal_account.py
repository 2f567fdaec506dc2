"""A citizen on a phone registers, verifies the phone with the SMS code (read from the
notification outbox), sees "Hồ sơ của tôi", signs out and in, and resets a forgotten password.
Every page passes the axe-core check."""

import pytest
from django.core.cache import cache

from motcua.accounts.models import User
from tests.browser.axe import assert_accessible
from tests.portal.helpers import sms_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = "0912345678"


@pytest.fixture(autouse=True)
def _no_rate_limits_left():
    cache.clear()
    yield
    cache.clear()


def _portal_login(page, username, password):
    page.goto("/cong-dan/dang-nhap/")
    assert_accessible(page)
    page.get_by_label("Số điện thoại, thư điện tử hoặc tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()


def _portal_logout(page):
    nav = page.get_by_role("navigation", name="Cổng dịch vụ công")
    nav.get_by_role("button", name="Đăng xuất").click()
    nav.get_by_role("link", name="Đăng nhập").wait_for()


def test_register_verify_login_and_reset(phone_page):
    page = phone_page
    page.goto("/cong-dan/")
    page.get_by_role("link", name="Đăng ký tài khoản").first.click()
    assert_accessible(page)

    # a mistake first: the messages come back next to the fields
    page.get_by_label("Họ và tên").fill("Nguyễn Thị Hoà")
    page.get_by_label("Số điện thoại di động").fill("0912 345 678")
    page.get_by_label("Mật khẩu", exact=True).fill("12345678")
    page.get_by_label("Nhập lại mật khẩu").fill("12345678")
    page.get_by_role("button", name="Đăng ký").click()
    page.get_by_text("Mật khẩu không được chỉ gồm chữ số.").wait_for()
    assert_accessible(page)

    page.get_by_label("Mật khẩu", exact=True).fill("hoa-sen-2025!")
    page.get_by_label("Nhập lại mật khẩu").fill("hoa-sen-2025!")
    page.get_by_role("button", name="Đăng ký").click()
    page.get_by_role("heading", name="Xác thực số điện thoại").wait_for()
    assert "091****678" in page.inner_text("main")
    assert_accessible(page)

    page.get_by_label("Mã xác thực (6 chữ số)").fill(
        "000000" if sms_code(PHONE) != "000000" else "1"
    )
    page.get_by_role("button", name="Xác thực").click()
    page.get_by_text("Mã xác thực không đúng. Còn 4 lần thử.").wait_for()
    page.get_by_label("Mã xác thực (6 chữ số)").fill(sms_code(PHONE))
    page.get_by_role("button", name="Xác thực").click()
    page.get_by_text("Đã xác thực số điện thoại.").wait_for()
    page.get_by_role("heading", name="Hồ sơ của tôi").wait_for()
    assert "Bạn chưa có hồ sơ nào." in page.inner_text("main")
    assert_accessible(page)
    assert User.objects.get(phone=PHONE).is_active

    _portal_logout(page)
    _portal_login(page, "0912 345 678", "hoa-sen-2025!")
    page.get_by_role("heading", name="Hồ sơ của tôi").wait_for()
    _portal_logout(page)

    # forgotten password: a code by SMS
    page.goto("/cong-dan/dang-nhap/")
    page.get_by_role("link", name="Quên mật khẩu?").click()
    assert_accessible(page)
    page.get_by_label("Số điện thoại đã đăng ký").fill(PHONE)
    page.get_by_role("button", name="Gửi mã").click()
    page.get_by_role("heading", name="Đặt lại mật khẩu").wait_for()
    assert_accessible(page)
    page.get_by_label("Mã xác thực (6 chữ số)").fill(sms_code(PHONE))
    page.get_by_label("Mật khẩu mới", exact=True).fill("sen-hong-2026!")
    page.get_by_label("Nhập lại mật khẩu mới").fill("sen-hong-2026!")
    page.get_by_role("button", name="Đặt lại mật khẩu").click()
    page.get_by_text("Đã đặt lại mật khẩu.").wait_for()
    _portal_login(page, PHONE, "hoa-sen-2025!")
    page.get_by_text("mật khẩu không đúng").wait_for()
    page.get_by_label("Mật khẩu").fill("sen-hong-2026!")
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_role("heading", name="Hồ sơ của tôi").wait_for()
