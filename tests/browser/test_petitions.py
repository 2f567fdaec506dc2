# ruff: noqa: F811 - fixtures imported from tests/dossiers are used as arguments here
"""Feedback and petitions in a real browser (Debian Chromium): a citizen submits online, the
specialist classifies it and asks for more information, the citizen supplies it through the
lookup page, the specialist answers, the department head publishes, the citizen agrees, and
the answer is found on the public page without diacritics. And an officer records a petition
received by letter. Every page passes the axe-core check."""

import re

import pytest

from motcua.petitions.models import Petition
from tests.browser.axe import assert_accessible
from tests.dossiers.conftest import people, units  # noqa: F401 - fixtures reused as they are

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def as_user(browser, live_server, login):
    """`as_user("chuyenvien")`: a new signed-in page (its own browser context)."""
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


def _act(page, code, button, text=None, label=None):
    page.goto(f"/phan-anh/xu-ly/{code}/")
    if text is not None:
        page.get_by_label(label).fill(text)
    page.get_by_role("button", name=button, exact=True).click()
    page.wait_for_load_state()


def test_submit_classify_request_information_answer_publish_agree(
    phone_page,
    people,
    units,
    as_user,  # noqa: F811
):
    page = phone_page
    page.goto("/phan-anh/gui/")
    assert_accessible(page)
    page.get_by_label("Gửi đến cơ quan").select_option(label="Phường Hiệp Thành")
    page.get_by_label("Phản ánh, kiến nghị về").select_option(label="Thủ tục hành chính")
    page.get_by_label("Tiêu đề").fill("Đăng ký khai sinh phải nộp bản sao")
    page.locator("#id_content").fill("Vì sao phải nộp bản sao giấy chứng sinh?")
    page.get_by_label("Họ và tên").fill("Trần Thị Mai")
    page.get_by_label("Số điện thoại").fill("0987654321")
    page.get_by_role("button", name="Gửi", exact=True).click()
    code = page.get_by_test_id("code").inner_text()
    key = page.get_by_test_id("key").inner_text()
    assert re.fullmatch(r"PA\.000\.00\.20\.H01-\d{6}-0001", code)
    assert_accessible(page)

    officer = as_user("chuyenvien")
    officer.goto("/phan-anh/xu-ly/")
    officer.get_by_role("link", name=code).click()
    assert officer.get_by_test_id("status").inner_text() == "Mới tiếp nhận"
    assert_accessible(officer)
    _act(officer, code, "Phân loại: thuộc thẩm quyền xử lý")
    assert officer.get_by_test_id("status").inner_text() == "Đang xử lý"
    _act(officer, code, "Đề nghị bổ sung thông tin", "Ông/Bà sinh con ở đâu?",
         "Thông tin cần bổ sung")  # fmt: skip
    assert officer.get_by_test_id("status").inner_text() == "Chờ bổ sung thông tin"

    page.goto(f"/phan-anh/tra-cuu/?ma={code}&khoa={key}")
    assert "Ông/Bà sinh con ở đâu?" in page.inner_text("main")
    assert_accessible(page)
    page.get_by_label("Thông tin bổ sung").fill("Sinh tại nhà, không có giấy chứng sinh.")
    page.get_by_role("button", name="Gửi thông tin bổ sung").click()
    page.get_by_test_id("status").wait_for()
    assert page.get_by_test_id("status").inner_text() == "Đang xử lý"

    _act(officer, code, "Trả lời", "Khi sinh tại nhà, nộp văn bản xác nhận của người làm chứng.",
         "Nội dung trả lời")  # fmt: skip
    assert officer.get_by_test_id("status").inner_text() == "Đã trả lời"

    head = as_user("lanhdaophong")
    _act(head, code, "Công khai trả lời")
    assert head.get_by_test_id("status").inner_text() == "Đã công khai trả lời"

    page.goto(f"/phan-anh/tra-cuu/?ma={code}&khoa={key}")
    assert "người làm chứng" in page.get_by_test_id("answer").inner_text()
    page.get_by_role("button", name="Đồng ý với trả lời", exact=True).click()
    page.get_by_test_id("status").wait_for()
    assert page.get_by_test_id("status").inner_text() == "Người gửi đồng ý với trả lời"

    page.goto("/phan-anh/")
    page.get_by_label("Tìm trong các câu trả lời (gõ có dấu hoặc không dấu)").fill(
        "nguoi lam chung"
    )
    page.get_by_role("button", name="Tìm").click()
    answers = page.get_by_test_id("public-answers").inner_text()
    assert "Đăng ký khai sinh phải nộp bản sao" in answers
    assert "0987654321" not in page.content() and "Trần Thị Mai" not in page.content()
    assert_accessible(page)
    assert [e.action for e in Petition.objects.get(code=code).events.all()] == [
        "submit", "accept", "request_info", "info_received", "answer", "publish", "agree",
    ]  # fmt: skip


def test_officer_intake_from_a_letter(people, units, as_user):  # noqa: F811
    page = as_user("motcua")
    page.goto("/phan-anh/xu-ly/")
    page.get_by_role("link", name="Tiếp nhận phản ánh, kiến nghị").click()
    assert_accessible(page)
    page.get_by_label("Kênh tiếp nhận").select_option(label="Văn bản, thư")
    page.get_by_label("Gửi đến cơ quan").select_option(label="Phường Hiệp Thành")
    page.get_by_label("Loại").select_option(label="Kiến nghị")
    page.get_by_label("Phản ánh, kiến nghị về").select_option(label="Quy định hành chính")
    page.get_by_label("Tiêu đề").fill("Thư kiến nghị về lệ phí chứng thực")
    page.locator("#id_content").fill("Đề nghị giảm lệ phí chứng thực bản sao.")
    page.get_by_label("Họ và tên").fill("Lê Văn Tâm")
    page.get_by_label("Số điện thoại").fill("0911222333")
    page.get_by_label("Địa chỉ").fill("Tổ 5, khu phố 2")
    page.get_by_role("button", name="Tiếp nhận", exact=True).click()
    page.get_by_test_id("code").wait_for()
    p = Petition.objects.get()
    assert page.get_by_test_id("code").inner_text() == p.code
    assert p.channel == "letter" and p.kind == "petition" and p.received_by.username == "motcua"
    assert "Văn bản, thư" in page.inner_text("main")
    assert p.lookup_key in page.inner_text("main")  # told once, to write on the reply letter
    assert_accessible(page)
