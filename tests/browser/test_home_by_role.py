"""Every demo role signs in through the real login page, sees its home page, signs out."""

import pytest

from motcua.demo.people import DEMO_USERS
from motcua.demo.people import load as load_users
from motcua.demo.units import load as load_units

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    load_units()
    return {row[0]: row for row in load_users()}


@pytest.mark.parametrize(("username", "full_name", "role", "unit_code"), DEMO_USERS)
def test_each_role_logs_in_sees_its_home_and_logs_out(
    page, login, demo, username, full_name, role, unit_code
):
    _, role_label, unit_name = demo[username]
    login(page, username)

    assert page.get_by_role("heading", level=1).inner_text() == f"Xin chào, {full_name}"
    assert page.get_by_test_id("roles").inner_text() == role.label
    assert page.get_by_test_id("unit").inner_text().startswith(unit_name)
    nav = page.get_by_role("navigation", name="Điều hướng chính")
    assert nav.get_by_role("link", name="Trang chủ").is_visible()
    admin_link = nav.get_by_role("link", name="Quản trị")
    assert admin_link.count() == (1 if role.value == "quan_tri" else 0)

    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_url("**/tai-khoan/dang-nhap/")
    page.goto("/")
    assert "/cong-dan/" in page.url  # signed out: home is the citizens' portal again
    page.get_by_role("link", name="Cán bộ, công chức đăng nhập").click()
    page.wait_for_url("**/tai-khoan/dang-nhap/")


def test_wrong_password_stays_on_login_with_message(page, login, demo):
    login(page, "motcua", "sai-mat-khau")
    assert (
        page.get_by_role("alert")
        .inner_text()
        .startswith("Số điện thoại, thư điện tử hoặc mật khẩu không đúng")
    )


def test_home_on_a_phone_sized_screen(phone_page, login, demo):
    login(phone_page, "congdan")
    heading = phone_page.get_by_role("heading", level=1)
    assert heading.is_visible()
    box = heading.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360  # no sideways scrolling on a phone


def test_switch_to_english_and_back(page, login, demo):
    login(page, "giamsat")
    with page.expect_navigation():
        page.get_by_label("Ngôn ngữ / Language").select_option("en")
    assert page.get_by_role("heading", level=1).inner_text() == "Hello, Huỳnh Văn Sơn"
    assert (
        page.get_by_test_id("roles").inner_text() == "Supervisor (People's Council, inspectorate)"
    )
    assert page.get_by_role("button", name="Sign out").is_visible()
    with page.expect_navigation():
        page.get_by_label("Ngôn ngữ / Language").select_option("vi")
    assert page.get_by_role("heading", level=1).inner_text() == "Xin chào, Huỳnh Văn Sơn"
