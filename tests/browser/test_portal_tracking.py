"""Citizen tracking in a real browser (Debian Chromium), phone-sized where it matters: track by
code + key from the receipt's link (and a wrong key reveals nothing), answer a supplement
request with uploads, pay in the sandbox (decline, then approve), download the electronic
result and rate the service. Every page passes the axe-core check."""

import pytest
from django.core.cache import cache

from motcua.dossiers.domain.workflow import Status
from motcua.feedback.models import Rating
from motcua.payments.models import Payment
from tests.browser.axe import assert_accessible
from tests.portal import tracking_data as data

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _no_rate_limits_left():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def world(make_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return data.make_world(make_user)


def _portal_login(page, username, password):
    page.goto("/cong-dan/dang-nhap/")
    page.get_by_label("Số điện thoại, thư điện tử hoặc tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_role("navigation", name="Cổng dịch vụ công").get_by_role(
        "button", name="Đăng xuất"
    ).wait_for()


def test_track_by_code_and_key_and_a_wrong_key_reveals_nothing(phone_page, world):
    page = phone_page
    d = data.supplement_requested(world)
    # the receipt's QR code
    page.goto(f"/tra-cuu/?ma={d.code}&khoa={d.lookup_key}")
    page.get_by_role("heading", name=f"Hồ sơ {d.code}").wait_for()
    assert page.get_by_test_id("trang-thai").inner_text() == "Yêu cầu bổ sung"
    pending = page.get_by_test_id("yeu-cau-bo-sung").inner_text()
    assert "Bản sao giấy khai sinh" in pending and "Sơ đồ vị trí thửa đất" in pending
    assert "Tiếp nhận hồ sơ" in page.get_by_test_id("qua-trinh").inner_text()
    assert_accessible(page)

    # by hand, with a wrong key
    page.get_by_label("Mã hồ sơ").fill(d.code)
    page.get_by_label("Mã tra cứu hoặc số định danh cá nhân (CCCD)").fill("SAIMA999")
    page.get_by_role("button", name="Tra cứu").click()
    page.get_by_test_id("tra-cuu-loi").wait_for()
    main = page.inner_text("main")
    assert "Không tìm thấy hồ sơ" in main
    for secret in ("Yêu cầu bổ sung", "Bản sao giấy khai sinh", "Đăng ký biến động"):
        assert secret not in main
    assert_accessible(page)

    # the applicant's ID number works as the key
    page.get_by_label("Mã tra cứu hoặc số định danh cá nhân (CCCD)").fill(
        data.APPLICANT["id_number"]
    )
    page.get_by_role("button", name="Tra cứu").click()
    page.get_by_test_id("trang-thai").wait_for()


def test_answer_a_supplement_request_on_a_phone(phone_page, world, password, tmp_path):
    page = phone_page
    d = data.supplement_requested(world)
    _portal_login(page, "congdan", password)
    page.goto(f"/cong-dan/ho-so/{d.code}/")
    assert_accessible(page)
    good = tmp_path / "khai-sinh.pdf"
    good.write_bytes(data.PDF)
    fake = tmp_path / "so-do.pdf"
    fake.write_bytes(data.HTML)
    # a web page renamed .pdf is refused, nothing changes
    page.get_by_label("Bản sao giấy khai sinh").set_input_files(str(good))
    page.get_by_label("Sơ đồ vị trí thửa đất").set_input_files(str(fake))
    page.get_by_role("button", name="Gửi hồ sơ bổ sung").click()
    page.get_by_text("không phải tệp PDF").wait_for()
    assert_accessible(page)
    d.refresh_from_db()
    assert d.status == Status.SUPPLEMENT_REQUESTED

    page.get_by_label("Bản sao giấy khai sinh").set_input_files(str(good))
    page.get_by_label("Sơ đồ vị trí thửa đất").set_input_files(str(good))
    page.get_by_role("button", name="Gửi hồ sơ bổ sung").click()
    page.get_by_text("Đã gửi hồ sơ bổ sung").wait_for()
    assert page.get_by_test_id("trang-thai").inner_text() == "Đang xử lý"
    assert_accessible(page)
    d.refresh_from_db()
    assert d.status == Status.PROCESSING
    assert d.components.filter(supplement=True).count() == 2


def test_pay_in_the_sandbox_decline_then_approve(page, world, password):
    d = data.payment_requested(world)
    _portal_login(page, "congdan", password)
    page.goto(f"/cong-dan/ho-so/{d.code}/")
    assert_accessible(page)
    page.get_by_role("button", name="Thanh toán 50.000 đồng").click()
    page.get_by_role("heading", name="Cổng thanh toán thử nghiệm").wait_for()
    assert page.get_by_test_id("so-tien").inner_text() == "50.000 đồng"
    assert_accessible(page)
    page.get_by_role("button", name="Từ chối").click()
    page.get_by_text("Thanh toán không thành công").wait_for()
    assert page.get_by_test_id("trang-thai").inner_text() == (
        "Yêu cầu thực hiện nghĩa vụ tài chính"
    )
    assert_accessible(page)

    page.get_by_role("button", name="Thanh toán 50.000 đồng").click()
    page.get_by_role("button", name="Chấp nhận").click()
    page.get_by_text("Thanh toán thành công").wait_for()
    assert page.get_by_test_id("trang-thai").inner_text() == "Đang xử lý"
    assert "Đã thanh toán" in page.get_by_test_id("thanh-toan").inner_text()
    assert_accessible(page)
    assert sorted(Payment.objects.values_list("status", flat=True)) == ["declined", "paid"]


def test_download_the_result_and_rate(phone_page, world, password):
    page = phone_page
    d = data.returned(world)
    _portal_login(page, "congdan", password)
    page.goto(f"/cong-dan/ho-so/{d.code}/")
    assert_accessible(page)
    with page.expect_download() as info:
        page.get_by_role("link", name="Tải về: Giấy chứng nhận đăng ký biến động").click()
    download = info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as f:
        assert f.read() == data.PDF + b"%ket-qua\n"

    page.get_by_label("Rất hài lòng").check()
    page.get_by_text("Đánh giá theo từng tiêu chí (không bắt buộc)").click()
    page.get_by_label("Thái độ, cách ứng xử của công chức").select_option("3")
    page.get_by_label("Ý kiến góp ý (không bắt buộc)").fill("Cán bộ hướng dẫn tận tình")
    page.get_by_role("button", name="Gửi đánh giá").click()
    page.get_by_text("Cảm ơn bạn đã đánh giá mức độ hài lòng.").wait_for()
    assert "Rất hài lòng" in page.get_by_test_id("da-danh-gia").inner_text()
    assert page.get_by_role("button", name="Gửi đánh giá").count() == 0
    assert_accessible(page)
    rating = Rating.objects.get(dossier=d)
    assert (rating.level, rating.criteria) == (3, {"thai_do": 3})
