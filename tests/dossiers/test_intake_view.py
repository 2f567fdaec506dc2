"""Counter intake at /ho-so/tiep-nhan/: procedure search, preview of the appointment, guidance
for an incomplete dossier, Vietnamese errors that save nothing, double-submit safety."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from motcua.dossiers.models import Dossier

from .conftest import APPLICANT, vn

URL = "/ho-so/tiep-nhan/"
NOW = vn(4, 9)  # Tuesday 4/3/2025 09:00 → 3 working days → Friday 7/3 09:00


@pytest.fixture(autouse=True)
def frozen_now(fake_clock):
    fake_clock.at = NOW
    return fake_clock


@pytest.fixture
def desk(client, people):
    client.force_login(people["desk"])
    return client


def _components(procedure):
    return list(procedure.components.order_by("order", "pk"))


def _post(client, procedure, *, step="tiep-nhan", ticked=None, token="t-1", **over):
    htmx = over.pop("htmx", False)
    comps = _components(procedure)
    ticked = [c for c in comps if c.required] if ticked is None else ticked
    data = {
        "thu_tuc": procedure.pk,
        "token": token,
        "applicant_kind": "person",
        "applicant_name": APPLICANT["name"],
        "applicant_id_number": APPLICANT["id_number"],
        "applicant_phone": APPLICANT["phone"],
        "applicant_email": APPLICANT["email"],
        "applicant_address": APPLICANT["address"],
        "channel": "1",
        "postal_receipt_no": "",
        "result_delivery": "counter",
        "thanh_phan": [str(c.pk) for c in ticked],
        "buoc": step,
    }
    data.update(over)
    return client.post(URL, data, **({"HTTP_HX_REQUEST": "true"} if htmx else {}))


def test_url_names():
    assert reverse("dossiers:intake") == URL


def test_only_the_desk_may_receive(client, people):
    client.force_login(people["specialist"])
    assert client.get(URL).status_code == 403


def test_search_without_accents_and_without_javascript(desk, procedure):
    body = desk.get(URL, {"q": "dang ky bien dong"}).content.decode()
    assert "Đăng ký biến động quyền sử dụng đất" in body
    assert f"?thu_tuc={procedure.pk}" in body
    by_code = desk.get(URL, {"q": "1.000001"}).content.decode()
    assert f"?thu_tuc={procedure.pk}" in by_code


def test_htmx_suggestions(desk, procedure):
    response = desk.get(reverse("dossiers:intake_procedures"), {"q": "DANG KY BIEN"})
    body = response.content.decode()
    assert "Đăng ký biến động" in body
    assert "<html" not in body  # a fragment


def test_procedures_of_another_unit_are_not_offered(client, people, procedure):
    client.force_login(people["other_desk"])
    body = client.get(URL, {"q": "dang ky bien dong"}).content.decode()
    assert "Đăng ký biến động quyền" not in body
    assert client.get(URL, {"thu_tuc": procedure.pk}).content.decode().count("Tờ khai") == 0


def test_form_lists_components_with_form_and_copies(desk, procedure):
    body = desk.get(URL, {"thu_tuc": procedure.pk}).content.decode()
    assert "Tờ khai" in body
    assert "Bản sao chứng thực" in body  # the certificate's form
    assert "(bắt buộc)" in body
    assert 'name="token"' in body


def test_preview_shows_the_appointment_and_saves_nothing(desk, procedure):
    response = _post(desk, procedure, step="xem-truoc", htmx=True)
    body = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in body
    assert "09:00 ngày 07/03/2025" in body
    assert "Xác nhận tiếp nhận" in body
    assert Dossier.objects.count() == 0


def test_preview_without_javascript_renders_the_whole_page(desk, procedure):
    body = _post(desk, procedure, step="xem-truoc").content.decode()
    assert "<html" in body and "09:00 ngày 07/03/2025" in body


def test_incomplete_shows_every_missing_component_and_receives_nothing(desk, procedure):
    response = _post(desk, procedure, step="tiep-nhan", ticked=[])
    body = response.content.decode()
    assert response.status_code == 400
    assert "Hồ sơ chưa đầy đủ" in body
    assert "Tờ khai" in body and "Giấy chứng nhận quyền sử dụng đất" in body
    assert "Xác nhận tiếp nhận" not in body
    assert Dossier.objects.count() == 0
    assert "/ho-so/tiep-nhan/huong-dan/?" in body


def test_guidance_slip_lists_the_missing_components(desk, procedure):
    missing = [c for c in _components(procedure) if c.required]
    url = reverse("dossiers:intake_guidance")
    response = desk.get(url, {"thu_tuc": procedure.pk, "thieu": [c.pk for c in missing]})
    body = response.content.decode()
    assert "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" in body
    for c in missing:
        assert c.name in body
    assert "Văn bản ủy quyền" not in body


def test_confirm_receives_and_shows_the_dossier(desk, procedure, people):
    response = _post(desk, procedure)
    assert response.status_code == 302
    dossier = Dossier.objects.get()
    assert response.url == reverse("dossiers:detail", args=[dossier.code])
    assert dossier.received_by == people["desk"]
    assert dossier.applicant_name == APPLICANT["name"]
    assert dossier.due_at == vn(7, 9)
    assert dossier.components.count() == 2
    page = desk.get(response.url).content.decode()
    assert "Đã tiếp nhận hồ sơ" in page
    assert "In giấy tiếp nhận (Mẫu 01)" in page


@pytest.mark.parametrize(
    ("over", "message"),
    [
        ({"applicant_name": "  "}, "Chưa nhập tên người nộp hồ sơ"),
        ({"channel": "3"}, "phải có số biên nhận bưu chính"),
        ({"thu_tuc": "999999"}, "Không tìm thấy thủ tục đã chọn"),
        ({"applicant_email": "khong-phai-email"}, "thư điện tử không hợp lệ"),
    ],
)
def test_bad_input_gets_a_vietnamese_message_and_saves_nothing(desk, procedure, over, message):
    response = _post(desk, procedure, **over)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Dossier.objects.count() == 0


def test_postal_with_receipt_number(desk, procedure):
    _post(desk, procedure, channel="3", postal_receipt_no="BC-123", result_delivery="post")
    dossier = Dossier.objects.get()
    assert (dossier.channel, dossier.postal_receipt_no, dossier.result_delivery) == (
        3,
        "BC-123",
        "post",
    )


def test_second_post_with_the_same_token_shows_the_first_dossier(desk, procedure):
    first = _post(desk, procedure, token="once")
    second = _post(desk, procedure, token="once")
    assert Dossier.objects.count() == 1
    assert second.status_code == 302 and second.url == first.url
    assert "đã được tiếp nhận trước đó" in desk.get(second.url).content.decode()
    _post(desk, procedure, token="another")
    assert Dossier.objects.count() == 2


def test_upload_accepts_pdf_by_content(desk, procedure):
    pdf = SimpleUploadedFile("to-khai.pdf", b"%PDF-1.4\n%\xe2\xe3\n1 0 obj\n", "application/pdf")
    comp = _components(procedure)[0]
    _post(desk, procedure, **{f"tep_{comp.pk}": pdf})
    stored = Dossier.objects.get().components.get(name=comp.name)
    assert stored.file.name.endswith(".pdf")


def test_check_step_refuses_a_renamed_program_before_calling_the_dossier_complete(desk, procedure):
    fake = SimpleUploadedFile("to-khai.pdf", b"MZ\x90\x00 a program", "application/pdf")
    comp = _components(procedure)[0]
    response = _post(desk, procedure, step="xem-truoc", **{f"tep_{comp.pk}": fake})
    body = response.content.decode()
    assert "to-khai.pdf" in body and "không phải" in body
    assert 'data-testid="ngay-hen"' not in body  # no appointment: not complete
    assert Dossier.objects.count() == 0


def test_a_refused_file_at_confirm_names_the_files_to_choose_again(desk, procedure):
    comps = [c for c in _components(procedure) if c.required]
    assert len(comps) >= 2
    good = SimpleUploadedFile("to-khai.pdf", b"%PDF-1.4\n%\xe2\xe3\n", "application/pdf")
    bad = SimpleUploadedFile("giay.pdf", b"MZ\x90\x00 a program", "application/pdf")
    files = {f"tep_{comps[0].pk}": good, f"tep_{comps[1].pk}": bad}
    response = _post(desk, procedure, **files)
    assert response.status_code == 400
    body = response.content.decode()
    assert "giay.pdf" in body and "không phải" in body
    assert 'data-testid="chon-lai-tep"' in body and comps[0].name in body.split("chon-lai-tep")[1]
    assert Dossier.objects.count() == 0


def test_with_htmx_a_refused_confirm_answers_in_the_box_and_keeps_the_form(desk, procedure):
    comp = _components(procedure)[0]
    bad = SimpleUploadedFile("giay.pdf", b"MZ\x90\x00 a program", "application/pdf")
    response = _post(desk, procedure, htmx=True, **{f"tep_{comp.pk}": bad})
    body = response.content.decode()
    assert response.status_code == 200  # HTMX swaps 2xx answers only
    assert 'data-testid="loi-tiep-nhan"' in body and "giay.pdf" in body
    assert "<form" not in body and "chon-lai-tep" not in body  # the form is not replaced
    assert Dossier.objects.count() == 0


def test_with_htmx_a_confirm_redirects_to_the_dossier(desk, procedure):
    response = _post(desk, procedure, htmx=True)
    dossier = Dossier.objects.get()
    assert response.status_code == 204
    assert response["HX-Redirect"] == reverse("dossiers:detail", args=[dossier.code])


def test_upload_refuses_a_disguised_file(desk, procedure):
    fake = SimpleUploadedFile("anh.png", b"MZ\x90\x00 not an image", "image/png")
    comp = _components(procedure)[0]
    response = _post(desk, procedure, **{f"tep_{comp.pk}": fake})
    assert response.status_code == 400
    body = response.content.decode()
    assert "anh.png" in body and "không phải" in body and "PDF" in body
    assert Dossier.objects.count() == 0


def test_upload_refuses_more_than_10_mb(desk, procedure):
    big = SimpleUploadedFile("lon.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024), "application/pdf")
    comp = _components(procedure)[0]
    response = _post(desk, procedure, **{f"tep_{comp.pk}": big})
    assert response.status_code == 400
    assert "vượt quá giới hạn" in response.content.decode()
    assert Dossier.objects.count() == 0


def test_applicant_lookup_by_id_number(desk, receive, people):
    receive()
    url = reverse("dossiers:intake_applicant")
    body = desk.get(url, {"applicant_id_number": APPLICANT["id_number"]}).content.decode()
    assert APPLICANT["name"] in body and APPLICANT["address"] in body
    assert "Đã điền thông tin" in body
    unknown = desk.get(url, {"applicant_id_number": "000"}).content.decode()
    assert APPLICANT["name"] not in unknown and "nhập mới" in unknown


def test_applicant_lookup_stays_in_scope(client, receive, people):
    receive()
    client.force_login(people["other_desk"])
    url = reverse("dossiers:intake_applicant")
    body = client.get(url, {"applicant_id_number": APPLICANT["id_number"]}).content.decode()
    assert APPLICANT["name"] not in body


def test_applicant_lookup_without_javascript(desk, procedure, receive):
    receive()
    response = _post(desk, procedure, step="tra-cuu", applicant_name="", applicant_address="")
    body = response.content.decode()
    assert APPLICANT["address"] in body
    assert Dossier.objects.count() == 1  # only the earlier one


def test_suggestion_queries_are_pinned(desk, procedure):
    with CaptureQueriesContext(connection) as ctx:
        desk.get(reverse("dossiers:intake_procedures"), {"q": "dang ky"})
    # Session, user, roles; the desk's unit and its parents (administrative unit); the
    # suggestions with their procedure joined.
    assert len(ctx.captured_queries) == 6


@pytest.fixture
def postmark_procedure(procedure):
    from motcua.catalogue.models import ProcedureVersion
    from motcua.clock.domain.startpolicy import DAU_BUU_DIEN

    ProcedureVersion.objects.filter(pk=procedure.pk).update(clock_start_policy=DAU_BUU_DIEN)
    procedure.refresh_from_db()
    return procedure


def test_postal_postmark_starts_the_clock_of_a_postmark_procedure(desk, postmark_procedure):
    # issue 13 item 7 (clock/domain/startpolicy.py): stamped Monday 3/3, received Tuesday 09:00
    _post(
        desk, postmark_procedure, channel="3", postal_receipt_no="BC-1",
        postmark_date="2025-03-03",
    )  # fmt: skip
    dossier = Dossier.objects.get()
    assert dossier.postmarked_at == vn(3, 0)
    assert (dossier.received_at, dossier.clock_start) == (NOW, vn(3, 7, 30))


@pytest.mark.parametrize(
    ("over", "message"),
    [
        ({}, "chưa nhập ngày trên dấu bưu điện"),
        ({"postmark_date": "2025-03-05"}, "không thể sau thời điểm tiếp nhận"),
        ({"postmark_date": "03/03/2025x"}, "Ngày trên dấu bưu điện không hợp lệ"),
    ],
)
def test_postmark_errors_are_vietnamese_and_save_nothing(desk, postmark_procedure, over, message):
    response = _post(
        desk, postmark_procedure, channel="3", postal_receipt_no="BC-1", **over
    )  # fmt: skip
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Dossier.objects.count() == 0
