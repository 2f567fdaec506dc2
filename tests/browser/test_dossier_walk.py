"""One dossier walked through the back office in a real browser, on a fixed clock.

The desk receives it at the counter (the procedure found by typing without diacritics, the
appointment previewed), the specialist processes it, it goes to a city department and back
(liên thông), a supplement is requested and received (the due instant moves), the head
approves, the leader signs, the department sends the result to the desk and the desk returns
it; the timeline shows every step. Also: an incomplete intake (guidance, nothing received) and
a conflict between two open pages.
"""

import datetime as dt
import io
import re
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader

from motcua.accounts.roles import Role
from motcua.catalogue.models import Field
from motcua.catalogue.services import procedure_create
from motcua.dossiers.models import Dossier
from motcua.org.models import OrgUnit
from tests.browser.axe import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def vn(day, hour, minute=0):
    return dt.datetime(2025, 3, day, hour, minute, tzinfo=VN)


COMPONENTS = [
    {"name": "Tờ khai đăng ký khai sinh", "form": "original"},
    {"name": "Giấy chứng sinh", "form": "original"},
    {"name": "Văn bản ủy quyền", "form": "certified_copy", "required": False},
]
STEPS = [
    {"name": "Tiếp nhận hồ sơ", "role": Role.ONE_STOP_OFFICER, "allotted_minutes": 120},
    {"name": "Thẩm định hồ sơ", "role": Role.SPECIALIST, "allotted_minutes": 720},
    {"name": "Duyệt kết quả", "role": Role.DEPARTMENT_HEAD, "allotted_minutes": 240},
    {"name": "Ký kết quả", "role": Role.SIGNING_LEADER, "allotted_minutes": 240},
    {"name": "Trả kết quả", "role": Role.ONE_STOP_OFFICER, "allotted_minutes": 120},
]


class Clock:
    """The server's `timezone.now()` during the walk: set by the test, step by step."""

    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now


@pytest.fixture
def clock():
    c = Clock(vn(3, 8))  # Monday 3/3/2025 08:00
    with mock.patch("django.utils.timezone.now", side_effect=c):
        yield c


@pytest.fixture
def ward(make_user):
    def make(code, name, kind, parent=None, agency_code=""):
        return OrgUnit.objects.create(
            code=code, name=name, kind=kind, parent=parent, agency_code=agency_code
        )

    city = make("718", "Thành phố Thủ Dầu Một", "district", agency_code="000.00.18.H01")
    ward = make("25741", "Phường Hiệp Thành", "ward", city, agency_code="000.00.20.H01")
    desk = make("25741.MC", "Bộ phận Một cửa phường Hiệp Thành", "one_stop_desk", ward)
    tp = make("25741.TP", "Tư pháp - Hộ tịch", "department", ward)
    tnmt = make("718.TNMT", "Phòng Tài nguyên và Môi trường", "department", city)
    make_user("motcua", Role.ONE_STOP_OFFICER, desk, full_name="Lê Thị Quầy")
    make_user("chuyenvien", Role.SPECIALIST, tp, full_name="Phạm Văn Thẩm")
    make_user("chuyenvien2", Role.SPECIALIST, tp, full_name="Đỗ Thị Hai")
    make_user("lanhdaophong", Role.DEPARTMENT_HEAD, tp, full_name="Võ Văn Duyệt")
    make_user("lanhdao", Role.SIGNING_LEADER, ward, full_name="Hồ Văn Ký")
    make_user("tnmt", Role.SPECIALIST, tnmt, full_name="Trịnh Văn Liên")
    field = Field.objects.create(code="HT", name="Hộ tịch")
    procedure_create(
        national_code="1.001193",
        field=field,
        name="Đăng ký khai sinh",
        level="commune",
        time_unit="working_days",
        time_value=3,
        components=COMPONENTS,
        steps=STEPS,
        units=[ward],
        publish=True,
    )
    return {"desk": desk, "tp": tp, "tnmt": tnmt}


@pytest.fixture
def as_user(browser, live_server, login):
    """`as_user("motcua")`: a page in its own browser context, signed in."""
    contexts = []

    def _open(username):
        context = browser.new_context(
            base_url=live_server.url, locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh"
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        login(page, username)
        return page

    yield _open
    for c in contexts:
        c.close()


def act(page, action, *, select=None, fill=None):
    """Open the action's small form on the dossier page, fill it, submit, wait for reload."""
    form = page.get_by_test_id(f"action-{action}")
    if form.locator("summary").count():
        form.locator("summary").click()
    for label, value in (select or {}).items():
        form.get_by_label(label).select_option(label=value)
    for label, value in (fill or {}).items():
        form.get_by_label(label).fill(value)
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    page.wait_for_load_state()


def counter_intake(page, *, tick):
    page.goto("/ho-so/tiep-nhan/")
    page.get_by_label("Tìm thủ tục").fill("dang ky khai sinh")
    page.get_by_test_id("goi-y-thu-tuc").get_by_role("link", name="Đăng ký khai sinh").click()
    page.get_by_role("heading", name="Thủ tục: Đăng ký khai sinh").wait_for()
    page.get_by_label("Họ và tên (hoặc tên tổ chức)").fill("Nguyễn Thị Mai")
    page.get_by_label("Số định danh cá nhân / CCCD / mã số doanh nghiệp").fill("074189004321")
    page.get_by_label("Số điện thoại").fill("0987654321")
    page.get_by_label("Địa chỉ").fill("5 Yersin, phường Hiệp Thành")
    for name in tick:
        page.get_by_label(name, exact=True).check()
    page.get_by_role("button", name="Kiểm tra hồ sơ và xem ngày hẹn").click()


def test_walk_a_dossier_through_the_back_office(as_user, ward, clock):
    desk = as_user("motcua")
    counter_intake(desk, tick=["Tờ khai đăng ký khai sinh", "Giấy chứng sinh"])
    # The HTMX preview: received Monday 08:00, 3 working days → Thursday 08:00.
    assert desk.get_by_test_id("ngay-hen").inner_text() == "08:00 ngày 06/03/2025"
    assert Dossier.objects.count() == 0
    assert_accessible(desk)
    with desk.expect_navigation():
        desk.get_by_role("button", name="Xác nhận tiếp nhận hồ sơ").click()
    dossier = Dossier.objects.get()
    assert desk.url.endswith(f"/ho-so/{dossier.code}/")
    assert "Hẹn trả kết quả: 08:00 06/03/2025" in desk.locator(".messages").inner_text()
    assert_accessible(desk)

    # The receipt (Mẫu 01) from the colleague's printed-form URL.
    receipt = desk.get_by_role("link", name="In giấy tiếp nhận (Mẫu 01)")
    pdf = desk.request.get(receipt.get_attribute("href"))
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.body())).pages)
    text = re.sub(r"\s+", " ", text)
    assert dossier.code in text
    assert "06/03/2025" in text
    assert "Tờ khai đăng ký khai sinh" in text and "Giấy chứng sinh" in text

    clock.now = vn(3, 9)
    act(desk, "assign", select={"Giao cho": "Phạm Văn Thẩm — Tư pháp - Hộ tịch"})
    assert desk.get_by_test_id("status").inner_text() == "Đang xử lý"

    specialist = as_user("chuyenvien")
    specialist.goto("/ho-so/")  # "Cần xử lý" is the specialist's first tab
    assert_accessible(specialist)
    specialist.get_by_role("link", name=dossier.code).click()
    clock.now = vn(3, 10)
    act(
        specialist,
        "transfer",
        select={"Chuyển đến đơn vị": "Phòng Tài nguyên và Môi trường"},
        fill={"Ghi chú": "Đề nghị xác minh nơi cư trú"},
    )
    assert (
        "Phòng Tài nguyên và Môi trường" in specialist.get_by_test_id("don-vi-xu-ly").inner_text()
    )

    city = as_user("tnmt")
    city.goto(f"/ho-so/{dossier.code}/")
    clock.now = vn(3, 11)
    act(city, "transfer_return", fill={"Ghi chú": "Đã xác minh"})
    # Back home: the dossier left the city's units, so the city is shown its worklist.
    assert "đã chuyển khỏi đơn vị của bạn" in city.locator(".messages").inner_text()
    specialist.reload()
    assert "Tư pháp - Hộ tịch" in specialist.get_by_test_id("don-vi-xu-ly").inner_text()

    clock.now = vn(3, 13)
    act(specialist, "request_supplement", fill={"Lý do (bắt buộc)": "Thiếu giấy tờ của người cha"})
    assert specialist.get_by_test_id("status").inner_text() == "Yêu cầu bổ sung"

    # The citizen comes back one working day later: the due instant moves by that day.
    desk.reload()
    clock.now = vn(4, 13)
    act(
        desk,
        "receive_supplement",
        fill={"Giấy tờ bổ sung đã nhận (mỗi dòng một giấy tờ)": "Giấy tờ của người cha"},
    )
    assert desk.get_by_test_id("han").inner_text() == "08:00 07/03/2025"
    assert "Giấy tờ của người cha" in desk.get_by_test_id("thanh-phan").inner_text()

    specialist.reload()
    clock.now = vn(4, 14)
    act(specialist, "forward", select={"Giao cho": "Võ Văn Duyệt — Tư pháp - Hộ tịch"})

    head = as_user("lanhdaophong")
    head.goto("/ho-so/")  # "Chờ duyệt"
    head.get_by_role("link", name=dossier.code).click()
    clock.now = vn(4, 15)
    act(head, "approve", select={"Giao cho": "Hồ Văn Ký — Phường Hiệp Thành"})

    leader = as_user("lanhdao")
    leader.goto("/ho-so/")  # "Chờ ký"
    leader.get_by_role("link", name=dossier.code).click()
    clock.now = vn(4, 16)
    act(leader, "sign")

    # Signed: the department hands the result to the desk (the workflow gives this to the
    # handlers, not to the desk).
    specialist.reload()
    clock.now = vn(5, 8)
    act(specialist, "mark_result_ready")
    assert specialist.get_by_test_id("status").inner_text() == "Đã xử lý xong"

    desk.goto("/ho-so/?tab=cho-tra-ket-qua")
    desk.get_by_role("link", name=dossier.code).click()
    clock.now = vn(5, 9)
    act(desk, "return_result")
    assert desk.get_by_test_id("status").inner_text() == "Đã trả kết quả"

    timeline = desk.get_by_test_id("timeline").inner_text()
    for label in [
        "Tiếp nhận hồ sơ",
        "Chuyển xử lý / phân công",
        "Chuyển liên thông",
        "Trả lại đơn vị chuyển liên thông",
        "Yêu cầu bổ sung hồ sơ",
        "Nhận hồ sơ bổ sung",
        "Chuyển bước tiếp theo",
        "Duyệt kết quả",
        "Ký kết quả",
        "Có kết quả, chuyển Bộ phận Một cửa",
        "Trả kết quả",
    ]:
        assert label in timeline, label
    assert desk.get_by_test_id("event").count() == 11
    for who in ("Lê Thị Quầy", "Phạm Văn Thẩm", "Trịnh Văn Liên", "Võ Văn Duyệt", "Hồ Văn Ký"):
        assert who in timeline
    assert "Thiếu giấy tờ của người cha" in timeline


def test_incomplete_intake_prints_guidance_and_receives_nothing(as_user, ward, clock):
    desk = as_user("motcua")
    counter_intake(desk, tick=["Tờ khai đăng ký khai sinh"])
    guidance = desk.get_by_test_id("huong-dan")
    guidance.wait_for()
    assert "Giấy chứng sinh" in guidance.inner_text()
    assert "Tờ khai đăng ký khai sinh" not in guidance.inner_text()
    assert desk.get_by_role("button", name="Xác nhận tiếp nhận hồ sơ").count() == 0
    slip = guidance.get_by_role("link", name=re.compile("In phiếu hướng dẫn bổ sung"))
    response = desk.request.get(slip.get_attribute("href"))
    assert response.ok and response.headers["content-type"] == "application/pdf"
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.body())).pages)
    text = re.sub(r"\s+", " ", text)
    assert "Giấy chứng sinh" in text and "Nguyễn Thị Mai" in text
    assert Dossier.objects.count() == 0


def test_two_open_pages_the_second_action_gets_the_conflict_message(as_user, ward, clock):
    desk = as_user("motcua")
    counter_intake(desk, tick=["Tờ khai đăng ký khai sinh", "Giấy chứng sinh"])
    with desk.expect_navigation():
        desk.get_by_role("button", name="Xác nhận tiếp nhận hồ sơ").click()
    clock.now = vn(3, 9)
    act(desk, "assign", select={"Giao cho": "Phạm Văn Thẩm — Tư pháp - Hộ tịch"})
    code = Dossier.objects.get().code

    first, second = as_user("chuyenvien"), as_user("chuyenvien2")
    first.goto(f"/ho-so/{code}/")
    second.goto(f"/ho-so/{code}/")
    clock.now = vn(3, 10)
    act(first, "request_supplement", fill={"Lý do (bắt buộc)": "Thiếu giấy tờ"})

    form = second.get_by_test_id("action-stop")
    form.locator("summary").click()
    form.get_by_label("Lý do (bắt buộc)").fill("Không đủ điều kiện")
    form.locator("button[type=submit]").click()
    alert = second.get_by_test_id("loi-thao-tac")
    alert.wait_for()
    assert "đã được người khác cập nhật" in alert.inner_text()
    assert Dossier.objects.get().status == 5  # still waiting for the supplement
    assert_accessible(second)
