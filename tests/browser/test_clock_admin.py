"""An administrator edits the working calendar in a real browser: month view, an override added
and removed, and Saturday-morning hours for one public service centre."""

import re

import pytest
from playwright.sync_api import expect

from motcua.accounts.roles import Role
from tests.factories import small_tree

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def cell(page, day):
    return page.locator(f'td[data-date="{day}"]')


def test_administrator_edits_the_calendar(page, login, make_user):
    small_tree()
    make_user("quantri", Role.ADMINISTRATOR, full_name="Quản Trị Viên")
    login(page, "quantri")

    # Month view of Tết 2024: the break is closed, the days around it are worked.
    page.goto("/lich-lam-viec/?thang=2024-02")
    expect(page.get_by_role("heading", name="Tháng 2 năm 2024")).to_be_visible()
    expect(cell(page, "2024-02-12")).to_have_attribute("data-status", "non_working")
    expect(cell(page, "2024-02-12")).to_contain_text("Nghỉ")
    expect(cell(page, "2024-02-15")).to_have_attribute("data-status", "working")
    expect(page.get_by_test_id("so-ngay-lam-viec")).to_have_text("16")

    page.get_by_role("link", name="Tháng sau →").click()
    expect(page.get_by_role("heading", name="Tháng 3 năm 2024")).to_be_visible()
    expect(cell(page, "2024-03-06")).to_have_attribute("data-status", "working")

    # A nationwide day off, effective at once.
    page.get_by_label("Ngày", exact=True).fill("2024-03-06")
    page.get_by_label("Loại điều chỉnh").select_option(label="Ngày nghỉ")
    page.get_by_label("Ghi chú, căn cứ").fill("Nghỉ đột xuất do bão")
    page.get_by_role("button", name="Thêm điều chỉnh").click()
    expect(page.get_by_role("status")).to_contain_text("Đã thêm điều chỉnh ngày 06/03/2024")
    expect(cell(page, "2024-03-06")).to_have_attribute("data-status", "non_working")
    expect(cell(page, "2024-03-06")).to_contain_text("Nghỉ đột xuất do bão")
    expect(page.get_by_test_id("so-ngay-lam-viec")).to_have_text("20")
    page.screenshot(path="var/screenshots/clock-month.png", full_page=True)

    page.get_by_role("button", name="Xóa điều chỉnh ngày 06/03/2024").click()
    expect(page.get_by_role("status")).to_contain_text("Đã xóa điều chỉnh")
    expect(cell(page, "2024-03-06")).to_have_attribute("data-status", "working")

    # Saturday-morning hours for the public service centre of ward N.
    page.get_by_label("Đơn vị", exact=True).select_option(value="N.TT")
    page.get_by_role("button", name="Xem").click()
    expect(page).to_have_url(re.compile(r"don_vi=N\.TT"))
    expect(cell(page, "2024-03-09")).to_have_attribute("data-status", "weekend")
    page.get_by_role("link", name="Sửa giờ làm việc").click()
    page.get_by_label(re.compile("Không đặt giờ riêng")).uncheck()
    page.get_by_label("Thứ Bảy, sáng từ").fill("07:30")
    page.get_by_label("Thứ Bảy, sáng đến").fill("11:30")
    page.get_by_role("button", name="Lưu giờ làm việc").click()
    expect(page.get_by_role("status")).to_contain_text("Đã lưu giờ làm việc")
    page.goto("/lich-lam-viec/?thang=2024-03&don_vi=N.TT")
    # Saturday desk hours are reception hours only: the legal calendar, which deadlines use,
    # still rests on Saturday (issue 13 item 7; clock/selectors.legal_hours).
    expect(cell(page, "2024-03-09")).to_have_attribute("data-status", "weekend")
    expect(page.locator("dl.facts")).to_contain_text("Thứ Bảy")
    expect(page.locator("dl.facts")).to_contain_text("07:30–11:30")

    # Every change is in the audit trail with its author.
    page.get_by_role("link", name="Xem nhật ký thay đổi lịch").click()
    mine = page.locator("tbody tr", has_text="Quản Trị Viên")
    expect(mine).to_have_count(3)
    expect(mine.nth(0)).to_contain_text("Đổi giờ làm việc")
    expect(mine.nth(1)).to_contain_text("Xóa điều chỉnh")
    expect(mine.nth(2)).to_contain_text("Thêm điều chỉnh")
    expect(mine.nth(2)).to_contain_text("Nghỉ đột xuất do bão")


def test_officer_cannot_open_the_calendar_administration(page, login, make_user):
    make_user("motcua1", Role.ONE_STOP_OFFICER)
    login(page, "motcua1")
    response = page.goto("/lich-lam-viec/")
    assert response.status == 403
