"""Journeys through today's world, in a real browser, on exactly the data `make run` loads
(`motcua demo-data`, the same loader; the 2021–2023 history profile is left out for speed: it
only feeds the reports), with the clock on Tuesday 1 December 2026, 10:00 in Vietnam.

- A ward-level dossier at the counter of Phường Thủ Dầu Một: received, receipt and control
  sheet printed and read, processed, signed, returned.
- A land dossier sent by the ward to the city's Sở Nông nghiệp và Môi trường (liên thông) and
  back; a household business reviewed by the department head and signed by the leader.
- Cash at the counter for a dossier waiting for its fee.
- An online filer downloads the electronic result, the desk hands it over, the citizen rates.
- The worker delivers every notification these changes wrote.
Screenshots of the desk's worklist and the portal at phone and desktop widths are saved for
review (conftest: `var/journeys-shots/`). The world is loaded once for the folder (conftest).
"""

import io

import pytest
from django.core.management import call_command

from motcua.dossiers.domain.workflow import Status
from motcua.dossiers.models import Dossier
from motcua.notifications.models import Notification
from tests.browser.journeys.conftest import open_dossier, pdf_text, shot
from tests.browser.test_dossier_walk import act

pytestmark = [pytest.mark.browser]


def test_ward_dossier_at_the_counter_from_reception_to_return(world, as_user):
    desk = as_user("motcua")
    desk.goto("/ho-so/?tab=can-xu-ly")
    shot(desk, "desk-worklist")
    received = Dossier.objects.get(
        status=Status.RECEIVED, unit__code="79.25747.PVHCC"
    )  # received this morning at the counter
    desk.get_by_role("link", name=received.code).click()
    assert desk.get_by_test_id("status").inner_text() == "Được tiếp nhận"

    receipt = pdf_text(desk, desk.get_by_role("link", name="In giấy tiếp nhận (Mẫu 01)")
                       .get_attribute("href"))  # fmt: skip
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in receipt
    assert received.code in receipt and "PHƯỜNG THỦ DẦU MỘT" in receipt.upper()
    assert "Thủ tục đăng ký kết hôn" in receipt
    sheet = pdf_text(desk, desk.get_by_role("link", name="In phiếu kiểm soát quá trình giải quyết")
                     .get_attribute("href"))  # fmt: skip
    assert "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" in sheet and received.code in sheet

    act(
        desk,
        "assign",
        select={"Giao cho": "Trần Văn Minh — Văn phòng HĐND và UBND phường Thủ Dầu Một"},
    )
    assert desk.get_by_test_id("status").inner_text() == "Đang xử lý"

    world.advance(minutes=30)
    specialist = as_user("chuyenvien")
    specialist.goto("/ho-so/")
    specialist.get_by_role("link", name=received.code).click()
    act(specialist, "forward")
    leader = as_user("lanhdao")
    leader.goto("/ho-so/")  # "Chờ ký"
    leader.get_by_role("link", name=received.code).click()
    world.advance(minutes=30)
    act(leader, "sign")
    act(leader, "mark_result_ready")
    assert leader.get_by_test_id("status").inner_text() == "Đã xử lý xong"

    desk.goto("/ho-so/?tab=cho-tra-ket-qua")
    assert desk.get_by_role("link", name=received.code).count() == 1
    desk.get_by_role("link", name=received.code).click()
    world.advance(hours=1)
    act(desk, "return_result")
    assert desk.get_by_test_id("status").inner_text() == "Đã trả kết quả"
    timeline = desk.get_by_test_id("timeline").inner_text()
    for label in ("Tiếp nhận hồ sơ", "Ký kết quả", "Trả kết quả"):
        assert label in timeline


def test_land_dossier_goes_to_the_city_department_and_back(world, as_user):
    land = Dossier.objects.get(current_unit__code="79.SNNMT")
    city = as_user("chuyenvien.so")
    city.goto("/ho-so/")
    city.get_by_role("link", name=land.code).click()
    assert "Sở Nông nghiệp và Môi trường" in city.get_by_test_id("don-vi-xu-ly").inner_text()
    act(city, "transfer_return", fill={"Ghi chú": "Đã trích đo thửa đất"})
    assert "đã chuyển khỏi đơn vị của bạn" in city.locator(".messages").inner_text()

    ward = as_user("chuyenvien2")
    open_dossier(ward, land.code)
    assert "Phòng Kinh tế, Hạ tầng và Đô thị" in ward.get_by_test_id("don-vi-xu-ly").inner_text()
    picker = ward.get_by_test_id("action-transfer")
    if picker.locator("summary").count():
        picker.locator("summary").click()
    offered = picker.get_by_label("Chuyển đến đơn vị").inner_text()
    assert "Sở Tư pháp Thành phố Hồ Chí Minh" in offered
    assert "Thủ Dầu Một" not in offered.replace("phường Thủ Dầu Một", "")  # no dissolved city


def test_department_head_reviews_and_the_leader_signs(world, as_user):
    business = Dossier.objects.get(
        procedure_version__procedure__national_code="1.001612", channel=3
    )  # the postal household business, waiting for the head
    head = as_user("lanhdaophong2")
    head.goto("/ho-so/")  # "Chờ duyệt"
    head.get_by_role("link", name=business.code).click()
    act(head, "approve")
    leader = as_user("lanhdao")
    leader.goto("/ho-so/")
    assert leader.get_by_role("link", name=business.code).count() == 1


def test_cash_at_the_counter_resumes_the_dossier(world, as_user):
    waiting = Dossier.objects.get(status=Status.PAYMENT_REQUESTED)
    desk = as_user("motcua")
    open_dossier(desk, waiting.code)
    assert desk.get_by_label("Số tiền đã nộp (đồng)").input_value() == "75000"
    with desk.expect_navigation():
        desk.get_by_role("button", name="Ghi nhận đã nộp tại quầy").click()
    assert "Đã ghi nhận khoản nộp tại quầy" in desk.locator(".messages").inner_text()
    assert desk.get_by_test_id("status").inner_text() == "Đang xử lý"


def test_citizen_downloads_the_electronic_result_and_rates(world, as_user):
    online = Dossier.objects.get(status=Status.RESOLVED, channel=2)
    citizen = as_user(None, phone=True)
    citizen.goto("/")
    assert "/cong-dan/" in citizen.url
    shot(citizen, "portal-home")
    citizen.get_by_label("Tìm thủ tục (gõ có dấu hoặc không dấu)").fill("dang ki khai sinh")
    citizen.get_by_role("button", name="Tìm").click()
    assert citizen.get_by_role("link", name="Thủ tục đăng ký khai sinh", exact=True).count() >= 1

    citizen.goto("/cong-dan/dang-nhap/")
    citizen.get_by_label("Số điện thoại, thư điện tử hoặc tên đăng nhập").fill("congdan")
    citizen.get_by_label("Mật khẩu").fill("motcua-demo")
    with citizen.expect_navigation():
        citizen.get_by_role("button", name="Đăng nhập").click()
    citizen.goto(f"/cong-dan/ho-so/{online.code}/")
    link = citizen.get_by_test_id("ket-qua").get_by_role("link")
    assert "Giấy khai sinh (bản điện tử)" in link.inner_text()
    download = citizen.request.get(link.get_attribute("href"))
    assert download.ok and download.body().startswith(b"%PDF-")
    shot(citizen, "portal-dossier")

    desk = as_user("motcua")
    open_dossier(desk, online.code)
    act(desk, "return_result")
    citizen.reload()
    citizen.get_by_label("Rất hài lòng").scroll_into_view_if_needed()
    shot(citizen, "portal-rating")
    citizen.get_by_label("Rất hài lòng").check()
    with citizen.expect_navigation():
        citizen.get_by_role("button", name="Gửi đánh giá").click()
    assert "Rất hài lòng" in citizen.get_by_test_id("da-danh-gia").inner_text()


def test_the_worker_delivers_every_notification(world):
    # Runs after the browser journeys (pytest-django orders tests without the live server
    # last), which have run the worker for their own dossiers already: what is left is sent now.
    assert Notification.objects.exists()
    call_command("db_worker", "--batch", stdout=io.StringIO(), stderr=io.StringIO())
    statuses = set(Notification.objects.values_list("status", flat=True))
    assert statuses == {"sent"}
    assert not Notification.objects.filter(attempts=0).exists()  # each one went through it
    sms = Notification.objects.filter(channel="sms")
    assert sms.exists() and all(n.body.isascii() and len(n.body) <= 160 for n in sms)
    events = set(Notification.objects.values_list("event", flat=True))
    assert {"dossier.received", "dossier.payment_requested", "dossier.result_ready"} <= events


def test_officer_pages_fit_a_phone(world, as_user):
    desk = as_user("motcua", phone=True)
    desk.goto("/ho-so/?tab=tat-ca")
    shot(desk, "desk-worklist")  # asserts: no sideways scrolling of the page
    overdue = Dossier.objects.filter(status=Status.PROCESSING).order_by("due_at").first()
    open_dossier(desk, overdue.code)
    shot(desk, "desk-dossier")
