"""Online filing in the browser: a citizen on a phone files with uploads (a wrong file is
refused first), saves a draft, signs out and in, resumes, reviews and double-clicks "Nộp hồ
sơ" (one dossier); reuses a stored document in a second filing; a digital team member files
for a citizen. Every filing page passes the axe-core check."""

import pytest

from motcua.accounts.roles import Role
from motcua.documents.models import CitizenDocument, DocumentReuse
from motcua.dossiers.models import Dossier
from motcua.portal.filing import services as services_filing
from tests.browser.axe import assert_accessible
from tests.documents.filing import HTML, PDF, PNG, upload
from tests.portal.data import make_catalogue, make_wards

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def wards():
    return make_wards()


@pytest.fixture
def catalogue(wards):
    return make_catalogue(wards)


def _portal_login(page, username, password):
    page.goto("/cong-dan/dang-nhap/")
    page.get_by_label("Số điện thoại, thư điện tử hoặc tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_load_state()


def _portal_logout(page):
    nav = page.get_by_role("navigation", name="Cổng dịch vụ công")
    nav.get_by_role("button", name="Đăng xuất").click()
    nav.get_by_role("link", name="Đăng nhập").wait_for()


def _post_review_form(page, *, at_once: bool) -> list[int]:
    """Post the review page's form twice with fetch(), one after the other or at once."""
    return page.evaluate(
        """async (atOnce) => {
            const form = document.querySelector("form[method=post] input[name=token]").form;
            const send = () => fetch(location.href, {method: "POST", body: new FormData(form),
                                                      redirect: "manual"});
            const answers = atOnce ? await Promise.all([send(), send()])
                                   : [await send(), await send()];
            return answers.map(a => a.type === "opaqueredirect" ? 302 : a.status);
        }""",
        at_once,
    )


def _file(name, content, mime):
    return {"name": name, "mimeType": mime, "buffer": content}


def test_file_online_on_a_phone_draft_resume_and_double_click(
    phone_page, make_user, password, catalogue
):
    page = phone_page
    make_user("0912345678", Role.CITIZEN, phone="0912345678", full_name="Nguyễn Thị Hoà")
    _portal_login(page, "0912345678", password)
    page.goto("/cong-dan/thu-tuc/2.000815/")
    page.get_by_role("link", name="Nộp hồ sơ trực tuyến").click()
    page.get_by_role("heading", name="Nộp hồ sơ trực tuyến").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Bắt đầu khai hồ sơ").click()
    page.get_by_role("heading", name="Khai hồ sơ trực tuyến").wait_for()
    assert page.get_by_label("Họ và tên (hoặc tên tổ chức)").input_value() == "Nguyễn Thị Hoà"
    assert_accessible(page)

    page.get_by_label("Nơi nộp hồ sơ (cơ quan giải quyết)").select_option(label="Phường Phú Cường")
    page.get_by_label("Số định danh cá nhân / CCCD (hoặc mã số doanh nghiệp)").fill("074190000123")
    chooser = page.get_by_label("Chọn tệp: Bản chính giấy tờ")
    chooser.set_input_files(_file("ban-chinh.pdf", HTML, "application/pdf"))  # renamed HTML
    page.get_by_role("button", name="Lưu bản nháp").click()
    page.get_by_role("alert").get_by_text("không phải tệp PDF, JPEG").wait_for()
    assert_accessible(page)

    page.get_by_label("Nơi nộp hồ sơ (cơ quan giải quyết)").select_option(label="Phường Phú Cường")
    page.get_by_label("Chọn tệp: Bản chính giấy tờ").set_input_files(
        _file("ban-chinh.pdf", PDF, "application/pdf")
    )
    page.get_by_role("button", name="Lưu bản nháp").click()
    page.get_by_text("Đã lưu bản nháp.").wait_for()
    assert "ban-chinh.pdf" in page.get_by_test_id("da-dinh-kem").inner_text()

    _portal_logout(page)
    _portal_login(page, "0912345678", password)
    page.goto("/cong-dan/ho-so/")  # "Hồ sơ của tôi" leads to the unfinished drafts
    page.get_by_role("link", name="Bản nháp chưa nộp (tiếp tục khai hồ sơ)").click()
    page.get_by_role("heading", name="Bản nháp hồ sơ").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Chứng thực bản sao từ bản chính giấy tờ, văn bản").click()
    assert page.get_by_label(
        "Số định danh cá nhân / CCCD (hoặc mã số doanh nghiệp)"
    ).input_value() == ("074190000123")
    page.get_by_role("button", name="Xem lại trước khi nộp").click()
    page.get_by_role("heading", name="Xem lại hồ sơ trước khi nộp").wait_for()
    assert "ban-chinh.pdf" in page.inner_text("main")
    assert_accessible(page)

    # Chromium sends one request for a double click on a submit button; a flaky network
    # retries: the same form is posted again after the first answer, then clicked twice.
    assert _post_review_form(page, at_once=False) == [302, 302]
    assert Dossier.objects.count() == 1
    page.get_by_role("button", name="Nộp hồ sơ").dblclick()
    page.get_by_role("heading", name="Đã nộp hồ sơ trực tuyến").wait_for()
    assert Dossier.objects.count() == 1
    assert_accessible(page)
    dossier = Dossier.objects.get()
    assert page.get_by_test_id("ma-ho-so").inner_text() == dossier.code
    assert dossier.components.get().file.read() == PDF

    page.goto("/cong-dan/giay-to/")
    page.get_by_role("link", name="Bản chính giấy tờ").wait_for()
    assert_accessible(page)


def test_reuse_a_stored_document_in_a_second_filing(page, make_user, password, catalogue, wards):
    hoa = make_user("0912345678", Role.CITIZEN, phone="0912345678", full_name="Nguyễn Thị Hoà")
    component = catalogue["copy"].components.get()
    first = services_filing.draft_create(owner=hoa, procedure_version=catalogue["copy"])
    services_filing.draft_save(
        draft=first, user=hoa, fields={"unit": wards["phu_cuong"]},
        uploads={component.pk: upload("cmnd.png", PNG, "image/png")},
    )  # fmt: skip
    services_filing.draft_submit(draft_id=first.pk, user=hoa, token=first.token)
    doc = CitizenDocument.objects.get()

    _portal_login(page, "0912345678", password)
    page.goto("/cong-dan/nop-ho-so/2.000815/")
    page.get_by_role("button", name="Bắt đầu khai hồ sơ").click()
    page.get_by_label("Nơi nộp hồ sơ (cơ quan giải quyết)").select_option(label="Phường Hiệp Thành")
    page.get_by_role("button", name="Dùng lại: Bản chính giấy tờ — cmnd.png").click()
    page.get_by_test_id("da-dinh-kem").get_by_text("dùng lại giấy tờ đã lưu").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Xem lại trước khi nộp").click()
    page.get_by_role("button", name="Nộp hồ sơ").click()
    page.get_by_role("heading", name="Đã nộp hồ sơ trực tuyến").wait_for()

    second = Dossier.objects.get(unit=wards["hiep_thanh"])
    assert second.components.get().file.read() == PNG
    reuse = DocumentReuse.objects.get()
    assert (reuse.document, reuse.dossier) == (doc, second)


def test_assisted_filing_by_a_digital_team_member(page, make_user, password, catalogue, wards):
    helper = make_user("congnghe", Role.DIGITAL_TEAM, unit=wards["phu_cuong"])
    _portal_login(page, "congnghe", password)
    page.goto("/cong-dan/nop-ho-so/2.000815/")
    page.get_by_role("heading", name="Hỗ trợ công dân nộp hồ sơ").wait_for()
    assert_accessible(page)
    page.get_by_label("Số điện thoại của công dân").fill("0987 654 321")
    page.get_by_label("Họ và tên công dân").fill("Trần Văn Bình")
    page.get_by_label("Công dân đồng ý để tôi nộp hồ sơ thay").check()
    page.get_by_label("Ghi chú về sự đồng ý").fill("Đồng ý trực tiếp tại nhà văn hóa khu phố")
    page.get_by_role("button", name="Bắt đầu khai hồ sơ cho công dân").click()
    page.get_by_text("Bạn đang nộp thay cho công dân Trần Văn Bình").wait_for()
    page.get_by_label("Nơi nộp hồ sơ (cơ quan giải quyết)").select_option(label="Phường Phú Cường")
    page.get_by_label("Chọn tệp: Bản chính giấy tờ").set_input_files(
        _file("giay-to.png", PNG, "image/png")
    )
    page.get_by_role("button", name="Xem lại trước khi nộp").click()
    assert "công dân đã đồng ý" in page.inner_text("main")
    page.get_by_role("button", name="Nộp hồ sơ").click()
    page.get_by_role("heading", name="Đã nộp hồ sơ trực tuyến").wait_for()
    dossier = Dossier.objects.get()
    assert dossier.assisted_by == helper and dossier.applicant_user.phone == "0987654321"

    page.get_by_role("link", name="Hồ sơ đã hỗ trợ").first.click()
    page.get_by_role("cell", name=dossier.code).wait_for()
    assert_accessible(page)


@pytest.mark.postgres
def test_two_simultaneous_posts_from_the_browser_create_one_dossier(
    page, make_user, password, catalogue, wards
):
    # PostgreSQL only: with SQLite the test server shares one connection between its request
    # threads, so two requests at once are not isolated from each other there.
    hoa = make_user("0912345678", Role.CITIZEN, phone="0912345678", full_name="Nguyễn Thị Hoà")
    component = catalogue["copy"].components.get()
    draft = services_filing.draft_create(owner=hoa, procedure_version=catalogue["copy"])
    services_filing.draft_save(
        draft=draft, user=hoa, fields={"unit": wards["phu_cuong"]},
        uploads={component.pk: upload("a.pdf", PDF)},
    )  # fmt: skip
    _portal_login(page, "0912345678", password)
    page.goto(f"/cong-dan/ban-nhap/{draft.pk}/xem-lai/")
    assert _post_review_form(page, at_once=True) == [302, 302]
    assert Dossier.objects.count() == 1
    page.reload()
    page.get_by_role("heading", name="Đã nộp hồ sơ trực tuyến").wait_for()
