"""Issue 11, "Done when": for each channel and each procedure level, one dossier from filing to
the returned result, in a real browser, on the world `make run` loads (conftest), after the
day of `test_today.py`.

Channels: at the counter (trực tiếp), by public postal service (the desk receives what the
post brings, the postal clerk carries the result back), online (the citizen files on the
portal: finds the procedure, fills, uploads, submits), assisted by the community digital team
(a member files on the portal for a citizen who consents). Levels: a ward procedure
(certified copy, the ward's office and leader) and a procedure received at the ward's desk and
sent to the city's Sở Nông nghiệp và Môi trường and back (liên thông: land registration,
reviewed by the department head, signed by the leader).

Along the way every printed form is opened and its text read (receipt Mẫu 01, control sheet;
the refusal, supplement and stop notices on the demo's dossiers where they occur), the
officer opens the citizen's uploaded scan, the online filer downloads the electronic result
and rates, and the worker delivers each notification the journey wrote. Screenshots at phone
(390 px) and desktop widths are saved (conftest `shot`).
"""

import io
from dataclasses import dataclass

import pytest
from django.core.management import call_command

from motcua.dossiers.domain.workflow import Channel, Status
from motcua.dossiers.models import Dossier
from motcua.notifications.models import Notification
from tests.browser.journeys.conftest import open_dossier, portal_login, printed, shot
from tests.browser.test_dossier_walk import act
from tests.documents.filing import PDF

pytestmark = [pytest.mark.browser]

WARD_NAME = "Thủ Dầu Một"


@dataclass(frozen=True)
class Level:
    code: str  # national procedure code
    name: str  # as printed on the receipt
    component: str  # the required component the scan is uploaded for
    department: str  # the ward department the desk hands it to, as the picker shows it
    specialist: str


LEVELS = {
    "ward": Level(
        "2.000815",
        "chứng thực bản sao từ bản chính",
        "Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao",
        "Trần Văn Minh",
        "chuyenvien",
    ),
    "lien-thong": Level(
        "1.013978",
        "Đăng ký đất đai",
        "Đơn đăng ký đất đai, tài sản gắn liền với đất",
        "Lý Quốc Bảo",
        "chuyenvien2",
    ),
}
CHANNELS = ("counter", "postal", "online", "assisted")


def choose(select, containing: str) -> str:
    """Select the option whose text contains `containing`; its text."""
    options = select.locator("option").all_inner_texts()
    label = next(o for o in options if containing in o)
    select.select_option(label=label)
    return label


def scan(name):
    return {"name": name, "mimeType": "application/pdf", "buffer": PDF}


# --- filing, one way per channel ---------------------------------------------------------------


def file_at_the_desk(as_user, level: Level, person: dict, *, postal: bool) -> str:
    desk = as_user("motcua")
    desk.goto("/ho-so/tiep-nhan/")
    desk.get_by_label("Tìm thủ tục").fill(level.code)
    desk.get_by_test_id("goi-y-thu-tuc").get_by_role("link").first.click()
    desk.get_by_role("heading", name="Thủ tục:").wait_for()
    desk.get_by_label("Họ và tên (hoặc tên tổ chức)").fill(person["name"])
    desk.get_by_label("Số định danh cá nhân / CCCD / mã số doanh nghiệp").fill(person["id"])
    desk.get_by_label("Số điện thoại").fill(person["phone"])
    desk.get_by_label("Địa chỉ").fill("1 Yersin, phường Thủ Dầu Một")
    desk.get_by_label(level.component, exact=True).check()
    chooser = desk.get_by_label(f"Tệp số hóa: {level.component}")
    if not postal:
        # A program renamed to .pdf: "Kiểm tra" names it and does not call the dossier
        # complete (the check sends the chosen files).
        program = {"name": "don.pdf", "mimeType": "application/pdf", "buffer": b"MZ\x90\x00"}
        chooser.set_input_files(program)
        desk.get_by_role("button", name="Kiểm tra hồ sơ và xem ngày hẹn").click()
        refused = desk.get_by_test_id("loi-tiep-nhan")
        assert "don.pdf" in refused.inner_text() and "không phải" in refused.inner_text()
        assert desk.get_by_test_id("ngay-hen").count() == 0
    chooser.set_input_files(scan("don.pdf"))
    if postal:
        desk.get_by_label("Bưu chính công ích").check()
        desk.get_by_label("Số biên nhận bưu chính").fill(f"EL{person['id'][-6:]}VN")
        desk.get_by_label("Hình thức nhận kết quả").select_option(
            label="Nhận qua dịch vụ bưu chính công ích"
        )
    desk.get_by_role("button", name="Kiểm tra hồ sơ và xem ngày hẹn").click()
    desk.get_by_test_id("ngay-hen").wait_for()
    shot(desk, f"desk-intake-{'postal' if postal else 'counter'}")
    with desk.expect_navigation():
        desk.get_by_role("button", name="Xác nhận tiếp nhận hồ sơ").click()
    assert "Đã tiếp nhận hồ sơ" in desk.locator(".messages").inner_text()
    return desk.url.rstrip("/").rsplit("/", 1)[-1]


def file_on_the_portal(as_user, level: Level, person: dict, *, assisted: bool) -> str:
    page = as_user(None, phone=True)
    if assisted:
        portal_login(page, "congnghe")
        page.goto(f"/cong-dan/nop-ho-so/{level.code}/")
        page.get_by_label("Số điện thoại của công dân").fill(person["phone"])
        page.get_by_label("Họ và tên công dân").fill(person["name"])
        page.get_by_label("Công dân đồng ý để tôi nộp hồ sơ thay").check()
        page.get_by_label("Ghi chú về sự đồng ý").fill("Đồng ý tại điểm hỗ trợ khu phố 1")
        page.get_by_role("button", name="Bắt đầu khai hồ sơ cho công dân").click()
        page.get_by_text(f"Bạn đang nộp thay cho công dân {person['name']}").wait_for()
    else:
        portal_login(page, "congdan")
        page.goto("/cong-dan/")
        page.get_by_label("Tìm thủ tục (gõ có dấu hoặc không dấu)").fill(level.code)
        page.get_by_role("button", name="Tìm").click()
        page.get_by_role("link", name=level.name).first.click()
        page.get_by_role("link", name="Nộp hồ sơ trực tuyến").click()
        page.get_by_role("button", name="Bắt đầu khai hồ sơ").click()
    page.get_by_role("heading", name="Khai hồ sơ trực tuyến").wait_for()
    choose(page.get_by_label("Nơi nộp hồ sơ (cơ quan giải quyết)"), WARD_NAME)
    page.get_by_label("Số định danh cá nhân / CCCD (hoặc mã số doanh nghiệp)").fill(person["id"])
    # The holder of the account, as the portal fills it in (the citizen's own name).
    person["name"] = page.get_by_label("Họ và tên (hoặc tên tổ chức)").input_value()
    page.get_by_label(f"Chọn tệp: {level.component}").set_input_files(scan("to-khai.pdf"))
    if not assisted:
        page.get_by_label("Nhận kết quả điện tử").check()
    shot(page, f"portal-filing-{'assisted' if assisted else 'online'}")
    page.get_by_role("button", name="Xem lại trước khi nộp").click()
    page.get_by_role("heading", name="Xem lại hồ sơ trước khi nộp").wait_for()
    page.get_by_role("button", name="Nộp hồ sơ").click()
    page.get_by_role("heading", name="Đã nộp hồ sơ trực tuyến").wait_for()
    shot(page, "portal-filed")
    code = page.get_by_test_id("ma-ho-so").inner_text().strip()
    # The desk accepts what came online (its own check of the components).
    desk = as_user("motcua")
    desk.goto("/ho-so/?tab=cho-tiep-nhan")
    desk.get_by_role("link", name=code).click()
    act(desk, "receive")
    assert desk.get_by_test_id("status").inner_text() == "Được tiếp nhận"
    return code


# --- processing, one way per level -------------------------------------------------------------


def read_the_scan(page, code):
    """The officer opens the scan the applicant (or the desk) uploaded."""
    link = page.get_by_role("link", name="Tải tệp").first
    response = page.request.get(link.get_attribute("href"))
    assert response.ok and response.body() == PDF, f"{code}: the uploaded scan"


def process(as_user, world, level_key: str, code: str) -> None:
    level = LEVELS[level_key]
    desk = as_user("motcua")
    open_dossier(desk, code)
    form = desk.get_by_test_id("action-assign")
    if form.locator("summary").count():
        form.locator("summary").click()
    choose(form.get_by_label("Giao cho"), level.department)
    with desk.expect_navigation():
        form.locator("button[type=submit]").click()
    assert desk.get_by_test_id("status").inner_text() == "Đang xử lý"

    world.advance(minutes=5)
    specialist = as_user(level.specialist)
    open_dossier(specialist, code)
    read_the_scan(specialist, code)
    if level_key == "lien-thong":
        form = specialist.get_by_test_id("action-transfer")
        if form.locator("summary").count():
            form.locator("summary").click()
        choose(form.get_by_label("Chuyển đến đơn vị"), "Sở Nông nghiệp và Môi trường")
        form.get_by_label("Ghi chú").fill("Đề nghị trích đo thửa đất.")
        with specialist.expect_navigation():
            form.locator("button[type=submit]").click()
        world.advance(minutes=5)
        city = as_user("chuyenvien.so")
        open_dossier(city, code)
        read_the_scan(city, code)
        act(city, "transfer_return", fill={"Ghi chú": "Đã trích đo thửa đất."})
        world.advance(minutes=5)
        open_dossier(specialist, code)
        assert "Phòng Kinh tế" in specialist.get_by_test_id("don-vi-xu-ly").inner_text()
    act(specialist, "forward")
    if level_key == "lien-thong":
        head = as_user("lanhdaophong2")
        head.goto("/ho-so/")
        head.get_by_role("link", name=code).click()
        act(head, "approve")
    world.advance(minutes=5)
    leader = as_user("lanhdao")
    leader.goto("/ho-so/")
    leader.get_by_role("link", name=code).click()
    act(leader, "sign")
    act(leader, "mark_result_ready")
    assert leader.get_by_test_id("status").inner_text() == "Đã xử lý xong"
    sheet = printed(leader, "In phiếu kiểm soát quá trình giải quyết")
    assert "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" in sheet.upper() and code in sheet


# --- the result back, one way per channel ------------------------------------------------------


def return_the_result(as_user, world, channel: str, code: str) -> None:
    world.advance(minutes=5)
    if channel == "postal":
        post = as_user("buuchinh", phone=True)
        post.goto("/ho-so/?tab=cho-tra-ket-qua")
        shot(post, "postal-worklist")
        post.get_by_role("link", name=code).click()
        act(post, "return_result")
        assert post.get_by_test_id("status").inner_text() == "Đã trả kết quả"
        return
    desk = as_user("motcua")
    open_dossier(desk, code)
    if channel != "online":
        act(desk, "return_result")
        assert desk.get_by_test_id("status").inner_text() == "Đã trả kết quả"
        return
    # Online: the electronic result, downloaded by the citizen, who then rates the service.
    desk.get_by_label("Tên kết quả").fill("Kết quả giải quyết (bản điện tử)")
    desk.get_by_label("Tệp kết quả đã ký số (PDF, JPEG, PNG)").set_input_files(scan("kq.pdf"))
    with desk.expect_navigation():
        desk.get_by_role("button", name="Đính kèm kết quả điện tử").click()
    assert "Đã đính kèm kết quả điện tử" in desk.locator(".messages").inner_text()
    citizen = as_user(None, phone=True)
    portal_login(citizen, "congdan")
    citizen.goto(f"/cong-dan/ho-so/{code}/")
    link = citizen.get_by_test_id("ket-qua").get_by_role("link")
    assert "Kết quả giải quyết (bản điện tử)" in link.inner_text()
    download = citizen.request.get(link.get_attribute("href"))
    assert download.ok and download.body() == PDF
    open_dossier(desk, code)
    act(desk, "return_result")
    citizen.reload()
    citizen.get_by_label("Rất hài lòng").check()
    with citizen.expect_navigation():
        citizen.get_by_role("button", name="Gửi đánh giá").click()
    assert "Rất hài lòng" in citizen.get_by_test_id("da-danh-gia").inner_text()
    shot(citizen, "portal-rated")


@pytest.mark.parametrize("level", list(LEVELS))
@pytest.mark.parametrize("channel", CHANNELS)
def test_from_filing_to_the_returned_result(world, as_user, channel, level):
    # A few minutes per hand-over, so that the eight journeys fit in today's working hours.
    n = CHANNELS.index(channel) * 2 + list(LEVELS).index(level)
    person = {
        "name": f"Hà Văn {chr(65 + n)}",
        "id": f"07419900{n:04d}",
        "phone": f"090977{n:04d}",
    }
    if channel in ("counter", "postal"):
        code = file_at_the_desk(as_user, LEVELS[level], person, postal=channel == "postal")
    else:
        code = file_on_the_portal(as_user, LEVELS[level], person, assisted=channel == "assisted")
    dossier = Dossier.objects.get(code=code)
    assert dossier.channel == {"postal": Channel.POSTAL, "counter": Channel.COUNTER}.get(
        channel, Channel.ONLINE
    )
    assert (dossier.assisted_by_id is not None) is (channel == "assisted")

    desk = as_user("motcua")
    open_dossier(desk, code)
    receipt = printed(desk, "In giấy tiếp nhận (Mẫu 01)")
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in receipt.upper()
    assert code in receipt and person["name"] in receipt
    assert LEVELS[level].name.lower() in receipt.lower()

    process(as_user, world, level, code)
    return_the_result(as_user, world, channel, code)
    dossier.refresh_from_db()
    assert dossier.status == Status.RETURNED

    # The worker delivers what this journey wrote (received, result ready…).
    mine = Notification.objects.filter(ref_type="dossier", ref_id=code)
    assert mine.filter(status="pending").exists()
    call_command("db_worker", "--batch", stdout=io.StringIO(), stderr=io.StringIO())
    assert set(mine.values_list("status", flat=True)) == {"sent"}
    assert {"dossier.received", "dossier.result_ready"} <= set(mine.values_list("event", flat=True))


def test_the_notices_of_closed_and_paused_dossiers_are_printed(world, as_user):
    """The refusal (Mẫu 03), the supplement request (Mẫu 02) and the stop notice, on the
    demo's dossiers where they occur."""
    desk = as_user("motcua")
    refused = Dossier.objects.get(status=Status.NOT_RECEIVED)
    open_dossier(desk, refused.code)
    text = printed(desk, "In phiếu từ chối tiếp nhận, giải quyết hồ sơ (Mẫu 03)")
    assert "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ" in text.upper()
    assert refused.code in text and "phường Phú Lợi" in text

    paused = Dossier.objects.get(status=Status.SUPPLEMENT_REQUESTED)
    open_dossier(desk, paused.code)
    text = printed(desk, "In phiếu yêu cầu bổ sung (Mẫu 02)")
    assert "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" in text.upper()
    assert "Giấy xác nhận tình trạng hôn nhân" in text

    stopped = Dossier.objects.get(status=Status.STOPPED)
    ward_officer = as_user("chuyenvien2")
    open_dossier(ward_officer, stopped.code)
    text = printed(ward_officer, "In thông báo dừng giải quyết hồ sơ")
    assert "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ" in text.upper()
    assert "tranh chấp" in text
    shot(ward_officer, "desk-stopped-dossier")


def test_each_leader_has_work_waiting(world, as_user):
    for username in ("lanhdaophong", "lanhdaophong2", "lanhdao"):
        leader = as_user(username)
        leader.goto("/ho-so/")
        rows = leader.locator("main table tbody tr")
        assert rows.count() >= 1, f"{username}: nothing waiting"
    shot(leader, "leader-worklist")
