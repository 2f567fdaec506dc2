"""An officer finds a procedure without typing accents and reads its internal process."""

import pytest

from motcua.accounts.roles import Role
from motcua.demo import catalogue as demo
from motcua.org.models import OrgUnit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_search_then_read_the_steps(page, login, make_user):
    city = OrgUnit.objects.create(code="718", name="Thành phố Thủ Dầu Một", kind="district")
    ward = OrgUnit.objects.create(code="25741", name="Phường Hiệp Thành", kind="ward", parent=city)
    demo.load()
    make_user("motcua_ht", Role.ONE_STOP_OFFICER, unit=ward)
    login(page, "motcua_ht")

    page.goto("/thu-tuc/")
    page.get_by_label("Tìm thủ tục").fill("dang ky khai sinh")
    page.get_by_role("button", name="Tìm").click()
    page.get_by_role("link", name="Thủ tục đăng ký khai sinh", exact=True).click()

    page.get_by_role("heading", name="Thủ tục đăng ký khai sinh").wait_for()
    steps = page.get_by_test_id("quy-trinh")
    assert "Tiếp nhận, kiểm tra hồ sơ" in steps.inner_text()
    assert "Xem xét, ký kết quả" in steps.inner_text()
    assert "15:00" in page.get_by_test_id("thoi-han").inner_text()
