"""axe-core on the pages around the portal: the shared login and home pages, the citizen's
dossier list, the e-mail reset pages, and the portal in English."""

import pytest
from django.core.cache import cache

from motcua.accounts.roles import Role
from tests.browser.axe import assert_accessible
from tests.portal.data import make_catalogue, make_wards

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _no_rate_limits_left():
    cache.clear()
    yield
    cache.clear()


def test_shared_login_and_home_pages(page, login, make_user):
    page.goto("/tai-khoan/dang-nhap/")
    assert_accessible(page)
    make_user("congdan", Role.CITIZEN)
    login(page, "congdan")
    page.get_by_test_id("current-user").wait_for()
    assert_accessible(page)


def test_citizen_pages_keyboard_and_axe(phone_page, make_user, password):
    page = phone_page
    make_user("dan", Role.CITIZEN, phone="0912345678")
    page.goto("/cong-dan/dang-nhap/")
    # keyboard only: tab to the fields, type, press Enter
    page.get_by_label("Số điện thoại, thư điện tử hoặc tên đăng nhập").focus()
    page.keyboard.type("0912345678")
    page.keyboard.press("Tab")
    page.keyboard.type(password)
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Hồ sơ của tôi").wait_for()
    page.goto("/cong-dan/ho-so/")
    page.get_by_text("Bạn chưa có hồ sơ nào.").wait_for()
    assert_accessible(page)
    # the focused link shows a visible outline
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none")


def test_email_reset_pages(page):
    for url in ("/cong-dan/quen-mat-khau/email/", "/cong-dan/dat-lai-mat-khau/MQ/sai-ma/"):
        page.goto(url)
        assert_accessible(page)


def test_portal_in_english(page):
    make_catalogue(make_wards())
    page.goto("/cong-dan/thu-tuc/")
    with page.expect_navigation():
        page.get_by_label("Ngôn ngữ / Language").select_option("en")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert_accessible(page)
